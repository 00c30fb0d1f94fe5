#include "storage/sqlite/sqlite_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <optional>
#include <utility>
#include <variant>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "storage/article_keys.h"
#include "storage/contested_claims.h"
#include "storage/contested_groups.h"
#include "storage/cross_article.h"
#include "storage/entities/entity_registry.h"
#include "storage/page_token.h"
#include "storage/sql_backend.h"
#include "storage/sql_schema.h"
#include "storage/search/search_text.h"
#include "storage/sqlite/fts5_search.h"

namespace warta::storage {

// A borrowed cached statement: binds parameters in order, steps, and resets
// the statement when it goes away so the cache can hand it out again.
class SqliteStore::Query {
 public:
  Query(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Query(Query&& other) noexcept
      : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)),
        next_param_(other.next_param_), bind_error_(other.bind_error_) {}
  Query& operator=(Query&&) = delete;
  ~Query() {
    if (stmt_ != nullptr) {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
    }
  }

  Query& Bind(int64_t v) { return Check(sqlite3_bind_int64(stmt_, next_param_++, v)); }
  Query& Bind(double v) { return Check(sqlite3_bind_double(stmt_, next_param_++, v)); }
  Query& Bind(std::string_view v) {
    return Check(sqlite3_bind_text(stmt_, next_param_++, v.data(),
                                   static_cast<int>(v.size()), SQLITE_TRANSIENT));
  }
  Query& BindArgs(const std::vector<SqlArg>& args) {
    for (const SqlArg& a : args) {
      std::visit([this](const auto& x) { Bind(x); }, a);
    }
    return *this;
  }
  Query& Bind(const SqlBlob& v) { return BindBlob(v.bytes); }
  Query& BindBlob(std::string_view v) {
    return Check(sqlite3_bind_blob(stmt_, next_param_++, v.data(),
                                   static_cast<int>(v.size()), SQLITE_TRANSIENT));
  }

  // true when a row is ready, false when done.
  absl::StatusOr<bool> Step() {
    if (bind_error_ != SQLITE_OK) return Failure(bind_error_);
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return Failure(rc);
  }
  absl::Status Run() { return Step().status(); }

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  int Columns() const { return sqlite3_column_count(stmt_); }
  // The cell as SqlRunner returns it.
  SqlValue Value(int col) const {
    switch (sqlite3_column_type(stmt_, col)) {
      case SQLITE_NULL:
        return std::monostate();
      case SQLITE_INTEGER:
        return Int(col);
      case SQLITE_FLOAT:
        return sqlite3_column_double(stmt_, col);
      default:
        return std::string(Blob(col));
    }
  }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string_view Text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p == nullptr ? std::string_view()
                        : std::string_view(p, sqlite3_column_bytes(stmt_, col));
  }
  std::string_view Blob(int col) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
    return p == nullptr ? std::string_view()
                        : std::string_view(p, sqlite3_column_bytes(stmt_, col));
  }

 private:
  Query& Check(int rc) {
    if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
    return *this;
  }
  absl::Status Failure(int rc) const {
    std::string message = absl::StrCat("sqlite: ", sqlite3_errmsg(db_), " (",
                                       sqlite3_errstr(rc), ") in: ", sqlite3_sql(stmt_));
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      return absl::UnavailableError(message);
    }
    if (rc == SQLITE_FULL || rc == SQLITE_IOERR) {
      return absl::ResourceExhaustedError(message);
    }
    return absl::InternalError(message);
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int next_param_ = 1;
  int bind_error_ = SQLITE_OK;
};

namespace {

// A file in WAL mode (an in-memory database has no log).
bool InWalMode(sqlite3* db) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr) != SQLITE_OK) return false;
  bool wal = false;
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    const auto* mode = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    wal = mode != nullptr && std::string_view(mode) == "wal";
  }
  sqlite3_finalize(stmt);
  return wal;
}

}  // namespace

SqliteStore::SqliteStore(sqlite3* db, SqliteStoreOptions options)
    : options_(std::move(options)),
      clusterer_(options_.stories.weights.get(), options_.stories.clustering),
      db_(db),
      story_cache_(options_.story_cache_bytes) {}

