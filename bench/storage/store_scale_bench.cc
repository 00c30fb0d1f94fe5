// How the store scales: the enriched IndoSum articles, repeated to N
// articles (new ids, dates shifted by 30 days each round so the same text
// falls into a new story, and every 20th article a near-copy from another
// outlet), written in batches into SQLite or PostgreSQL with stories,
// entity linking and contested groups kept as the store keeps them. Prints
// articles/s per window of --report_every articles (flat = no step grows
// with the store), latency p50/p99 of the reads the API serves at 10k,
// 100k and at the end, and database bytes per article with the tables
// that hold them. A program that prints figures, not a test.
//
//   build/bin/warta enrich indosum_articles.jsonl > /tmp/indosum_enriched.jsonl
//   build/bin/warta_store_scale_bench --articles=1000000 --backend=sqlite \
//       --db=/tmp/scale.db --enriched=/tmp/indosum_enriched.jsonl
//   build/bin/warta_store_scale_bench --backend=postgres \
//       --db="$(cat /tmp/pg/conninfo)" --articles=200000
//
// Flags (defaults): --articles=1000000 --backend=sqlite --db=/tmp/warta_scale.db
// --batch=200 --report_every=10000 --enriched=/tmp/indosum_enriched.jsonl
// --idf=<source>/models/stories/idf.tsv --calls=200 (per read, per checkpoint)
// --sqlite_cache_mb=0 (what-if: a bigger SQLite page cache than the 2 MB the
// store runs with), --search_only=false (what-if, SQLite: only the
// articles rows and the search index, written directly, and only the search
// reads; see RunSearchOnly; with --reads_only=true it measures the reads
// again on the file a previous run of the same --articles left).
// The SQLite file (and its -wal, -shm) is deleted first; a PostgreSQL
// database must be empty.
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "google/protobuf/util/json_util.h"
#include "storage/search/search_text.h"
#include "storage/sql_backend.h"
#include "storage/sqlite/fts5_search.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/stories/term_weights.h"
#include "warta/v1/article.pb.h"
#include "warta/v1/services.pb.h"
#ifdef WARTA_BENCH_POSTGRES
#include <libpq-fe.h>

#include "storage/postgres/postgres_store.h"
#endif

namespace warta::bench {
namespace {

using warta::v1::EnrichedArticle;

struct BenchOptions {
  int64_t articles = 1'000'000;
  std::string backend = "sqlite";  // or "postgres"
  // SQLite file, or PostgreSQL conninfo.
  std::string db = "/tmp/warta_scale.db";
  int batch = 200;
  int64_t report_every = 10'000;
  std::string enriched = "/tmp/indosum_enriched.jsonl";
  std::string idf = WARTA_SOURCE_DIR "/models/stories/idf.tsv";
  int calls = 200;
  // What-if: the SQLite store's page cache in MB, set as the new file's
  // default_cache_size (0: SQLite's 2 MB, as the store ships).
  int64_t sqlite_cache_mb = 0;
  // What-if: only the articles rows and the search index (RunSearchOnly).
  bool search_only = false;
  // With search_only: measure the reads on the existing file, write nothing.
  bool reads_only = false;
};

constexpr int64_t kRoundSeconds = int64_t{30} * 86400;
constexpr int kNearCopyEvery = 20;

// ---------------------------------------------------------------- input

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  return std::string(std::istreambuf_iterator<char>(in), {});
}

absl::StatusOr<std::vector<EnrichedArticle>> LoadEnriched(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return absl::NotFoundError(absl::StrCat(
        "cannot read ", path, "; make it with: warta enrich indosum_articles.jsonl > ", path));
  }
  std::vector<EnrichedArticle> articles;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    EnrichedArticle& a = articles.emplace_back();
    auto status = google::protobuf::util::JsonStringToMessage(line, &a);
    if (!status.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(path, " line ", articles.size(), ": ",
                                                     status.ToString()));
    }
  }
  if (articles.empty()) return absl::InvalidArgumentError(absl::StrCat(path, " is empty"));
  return articles;
}

