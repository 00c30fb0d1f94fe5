// PostgresStore: the ArticleStore backend on a PostgreSQL server, so that
// several warta-store instances (or other tools) can share one database.
// Same tables and semantics as SqliteStore (see storage/README.md); rows,
// list queries and page tokens come from storage/sql_backend.h.
//
// Sequence numbers come from the sequence `articles_seq`. Every write
// transaction first takes one transaction-level advisory lock, so writers
// in all processes commit in sequence order and a watcher reading
// ChangesSince never skips a change committed later under a lower number.
// Each commit also NOTIFYs channel `warta_changes` with its latest sequence
// number; a listener connection turns those notifications (from this or any
// other process) into wake-ups of WaitForChange.
//
// Thread-safe: one connection for queries guarded by a mutex (calls are
// serialised), plus one listener connection owned by a background thread.
#ifndef WARTA_STORAGE_POSTGRES_POSTGRES_STORE_H_
#define WARTA_STORAGE_POSTGRES_POSTGRES_STORE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "storage/change_notifier.h"
#include "storage/sql_backend.h"
#include "storage/store.h"
#include "storage/stories/sql_stories.h"

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

namespace warta::storage {

struct PgParam;  // a bound query parameter (postgres_store.cc)

struct PostgresStoreOptions {
  // Stamps each stored change (Watch's `since`). Injected for tests.
  std::function<absl::Time()> clock = [] { return absl::Now(); };
  // Whether to LISTEN for changes stored by other processes. Without it,
  // WaitForChange only wakes for writes through this object.
  bool listen = true;
  // How articles are put into stories.
  StoryStoreOptions stories;
};

class PostgresStore final : public ArticleStore {
 public:
  // The schema version this build writes and reads (table warta_schema).
  static constexpr int kSchemaVersion = 3;

  // Connects with `conninfo`, a libpq connection string
  // ("host=... port=... dbname=...") or a postgresql:// URI, and creates the
  // schema when the database has none. UNAVAILABLE naming the server when it
  // cannot connect; FAILED_PRECONDITION for a database with another schema
  // version, or with Warta's table names but no version.
  static absl::StatusOr<std::unique_ptr<PostgresStore>> Open(
      const std::string& conninfo, PostgresStoreOptions options = {});

  ~PostgresStore() override;
  PostgresStore(const PostgresStore&) = delete;
  PostgresStore& operator=(const PostgresStore&) = delete;

  absl::Status Upsert(const warta::v1::EnrichedArticle& article,
                      const std::vector<ConsumedOffset>& offsets) override;
  absl::StatusOr<UpsertCounts> UpsertBatch(
      absl::Span<const warta::v1::EnrichedArticle> articles,
      const std::vector<ConsumedOffset>& offsets) override;
  absl::StatusOr<std::map<int, int64_t>> LoadOffsets(
      std::string_view topic) override;
  absl::StatusOr<warta::v1::EnrichedArticle> GetArticle(
      std::string_view id) override;
  absl::StatusOr<warta::v1::ListArticlesResponse> ListArticles(
      const warta::v1::ArticleFilter& filter, int page_size,
      std::string_view page_token) override;
  absl::StatusOr<warta::v1::ListClaimsResponse> ListClaims(
      const ClaimFilter& filter, int page_size,
      std::string_view page_token) override;
  absl::StatusOr<warta::v1::ListContestedClaimsResponse> ListContestedClaims(
      std::string_view entity_id, int window_days, int page_size,
      std::string_view page_token) override;
  absl::StatusOr<warta::v1::ListStoriesResponse> ListStories(
      const warta::v1::ListStoriesRequest& request) override;
  absl::StatusOr<warta::v1::Story> GetStory(std::string_view id) override;
  absl::StatusOr<warta::v1::ListEntitiesResponse> ListEntities(
      const warta::v1::ListEntitiesRequest& request) override;
  absl::StatusOr<warta::v1::EntityDetail> GetEntity(std::string_view id) override;
  absl::StatusOr<warta::v1::SearchArticlesResponse> SearchArticles(
      const warta::v1::SearchArticlesRequest& request) override;
  absl::StatusOr<int64_t> LatestSeq() override;
  absl::StatusOr<int64_t> SeqAtTime(absl::Time t) override;
  absl::StatusOr<std::vector<Change>> ChangesSince(int64_t seq,
                                                   int limit) override;
  int64_t WaitForChange(int64_t seq, absl::Time deadline) override;
  void StopWatchers() override;

 private:
  class Result;

  PostgresStore(PGconn* conn, std::string server, PostgresStoreOptions options);

  absl::Status Initialize() ABSL_LOCKS_EXCLUDED(mu_);
  // Runs `sql` (`?` placeholders) with `args`; binary results.
  absl::StatusOr<Result> Run(std::string_view sql, const std::vector<SqlArg>& args = {})
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<Result> Run(std::string_view sql, const std::vector<PgParam>& params)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status Exec(const char* sql) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Sends a statement with `send`; a lost connection is reset, and the
  // statement sent again when no transaction was open. `sql` is for errors.
  absl::StatusOr<Result> Execute(const std::function<PGresult*()>& send,
                                 std::string_view sql) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Writes one article inside the open transaction; returns its new
  // sequence number, or 0 when it was not newer than the stored one.
  absl::StatusOr<int64_t> UpsertLocked(const warta::v1::EnrichedArticle& article,
                                       absl::Time stored_at, UpsertCounts& counts)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<int64_t> LatestSeqLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Runs the page queries of storage/sql_backend.h.
  PageQueryRunner PageRunner() ABSL_LOCKS_EXCLUDED(mu_);
  // Runs any statement; the caller holds mu_.
  SqlRunner RunnerLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Version 1 -> 2: stories.
  absl::Status MigrateToV2() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Version 2 -> 3: the full-text index (articles.search), filled for the
  // stored articles.
  absl::Status MigrateToV3() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Starts the listener thread on its own connection.
  absl::Status StartListener(const std::string& conninfo);
  void Listen(PGconn* conn);

  const std::string server_;  // "host:port/dbname", for messages
  const PostgresStoreOptions options_;
  const StoryClusterer clusterer_;
  absl::Mutex mu_;
  PGconn* const conn_ ABSL_GUARDED_BY(mu_);
  ChangeNotifier notifier_;
  std::atomic<bool> stop_listening_{false};
  std::thread listener_;
};

}  // namespace warta::storage

#endif  // WARTA_STORAGE_POSTGRES_POSTGRES_STORE_H_