SqliteStore::~SqliteStore() {
  absl::MutexLock lock(&mu_);
  checkpointer_.reset();  // before the connection it hooks is closed
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

absl::StatusOr<std::unique_ptr<SqliteStore>> SqliteStore::Open(
    const std::string& path, SqliteStoreOptions options) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = absl::StrCat("cannot open SQLite database \"", path, "\": ",
                                       db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close_v2(db);
    return absl::UnavailableError(message);
  }
  sqlite3_busy_timeout(db, static_cast<int>(absl::ToInt64Milliseconds(options.busy_timeout)));
  if (absl::Status status = RegisterSearchFunctions(db); !status.ok()) {
    sqlite3_close_v2(db);
    return absl::Status(status.code(),
                        absl::StrCat("SQLite database \"", path, "\": ", status.message()));
  }
  std::unique_ptr<SqliteStore> store(new SqliteStore(db, std::move(options)));
  absl::Status status = store->Initialize();
  if (status.ok() && InWalMode(db)) {
    absl::StatusOr<std::unique_ptr<WalCheckpointer>> checkpointer =
        WalCheckpointer::Start(path, db);
    status = checkpointer.status();
    if (status.ok()) store->checkpointer_ = *std::move(checkpointer);
  }
  if (!status.ok()) {
    return absl::Status(status.code(),
                        absl::StrCat("SQLite database \"", path, "\": ", status.message()));
  }
  return store;
}

absl::Status SqliteStore::Initialize() {
  absl::MutexLock lock(&mu_);
  // WAL lets readers in other processes (backups, sqlite3 shell) read while
  // we write; NORMAL sync in WAL mode can lose the last commits on power
  // loss but never splits a transaction, so rows and offsets stay together.
  RETURN_IF_ERROR(Exec("PRAGMA journal_mode = WAL"));
  RETURN_IF_ERROR(Exec("PRAGMA synchronous = NORMAL"));
  // Each new article reads candidate stories and index pages all over the
  // file: memory-mapped reads and a 64 MB page cache instead of a pread per
  // page through a 2 MB cache.
  RETURN_IF_ERROR(Exec("PRAGMA mmap_size = 1073741824"));
  RETURN_IF_ERROR(Exec("PRAGMA cache_size = -65536"));
  RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  absl::Status status = [&]() -> absl::Status {
    ASSIGN_OR_RETURN(Query version, Prepare("PRAGMA user_version"));
    ASSIGN_OR_RETURN(bool row, version.Step());
    const int64_t user_version = row ? version.Int(0) : 0;
    if (user_version == 0) {
      ASSIGN_OR_RETURN(Query tables, Prepare("SELECT count(*) FROM sqlite_master"));
      ASSIGN_OR_RETURN(bool has_row, tables.Step());
      if (has_row && tables.Int(0) != 0) {
        return absl::FailedPreconditionError(
            "the file holds tables but no Warta schema version; it is not a "
            "Warta store");
      }
      for (const std::string& sql : SchemaV1(SqlDialect::kSqlite)) {
        RETURN_IF_ERROR(Exec(sql.c_str()));
      }
      RETURN_IF_ERROR(MigrateToV2());
      return MigrateToV3();
    }
    if (user_version == 1) RETURN_IF_ERROR(MigrateToV2());
    if (user_version <= 2) return MigrateToV3();
    if (user_version != kSchemaVersion) {
      return absl::FailedPreconditionError(absl::StrCat(
          "schema version ", user_version, " is not known to this build (it reads version ",
          kSchemaVersion, "); use a matching warta-store or a new database file"));
    }
    return absl::OkStatus();
  }();
  if (!status.ok()) {
    Exec("ROLLBACK").IgnoreError();
    return status;
  }
  RETURN_IF_ERROR(Exec("COMMIT"));
  ASSIGN_OR_RETURN(Query latest, Prepare("SELECT COALESCE(MAX(seq), 0) FROM articles"));
  ASSIGN_OR_RETURN(bool row, latest.Step());
  latest_seq_ = row ? latest.Int(0) : 0;
  notifier_.Publish(latest_seq_);
  return absl::OkStatus();
}

absl::Status SqliteStore::MigrateToV2() {
  for (const std::string& sql : SchemaV2Delta()) RETURN_IF_ERROR(Exec(sql.c_str()));
  return Exec("PRAGMA user_version = 2");
}

absl::Status SqliteStore::MigrateToV3() {
  for (const std::string& sql : SchemaV3Delta(SqlDialect::kSqlite)) {
    RETURN_IF_ERROR(Exec(sql.c_str()));
  }
  // Index what is already stored.
  ASSIGN_OR_RETURN(Query stored, Prepare("SELECT rowid, data FROM articles"));
  while (true) {
    ASSIGN_OR_RETURN(bool row, stored.Step());
    if (!row) break;
    ASSIGN_OR_RETURN(const warta::v1::EnrichedArticle article,
                     ParseStored<warta::v1::EnrichedArticle>(stored.Blob(1), "article"));
    RETURN_IF_ERROR(IndexLocked(SearchIndexChangeOf(stored.Int(0), article, /*remove=*/false)));
  }
  return Exec("PRAGMA user_version = 3");
}