// IndoSum ids start with the unix time the article was published.
int64_t BaseSeconds(const EnrichedArticle& a) {
  int64_t seconds = 0;
  const std::string& id = a.article().id();
  return absl::SimpleAtoi(id.substr(0, id.find('-')), &seconds) ? seconds : 0;
}

// The story clusterer takes a body whose word 4-shingles are mostly those
// of a stored article for a near-copy of it, whatever the dates. So that the
// same text in another round is news of its own (as the shifted dates
// mean), each stop word of round r > 0 becomes a number of the same length
// seeded by r: the TF-IDF words (numbers and stop words weigh nothing) and
// every offset stay as they are, nearly every shingle changes.
void MarkRound(int64_t round, const storage::TermWeights& weights, std::string& body) {
  if (round == 0) return;
  uint64_t seed = static_cast<uint64_t>(round) * 0x9e3779b97f4a7c15ull;
  for (size_t i = 0; i < body.size();) {
    size_t end = i;
    while (end < body.size() && absl::ascii_isalpha(body[end])) ++end;
    const bool word_end = end == body.size() || (static_cast<unsigned char>(body[end]) < 0x80 &&
                                                 !absl::ascii_isdigit(body[end]));
    if (end - i >= 2 && word_end &&
        weights.Idf(absl::AsciiStrToLower(absl::string_view(body.data() + i, end - i))) == 0) {
      for (size_t j = i; j < end; ++j) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        body[j] = static_cast<char>('0' + (seed >> 33) % 10);
      }
    }
    i = end == i ? i + 1 : end;
  }
}

// Stream position i -> article. Every kNearCopyEvery-th position is a
// near-copy of the article before it; the others walk the originals,
// round after round.
class ArticleStream {
 public:
  ArticleStream(std::vector<EnrichedArticle> originals,
                std::shared_ptr<const storage::TermWeights> weights)
      : originals_(std::move(originals)), weights_(std::move(weights)) {}

  EnrichedArticle At(int64_t i) const {
    if (i % kNearCopyEvery == kNearCopyEvery - 1) return NearCopy(Original(i - 1), i);
    return Original(i);
  }
  std::string IdAt(int64_t i) const { return At(i).article().id(); }

 private:
  EnrichedArticle Original(int64_t i) const {
    const int64_t n = i - i / kNearCopyEvery;  // originals before position i
    const int64_t size = static_cast<int64_t>(originals_.size());
    const int64_t round = n / size;
    EnrichedArticle a = originals_[n % size];
    const int64_t base = BaseSeconds(a);
    a.mutable_article()->set_id(absl::StrCat("r", round, "-", a.article().id()));
    a.mutable_article()->mutable_published_at()->set_seconds(base + round * kRoundSeconds);
    MarkRound(round, *weights_, *a.mutable_text()->mutable_body());
    if (a.text().has_published_at()) {
      auto* t = a.mutable_text()->mutable_published_at();
      t->set_seconds(t->seconds() + round * kRoundSeconds);
    }
    return a;
  }

  // Another outlet's copy an hour later, with a "Baca juga" link added.
  EnrichedArticle NearCopy(EnrichedArticle a, int64_t i) const {
    std::string other = originals_[(i * 7919) % originals_.size()].article().id();
    other = other.substr(other.find('-') + 1);
    std::replace(other.begin(), other.end(), '-', ' ');
    a.mutable_article()->set_id(absl::StrCat(a.article().id(), "-copy"));
    a.mutable_article()->set_source(absl::StrCat(a.article().source(), "-mirror"));
    a.mutable_article()->set_url("");
    auto* published = a.mutable_article()->mutable_published_at();
    published->set_seconds(published->seconds() + 3600);
    a.mutable_text()->mutable_body()->append(absl::StrCat("\n\nBaca juga: ", other));
    return a;
  }

