// PostgresStore: the shared ArticleStore behaviour (article_store_test.cc)
// on a real PostgreSQL server, plus what only a shared server has (several
// stores on one database, reconnecting, schema checks).
//
// One throwaway server per test binary, started by scripts/postgres.sh in a
// temporary directory and stopped at the end; each test gets a database of
// its own. WARTA_TEST_POSTGRES=<conninfo> uses an existing server instead
// (its user must be allowed to CREATE DATABASE). Without the PostgreSQL 15
// server binaries (Debian package postgresql-15; PG_BIN=dir overrides
// /usr/lib/postgresql/15/bin) the tests SKIP.
#include "storage/postgres/postgres_store.h"
#include "tests/testing/shared_data.h"

#include <libpq-fe.h>
#include <stdlib.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/unit/storage/article_store_test.h"
#include "tests/unit/storage/test_articles.h"

namespace warta::storage {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::SizeIs;

// Where the server binaries are; PG_BIN overrides it (scripts/postgres.sh
// reads the same variable).
std::string InitdbPath() {
  const char* bin = getenv("PG_BIN");
  return absl::StrCat(bin && *bin ? bin : "/usr/lib/postgresql/15/bin", "/initdb");
}

// Runs a shell command; returns its standard output, or an error with it.
absl::StatusOr<std::string> RunCommand(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return absl::InternalError("popen failed: " + command);
  std::string out;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof(buffer), pipe)) out.append(buffer, n);
  const int rc = pclose(pipe);
  if (rc != 0) {
    return absl::InternalError(absl::StrCat(command, " failed (", rc, "): ", out));
  }
  return out;
}

// Runs SQL on `conninfo` outside any store.
absl::Status ExecRaw(const std::string& conninfo, const std::string& sql) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  absl::Status status;
  if (PQstatus(conn) != CONNECTION_OK) {
    status = absl::UnavailableError(PQerrorMessage(conn));
  } else {
    PGresult* r = PQexec(conn, sql.c_str());
    if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
      status = absl::InternalError(absl::StrCat(PQresultErrorMessage(r), " in: ", sql));
    }
    PQclear(r);
  }
  PQfinish(conn);
  return status;
}

// The server all tests of this binary share.
class PostgresServer : public ::testing::Environment {
 public:
  static PostgresServer* Get() {
    static auto* server = new PostgresServer;
    return server;
  }

  void SetUp() override {
    if (const char* existing = getenv("WARTA_TEST_POSTGRES"); existing && *existing) {
      conninfo_ = existing;
      return;
    }
    if (!std::filesystem::exists(InitdbPath())) {
      conninfo_ = absl::UnavailableError(absl::StrCat(
          InitdbPath(), " not found: install the Debian package postgresql-15 to run the "
                   "PostgreSQL store tests"));
      return;
    }
    char dir[] = "/tmp/warta_pg_test_XXXXXX";
    if (mkdtemp(dir) == nullptr) {
      conninfo_ = absl::InternalError("mkdtemp failed");
      return;
    }
    dir_ = dir;
    auto out = RunCommand(absl::StrCat(WARTA_SOURCE_DIR, "/scripts/postgres.sh start ",
                                       dir_, " 2>&1"));
    if (!out.ok()) {
      conninfo_ = out.status();
      return;
    }
    std::vector<std::string> lines =
        absl::StrSplit(*out, '\n', absl::SkipWhitespace());
    conninfo_ = lines.empty() ? std::string() : lines.back();
  }

  void TearDown() override {
    if (dir_.empty()) return;
    auto stopped = RunCommand(absl::StrCat(WARTA_SOURCE_DIR, "/scripts/postgres.sh stop ",
                                           dir_, " 2>&1"));
    if (!stopped.ok()) fprintf(stderr, "%s\n", stopped.status().ToString().c_str());
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // conninfo of a new, empty database; UNAVAILABLE without a server.
  absl::StatusOr<std::string> NewDatabase() {
    if (!conninfo_.ok()) return conninfo_.status();
    const std::string name = absl::StrCat("warta_test_", getpid(), "_", ++databases_);
    absl::Status created = ExecRaw(*conninfo_, "CREATE DATABASE " + name);
    if (!created.ok()) return created;
    // In a libpq conninfo string a later keyword overrides an earlier one.
    return absl::StrCat(*conninfo_, " dbname=", name);
  }

  const absl::StatusOr<std::string>& conninfo() const { return conninfo_; }

 private:
  absl::StatusOr<std::string> conninfo_ = absl::UnavailableError("server not started");
  std::string dir_;
  int databases_ = 0;
};

[[maybe_unused]] ::testing::Environment* const kServer =
    ::testing::AddGlobalTestEnvironment(PostgresServer::Get());

using testing::ArticleStoreTest;

INSTANTIATE_TEST_SUITE_P(
    Postgres, ArticleStoreTest,
    ::testing::Values(testing::StoreFactory{
        "Postgres",
        [](std::function<absl::Time()> clock)
            -> absl::StatusOr<std::unique_ptr<ArticleStore>> {
          auto conninfo = PostgresServer::Get()->NewDatabase();
          if (!conninfo.ok()) return conninfo.status();
          PostgresStoreOptions options;
          options.clock = std::move(clock);
          auto store = PostgresStore::Open(*conninfo, std::move(options));
          // The server is up: failing to open is a failure, not a skip.
          if (!store.ok()) return absl::InternalError(store.status().ToString());
          return std::unique_ptr<ArticleStore>(*std::move(store));
        }}),
    testing::StoreFactoryName);

std::vector<std::string> Ids(const warta::v1::ListArticlesResponse& r) {
  std::vector<std::string> ids;
  for (const auto& a : r.articles()) ids.push_back(a.article().id());
  return ids;
}

// Tests that need a database of their own outside the shared behaviour.
class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto conninfo = PostgresServer::Get()->NewDatabase();
    if (absl::IsUnavailable(conninfo.status())) WARTA_SKIP_UNLESS_CI(conninfo.status());
    ASSERT_TRUE(conninfo.ok()) << conninfo.status();
    conninfo_ = *conninfo;
  }

  std::unique_ptr<PostgresStore> Open() {
    auto store = PostgresStore::Open(conninfo_);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }

  std::string conninfo_;
};