SqliteStore::SearchIndexChange SqliteStore::SearchIndexChangeOf(
    int64_t rowid, const warta::v1::EnrichedArticle& article, bool remove) {
  const SearchLanguage language = SearchLanguageOf(article.language().code());
  SearchIndexChange change;
  change.rowid = rowid;
  change.remove = remove;
  change.title = TagSearchText(SearchTitleOf(article), language);
  change.body = TagSearchText(SearchBodyOf(article), language);
  // The same values as the articles row's filter columns (RowsOf).
  change.published_at = PublishedAtNanos(article);
  change.language = article.language().code();
  change.source = article.article().source();
  change.story_id = article.story_id();
  return change;
}

absl::Status SqliteStore::IndexLocked(const SearchIndexChange& change) {
  // A contentless FTS5 table forgets a row only when told the exact values
  // it indexed: the stored article gives them.
  ASSIGN_OR_RETURN(Query query,
                   Prepare(change.remove
                               ? "INSERT INTO article_search (article_search, rowid, title, "
                                 "body) VALUES ('delete', ?, ?, ?)"
                               : "INSERT INTO article_search (rowid, title, body) "
                                 "VALUES (?, ?, ?)"));
  RETURN_IF_ERROR(query.Bind(change.rowid).Bind(change.title).Bind(change.body).Run());
  if (change.remove) {
    ASSIGN_OR_RETURN(Query doc, Prepare("DELETE FROM search_docs WHERE rowid = ?"));
    return doc.Bind(change.rowid).Run();
  }
  ASSIGN_OR_RETURN(Query doc, Prepare("INSERT INTO search_docs (rowid, published_at, language, "
                                      "source, story_id) VALUES (?, ?, ?, ?, ?)"));
  return doc.Bind(change.rowid)
      .Bind(change.published_at)
      .Bind(change.language)
      .Bind(change.source)
      .Bind(change.story_id)
      .Run();
}

absl::Status SqliteStore::FlushSearchIndexLocked() {
  std::vector<SearchIndexChange> changes = std::exchange(pending_index_, {});
  for (const SearchIndexChange& change : changes) RETURN_IF_ERROR(IndexLocked(change));
  return absl::OkStatus();
}

absl::StatusOr<warta::v1::SearchArticlesResponse> SqliteStore::SearchArticles(
    const warta::v1::SearchArticlesRequest& request) {
  // The lock is held per statement, not while snippets are made.
  const SqlRunner run = [this](const SqlQuery& query) -> absl::StatusOr<SqlRows> {
    absl::MutexLock lock(&mu_);
    return RunnerLocked()(query);
  };
  return SearchArticlesVia(run, SqlDialect::kSqlite, request, options_.clock());
}

SqlRunner SqliteStore::RunnerLocked() {
  return [this](const SqlQuery& sql) ABSL_NO_THREAD_SAFETY_ANALYSIS -> absl::StatusOr<SqlRows> {
    ASSIGN_OR_RETURN(Query query, Prepare(sql.sql));
    query.BindArgs(sql.args);
    SqlRows rows;
    while (true) {
      ASSIGN_OR_RETURN(bool row, query.Step());
      if (!row) return rows;
      auto& cells = rows.emplace_back();
      for (int c = 0; c < query.Columns(); ++c) cells.push_back(query.Value(c));
    }
  };
}

absl::StatusOr<warta::v1::ListStoriesResponse> SqliteStore::ListStories(
    const warta::v1::ListStoriesRequest& request) {
  absl::MutexLock lock(&mu_);
  return ListStoriesVia(RunnerLocked(), request);
}

absl::StatusOr<warta::v1::Story> SqliteStore::GetStory(std::string_view id) {
  absl::MutexLock lock(&mu_);
  return GetStoryVia(RunnerLocked(), id);
}

absl::StatusOr<warta::v1::ListEntitiesResponse> SqliteStore::ListEntities(
    const warta::v1::ListEntitiesRequest& request) {
  absl::MutexLock lock(&mu_);
  return ListEntitiesVia(RunnerLocked(), request);
}

