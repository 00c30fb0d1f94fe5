#include "storage/postgres/postgres_store.h"

#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <utility>
#include <variant>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "storage/article_keys.h"
#include "storage/contested_groups.h"
#include "storage/cross_article.h"
#include "storage/entities/entity_registry.h"
#include "storage/page_token.h"
#include "storage/search/search_text.h"
#include "storage/sql_schema.h"

namespace warta::storage {
namespace {

constexpr const char* kChannel = "warta_changes";
// Advisory lock keys (any constants no other application uses): one for
// creating the schema, one serialising writers across processes.
constexpr int64_t kSchemaLock = 0x5761727461'0001;
constexpr int64_t kWriteLock = 0x5761727461'0002;

}  // namespace

// One query parameter: text, or binary for BYTEA.
struct PgParam {
  std::string value;
  bool binary = false;
};

namespace {

using Param = PgParam;

Param P(int64_t v) { return {absl::StrCat(v)}; }
Param P(std::string_view v) { return {std::string(v)}; }
Param P(double v) {
  char buffer[64];
  // Shortest text that reads back as the same double.
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), v);
  return {std::string(buffer, end)};
}
Param Bytes(std::string_view v) { return {std::string(v), true}; }
Param P(const SqlBlob& v) { return Bytes(v.bytes); }

std::vector<Param> ParamsOf(const std::vector<SqlArg>& args) {
  std::vector<Param> params;
  for (const SqlArg& arg : args) {
    std::visit([&](const auto& v) { params.push_back(P(v)); }, arg);
  }
  return params;
}