  std::vector<EnrichedArticle> originals_;
  std::shared_ptr<const storage::TermWeights> weights_;
};

// ---------------------------------------------------------------- stores

// The store under test and what the benchmark asks its database directly.
struct Backend {
  std::unique_ptr<storage::ArticleStore> store;
  // Bytes the database takes on disk.
  std::function<int64_t()> bytes;
  // Table (with its indexes) -> bytes, largest first.
  std::function<std::vector<std::pair<std::string, int64_t>>()> tables;
};

int64_t FileBytes(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : static_cast<int64_t>(size);
}

std::vector<std::pair<std::string, int64_t>> SqliteTables(const std::string& path) {
  std::vector<std::pair<std::string, int64_t>> tables;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    const char* sql =
        "SELECT coalesce(m.tbl_name, d.name), sum(d.pgsize) AS b FROM dbstat d "
        "LEFT JOIN sqlite_master m ON m.name = d.name GROUP BY 1 ORDER BY b DESC";
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK) {
      while (sqlite3_step(stmt) == SQLITE_ROW) {
        tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)),
                            sqlite3_column_int64(stmt, 1));
      }
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return tables;
}

// An empty database file whose connections get a `cache_mb` page cache.
absl::Status SetDefaultCache(const std::string& path, int64_t cache_mb) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open(path.c_str(), &db);
  if (rc == SQLITE_OK) {
    const std::string pages = absl::StrCat(cache_mb * 256);  // 4 KiB pages
    rc = sqlite3_exec(db, ("PRAGMA default_cache_size = " + pages).c_str(), nullptr, nullptr,
                      nullptr);
  }
  sqlite3_close(db);
  return rc == SQLITE_OK ? absl::OkStatus()
                         : absl::UnavailableError(absl::StrCat("cannot set up ", path));
}

absl::StatusOr<Backend> OpenSqlite(const BenchOptions& options,
                                   const storage::StoryStoreOptions& stories) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(options.db + suffix);
  if (options.sqlite_cache_mb > 0) {
    if (absl::Status s = SetDefaultCache(options.db, options.sqlite_cache_mb); !s.ok()) return s;
  }
  storage::SqliteStoreOptions store_options;
  store_options.stories = stories;
  auto store = storage::SqliteStore::Open(options.db, store_options);
  if (!store.ok()) return store.status();
  Backend backend;
  backend.store = *std::move(store);
  const std::string path = options.db;
  backend.bytes = [path] { return FileBytes(path) + FileBytes(path + "-wal"); };
  backend.tables = [path] { return SqliteTables(path); };
  return backend;
}

#ifdef WARTA_BENCH_POSTGRES
// Rows of a query on a connection of its own (the store's is private).
std::vector<std::vector<std::string>> PgRows(const std::string& conninfo, const char* sql) {
  std::vector<std::vector<std::string>> rows;
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn) == CONNECTION_OK) {
    PGresult* result = PQexec(conn, sql);
    if (PQresultStatus(result) == PGRES_TUPLES_OK) {
      for (int r = 0; r < PQntuples(result); ++r) {
        auto& row = rows.emplace_back();
        for (int c = 0; c < PQnfields(result); ++c) row.emplace_back(PQgetvalue(result, r, c));
      }
    }
    PQclear(result);
  }
  PQfinish(conn);
  return rows;
}