TEST_F(PostgresStoreTest, OffsetsAndRowsCommitOrFailTogether) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  // Make writing one particular offset fail inside the transaction.
  ASSERT_TRUE(ExecRaw(conninfo_, R"sql(
      CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'poisoned'; END $$;
      CREATE TRIGGER poison BEFORE INSERT ON kafka_offsets FOR EACH ROW
      WHEN (NEW.topic = 'poison') EXECUTE FUNCTION poison();)sql").ok());
  const std::vector<warta::v1::EnrichedArticle> batch = {testing::BergeloraArticle(),
                                                         testing::KurskArticle()};
  EXPECT_FALSE(store->UpsertBatch(batch, {{"t", 0, 2}, {"poison", 0, 1}}).ok());
  EXPECT_THAT(Ids(*store->ListArticles({}, 0, "")), IsEmpty());
  EXPECT_THAT(*store->LoadOffsets("t"), IsEmpty());
  EXPECT_EQ(*store->LatestSeq(), 0);

  // The connection is still usable after the rollback.
  ASSERT_TRUE(store->UpsertBatch(batch, {{"t", 0, 2}}).ok());
  EXPECT_THAT(Ids(*store->ListArticles({}, 0, "")), SizeIs(2));
  EXPECT_THAT(*store->LoadOffsets("t"), ElementsAre(Pair(0, 2)));
}

TEST_F(PostgresStoreTest, ReopenedDatabaseKeepsRowsOffsetsAndSequence) {
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->Upsert(testing::KurskArticle(), {{"t", 1, 7}}).ok());
  }
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->LatestSeq(), 1);
  EXPECT_THAT(*store->LoadOffsets("t"), ElementsAre(Pair(1, 7)));
  ASSERT_TRUE(store->Upsert(testing::BergeloraArticle(), {}).ok());
  EXPECT_GT(*store->LatestSeq(), 1);
  auto kept = store->GetArticle("putin-choe-kursk");
  ASSERT_TRUE(kept.ok());
  EXPECT_FALSE(kept->story_id().empty());
  kept->clear_story_id();
  EXPECT_EQ(kept->SerializeAsString(), testing::KurskArticle().SerializeAsString());
}