// Turns the portable `?` placeholders into $1, $2, ... (our SQL has no `?`
// inside literals).
std::string Renumber(std::string_view sql) {
  std::string out;
  int n = 0;
  for (char c : sql) {
    if (c == '?') {
      absl::StrAppend(&out, "$", ++n);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// The tsvector of an article: its title (weight A) and body (B), as
// PostgresSearchText gives them, stemmed by the article language's
// configuration. Takes the parameters of SearchVectorParams.
constexpr const char kSearchVector[] =
    "setweight(to_tsvector(CAST(? AS regconfig), ?), 'A') || "
    "setweight(to_tsvector(CAST(? AS regconfig), ?), 'B')";

std::vector<Param> SearchVectorParams(const warta::v1::EnrichedArticle& article) {
  const SearchLanguage language = SearchLanguageOf(article.language().code());
  const std::string config = PostgresSearchConfig(language);
  return {P(config), P(PostgresSearchText(SearchTitleOf(article), language)), P(config),
          P(PostgresSearchText(SearchBodyOf(article), language))};
}

std::string ServerName(PGconn* conn) {
  const char* host = PQhost(conn);
  const char* port = PQport(conn);
  const char* db = PQdb(conn);
  return absl::StrCat(host && *host ? host : "(default host)", ":",
                      port && *port ? port : "5432", "/", db ? db : "");
}

absl::Status ConnectionError(PGconn* conn) {
  std::string message = PQerrorMessage(conn);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  return absl::UnavailableError(absl::StrCat("cannot connect to PostgreSQL server ",
                                             ServerName(conn), ": ", message));
}

}  // namespace

// An owned PGresult with binary columns.
class PostgresStore::Result {
 public:
  explicit Result(PGresult* r) : r_(r) {}
  Result(Result&& other) noexcept : r_(std::exchange(other.r_, nullptr)) {}
  Result& operator=(Result&&) = delete;
  ~Result() {
    if (r_ != nullptr) PQclear(r_);
  }

  PGresult* get() const { return r_; }
  int rows() const { return PQntuples(r_); }
  bool IsNull(int row, int col) const { return PQgetisnull(r_, row, col); }
  // An integer column (smallint, integer or bigint; big-endian).
  int64_t Int(int row, int col) const {
    const auto* p = reinterpret_cast<const unsigned char*>(PQgetvalue(r_, row, col));
    const int n = PQgetlength(r_, row, col);
    uint64_t v = 0;
    for (int i = 0; i < n; ++i) v = (v << 8) | p[i];
    // Sign-extend the narrower types.
    if (n > 0 && n < 8 && (p[0] & 0x80)) v |= ~uint64_t{0} << (8 * n);
    return static_cast<int64_t>(v);
  }
  // The cell as SqlRunner returns it.
  SqlValue Value(int row, int col) const {
    if (IsNull(row, col)) return std::monostate();
    switch (PQftype(r_, col)) {
      case 20:  // int8
      case 21:  // int2
      case 23:  // int4
        return Int(row, col);
      case 700:  // float4
      case 701:  // float8
        return Double(row, col);
      default:
        return std::string(Bytes(row, col));
    }
  }
  // A float4 or float8 column (IEEE 754, big-endian).
  double Double(int row, int col) const {
    const uint64_t bits = static_cast<uint64_t>(Int(row, col));
    if (PQgetlength(r_, row, col) == 4) {
      float f;
      const uint32_t b32 = static_cast<uint32_t>(bits);
      std::memcpy(&f, &b32, sizeof(f));
      return f;
    }
    double d;
    std::memcpy(&d, &bits, sizeof(d));
    return d;
  }
  // A text or bytea column.
  std::string_view Bytes(int row, int col) const {
    return std::string_view(PQgetvalue(r_, row, col), PQgetlength(r_, row, col));
  }

 private:
  PGresult* r_;
};

PostgresStore::PostgresStore(PGconn* conn, std::string server, PostgresStoreOptions options)
    : server_(std::move(server)),
      options_(std::move(options)),
      clusterer_(options_.stories.weights.get(), options_.stories.clustering),
      conn_(conn) {}

PostgresStore::~PostgresStore() {
  stop_listening_ = true;
  if (listener_.joinable()) listener_.join();
  absl::MutexLock lock(&mu_);
  PQfinish(conn_);
}

absl::StatusOr<std::unique_ptr<PostgresStore>> PostgresStore::Open(
    const std::string& conninfo, PostgresStoreOptions options) {
  // Snippets stem words with libstemmer on this side too.
  if (absl::Status stemmers = CheckSearchStemmers(); !stemmers.ok()) return stemmers;
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (conn == nullptr) return absl::ResourceExhaustedError("libpq: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    absl::Status status = ConnectionError(conn);
    PQfinish(conn);
    return status;
  }
  // Notices ("relation exists", ...) are not ours to print.
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  std::string server = ServerName(conn);
  const bool listen = options.listen;
  std::unique_ptr<PostgresStore> store(
      new PostgresStore(conn, server, std::move(options)));
  absl::Status status = store->Initialize();
  if (status.ok() && listen) status = store->StartListener(conninfo);
  if (!status.ok()) {
    return absl::Status(status.code(), absl::StrCat("PostgreSQL database ", server, ": ",
                                                    status.message()));
  }
  return store;
}

absl::StatusOr<PostgresStore::Result> PostgresStore::Execute(
    const std::function<PGresult*()>& send, std::string_view sql) {
  // A statement sent outside a transaction may be sent again on a new
  // connection; inside one, the transaction is lost with the connection.
  const bool idle = PQtransactionStatus(conn_) == PQTRANS_IDLE;
  for (int attempt = 0;; ++attempt) {
    Result result(send());
    const ExecStatusType s = PQresultStatus(result.get());
    if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK) return result;
    if (PQstatus(conn_) == CONNECTION_OK) {
      const char* state = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
      std::string message = absl::StrCat("postgres: ", PQresultErrorMessage(result.get()),
                                         " in: ", std::string(sql.substr(0, 300)));
      // Serialization failures and deadlocks are worth retrying.
      if (state != nullptr && (std::string_view(state) == "40001" ||
                               std::string_view(state) == "40P01")) {
        return absl::AbortedError(message);
      }
      return absl::InternalError(message);
    }
    std::string message = PQerrorMessage(conn_);
    PQreset(conn_);
    if (!idle || attempt > 0 || PQstatus(conn_) != CONNECTION_OK) {
      return absl::UnavailableError(absl::StrCat("postgres ", server_,
                                                 ": connection lost: ", message));
    }
  }
}

absl::Status PostgresStore::Exec(const char* sql) {
  return Execute([&] { return PQexec(conn_, sql); }, sql).status();
}

absl::StatusOr<PostgresStore::Result> PostgresStore::Run(std::string_view sql,
                                                         const std::vector<SqlArg>& args) {
  return Run(sql, ParamsOf(args));
}

absl::StatusOr<PostgresStore::Result> PostgresStore::Run(std::string_view sql,
                                                         const std::vector<PgParam>& params) {
  const std::string text = Renumber(sql);
  std::vector<const char*> values;
  std::vector<int> lengths, formats;
  for (const Param& p : params) {
    values.push_back(p.value.data());
    lengths.push_back(static_cast<int>(p.value.size()));
    formats.push_back(p.binary ? 1 : 0);
  }
  return Execute(
      [&] {
        return PQexecParams(conn_, text.c_str(), static_cast<int>(params.size()), nullptr,
                            values.data(), lengths.data(), formats.data(), /*binary=*/1);
      },
      text);
}

absl::Status PostgresStore::Initialize() {
  absl::MutexLock lock(&mu_);
  RETURN_IF_ERROR(Exec("SET client_min_messages = warning"));
  RETURN_IF_ERROR(Exec("BEGIN"));
  absl::Status status = [&]() -> absl::Status {
    // Two stores opening a new database at once must not both create it.
    RETURN_IF_ERROR(Run("SELECT pg_advisory_xact_lock(?)", {SqlArg(kSchemaLock)}).status());
    ASSIGN_OR_RETURN(Result tables, Run(
        "SELECT count(*) FILTER (WHERE c.relname = 'warta_schema'), count(*) FROM "
        "pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relname IN "
        "('warta_schema', 'articles', 'entities', 'claims', 'claim_subjects', "
        "'claim_quantities', 'kafka_offsets', 'articles_seq')"));
    if (tables.Int(0, 0) == 0) {
      if (tables.Int(0, 1) != 0) {
        return absl::FailedPreconditionError(
            "the schema holds Warta's table names but no Warta schema version; it is "
            "not a Warta store");
      }
      for (const std::string& sql : SchemaV1(SqlDialect::kPostgres)) {
        RETURN_IF_ERROR(Exec(sql.c_str()));
      }
      RETURN_IF_ERROR(Exec("CREATE TABLE warta_schema (version INTEGER NOT NULL)"));
      RETURN_IF_ERROR(Exec("INSERT INTO warta_schema VALUES (1)"));
      RETURN_IF_ERROR(MigrateToV2());
      return MigrateToV3();
    }
    ASSIGN_OR_RETURN(Result version, Run("SELECT max(version)::bigint FROM warta_schema"));
    const int64_t v = version.IsNull(0, 0) ? 0 : version.Int(0, 0);
    if (v == 1) RETURN_IF_ERROR(MigrateToV2());
    if (v == 1 || v == 2) return MigrateToV3();
    if (v != kSchemaVersion) {
      return absl::FailedPreconditionError(absl::StrCat(
          "schema version ", v, " is not known to this build (it reads version ",
          kSchemaVersion, "); use a matching warta-store or a new database"));
    }
    return absl::OkStatus();
  }();
  if (status.ok()) status = Exec("COMMIT");
  if (!status.ok()) {
    Exec("ROLLBACK").IgnoreError();
    return status;
  }
  ASSIGN_OR_RETURN(const int64_t latest, LatestSeqLocked());
  notifier_.Publish(latest);
  return absl::OkStatus();
}

absl::Status PostgresStore::StartListener(const std::string& conninfo) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    absl::Status status = conn ? ConnectionError(conn)
                               : absl::ResourceExhaustedError("libpq: out of memory");
    PQfinish(conn);
    return status;
  }
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  PGresult* listen = PQexec(conn, absl::StrCat("LISTEN ", kChannel).c_str());
  const bool ok = PQresultStatus(listen) == PGRES_COMMAND_OK;
  PQclear(listen);
  if (!ok) {
    absl::Status status =
        absl::InternalError(absl::StrCat("postgres: LISTEN failed: ", PQerrorMessage(conn)));
    PQfinish(conn);
    return status;
  }
  listener_ = std::thread([this, conn] { Listen(conn); });
  return absl::OkStatus();
}