absl::StatusOr<Backend> OpenPostgres(const BenchOptions& options,
                                     const storage::StoryStoreOptions& stories) {
  storage::PostgresStoreOptions store_options;
  store_options.stories = stories;
  store_options.listen = false;
  auto store = storage::PostgresStore::Open(options.db, store_options);
  if (!store.ok()) return store.status();
  Backend backend;
  backend.store = *std::move(store);
  const std::string conninfo = options.db;
  backend.bytes = [conninfo] {
    auto rows = PgRows(conninfo, "SELECT pg_database_size(current_database())");
    int64_t bytes = 0;
    if (!rows.empty()) (void)absl::SimpleAtoi(rows[0][0], &bytes);
    return bytes;
  };
  backend.tables = [conninfo] {
    std::vector<std::pair<std::string, int64_t>> tables;
    for (const auto& row : PgRows(conninfo,
                                  "SELECT relname, pg_total_relation_size(oid) AS b FROM "
                                  "pg_class WHERE relkind = 'r' AND relnamespace = "
                                  "'public'::regnamespace ORDER BY b DESC")) {
      int64_t bytes = 0;
      (void)absl::SimpleAtoi(row[1], &bytes);
      tables.emplace_back(row[0], bytes);
    }
    return tables;
  };
  return backend;
}
#endif

absl::StatusOr<std::shared_ptr<const storage::TermWeights>> LoadWeights(
    const std::string& path) {
  auto tsv = ReadFile(path);
  if (!tsv.ok()) return tsv.status();
  auto weights = storage::TermWeights::Parse(*tsv);
  if (!weights.ok()) return weights.status();
  return std::make_shared<const storage::TermWeights>(*std::move(weights));
}

absl::StatusOr<Backend> OpenBackend(const BenchOptions& options,
                                    std::shared_ptr<const storage::TermWeights> weights) {
  storage::StoryStoreOptions stories;
  stories.weights = std::move(weights);
  if (options.backend == "sqlite") return OpenSqlite(options, stories);
#ifdef WARTA_BENCH_POSTGRES
  if (options.backend == "postgres") return OpenPostgres(options, stories);
#endif
  return absl::InvalidArgumentError(
      absl::StrCat("--backend must be sqlite or postgres (this build has: sqlite",
#ifdef WARTA_BENCH_POSTGRES
                   ", postgres",
#endif
                   "), got ", options.backend));
}

// ---------------------------------------------------------------- reads

double Percentile(std::vector<double> ms, double p) {
  if (ms.empty()) return 0;
  std::sort(ms.begin(), ms.end());
  const size_t i = std::min(ms.size() - 1, static_cast<size_t>(p * ms.size()));
  return ms[i];
}

struct ReadCase {
  std::string name;
  // Runs call number `i`; false when the call failed or found nothing.
  std::function<bool(int i)> call;
};

// Two-word searches, first page (20 hits): two neighbouring content words
// (not stop words, letters only, 4+ letters) of the body of a random stored
// article, as someone looking for a story would type; and pairs of the
// most frequent content words of IndoSum (each in 10-60% of the
// articles), the slowest kind.
std::vector<ReadCase> SearchCases(storage::ArticleStore& store, const ArticleStream& stream,
                                  int64_t written, int calls) {
  auto queries = std::make_shared<std::vector<std::string>>();
  std::mt19937_64 random(written + 1);
  while (static_cast<int>(queries->size()) < calls) {
    const EnrichedArticle a = stream.At(random() % written);
    std::vector<std::string> words;
    for (const storage::SearchWord& w : storage::SearchWords(storage::SearchBodyOf(a))) {
      if (w.folded.size() >= 4 &&
          std::all_of(w.folded.begin(), w.folded.end(), absl::ascii_isalpha) &&
          !storage::IsSearchStopWord(w.folded, storage::SearchLanguage::kAny)) {
        words.push_back(w.folded);
      }
    }
    if (words.size() < 2) continue;
    const size_t j = random() % (words.size() - 1);
    if (words[j] != words[j + 1]) queries->push_back(absl::StrCat(words[j], " ", words[j + 1]));
  }
  static const char* const kFrequent[] = {
      "indonesia jakarta", "pemerintah indonesia", "presiden jokowi", "masyarakat indonesia",
      "negara dunia",      "pemain timnas",        "harga rumah",     "kota jakarta"};
  std::vector<ReadCase> cases;
  cases.push_back({"SearchArticles 2 words of an article", [&store, queries](int i) {
                     warta::v1::SearchArticlesRequest request;
                     request.set_query((*queries)[i % queries->size()]);
                     auto page = store.SearchArticles(request);
                     return page.ok() && page->hits_size() > 0;
                   }});
  cases.push_back({"SearchArticles 2 frequent words", [&store](int i) {
                     warta::v1::SearchArticlesRequest request;
                     request.set_query(kFrequent[i % 8]);
                     auto page = store.SearchArticles(request);
                     return page.ok() && page->hits_size() > 0;
                   }});
  return cases;
}

