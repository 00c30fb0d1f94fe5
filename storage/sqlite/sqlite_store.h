// SqliteStore: the embedded, default ArticleStore backend (one SQLite file,
// or ":memory:" for tests). Open() creates or checks the schema, turns on
// WAL and a busy timeout.
//
// Tables: articles (one row per article id: the serialized EnrichedArticle
// plus the columns lists filter and order on, and the change sequence
// number), entities, claims (the serialized StoredClaim, names filled in),
// claim_subjects, claim_quantities (normalised unit, value) and
// kafka_offsets, the story tables (storage/stories/sql_stories.h) and the
// full-text index article_search (FTS5 with the "warta" tokenizer,
// storage/sqlite/fts5_search.h, registered on the connection at Open).
// The schema version lives in PRAGMA user_version; older files are
// migrated on open (version 2 -> 3 indexes the stored articles), a file
// with a version this build does not know is refused.
//
// Thread-safe: one connection guarded by a mutex, so calls are serialised
// (SQLite serialises writers anyway). Readers of ChangesSince and
// WaitForChange do not hold the mutex while they wait.
#ifndef WARTA_STORAGE_SQLITE_SQLITE_STORE_H_
#define WARTA_STORAGE_SQLITE_SQLITE_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "storage/change_notifier.h"
#include "storage/sql_backend.h"
#include "storage/store.h"
#include "storage/stories/sql_stories.h"
#include "storage/stories/story_cache.h"
#include "storage/sqlite/wal_checkpointer.h"

struct sqlite3;
struct sqlite3_stmt;

namespace warta::storage {

struct SqliteStoreOptions {
  // How long a write waits for another process holding the database lock.
  absl::Duration busy_timeout = absl::Seconds(5);
  // Stamps each stored change (Watch's `since`). Injected for tests.
  std::function<absl::Time()> clock = [] { return absl::Now(); };
  // How articles are put into stories.
  StoryStoreOptions stories;
  // Memory for the parsed stories the write path keeps between articles
  // (storage/stories/story_cache.h), an estimate; 0 reads every candidate
  // story from the file.
  size_t story_cache_bytes = size_t{64} << 20;
};

class SqliteStore final : public ArticleStore {
 public:
  // The schema version this build writes and reads.
  static constexpr int kSchemaVersion = 3;

  // Opens (creating when absent) the database at `path`; ":memory:" gives a
  // private in-memory database. FAILED_PRECONDITION for a database written
  // by a newer schema; UNAVAILABLE when the file cannot be opened.
  static absl::StatusOr<std::unique_ptr<SqliteStore>> Open(
      const std::string& path, SqliteStoreOptions options = {});

  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

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
  class Query;

  SqliteStore(sqlite3* db, SqliteStoreOptions options);

  absl::Status Initialize() ABSL_LOCKS_EXCLUDED(mu_);
  // A cached prepared statement for `sql`, reset and ready to bind.
  absl::StatusOr<Query> Prepare(const std::string& sql)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status Exec(const char* sql) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Writes one article inside the open transaction; `seq` is the sequence
  // number to give it and is advanced when the article is written.
  absl::Status UpsertLocked(const warta::v1::EnrichedArticle& article,
                            absl::Time stored_at, int64_t& seq, UpsertCounts& counts)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status WriteOffsetsLocked(const std::vector<ConsumedOffset>& offsets)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status Error(const std::string& what) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Inside a write transaction, when another connection (another process)
  // has committed since this one last wrote: forgets the cached stories and
  // continues the sequence numbers after the other's.
  absl::Status CatchUpLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Runs the page queries of storage/sql_backend.h.
  PageQueryRunner PageRunner() ABSL_LOCKS_EXCLUDED(mu_);
  // Runs any statement; the caller holds mu_.
  SqlRunner RunnerLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Version 1 -> 2: stories.
  absl::Status MigrateToV2() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Version 2 -> 3: the full-text index, with every stored article in it.
  absl::Status MigrateToV3() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // A change to the full-text index: add the article stored at `rowid`, or
  // remove it (the values must then be those that were indexed).
  struct SearchIndexChange {
    int64_t rowid = 0;
    bool remove = false;
    std::string title, body;  // tagged (TagSearchText)
    int64_t published_at = 0;
    std::string language, source, story_id;
  };
  static SearchIndexChange SearchIndexChangeOf(int64_t rowid,
                                               const warta::v1::EnrichedArticle& article,
                                               bool remove);
  absl::Status IndexLocked(const SearchIndexChange& change) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Applies the batch's queued index changes, in order, as the last writes of
  // its transaction. Once FTS5 holds pending rows, every later statement that
  // opens a statement savepoint makes it flush them as a new index segment
  // (and merge segments): one flush per article instead of one per batch.
  absl::Status FlushSearchIndexLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const SqliteStoreOptions options_;
  const StoryClusterer clusterer_;
  absl::Mutex mu_;
  sqlite3* const db_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, sqlite3_stmt*> statements_
      ABSL_GUARDED_BY(mu_);
  int64_t latest_seq_ ABSL_GUARDED_BY(mu_) = 0;
  // Null for an in-memory database.
  std::unique_ptr<WalCheckpointer> checkpointer_;
  StoryCache story_cache_ ABSL_GUARDED_BY(mu_);
  // PRAGMA data_version when this connection last wrote: another value
  // means another connection committed (CatchUpLocked).
  int64_t data_version_ ABSL_GUARDED_BY(mu_) = -1;
  // Index changes of the open write transaction (FlushSearchIndexLocked).
  std::vector<SearchIndexChange> pending_index_ ABSL_GUARDED_BY(mu_);
  ChangeNotifier notifier_;
};

}  // namespace warta::storage

#endif  // WARTA_STORAGE_SQLITE_SQLITE_STORE_H_