absl::StatusOr<warta::v1::EntityDetail> SqliteStore::GetEntity(std::string_view id) {
  absl::MutexLock lock(&mu_);
  return GetEntityVia(RunnerLocked(), id);
}

absl::Status SqliteStore::Error(const std::string& what) {
  return absl::InternalError(absl::StrCat("sqlite: ", what, ": ", sqlite3_errmsg(db_)));
}

absl::Status SqliteStore::CatchUpLocked() {
  int64_t version = -1;
  {
    ASSIGN_OR_RETURN(Query query, Prepare("PRAGMA data_version"));
    ASSIGN_OR_RETURN(bool row, query.Step());
    if (row) version = query.Int(0);
  }
  // The value does not change for this connection's own commits.
  if (version == data_version_) return absl::OkStatus();
  story_cache_.Clear();
  ASSIGN_OR_RETURN(Query latest, Prepare("SELECT COALESCE(MAX(seq), 0) FROM articles"));
  ASSIGN_OR_RETURN(bool row, latest.Step());
  if (row) latest_seq_ = std::max(latest_seq_, latest.Int(0));
  data_version_ = version;
  return absl::OkStatus();
}

absl::Status SqliteStore::Exec(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    return absl::InternalError(absl::StrCat("sqlite: ", message, " in: ", sql));
  }
  return absl::OkStatus();
}

absl::StatusOr<SqliteStore::Query> SqliteStore::Prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
      return Error(absl::StrCat("preparing ", sql));
    }
    it = statements_.emplace(sql, stmt).first;
  }
  return Query(db_, it->second);
}

absl::Status SqliteStore::Upsert(const warta::v1::EnrichedArticle& article,
                                 const std::vector<ConsumedOffset>& offsets) {
  return UpsertBatch(absl::MakeConstSpan(&article, 1), offsets).status();
}

absl::StatusOr<UpsertCounts> SqliteStore::UpsertBatch(
    absl::Span<const warta::v1::EnrichedArticle> articles,
    const std::vector<ConsumedOffset>& offsets) {
  RETURN_IF_ERROR(ValidateUpsert(articles, offsets));
  const absl::Time stored_at = options_.clock();
  int64_t latest = 0;
  UpsertCounts counts;
  {
    absl::MutexLock lock(&mu_);
    RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    int64_t seq = 0;
    absl::Status status = [&]() -> absl::Status {
      RETURN_IF_ERROR(CatchUpLocked());
      seq = latest_seq_;
      for (const auto& article : articles) {
        RETURN_IF_ERROR(UpsertLocked(article, stored_at, seq, counts));
      }
      RETURN_IF_ERROR(WriteOffsetsLocked(offsets));
      return FlushSearchIndexLocked();
    }();
    if (status.ok()) status = Exec("COMMIT");
    if (!status.ok()) {
      pending_index_.clear();
      story_cache_.Clear();  // it holds the stories of the rolled back writes
      Exec("ROLLBACK").IgnoreError();
      return status;
    }
    latest_seq_ = seq;
    latest = seq;
  }
  notifier_.Publish(latest);
  return counts;
}