void PostgresStore::Listen(PGconn* conn) {
  // Polls with a short timeout so that the destructor can end the thread.
  while (!stop_listening_) {
    pollfd fd{PQsocket(conn), POLLIN, 0};
    if (fd.fd < 0 || poll(&fd, 1, 100) < 0) {
      absl::SleepFor(absl::Milliseconds(100));
    }
    if (PQconsumeInput(conn) == 0) {
      // Connection lost: reconnect, listen again, and catch up on what was
      // stored meanwhile.
      absl::SleepFor(absl::Seconds(1));
      PQreset(conn);
      if (PQstatus(conn) != CONNECTION_OK) continue;
      PQclear(PQexec(conn, absl::StrCat("LISTEN ", kChannel).c_str()));
      PGresult* r = PQexec(conn, "SELECT COALESCE(MAX(seq), 0) FROM articles");
      if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) {
        notifier_.Publish(std::strtoll(PQgetvalue(r, 0, 0), nullptr, 10));
      }
      PQclear(r);
      continue;
    }
    while (PGnotify* n = PQnotifies(conn)) {
      notifier_.Publish(std::strtoll(n->extra, nullptr, 10));
      PQfreemem(n);
    }
  }
  PQfinish(conn);
}

absl::Status PostgresStore::MigrateToV2() {
  for (const std::string& sql : SchemaV2Delta()) RETURN_IF_ERROR(Exec(sql.c_str()));
  return Exec("UPDATE warta_schema SET version = 2");
}

