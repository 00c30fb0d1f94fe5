#include "storage/sqlite/sqlite_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "storage/article_keys.h"
#include "storage/contested_claims.h"
#include "storage/page_token.h"

namespace warta::storage {
namespace {

constexpr std::string_view kArticlesToken = "articles";
constexpr std::string_view kClaimsToken = "claims";
constexpr std::string_view kContestedToken = "contested";

// Version 1. Times are nanoseconds since the epoch, 0 when unknown.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE,
  source TEXT NOT NULL,
  language TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  pipeline_version TEXT NOT NULL,
  stored_at INTEGER NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX articles_by_time ON articles (published_at DESC, id);
CREATE INDEX articles_by_stored_at ON articles (stored_at);
CREATE TABLE entities (
  article_id TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  type INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX entities_by_entity ON entities (entity_id, article_id);
CREATE TABLE claims (
  article_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  published_at INTEGER NOT NULL,
  speaker_entity_id TEXT NOT NULL,
  has_quantities INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (article_id, idx)
);
CREATE INDEX claims_by_time ON claims (published_at DESC, article_id, idx);
CREATE INDEX claims_by_speaker ON claims (speaker_entity_id, published_at DESC);
CREATE TABLE claim_subjects (
  article_id TEXT NOT NULL,
  claim_idx INTEGER NOT NULL,
  entity_id TEXT NOT NULL,
  PRIMARY KEY (article_id, claim_idx, entity_id)
) WITHOUT ROWID;
CREATE INDEX claim_subjects_by_entity ON claim_subjects (entity_id);
CREATE TABLE claim_quantities (
  article_id TEXT NOT NULL,
  claim_idx INTEGER NOT NULL,
  quantity_idx INTEGER NOT NULL,
  unit TEXT NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (article_id, claim_idx, quantity_idx)
) WITHOUT ROWID;
CREATE INDEX claim_quantities_by_unit ON claim_quantities (unit);
CREATE TABLE kafka_offsets (
  topic TEXT NOT NULL,
  partition INTEGER NOT NULL,
  next_offset INTEGER NOT NULL,
  PRIMARY KEY (topic, partition)
) WITHOUT ROWID;
PRAGMA user_version = 1;
)sql";

}  // namespace

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

// Parses a blob the store wrote itself; a failure means a corrupt database.
template <typename Message>
absl::StatusOr<Message> ParseStored(std::string_view blob, const char* what) {
  Message message;
  if (!message.ParseFromArray(blob.data(), static_cast<int>(blob.size()))) {
    return absl::DataLossError(absl::StrCat("stored ", what, " does not parse"));
  }
  return message;
}

// Reads the rows of a page query into `items`. The query selects
// (published_at, article id, index, serialized item) and asks for one row
// more than `limit`: when that row comes, there is a next page and the
// token points after the last row kept. Returns the token, or "" on the
// last page.
template <typename Q, typename Message>
absl::StatusOr<std::string> ReadPage(Q& query, int limit, std::string_view kind,
                                     google::protobuf::RepeatedPtrField<Message>* items) {
  PageKey last;
  while (true) {
    ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) return std::string();
    if (items->size() == limit) return EncodePageToken(kind, last);
    ASSIGN_OR_RETURN(*items->Add(), ParseStored<Message>(query.Blob(3), "row"));
    last.published_at = query.Int(0);
    last.id = std::string(query.Text(1));
    last.index = query.Int(2);
  }
}