absl::Status SqliteStore::UpsertLocked(const warta::v1::EnrichedArticle& article,
                                       absl::Time stored_at, int64_t& seq, UpsertCounts& counts) {
  const std::string& id = article.article().id();
  std::optional<warta::v1::EnrichedArticle> stored;
  int64_t stored_rowid = 0;
  {
    ASSIGN_OR_RETURN(Query existing,
                     Prepare("SELECT data, rowid FROM articles WHERE id = ?"));
    existing.Bind(id);
    ASSIGN_OR_RETURN(bool found, existing.Step());
    if (found) {
      ASSIGN_OR_RETURN(stored, ParseStored<warta::v1::EnrichedArticle>(
                                   existing.Blob(0), "article"));
      if (!ShouldReplace(article, *stored)) {
        ++counts.unchanged;
        return absl::OkStatus();
      }
      stored_rowid = existing.Int(1);
    }
  }
  const SqlRunner run = RunnerLocked();
  ASSIGN_OR_RETURN(const warta::v1::EnrichedArticle with_story,
                   PrepareForStore(clusterer_, run, seq + 1, stored ? &*stored : nullptr, article,
                                   counts, &story_cache_));
  for (const char* sql : {"DELETE FROM entities WHERE article_id = ?",
                          "DELETE FROM claims WHERE article_id = ?",
                          "DELETE FROM claim_subjects WHERE article_id = ?",
                          "DELETE FROM claim_quantities WHERE article_id = ?"}) {
    ASSIGN_OR_RETURN(Query del, Prepare(sql));
    RETURN_IF_ERROR(del.Bind(id).Run());
  }
  const ArticleRows rows = RowsOf(with_story);
  {
    ASSIGN_OR_RETURN(Query insert, Prepare(
        "INSERT OR REPLACE INTO articles (id, seq, source, language, published_at, "
        "pipeline_version, stored_at, data, story_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    RETURN_IF_ERROR(insert.Bind(id)
                        .Bind(seq + 1)
                        .Bind(rows.source)
                        .Bind(rows.language)
                        .Bind(rows.published_at)
                        .Bind(rows.pipeline_version)
                        .Bind(absl::ToUnixNanos(stored_at))
                        .BindBlob(rows.data)
                        .Bind(with_story.story_id())
                        .Run());
  }
  // INSERT OR REPLACE gave the row a new rowid, which the index follows.
  const int64_t rowid = sqlite3_last_insert_rowid(db_);
  if (stored) pending_index_.push_back(SearchIndexChangeOf(stored_rowid, *stored, /*remove=*/true));
  pending_index_.push_back(SearchIndexChangeOf(rowid, with_story, /*remove=*/false));
  for (const auto& entity : rows.entities) {
    ASSIGN_OR_RETURN(Query insert, Prepare(
        "INSERT OR IGNORE INTO entities (article_id, entity_id, type, name) "
        "VALUES (?, ?, ?, ?)"));
    RETURN_IF_ERROR(
        insert.Bind(id).Bind(entity.entity_id).Bind(entity.type).Bind(entity.name).Run());
  }
  for (const ArticleRows::Claim& claim : rows.claims) {
    {
      ASSIGN_OR_RETURN(Query insert, Prepare(
          "INSERT INTO claims (article_id, idx, published_at, speaker_entity_id, "
          "has_quantities, data) VALUES (?, ?, ?, ?, ?, ?)"));
      RETURN_IF_ERROR(insert.Bind(id)
                          .Bind(claim.idx)
                          .Bind(rows.published_at)
                          .Bind(claim.speaker_entity_id)
                          .Bind(static_cast<int64_t>(claim.has_quantities))
                          .BindBlob(claim.data)
                          .Run());
    }
    for (const std::string& subject : claim.subject_entity_ids) {
      ASSIGN_OR_RETURN(Query insert, Prepare(
          "INSERT INTO claim_subjects (article_id, claim_idx, entity_id) "
          "VALUES (?, ?, ?)"));
      RETURN_IF_ERROR(insert.Bind(id).Bind(claim.idx).Bind(subject).Run());
    }
    for (const ArticleRows::Quantity& q : claim.quantities) {
      ASSIGN_OR_RETURN(Query insert, Prepare(
          "INSERT INTO claim_quantities (article_id, claim_idx, quantity_idx, unit, "
          "value) VALUES (?, ?, ?, ?, ?)"));
      RETURN_IF_ERROR(
          insert.Bind(id).Bind(claim.idx).Bind(q.quantity_idx).Bind(q.unit).Bind(q.value).Run());
    }
  }
  RETURN_IF_ERROR(UpdateContestedGroups(run, with_story, seq + 1));
  ++seq;
  return absl::OkStatus();
}

absl::Status SqliteStore::WriteOffsetsLocked(const std::vector<ConsumedOffset>& offsets) {
  for (const ConsumedOffset& o : offsets) {
    // Overwrite rather than keep the maximum: a consumer that deliberately
    // rewinds (offset reset, recreated topic) must be able to.
    ASSIGN_OR_RETURN(Query upsert, Prepare(
        "INSERT INTO kafka_offsets (topic, partition, next_offset) VALUES (?, ?, ?) "
        "ON CONFLICT (topic, partition) DO UPDATE SET next_offset = excluded.next_offset"));
    RETURN_IF_ERROR(upsert.Bind(o.topic)
                        .Bind(static_cast<int64_t>(o.partition))
                        .Bind(o.next_offset)
                        .Run());
  }
  return absl::OkStatus();
}

absl::StatusOr<std::map<int, int64_t>> SqliteStore::LoadOffsets(std::string_view topic) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(Query query, Prepare(
      "SELECT partition, next_offset FROM kafka_offsets WHERE topic = ?"));
  query.Bind(topic);
  std::map<int, int64_t> offsets;
  while (true) {
    ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) break;
    offsets[static_cast<int>(query.Int(0))] = query.Int(1);
  }
  return offsets;
}