std::vector<ReadCase> ReadCases(storage::ArticleStore& store, const ArticleStream& stream,
                                int64_t written, int calls) {
  // Stories of random stored articles (a big story is asked for more often,
  // as readers do).
  auto story_ids = std::make_shared<std::vector<std::string>>();
  std::mt19937_64 random(written);
  for (int i = 0; i < calls; ++i) {
    auto article = store.GetArticle(stream.IdAt(random() % written));
    if (article.ok()) story_ids->push_back(article->story_id());
  }
  static const char* const kNames[] = {"putin", "jokowi", "sandi", "ronaldo"};
  std::vector<ReadCase> cases;
  cases.push_back({"GetStory", [&store, story_ids](int i) {
                     return !story_ids->empty() &&
                            store.GetStory((*story_ids)[i % story_ids->size()]).ok();
                   }});
  cases.push_back({"ListStories", [&store](int) {
                     auto page = store.ListStories({});
                     return page.ok() && page->stories_size() > 0;
                   }});
  cases.push_back({"ListStories min_sources=3", [&store](int) {
                     warta::v1::ListStoriesRequest request;
                     request.set_min_sources(3);
                     auto page = store.ListStories(request);
                     return page.ok() && page->stories_size() > 0;
                   }});
  cases.push_back({"ListEntities query=name", [&store](int i) {
                     warta::v1::ListEntitiesRequest request;
                     request.set_query(kNames[i % 4]);
                     auto page = store.ListEntities(request);
                     return page.ok() && page->entities_size() > 0;
                   }});
  cases.push_back({"ListContestedClaims", [&store](int) {
                     auto page = store.ListContestedClaims("", 0, 0, "");
                     return page.ok() && page->contested_size() > 0;
                   }});
  for (ReadCase& c : SearchCases(store, stream, written, calls)) cases.push_back(std::move(c));
  return cases;
}

double CpuSeconds();

// Wall-clock percentiles, and the process's mean CPU time per call (what a
// call costs whatever else the machine runs: on shared cores the wall
// figures also count the time other processes had the CPU).
void ReportReads(const std::vector<ReadCase>& cases, int64_t written, int calls) {
  std::printf("\nreads at %lld articles (%d calls each)\n", static_cast<long long>(written),
              calls);
  std::printf("| read | p50 ms | p99 ms | max ms | CPU ms/call | empty or failed |\n"
              "|---|---:|---:|---:|---:|---:|\n");
  for (const ReadCase& c : cases) {
    std::vector<double> ms;
    int misses = 0;
    const double cpu = CpuSeconds();
    for (int i = 0; i < calls; ++i) {
      const absl::Time start = absl::Now();
      misses += c.call(i) ? 0 : 1;
      ms.push_back(absl::ToDoubleMilliseconds(absl::Now() - start));
    }
    const double cpu_ms = (CpuSeconds() - cpu) * 1000 / calls;
    std::printf("| %s | %.2f | %.2f | %.2f | %.2f | %d |\n", c.name.c_str(), Percentile(ms, 0.5),
                Percentile(ms, 0.99), Percentile(ms, 1.0), cpu_ms, misses);
  }
  std::fflush(stdout);
}

