#include "storage/sqlite/wal_checkpointer.h"

#include <sqlite3.h>

#include "absl/strings/str_cat.h"

namespace warta::storage {

absl::StatusOr<std::unique_ptr<WalCheckpointer>> WalCheckpointer::Start(const std::string& path,
                                                                        sqlite3* writer) {
  sqlite3* own = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &own, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  if (rc != SQLITE_OK) {
    std::string message = absl::StrCat("cannot open a checkpointing connection: ",
                                       own ? sqlite3_errmsg(own) : sqlite3_errstr(rc));
    sqlite3_close_v2(own);
    return absl::UnavailableError(message);
  }
  // A connection learns that the file is in WAL mode (and opens the log)
  // with its first read; until then a checkpoint does nothing.
  char* error = nullptr;
  if (sqlite3_exec(own, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, &error) !=
      SQLITE_OK) {
    std::string message =
        absl::StrCat("checkpointing connection: ", error ? error : sqlite3_errmsg(own));
    sqlite3_free(error);
    sqlite3_close_v2(own);
    return absl::UnavailableError(message);
  }
  std::unique_ptr<WalCheckpointer> checkpointer(new WalCheckpointer(writer, own));
  // Replaces SQLite's automatic checkpoint, which uses the same hook.
  sqlite3_wal_hook(writer, &WalCheckpointer::OnCommit, checkpointer.get());
  return checkpointer;
}

WalCheckpointer::WalCheckpointer(sqlite3* writer, sqlite3* own)
    : writer_(writer), own_(own), thread_([this] { Run(); }) {}

WalCheckpointer::~WalCheckpointer() {
  sqlite3_wal_hook(writer_, nullptr, nullptr);
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  thread_.join();
  sqlite3_close_v2(own_);
}

int WalCheckpointer::OnCommit(void* self, sqlite3* writer, const char* database,
                              int log_pages) {
  if (log_pages >= kWriterCheckpointPages) {
    // PASSIVE: copies what no reader still needs, never waits for a lock.
    sqlite3_wal_checkpoint_v2(writer, database, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  } else if (log_pages >= kCheckpointPages) {
    auto* checkpointer = static_cast<WalCheckpointer*>(self);
    absl::MutexLock lock(&checkpointer->mu_);
    checkpointer->wanted_ = true;
  }
  return SQLITE_OK;
}

void WalCheckpointer::Run() {
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(
          +[](WalCheckpointer* c) ABSL_NO_THREAD_SAFETY_ANALYSIS {
            return c->wanted_ || c->stopping_;
          },
          this));
      if (stopping_) return;
      wanted_ = false;
    }
    // A failure (the file busy in another process's checkpoint, a full
    // disk) leaves the log to the next commit's signal, or to the writer.
    sqlite3_wal_checkpoint_v2(own_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  }
}

}  // namespace warta::storage
