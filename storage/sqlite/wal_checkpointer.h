// WalCheckpointer: copies the pages a SQLite file's write-ahead log holds
// into the database file on a connection and thread of its own.
//
// SQLite's automatic checkpoint runs inside the commit that takes the log
// past 1,000 pages: that commit waits for the copy and its two fsyncs (tens
// of milliseconds on a busy disk, every few articles), and so does every
// article queued behind it. Here the commit only signals; the log is bounded
// all the same, because a writer whose log passes kWriterCheckpointPages
// (the checkpointer cannot keep up, or fails) checkpoints in its commit as
// before.
//
// Owned by the writer's store; destroy it before closing the writer's
// connection (its commit hook points here). Thread-safe.
#ifndef WARTA_STORAGE_SQLITE_WAL_CHECKPOINTER_H_
#define WARTA_STORAGE_SQLITE_WAL_CHECKPOINTER_H_

#include <memory>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"

struct sqlite3;

namespace warta::storage {

class WalCheckpointer {
 public:
  // The log size at which a checkpoint is started (SQLite's default for its
  // automatic one), and at which the writer does it itself.
  static constexpr int kCheckpointPages = 1000;
  static constexpr int kWriterCheckpointPages = 16 * kCheckpointPages;

  // Opens a second connection to the database at `path` and hooks the
  // commits of `writer` (a connection to the same file in WAL mode).
  static absl::StatusOr<std::unique_ptr<WalCheckpointer>> Start(const std::string& path,
                                                                 sqlite3* writer);
  // Unhooks the writer, lets a running checkpoint finish, closes.
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

 private:
  WalCheckpointer(sqlite3* writer, sqlite3* own);
  // sqlite3_wal_hook: after each commit of the writer.
  static int OnCommit(void* self, sqlite3* writer, const char* database, int log_pages);
  void Run();

  sqlite3* const writer_;
  sqlite3* const own_;
  absl::Mutex mu_;
  bool wanted_ ABSL_GUARDED_BY(mu_) = false;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace warta::storage

#endif  // WARTA_STORAGE_SQLITE_WAL_CHECKPOINTER_H_