void ReportSize(const Backend& backend, int64_t written) {
  const int64_t bytes = backend.bytes();
  std::printf("\ndatabase at %lld articles: %.1f MB, %.0f bytes/article\n",
              static_cast<long long>(written), bytes / 1e6,
              static_cast<double>(bytes) / written);
  std::printf("| table (with indexes) | MB | bytes/article |\n|---|---:|---:|\n");
  for (const auto& [table, table_bytes] : backend.tables()) {
    std::printf("| %s | %.1f | %.0f |\n", table.c_str(), table_bytes / 1e6,
                static_cast<double>(table_bytes) / written);
  }
  std::fflush(stdout);
}

// ---------------------------------------------------------------- writes

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Reads and sizes are measured when the store first holds this many
// articles, and at the end.
constexpr int64_t kCheckpoints[] = {10'000, 100'000, 200'000, 500'000};

bool IsCheckpoint(int64_t before, int64_t written, int64_t total) {
  if (written == total) return true;
  for (int64_t c : kCheckpoints) {
    if (before < c && written >= c) return true;
  }
  return false;
}

// Store time and CPU of the upserts, overall and since the last report.
class Meter {
 public:
  void Add(absl::Duration took, double cpu_seconds, int64_t articles) {
    total_ += took;
    window_ += took;
    window_cpu_ += cpu_seconds;
    window_articles_ += articles;
  }
  // One row of the writes table, then a new window.
  void Report(int64_t written, int64_t database_bytes) {
    std::printf("| %lld | %.0f | %.1f | %.0f | %.0f |\n", static_cast<long long>(written),
                window_articles_ / absl::ToDoubleSeconds(window_),
                window_cpu_, written / absl::ToDoubleSeconds(total_),
                static_cast<double>(database_bytes) / written);
    std::fflush(stdout);
    window_ = absl::ZeroDuration();
    window_cpu_ = 0;
    window_articles_ = 0;
  }
  absl::Duration total() const { return total_; }

 private:
  absl::Duration total_, window_;
  double window_cpu_ = 0;
  int64_t window_articles_ = 0;
};

// Stores stream positions [from, to) in one UpsertBatch.
absl::Status WriteBatch(storage::ArticleStore& store, const ArticleStream& stream, int64_t from,
                        int64_t to, Meter& meter) {
  std::vector<EnrichedArticle> batch;
  for (int64_t i = from; i < to; ++i) batch.push_back(stream.At(i));
  const double cpu = CpuSeconds();
  const absl::Time start = absl::Now();
  absl::Status status = store.UpsertBatch(batch, {{"articles.enriched", 0, to}}).status();
  meter.Add(absl::Now() - start, CpuSeconds() - cpu, to - from);
  return status;
}

int Fail(const absl::Status& status) {
  std::fprintf(stderr, "%s\n", status.ToString().c_str());
  return 1;
}