absl::Status PostgresStore::MigrateToV3() {
  for (const std::string& sql : SchemaV3Delta(SqlDialect::kPostgres)) {
    RETURN_IF_ERROR(Exec(sql.c_str()));
  }
  // Index what is already stored, a batch of rows at a time.
  std::string last_id;
  while (true) {
    ASSIGN_OR_RETURN(Result batch, Run("SELECT id, data FROM articles WHERE id > ? "
                                       "ORDER BY id LIMIT 500",
                                       {SqlArg(last_id)}));
    if (batch.rows() == 0) break;
    for (int i = 0; i < batch.rows(); ++i) {
      last_id = std::string(batch.Bytes(i, 0));
      ASSIGN_OR_RETURN(const warta::v1::EnrichedArticle article,
                       ParseStored<warta::v1::EnrichedArticle>(batch.Bytes(i, 1), "article"));
      std::vector<Param> params = SearchVectorParams(article);
      params.push_back(P(last_id));
      RETURN_IF_ERROR(
          Run(absl::StrCat("UPDATE articles SET search = ", kSearchVector, " WHERE id = ?"),
              params)
              .status());
    }
  }
  return Exec("UPDATE warta_schema SET version = 3");
}

absl::StatusOr<warta::v1::SearchArticlesResponse> PostgresStore::SearchArticles(
    const warta::v1::SearchArticlesRequest& request) {
  // The lock is held per statement, not while snippets are made.
  const SqlRunner run = [this](const SqlQuery& query) -> absl::StatusOr<SqlRows> {
    absl::MutexLock lock(&mu_);
    return RunnerLocked()(query);
  };
  return SearchArticlesVia(run, SqlDialect::kPostgres, request, options_.clock());
}

SqlRunner PostgresStore::RunnerLocked() {
  return [this](const SqlQuery& sql) ABSL_NO_THREAD_SAFETY_ANALYSIS -> absl::StatusOr<SqlRows> {
    ASSIGN_OR_RETURN(Result result, Run(sql.sql, sql.args));
    SqlRows rows(result.rows());
    const int columns = PQnfields(result.get());
    for (int r = 0; r < result.rows(); ++r) {
      for (int c = 0; c < columns; ++c) rows[r].push_back(result.Value(r, c));
    }
    return rows;
  };
}