TEST_F(PostgresStoreTest, RefusesUnknownSchemaVersionsAndForeignTables) {
  ASSERT_NE(Open(), nullptr);
  ASSERT_TRUE(ExecRaw(conninfo_, "UPDATE warta_schema SET version = 99").ok());
  auto newer = PostgresStore::Open(conninfo_);
  EXPECT_EQ(newer.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(newer.status().message()), HasSubstr("99"));

  ASSERT_TRUE(ExecRaw(conninfo_, "DROP TABLE warta_schema").ok());
  EXPECT_EQ(PostgresStore::Open(conninfo_).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST_F(PostgresStoreTest, AVersionTwoDatabaseGetsItsArticlesIndexedForSearch) {
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    auto article = testing::KurskArticle();
    article.mutable_text()->set_title("Pembangunan pangkalan militer di Kursk");
    ASSERT_TRUE(store->UpsertBatch({article, testing::BergeloraArticle()}, {}).ok());
  }
  // Back to what the build before search left: version 2, no index.
  ASSERT_TRUE(ExecRaw(conninfo_, "ALTER TABLE articles DROP COLUMN search; "
                                 "UPDATE warta_schema SET version = 2").ok());
  auto store = Open();
  ASSERT_NE(store, nullptr);
  warta::v1::SearchArticlesRequest request;
  request.set_query("membangun kursk");
  auto found = store->SearchArticles(request);
  ASSERT_TRUE(found.ok()) << found.status();
  ASSERT_EQ(found->hits_size(), 1);
  EXPECT_EQ(found->hits(0).article().article().id(), "putin-choe-kursk");
  EXPECT_EQ(found->hits(0).title_snippet(), "[Pembangunan] pangkalan militer di [Kursk]");
  request.set_query("body");
  EXPECT_EQ(store->SearchArticles(request)->hits_size(), 2);
}

TEST_F(PostgresStoreTest, AcceptsPostgresqlUris) {
  // host=127.0.0.1 port=N user=warta dbname=D -> postgresql://warta@127.0.0.1:N/D
  std::string host, port, user, dbname;
  for (absl::string_view kv : absl::StrSplit(conninfo_, ' ', absl::SkipWhitespace())) {
    std::pair<std::string, std::string> p = absl::StrSplit(kv, absl::MaxSplits('=', 1));
    if (p.first == "host") host = p.second;
    if (p.first == "port") port = p.second;
    if (p.first == "user") user = p.second;
    if (p.first == "dbname") dbname = p.second;
  }
  if (host.empty() || port.empty()) GTEST_SKIP() << "conninfo is not host/port: " << conninfo_;
  auto store = PostgresStore::Open(
      absl::StrCat("postgresql://", user, user.empty() ? "" : "@", host, ":", port, "/", dbname));
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_TRUE((*store)->Upsert(testing::KurskArticle(), {}).ok());
}

TEST(PostgresStoreOpenTest, UnreachableServerIsUnavailableAndNamed) {
  auto store = PostgresStore::Open("host=127.0.0.1 port=1 dbname=nowhere connect_timeout=2");
  EXPECT_EQ(store.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(std::string(store.status().message()), HasSubstr("127.0.0.1"));
  EXPECT_THAT(std::string(store.status().message()), HasSubstr("PostgreSQL"));
}

TEST_F(PostgresStoreTest, ChangesStoredByAnotherStoreWakeWatchers) {
  auto writer = Open();
  auto watcher = Open();
  ASSERT_NE(writer, nullptr);
  ASSERT_NE(watcher, nullptr);
  std::thread write([&] {
    absl::SleepFor(absl::Milliseconds(50));
    ASSERT_TRUE(writer->Upsert(testing::KurskArticle(), {}).ok());
  });
  const absl::Time start = absl::Now();
  const int64_t seq = watcher->WaitForChange(0, start + absl::Seconds(20));
  write.join();
  EXPECT_GT(seq, 0);
  EXPECT_LT(absl::Now() - start, absl::Seconds(10));
  auto changes = watcher->ChangesSince(0, 10);
  ASSERT_TRUE(changes.ok()) << changes.status();
  ASSERT_THAT(*changes, SizeIs(1));
  EXPECT_EQ((*changes)[0].seq, seq);
  EXPECT_EQ(*watcher->LatestSeq(), seq);
}

TEST_F(PostgresStoreTest, SurvivesTheServerDroppingItsConnections) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Upsert(testing::KurskArticle(), {}).ok());
  // What a server restart or an administrator does to every session.
  ASSERT_TRUE(ExecRaw(conninfo_,
                      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                      "datname = current_database() AND pid <> pg_backend_pid()")
                  .ok());
  // Outside a transaction the store reconnects and carries on.
  auto got = store->GetArticle("putin-choe-kursk");
  EXPECT_TRUE(got.ok()) << got.status();
  // The listener reconnects too: another store's write still wakes it.
  auto writer = Open();
  ASSERT_NE(writer, nullptr);
  std::thread write([&] {
    absl::SleepFor(absl::Milliseconds(1500));
    ASSERT_TRUE(writer->Upsert(testing::BergeloraArticle(), {}).ok());
  });
  const int64_t seq = store->WaitForChange(1, absl::Now() + absl::Seconds(20));
  write.join();
  EXPECT_GT(seq, 1);
  EXPECT_TRUE(store->Upsert(testing::MakeArticle("after", "s", "id", 0), {}).ok());
}

TEST_F(PostgresStoreTest, StoresSharingADatabaseKeepOneSequence) {
  auto a = Open();
  auto b = Open();
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  std::vector<std::thread> threads;
  for (PostgresStore* store : {a.get(), b.get()}) {
    threads.emplace_back([store] {
      for (int i = 0; i < 15; ++i) {
        // Both stores write the same ids: one row per id in the end.
        auto article = testing::MakeArticle("shared-" + std::to_string(i), "s", "id",
                                            testing::Nov2024(1) + i);
        ASSERT_TRUE(store->Upsert(article, {}).ok());
      }
    });
  }
  for (auto& t : threads) t.join();
  auto changes = a->ChangesSince(0, 100);
  ASSERT_TRUE(changes.ok()) << changes.status();
  ASSERT_THAT(*changes, SizeIs(15));
  for (size_t i = 1; i < changes->size(); ++i) {
    EXPECT_LT((*changes)[i - 1].seq, (*changes)[i].seq);
  }
  EXPECT_EQ(*b->LatestSeq(), changes->back().seq);
}

}  // namespace
}  // namespace warta::storage