absl::Status ValidateOffsets(const std::vector<ConsumedOffset>& offsets) {
  for (const ConsumedOffset& o : offsets) {
    if (o.topic.empty() || o.partition < 0 || o.next_offset < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "bad consumed offset (topic \"", o.topic, "\", partition ",
          o.partition, ", next offset ", o.next_offset,
          "): topic must be set, partition and offset non-negative"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

SqliteStore::SqliteStore(sqlite3* db, SqliteStoreOptions options)
    : options_(std::move(options)), db_(db) {}

SqliteStore::~SqliteStore() {
  absl::MutexLock lock(&mu_);
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
  std::unique_ptr<SqliteStore> store(new SqliteStore(db, std::move(options)));
  absl::Status status = store->Initialize();
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
      return Exec(kSchemaV1);
    }
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

absl::Status SqliteStore::Error(const std::string& what) {
  return absl::InternalError(absl::StrCat("sqlite: ", what, ": ", sqlite3_errmsg(db_)));
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
  return UpsertBatch(absl::MakeConstSpan(&article, 1), offsets);
}

absl::Status SqliteStore::UpsertBatch(
    absl::Span<const warta::v1::EnrichedArticle> articles,
    const std::vector<ConsumedOffset>& offsets) {
  for (const auto& article : articles) {
    if (article.article().id().empty()) {
      return absl::InvalidArgumentError(
          "cannot store an enriched article without article.id");
    }
  }
  RETURN_IF_ERROR(ValidateOffsets(offsets));
  const absl::Time stored_at = options_.clock();
  int64_t latest = 0;
  {
    absl::MutexLock lock(&mu_);
    RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    int64_t seq = latest_seq_;
    absl::Status status = [&]() -> absl::Status {
      for (const auto& article : articles) {
        RETURN_IF_ERROR(UpsertLocked(article, stored_at, seq));
      }
      return WriteOffsetsLocked(offsets);
    }();
    if (status.ok()) status = Exec("COMMIT");
    if (!status.ok()) {
      Exec("ROLLBACK").IgnoreError();
      return status;
    }
    latest_seq_ = seq;
    latest = seq;
  }
  notifier_.Publish(latest);
  return absl::OkStatus();
}

absl::Status SqliteStore::UpsertLocked(const warta::v1::EnrichedArticle& article,
                                       absl::Time stored_at, int64_t& seq) {
  const std::string& id = article.article().id();
  {
    ASSIGN_OR_RETURN(Query existing, Prepare("SELECT data FROM articles WHERE id = ?"));
    existing.Bind(id);
    ASSIGN_OR_RETURN(bool found, existing.Step());
    if (found) {
      ASSIGN_OR_RETURN(auto stored, ParseStored<warta::v1::EnrichedArticle>(
                                        existing.Blob(0), "article"));
      if (!ShouldReplace(article, stored)) return absl::OkStatus();
    }
  }
  for (const char* sql : {"DELETE FROM entities WHERE article_id = ?",
                          "DELETE FROM claims WHERE article_id = ?",
                          "DELETE FROM claim_subjects WHERE article_id = ?",
                          "DELETE FROM claim_quantities WHERE article_id = ?"}) {
    ASSIGN_OR_RETURN(Query del, Prepare(sql));
    RETURN_IF_ERROR(del.Bind(id).Run());
  }
  const int64_t published_at = PublishedAtNanos(article);
  {
    ASSIGN_OR_RETURN(Query insert, Prepare(
        "INSERT OR REPLACE INTO articles (id, seq, source, language, published_at, "
        "pipeline_version, stored_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    RETURN_IF_ERROR(insert.Bind(id)
                        .Bind(seq + 1)
                        .Bind(article.article().source())
                        .Bind(article.language().code())
                        .Bind(published_at)
                        .Bind(article.pipeline_version())
                        .Bind(absl::ToUnixNanos(stored_at))
                        .BindBlob(article.SerializeAsString())
                        .Run());
  }
  for (const auto& entity : article.entities()) {
    if (entity.id().empty()) continue;
    ASSIGN_OR_RETURN(Query insert, Prepare(
        "INSERT OR IGNORE INTO entities (article_id, entity_id, type, name) "
        "VALUES (?, ?, ?, ?)"));
    RETURN_IF_ERROR(insert.Bind(id)
                        .Bind(entity.id())
                        .Bind(static_cast<int64_t>(entity.type()))
                        .Bind(entity.name())
                        .Run());
  }
  const std::vector<warta::v1::StoredClaim> claims = StoredClaimsOf(article);
  for (int64_t idx = 0; idx < static_cast<int64_t>(claims.size()); ++idx) {
    const warta::v1::Claim& claim = claims[idx].claim();
    {
      ASSIGN_OR_RETURN(Query insert, Prepare(
          "INSERT INTO claims (article_id, idx, published_at, speaker_entity_id, "
          "has_quantities, data) VALUES (?, ?, ?, ?, ?, ?)"));
      RETURN_IF_ERROR(insert.Bind(id)
                          .Bind(idx)
                          .Bind(published_at)
                          .Bind(claim.speaker().entity_id())
                          .Bind(static_cast<int64_t>(claim.quantities_size() > 0))
                          .BindBlob(claims[idx].SerializeAsString())
                          .Run());
    }
    for (const std::string& subject : claim.subject_entity_ids()) {
      ASSIGN_OR_RETURN(Query insert, Prepare(
          "INSERT OR IGNORE INTO claim_subjects (article_id, claim_idx, entity_id) "
          "VALUES (?, ?, ?)"));
      RETURN_IF_ERROR(insert.Bind(id).Bind(idx).Bind(subject).Run());
    }
    for (int64_t q = 0; q < claim.quantities_size(); ++q) {
      ASSIGN_OR_RETURN(Query insert, Prepare(
          "INSERT INTO claim_quantities (article_id, claim_idx, quantity_idx, unit, "
          "value) VALUES (?, ?, ?, ?, ?)"));
      RETURN_IF_ERROR(insert.Bind(id)
                          .Bind(idx)
                          .Bind(q)
                          .Bind(NormalizeUnit(claim.quantities(q).unit()))
                          .Bind(claim.quantities(q).value())
                          .Run());
    }
  }
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
  ASSIGN_OR_RETURN(const int limit, EffectivePageSize(page_size));
  std::optional<PageKey> after;
  if (!page_token.empty()) {
    ASSIGN_OR_RETURN(after, DecodePageToken(kArticlesToken, page_token));
  }
  // The SQL varies with the filters present so that SQLite can use the
  // matching index; each variant is prepared once and cached.
  std::string sql = "SELECT published_at, id, 0, data FROM articles a WHERE 1";
  if (!filter.language().empty()) sql += " AND language = ?";
  if (!filter.source().empty()) sql += " AND source = ?";
  if (filter.has_published_after() || filter.has_published_before()) {
    sql += " AND published_at != 0";
  }
  if (filter.has_published_after()) sql += " AND published_at >= ?";
  if (filter.has_published_before()) sql += " AND published_at < ?";
  if (!filter.entity_id().empty()) {
    sql += " AND EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id "
           "AND e.entity_id = ?)";
  }
  if (after) sql += " AND (published_at < ? OR (published_at = ? AND id > ?))";
  sql += " ORDER BY published_at DESC, id LIMIT ?";

  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(Query query, Prepare(sql));
  if (!filter.language().empty()) query.Bind(filter.language());
  if (!filter.source().empty()) query.Bind(filter.source());
  if (filter.has_published_after()) query.Bind(TimestampToNanos(filter.published_after()));
  if (filter.has_published_before()) query.Bind(TimestampToNanos(filter.published_before()));
  if (!filter.entity_id().empty()) query.Bind(filter.entity_id());
  if (after) query.Bind(after->published_at).Bind(after->published_at).Bind(after->id);
  query.Bind(static_cast<int64_t>(limit) + 1);  // one more tells whether a next page exists

  warta::v1::ListArticlesResponse response;
  ASSIGN_OR_RETURN(*response.mutable_next_page_token(),
                   ReadPage(query, limit, kArticlesToken, response.mutable_articles()));
  return response;
}

absl::StatusOr<warta::v1::ListClaimsResponse> SqliteStore::ListClaims(
    const ClaimFilter& filter, int page_size, std::string_view page_token) {
  ASSIGN_OR_RETURN(const int limit, EffectivePageSize(page_size));
  std::optional<PageKey> after;
  if (!page_token.empty()) {
    ASSIGN_OR_RETURN(after, DecodePageToken(kClaimsToken, page_token));
  }
  std::string sql = "SELECT published_at, article_id, idx, data FROM claims c WHERE 1";
  if (!filter.article_id.empty()) sql += " AND article_id = ?";
  if (!filter.speaker_entity_id.empty()) sql += " AND speaker_entity_id = ?";
  if (!filter.entity_id.empty()) {
    sql += " AND EXISTS (SELECT 1 FROM claim_subjects s WHERE s.article_id = "
           "c.article_id AND s.claim_idx = c.idx AND s.entity_id = ?)";
  }
  if (after) {
    sql += " AND (published_at < ? OR (published_at = ? AND (article_id > ? OR "
           "(article_id = ? AND idx > ?))))";
  }
  sql += " ORDER BY published_at DESC, article_id, idx LIMIT ?";

  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(Query query, Prepare(sql));
  if (!filter.article_id.empty()) query.Bind(filter.article_id);
  if (!filter.speaker_entity_id.empty()) query.Bind(filter.speaker_entity_id);
  if (!filter.entity_id.empty()) query.Bind(filter.entity_id);
  if (after) {
    query.Bind(after->published_at).Bind(after->published_at)
        .Bind(after->id).Bind(after->id).Bind(after->index);
  }
  query.Bind(static_cast<int64_t>(limit) + 1);

  warta::v1::ListClaimsResponse response;
  ASSIGN_OR_RETURN(*response.mutable_next_page_token(),
                   ReadPage(query, limit, kClaimsToken, response.mutable_claims()));
  return response;
}

absl::StatusOr<warta::v1::ListContestedClaimsResponse> SqliteStore::ListContestedClaims(
    std::string_view entity_id, int window_days, int page_size,
    std::string_view page_token) {
  ASSIGN_OR_RETURN(const int limit, EffectivePageSize(page_size));
  if (window_days < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("window_days must not be negative, got ", window_days));
  }
  int64_t offset = 0;
  if (!page_token.empty()) {
    ASSIGN_OR_RETURN(PageKey key, DecodePageToken(kContestedToken, page_token));
    offset = key.index;
    if (offset < 0) return absl::InvalidArgumentError("invalid page_token");
  }
  // Load every claim that could join a group: with an entity, every claim
  // in a unit that some claim about the entity uses (groups chain through
  // claims about other subjects, so the entity alone is not enough).
  std::string sql =
      "SELECT data FROM claims c WHERE has_quantities AND EXISTS (SELECT 1 FROM "
      "claim_subjects s WHERE s.article_id = c.article_id AND s.claim_idx = c.idx)";
  if (!entity_id.empty()) {
    sql += " AND EXISTS (SELECT 1 FROM claim_quantities q WHERE q.article_id = "
           "c.article_id AND q.claim_idx = c.idx AND q.unit IN (SELECT q2.unit FROM "
           "claim_subjects s2 JOIN claim_quantities q2 ON q2.article_id = "
           "s2.article_id AND q2.claim_idx = s2.claim_idx WHERE s2.entity_id = ?))";
  }
  std::vector<warta::v1::StoredClaim> claims;
  {
    absl::MutexLock lock(&mu_);
    ASSIGN_OR_RETURN(Query query, Prepare(sql));
    if (!entity_id.empty()) query.Bind(entity_id);
    while (true) {
      ASSIGN_OR_RETURN(bool row, query.Step());
      if (!row) break;
      ASSIGN_OR_RETURN(claims.emplace_back(),
                       ParseStored<warta::v1::StoredClaim>(query.Blob(0), "claim"));
    }
  }
  ContestedOptions options;
  options.window = absl::Hours(24) * (window_days == 0 ? 30 : window_days);
  options.entity_id = std::string(entity_id);
  std::vector<warta::v1::ContestedClaim> groups = GroupContestedClaims(claims, options);

  warta::v1::ListContestedClaimsResponse response;
  const int64_t end = std::min<int64_t>(offset + limit, groups.size());
  for (int64_t i = offset; i < end; ++i) *response.add_contested() = std::move(groups[i]);
  if (end < static_cast<int64_t>(groups.size())) {
    PageKey next;
    next.index = end;
    response.set_next_page_token(EncodePageToken(kContestedToken, next));
  }
  return response;
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