absl::StatusOr<warta::v1::ListStoriesResponse> PostgresStore::ListStories(
    const warta::v1::ListStoriesRequest& request) {
  absl::MutexLock lock(&mu_);
  return ListStoriesVia(RunnerLocked(), request);
}

absl::StatusOr<warta::v1::Story> PostgresStore::GetStory(std::string_view id) {
  absl::MutexLock lock(&mu_);
  return GetStoryVia(RunnerLocked(), id);
}

absl::StatusOr<warta::v1::ListEntitiesResponse> PostgresStore::ListEntities(
    const warta::v1::ListEntitiesRequest& request) {
  absl::MutexLock lock(&mu_);
  return ListEntitiesVia(RunnerLocked(), request);
}

absl::StatusOr<warta::v1::EntityDetail> PostgresStore::GetEntity(std::string_view id) {
  absl::MutexLock lock(&mu_);
  return GetEntityVia(RunnerLocked(), id);
}

absl::StatusOr<int64_t> PostgresStore::LatestSeqLocked() {
  ASSIGN_OR_RETURN(Result r, Run("SELECT COALESCE(MAX(seq), 0)::bigint FROM articles"));
  return r.Int(0, 0);
}

absl::Status PostgresStore::Upsert(const warta::v1::EnrichedArticle& article,
                                   const std::vector<ConsumedOffset>& offsets) {
  return UpsertBatch(absl::MakeConstSpan(&article, 1), offsets).status();
}

absl::StatusOr<UpsertCounts> PostgresStore::UpsertBatch(
    absl::Span<const warta::v1::EnrichedArticle> articles,
    const std::vector<ConsumedOffset>& offsets) {
  RETURN_IF_ERROR(ValidateUpsert(articles, offsets));
  const absl::Time stored_at = options_.clock();
  int64_t latest = 0;
  UpsertCounts counts;
  {
    absl::MutexLock lock(&mu_);
    RETURN_IF_ERROR(Exec("BEGIN"));
    absl::Status status = [&]() -> absl::Status {
      // Writers of every process commit one at a time, in sequence order.
      RETURN_IF_ERROR(Run("SELECT pg_advisory_xact_lock(?)", {SqlArg(kWriteLock)}).status());
      for (const auto& article : articles) {
        ASSIGN_OR_RETURN(const int64_t seq, UpsertLocked(article, stored_at, counts));
        latest = std::max(latest, seq);
      }
      for (const ConsumedOffset& o : offsets) {
        // Overwrite rather than keep the maximum: a consumer that
        // deliberately rewinds must be able to.
        RETURN_IF_ERROR(Run("INSERT INTO kafka_offsets (topic, partition, next_offset) "
                            "VALUES (?, ?, ?) ON CONFLICT (topic, partition) DO UPDATE "
                            "SET next_offset = excluded.next_offset",
                            {SqlArg(o.topic), SqlArg(int64_t{o.partition}),
                             SqlArg(o.next_offset)})
                            .status());
      }
      if (latest > 0) {
        // Delivered at commit, to this and every other process listening.
        RETURN_IF_ERROR(Run("SELECT pg_notify(?, ?)",
                            {SqlArg(std::string(kChannel)), SqlArg(absl::StrCat(latest))})
                            .status());
      }
      return absl::OkStatus();
    }();
    if (status.ok()) status = Exec("COMMIT");
    if (!status.ok()) {
      Exec("ROLLBACK").IgnoreError();
      return status;
    }
  }
  if (latest > 0) notifier_.Publish(latest);
  return counts;
}