// --search_only: a what-if for search at sizes the store's write path takes
// hours to reach here. The articles rows (serialized article, filter
// columns) and the full-text index (article_search, search_docs) are
// written directly, as the store writes them but without stories,
// entities, claims or the registry, in
// transactions of --report_every articles; at each checkpoint a SqliteStore
// opens the file and the search reads are measured through it.
int RunSearchOnly(const BenchOptions& options, const ArticleStream& stream) {
  if (options.backend != "sqlite") {
    return Fail(absl::InvalidArgumentError("--search_only is for --backend=sqlite"));
  }
  if (options.reads_only) {
    // Again on the file a previous --search_only run of --articles left.
    auto store = storage::SqliteStore::Open(options.db);
    if (!store.ok()) return Fail(store.status());
    ReportReads(SearchCases(**store, stream, options.articles, options.calls), options.articles,
                options.calls);
    return 0;
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(options.db + suffix);
  {
    auto store = storage::SqliteStore::Open(options.db);  // the schema
    if (!store.ok()) return Fail(store.status());
  }
  sqlite3* db = nullptr;
  if (sqlite3_open(options.db.c_str(), &db) != SQLITE_OK) {
    return Fail(absl::UnavailableError(absl::StrCat("cannot open ", options.db)));
  }
  if (absl::Status s = storage::RegisterSearchFunctions(db); !s.ok()) return Fail(s);
  sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; "
                   "PRAGMA cache_size = -262144", nullptr, nullptr, nullptr);
  sqlite3_stmt* article = nullptr;
  sqlite3_stmt* index = nullptr;
  sqlite3_stmt* doc = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT INTO articles (id, seq, source, language, published_at, "
                     "pipeline_version, stored_at, data, story_id) VALUES (?, ?, ?, ?, ?, ?, 0, "
                     "?, '')",
                     -1, &article, nullptr);
  sqlite3_prepare_v2(db, "INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)", -1,
                     &index, nullptr);
  sqlite3_prepare_v2(db,
                     "INSERT INTO search_docs (rowid, published_at, language, source, story_id) "
                     "VALUES (?, ?, ?, ?, '')",
                     -1, &doc, nullptr);
  auto text = [](sqlite3_stmt* stmt, int i, const std::string& v) {
    sqlite3_bind_text(stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  };
  std::printf("sqlite, search only, %lld articles\n\n| articles | window articles/s | "
              "bytes/article |\n|---:|---:|---:|\n",
              static_cast<long long>(options.articles));
  const auto bytes = [&] { return FileBytes(options.db) + FileBytes(options.db + "-wal"); };
  for (int64_t written = 0; written < options.articles;) {
    const int64_t end = std::min<int64_t>(written + options.report_every, options.articles);
    const absl::Time start = absl::Now();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (int64_t i = written; i < end; ++i) {
      const EnrichedArticle a = stream.At(i);
      const storage::ArticleRows rows = storage::RowsOf(a);
      text(article, 1, rows.id);
      sqlite3_bind_int64(article, 2, i + 1);
      text(article, 3, rows.source);
      text(article, 4, rows.language);
      sqlite3_bind_int64(article, 5, rows.published_at);
      text(article, 6, rows.pipeline_version);
      sqlite3_bind_blob(article, 7, rows.data.data(), static_cast<int>(rows.data.size()),
                        SQLITE_TRANSIENT);
      const storage::SearchLanguage language = storage::SearchLanguageOf(rows.language);
      const int64_t rowid =
          sqlite3_step(article) == SQLITE_DONE ? sqlite3_last_insert_rowid(db) : 0;
      sqlite3_bind_int64(index, 1, rowid);
      text(index, 2, storage::TagSearchText(storage::SearchTitleOf(a), language));
      text(index, 3, storage::TagSearchText(storage::SearchBodyOf(a), language));
      sqlite3_bind_int64(doc, 1, rowid);
      sqlite3_bind_int64(doc, 2, rows.published_at);
      text(doc, 3, rows.language);
      text(doc, 4, rows.source);
      if (rowid == 0 || sqlite3_step(index) != SQLITE_DONE || sqlite3_step(doc) != SQLITE_DONE) {
        return Fail(absl::InternalError(absl::StrCat("insert: ", sqlite3_errmsg(db))));
      }
      sqlite3_reset(article);
      sqlite3_reset(index);
      sqlite3_reset(doc);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const int64_t before = std::exchange(written, end);
    std::printf("| %lld | %.0f | %.0f |\n", static_cast<long long>(written),
                (written - before) / absl::ToDoubleSeconds(absl::Now() - start),
                static_cast<double>(bytes()) / written);
    std::fflush(stdout);
    if (IsCheckpoint(before, written, options.articles)) {
      auto store = storage::SqliteStore::Open(options.db);
      if (!store.ok()) return Fail(store.status());
      ReportReads(SearchCases(**store, stream, written, options.calls), written, options.calls);
      ReportSize(Backend{nullptr, bytes, [&] { return SqliteTables(options.db); }}, written);
      std::printf("\n");
    }
  }
  sqlite3_finalize(article);
  sqlite3_finalize(index);
  sqlite3_finalize(doc);
  sqlite3_close(db);
  return 0;
}

int Run(const BenchOptions& options) {
  auto originals = LoadEnriched(options.enriched);
  if (!originals.ok()) return Fail(originals.status());
  auto weights = LoadWeights(options.idf);
  if (!weights.ok()) return Fail(weights.status());
  const ArticleStream stream(*std::move(originals), *weights);
  if (options.search_only) return RunSearchOnly(options, stream);
  auto backend = OpenBackend(options, *weights);
  if (!backend.ok()) return Fail(backend.status());
  std::printf("%s, %lld articles in batches of %d\n\n| articles | window articles/s | "
              "window store CPU s | overall articles/s | bytes/article |\n"
              "|---:|---:|---:|---:|---:|\n",
              options.backend.c_str(), static_cast<long long>(options.articles), options.batch);
  Meter meter;
  for (int64_t written = 0; written < options.articles;) {
    const int64_t end = std::min<int64_t>(written + options.batch, options.articles);
    absl::Status status = WriteBatch(*backend->store, stream, written, end, meter);
    if (!status.ok()) return Fail(status);
    const int64_t before = std::exchange(written, end);
    if (written / options.report_every != before / options.report_every ||
        written == options.articles) {
      meter.Report(written, backend->bytes());
    }
    if (IsCheckpoint(before, written, options.articles)) {
      ReportReads(ReadCases(*backend->store, stream, written, options.calls), written,
                  options.calls);
      ReportSize(*backend, written);
      std::printf("\n");
    }
  }
  std::printf("\noverall: %lld articles in %.1f s of store time: %.0f articles/s\n",
              static_cast<long long>(options.articles), absl::ToDoubleSeconds(meter.total()),
              options.articles / absl::ToDoubleSeconds(meter.total()));
  return 0;
}

// --name=value flags into `options`; false (after a message) for an unknown
// flag or a bad number.
bool ParseFlags(int argc, char** argv, BenchOptions& options) {
  const std::map<std::string, std::function<bool(const std::string&)>> flags = {
      {"articles", [&](const std::string& v) { return absl::SimpleAtoi(v, &options.articles); }},
      {"backend", [&](const std::string& v) { return options.backend = v, true; }},
      {"db", [&](const std::string& v) { return options.db = v, true; }},
      {"batch", [&](const std::string& v) { return absl::SimpleAtoi(v, &options.batch); }},
      {"report_every",
       [&](const std::string& v) { return absl::SimpleAtoi(v, &options.report_every); }},
      {"enriched", [&](const std::string& v) { return options.enriched = v, true; }},
      {"idf", [&](const std::string& v) { return options.idf = v, true; }},
      {"calls", [&](const std::string& v) { return absl::SimpleAtoi(v, &options.calls); }},
      {"sqlite_cache_mb",
       [&](const std::string& v) { return absl::SimpleAtoi(v, &options.sqlite_cache_mb); }},
      {"search_only",
       [&](const std::string& v) { return absl::SimpleAtob(v, &options.search_only); }},
      {"reads_only",
       [&](const std::string& v) { return absl::SimpleAtob(v, &options.reads_only); }},
  };
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const size_t eq = arg.find('=');
    auto flag = arg.rfind("--", 0) == 0 && eq != std::string::npos
                    ? flags.find(arg.substr(2, eq - 2))
                    : flags.end();
    if (flag == flags.end() || !flag->second(arg.substr(eq + 1))) {
      std::fprintf(stderr, "bad flag %s (see the top of store_scale_bench.cc)\n", arg.c_str());
      return false;
    }
  }
  if (options.articles <= 0 || options.batch <= 0 || options.report_every <= 0 ||
      options.calls <= 0) {
    std::fprintf(stderr, "--articles, --batch, --report_every and --calls must be positive\n");
    return false;
  }
  return true;
}

}  // namespace
}  // namespace warta::bench

int main(int argc, char** argv) {
  warta::bench::BenchOptions options;
  if (!warta::bench::ParseFlags(argc, argv, options)) return 2;
  return warta::bench::Run(options);
}