absl::StatusOr<warta::v1::EnrichedArticle> SqliteStore::GetArticle(std::string_view id) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(Query query, Prepare("SELECT data FROM articles WHERE id = ?"));
  query.Bind(id);
  ASSIGN_OR_RETURN(bool row, query.Step());
  if (!row) {
    return absl::NotFoundError(absl::StrCat("no article with id \"", std::string(id), "\" is stored"));
  }
  return ParseStored<warta::v1::EnrichedArticle>(query.Blob(0), "article");
}

absl::StatusOr<warta::v1::ListArticlesResponse> SqliteStore::ListArticles(
    const warta::v1::ArticleFilter& filter, int page_size, std::string_view page_token) {
  return ListArticlesVia(PageRunner(), filter, page_size, page_token);
}

absl::StatusOr<warta::v1::ListClaimsResponse> SqliteStore::ListClaims(
    const ClaimFilter& filter, int page_size, std::string_view page_token) {
  return ListClaimsVia(PageRunner(), filter, page_size, page_token);
}

PageQueryRunner SqliteStore::PageRunner() {
  return [this](const SqlQuery& sql, const PageRow& page_row) -> absl::Status {
    absl::MutexLock lock(&mu_);
    ASSIGN_OR_RETURN(Query query, Prepare(sql.sql));
    query.BindArgs(sql.args);
    while (true) {
      ASSIGN_OR_RETURN(bool row, query.Step());
      if (!row) return absl::OkStatus();
      ASSIGN_OR_RETURN(bool more,
                       page_row(query.Int(0), query.Text(1), query.Int(2), query.Blob(3)));
      if (!more) return absl::OkStatus();
    }
  };
}

absl::StatusOr<warta::v1::ListContestedClaimsResponse> SqliteStore::ListContestedClaims(
    std::string_view entity_id, int window_days, int page_size,
    std::string_view page_token) {
  auto load = [this](const SqlQuery& sql)
      -> absl::StatusOr<std::vector<warta::v1::StoredClaim>> {
    std::vector<warta::v1::StoredClaim> claims;
    absl::MutexLock lock(&mu_);
    ASSIGN_OR_RETURN(Query query, Prepare(sql.sql));
    query.BindArgs(sql.args);
    while (true) {
      ASSIGN_OR_RETURN(bool row, query.Step());
      if (!row) return claims;
      ASSIGN_OR_RETURN(claims.emplace_back(),
                       ParseStored<warta::v1::StoredClaim>(query.Blob(0), "claim"));
    }
  };
  if (window_days == 0 || window_days == kStoredContestedWindowDays) {
    absl::MutexLock lock(&mu_);
    return ListStoredContestedGroups(RunnerLocked(), entity_id, page_size, page_token);
  }
  return ListContestedClaimsVia(load, entity_id, window_days, page_size, page_token);
}

absl::StatusOr<int64_t> SqliteStore::LatestSeq() {
  absl::MutexLock lock(&mu_);
  return latest_seq_;
}

absl::StatusOr<int64_t> SqliteStore::SeqAtTime(absl::Time t) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(Query query, Prepare("SELECT MIN(seq) FROM articles WHERE stored_at > ?"));
  query.Bind(absl::ToUnixNanos(t));
  ASSIGN_OR_RETURN(bool row, query.Step());
  if (!row || query.IsNull(0)) return latest_seq_;
  return query.Int(0) - 1;
}

absl::StatusOr<std::vector<Change>> SqliteStore::ChangesSince(int64_t seq, int limit) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(Query query, Prepare(
      "SELECT seq, stored_at, data FROM articles WHERE seq > ? ORDER BY seq LIMIT ?"));
  query.Bind(seq).Bind(static_cast<int64_t>(limit));
  std::vector<Change> changes;
  while (true) {
    ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) break;
    Change& change = changes.emplace_back();
    change.seq = query.Int(0);
    change.stored_at = absl::FromUnixNanos(query.Int(1));
    ASSIGN_OR_RETURN(change.article,
                     ParseStored<warta::v1::EnrichedArticle>(query.Blob(2), "article"));
  }
  return changes;
}

int64_t SqliteStore::WaitForChange(int64_t seq, absl::Time deadline) {
  return notifier_.Wait(seq, deadline);
}

void SqliteStore::StopWatchers() { notifier_.Stop(); }

}  // namespace warta::storage