absl::StatusOr<int64_t> PostgresStore::UpsertLocked(const warta::v1::EnrichedArticle& article,
                                                    absl::Time stored_at, UpsertCounts& counts) {
  const std::string& id = article.article().id();
  std::optional<warta::v1::EnrichedArticle> stored;
  {
    ASSIGN_OR_RETURN(Result existing, Run("SELECT data FROM articles WHERE id = ?", {SqlArg(id)}));
    if (existing.rows() > 0) {
      ASSIGN_OR_RETURN(stored, ParseStored<warta::v1::EnrichedArticle>(
                                   existing.Bytes(0, 0), "article"));
      if (!ShouldReplace(article, *stored)) {
        ++counts.unchanged;
        return 0;
      }
    }
  }
  for (const char* sql : {"DELETE FROM articles WHERE id = ?",
                          "DELETE FROM entities WHERE article_id = ?",
                          "DELETE FROM claims WHERE article_id = ?",
                          "DELETE FROM claim_subjects WHERE article_id = ?",
                          "DELETE FROM claim_quantities WHERE article_id = ?"}) {
    RETURN_IF_ERROR(Run(sql, {SqlArg(id)}).status());
  }
  // The sequence number first: the story index orders by it.
  ASSIGN_OR_RETURN(Result next, Run("SELECT nextval('articles_seq')::bigint"));
  const int64_t seq = next.Int(0, 0);
  const SqlRunner run = RunnerLocked();
  ASSIGN_OR_RETURN(const warta::v1::EnrichedArticle with_story,
                   PrepareForStore(clusterer_, run, seq, stored ? &*stored : nullptr, article,
                                   counts));
  const ArticleRows rows = RowsOf(with_story);
  std::vector<PgParam> params{P(id),
                              P(seq),
                              P(rows.source),
                              P(rows.language),
                              P(rows.published_at),
                              P(rows.pipeline_version),
                              P(absl::ToUnixNanos(stored_at)),
                              Bytes(rows.data),
                              P(with_story.story_id())};
  for (PgParam& p : SearchVectorParams(with_story)) params.push_back(std::move(p));
  RETURN_IF_ERROR(Run(absl::StrCat("INSERT INTO articles (id, seq, source, language, "
                                   "published_at, pipeline_version, stored_at, data, story_id, "
                                   "search) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ",
                                   kSearchVector, ")"),
                      params)
                      .status());
  for (const auto& entity : rows.entities) {
    RETURN_IF_ERROR(Run("INSERT INTO entities (article_id, entity_id, type, name) "
                        "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        std::vector<PgParam>{P(id), P(entity.entity_id), P(entity.type),
                                             P(entity.name)})
                        .status());
  }
  for (const ArticleRows::Claim& claim : rows.claims) {
    RETURN_IF_ERROR(Run("INSERT INTO claims (article_id, idx, published_at, "
                        "speaker_entity_id, has_quantities, data) VALUES (?, ?, ?, ?, ?, ?)",
                        std::vector<PgParam>{P(id), P(claim.idx), P(rows.published_at),
                                             P(claim.speaker_entity_id),
                                             P(int64_t{claim.has_quantities}),
                                             Bytes(claim.data)})
                        .status());
    for (const std::string& subject : claim.subject_entity_ids) {
      RETURN_IF_ERROR(Run("INSERT INTO claim_subjects (article_id, claim_idx, entity_id) "
                          "VALUES (?, ?, ?)",
                          std::vector<PgParam>{P(id), P(claim.idx), P(subject)})
                          .status());
    }
    for (const ArticleRows::Quantity& q : claim.quantities) {
      RETURN_IF_ERROR(Run("INSERT INTO claim_quantities (article_id, claim_idx, "
                          "quantity_idx, unit, value) VALUES (?, ?, ?, ?, ?)",
                          std::vector<PgParam>{P(id), P(claim.idx), P(q.quantity_idx),
                                               P(q.unit), P(q.value)})
                          .status());
    }
  }
  RETURN_IF_ERROR(UpdateContestedGroups(run, with_story, seq));
  return seq;
}

absl::StatusOr<std::map<int, int64_t>> PostgresStore::LoadOffsets(std::string_view topic) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(Result r, Run("SELECT partition, next_offset FROM kafka_offsets "
                                 "WHERE topic = ?",
                                 {SqlArg(std::string(topic))}));
  std::map<int, int64_t> offsets;
  for (int i = 0; i < r.rows(); ++i) offsets[static_cast<int>(r.Int(i, 0))] = r.Int(i, 1);
  return offsets;
}

absl::StatusOr<warta::v1::EnrichedArticle> PostgresStore::GetArticle(std::string_view id) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(Result r, Run("SELECT data FROM articles WHERE id = ?",
                                 {SqlArg(std::string(id))}));
  if (r.rows() == 0) {
    return absl::NotFoundError(
        absl::StrCat("no article with id \"", std::string(id), "\" is stored"));
  }
  return ParseStored<warta::v1::EnrichedArticle>(r.Bytes(0, 0), "article");
}

absl::StatusOr<warta::v1::ListArticlesResponse> PostgresStore::ListArticles(
    const warta::v1::ArticleFilter& filter, int page_size, std::string_view page_token) {
  return ListArticlesVia(PageRunner(), filter, page_size, page_token);
}

absl::StatusOr<warta::v1::ListClaimsResponse> PostgresStore::ListClaims(
    const ClaimFilter& filter, int page_size, std::string_view page_token) {
  return ListClaimsVia(PageRunner(), filter, page_size, page_token);
}

PageQueryRunner PostgresStore::PageRunner() {
  return [this](const SqlQuery& sql, const PageRow& page_row) -> absl::Status {
    absl::MutexLock lock(&mu_);
    ASSIGN_OR_RETURN(Result r, Run(sql.sql, sql.args));
    for (int i = 0; i < r.rows(); ++i) {
      ASSIGN_OR_RETURN(bool more,
                       page_row(r.Int(i, 0), r.Bytes(i, 1), r.Int(i, 2), r.Bytes(i, 3)));
      if (!more) break;
    }
    return absl::OkStatus();
  };
}

absl::StatusOr<warta::v1::ListContestedClaimsResponse> PostgresStore::ListContestedClaims(
    std::string_view entity_id, int window_days, int page_size,
    std::string_view page_token) {
  auto load = [this](const SqlQuery& sql)
      -> absl::StatusOr<std::vector<warta::v1::StoredClaim>> {
    absl::MutexLock lock(&mu_);
    ASSIGN_OR_RETURN(Result r, Run(sql.sql, sql.args));
    std::vector<warta::v1::StoredClaim> claims;
    for (int i = 0; i < r.rows(); ++i) {
      ASSIGN_OR_RETURN(claims.emplace_back(),
                       ParseStored<warta::v1::StoredClaim>(r.Bytes(i, 0), "claim"));
    }
    return claims;
  };
  if (window_days == 0 || window_days == kStoredContestedWindowDays) {
    absl::MutexLock lock(&mu_);
    return ListStoredContestedGroups(RunnerLocked(), entity_id, page_size, page_token);
  }
  return ListContestedClaimsVia(load, entity_id, window_days, page_size, page_token);
}

absl::StatusOr<int64_t> PostgresStore::LatestSeq() {
  // From the database, not this process: other stores write too.
  absl::MutexLock lock(&mu_);
  return LatestSeqLocked();
}

absl::StatusOr<int64_t> PostgresStore::SeqAtTime(absl::Time t) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(Result r, Run("SELECT MIN(seq) - 1 FROM articles WHERE stored_at > ?",
                                 {SqlArg(absl::ToUnixNanos(t))}));
  if (r.rows() == 0 || r.IsNull(0, 0)) return LatestSeqLocked();
  return r.Int(0, 0);
}

absl::StatusOr<std::vector<Change>> PostgresStore::ChangesSince(int64_t seq, int limit) {
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(Result r, Run("SELECT seq, stored_at, data FROM articles WHERE seq > ? "
                                 "ORDER BY seq LIMIT ?",
                                 {SqlArg(seq), SqlArg(int64_t{limit})}));
  std::vector<Change> changes;
  for (int i = 0; i < r.rows(); ++i) {
    Change& change = changes.emplace_back();
    change.seq = r.Int(i, 0);
    change.stored_at = absl::FromUnixNanos(r.Int(i, 1));
    ASSIGN_OR_RETURN(change.article,
                     ParseStored<warta::v1::EnrichedArticle>(r.Bytes(i, 2), "article"));
  }
  return changes;
}

int64_t PostgresStore::WaitForChange(int64_t seq, absl::Time deadline) {
  return notifier_.Wait(seq, deadline);
}

void PostgresStore::StopWatchers() { notifier_.Stop(); }

}  // namespace warta::storage
