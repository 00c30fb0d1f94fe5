// SqliteStore: the shared ArticleStore behaviour on an in-memory database,
// plus what only a database file has (reopening, schema versions, a write
// failing mid-transaction).
#include "storage/sqlite/sqlite_store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/sql_schema.h"
#include "tests/unit/storage/article_store_test.h"
#include "tests/unit/storage/test_articles.h"

namespace warta::storage {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::SizeIs;

using testing::ArticleStoreTest;

INSTANTIATE_TEST_SUITE_P(
    Sqlite, ArticleStoreTest,
    ::testing::Values(testing::StoreFactory{
        "Sqlite",
        [](std::function<absl::Time()> clock)
            -> absl::StatusOr<std::unique_ptr<ArticleStore>> {
          SqliteStoreOptions options;
          options.clock = std::move(clock);
          auto store = SqliteStore::Open(":memory:", std::move(options));
          if (!store.ok()) return store.status();
          return std::unique_ptr<ArticleStore>(*std::move(store));
        }}),
    testing::StoreFactoryName);

std::vector<std::string> Ids(const warta::v1::ListArticlesResponse& r) {
  std::vector<std::string> ids;
  for (const auto& a : r.articles()) ids.push_back(a.article().id());
  return ids;
}

// A fresh, empty path for a database file, removed at the end of the test.
class TempDbPath {
 public:
  TempDbPath() {
    path_ = std::filesystem::temp_directory_path() /
            ("warta_storage_test_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    Remove();
  }
  ~TempDbPath() { Remove(); }
  std::string str() const { return path_.string(); }

 private:
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_.string() + suffix);
    }
  }
  std::filesystem::path path_;
};

void ExecRaw(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

// A store on a new file whose transactions fail when they write an offset
// of the topic "poison": a write failing inside the transaction.
absl::StatusOr<std::unique_ptr<SqliteStore>> OpenPoisoned(const std::string& path) {
  if (auto created = SqliteStore::Open(path); !created.ok()) return created.status();
  ExecRaw(path,
          "CREATE TRIGGER poison BEFORE INSERT ON kafka_offsets "
          "WHEN NEW.topic = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END;");
  return SqliteStore::Open(path);
}

TEST(SqliteStoreTest, OffsetsAndRowsCommitOrFailTogether) {
  TempDbPath path;
  auto store = OpenPoisoned(path.str());
  ASSERT_TRUE(store.ok()) << store.status();
  const std::vector<warta::v1::EnrichedArticle> batch = {testing::BergeloraArticle(),
                                                         testing::KurskArticle()};
  EXPECT_FALSE((*store)->UpsertBatch(batch, {{"t", 0, 2}, {"poison", 0, 1}}).ok());
  EXPECT_THAT(Ids(*(*store)->ListArticles({}, 0, "")), IsEmpty());
  EXPECT_THAT(*(*store)->LoadOffsets("t"), IsEmpty());
  EXPECT_EQ(*(*store)->LatestSeq(), 0);

  ASSERT_TRUE((*store)->UpsertBatch(batch, {{"t", 0, 2}}).ok());
  EXPECT_THAT(Ids(*(*store)->ListArticles({}, 0, "")), SizeIs(2));
  EXPECT_THAT(*(*store)->LoadOffsets("t"), ElementsAre(Pair(0, 2)));
}

// The store keeps the stories it wrote in memory between articles; what
// another process wrote to the file, or a batch that rolled back, must not
// be hidden by it.
TEST(SqliteStoreTest, AStoryAnotherProcessExtendedIsReadAgain) {
  TempDbPath path;
  auto first = SqliteStore::Open(path.str());
  auto second = SqliteStore::Open(path.str());
  ASSERT_TRUE(first.ok() && second.ok());
  ASSERT_TRUE((*first)->Upsert(testing::StoryArticle("antara", "antaranews.com", 4,
                                                     testing::kTroops, true), {}).ok());
  ASSERT_TRUE((*second)->Upsert(testing::StoryArticle("tempo", "tempo.co", 5,
                                                      testing::kTroopsRetold, true), {}).ok());
  ASSERT_TRUE((*first)->Upsert(testing::StoryArticle("detik", "detik.com", 5,
                                                     testing::kTroopsRetold, true), {}).ok());
  const std::string story = (*first)->GetArticle("antara")->story_id();
  EXPECT_EQ((*first)->GetArticle("tempo")->story_id(), story);
  EXPECT_EQ((*first)->GetArticle("detik")->story_id(), story);
  auto got = (*first)->GetStory(story);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->article_count(), 3) << "tempo, written by the other store, is counted";
  EXPECT_THAT(got->sources(), ElementsAre("antaranews.com", "tempo.co", "detik.com"));
}

TEST(SqliteStoreTest, AStoryOfARolledBackBatchCountsItsArticleOnce) {
  TempDbPath path;
  auto store = OpenPoisoned(path.str());
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_TRUE((*store)->Upsert(testing::StoryArticle("antara", "antaranews.com", 4,
                                                     testing::kTroops, true), {}).ok());
  const std::vector<warta::v1::EnrichedArticle> batch = {
      testing::StoryArticle("tempo", "tempo.co", 5, testing::kTroopsRetold, true)};
  EXPECT_FALSE((*store)->UpsertBatch(batch, {{"poison", 0, 1}}).ok());
  ASSERT_TRUE((*store)->UpsertBatch(batch, {{"t", 0, 1}}).ok());
  auto got = (*store)->GetStory((*store)->GetArticle("antara")->story_id());
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->article_count(), 2);
  EXPECT_THAT(got->sources(), ElementsAre("antaranews.com", "tempo.co"));
}

// Commits do not copy the write-ahead log into the file themselves (that
// wait held up every article queued behind them); a background connection
// does, so the file grows while the store writes.
TEST(SqliteStoreTest, TheLogIsCopiedIntoTheFileWhileTheStoreWrites) {
  TempDbPath path;
  auto store = SqliteStore::Open(path.str());
  ASSERT_TRUE(store.ok()) << store.status();
  const auto file_size = [&](const char* suffix) -> uintmax_t {
    std::error_code error;
    const uintmax_t size = std::filesystem::file_size(path.str() + suffix, error);
    return error ? 0 : size;
  };
  const uintmax_t empty = file_size("");
  constexpr uintmax_t kPage = 4096;
  const uintmax_t log_to_copy = 2 * WalCheckpointer::kCheckpointPages * kPage;
  for (int batch = 0; batch < 40 && file_size("-wal") < log_to_copy; ++batch) {
    std::vector<warta::v1::EnrichedArticle> articles;
    for (int i = 0; i < 50; ++i) {
      articles.push_back(testing::StoryArticle(absl::StrCat("a", batch, "-", i), "example.com",
                                               4, std::string(4000, 'x'), false));
    }
    ASSERT_TRUE((*store)->UpsertBatch(articles, {}).ok());
  }
  ASSERT_GE(file_size("-wal"), log_to_copy);
  // Generous: on a loaded machine (a parallel build writing to the same disk)
  // the copy's fsyncs once took longer than 20 s.
  const absl::Time deadline = absl::Now() + absl::Seconds(90);
  // The rows take about 3 MB (the log holds their pages many times over).
  constexpr uintmax_t kCopied = uintmax_t{1} << 20;
  while (file_size("") < empty + kCopied && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  EXPECT_GE(file_size(""), empty + kCopied) << "nothing copied into the file within 90 s";
  EXPECT_LT(file_size("-wal"), 2 * WalCheckpointer::kWriterCheckpointPages * kPage) << "the log was not bounded";
}

TEST(SqliteStoreTest, ReopenedFileKeepsRowsOffsetsAndSequence) {
  TempDbPath path;
  {
    auto store = SqliteStore::Open(path.str());
    ASSERT_TRUE(store.ok()) << store.status();
    ASSERT_TRUE((*store)->Upsert(testing::KurskArticle(), {{"t", 1, 7}}).ok());
  }
  auto store = SqliteStore::Open(path.str());
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(*(*store)->LatestSeq(), 1);
  EXPECT_THAT(*(*store)->LoadOffsets("t"), ElementsAre(Pair(1, 7)));
  ASSERT_TRUE((*store)->Upsert(testing::BergeloraArticle(), {}).ok());
  EXPECT_EQ(*(*store)->LatestSeq(), 2);
}

TEST(SqliteStoreTest, AVersionOneFileGainsStoriesAndKeepsItsArticles) {
  TempDbPath path;
  // A store written by the build before stories: version 1 tables, one row.
  std::string v1;
  for (const std::string& sql : SchemaV1(SqlDialect::kSqlite)) v1 += sql + ";";
  const std::string old_article = testing::KurskArticle().SerializeAsString();
  ExecRaw(path.str(), (v1 + "PRAGMA user_version = 1;").c_str());
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.str().c_str(), &db), SQLITE_OK);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO articles (id, seq, source, language, published_at, "
                       "pipeline_version, stored_at, data) VALUES ('putin-choe-kursk', 1, "
                       "'antaranews.com', 'id', 0, '1.0', 0, ?)",
                       -1, &insert, nullptr);
    sqlite3_bind_blob(insert, 1, old_article.data(), static_cast<int>(old_article.size()),
                      SQLITE_TRANSIENT);
    EXPECT_EQ(sqlite3_step(insert), SQLITE_DONE);
    sqlite3_finalize(insert);
    sqlite3_close(db);
  }
  auto store = SqliteStore::Open(path.str());
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_TRUE((*store)->GetArticle("putin-choe-kursk").ok());
  ASSERT_TRUE((*store)->Upsert(testing::BergeloraArticle(), {}).ok());
  EXPECT_FALSE((*store)->GetArticle("bergelora-choe-lavrov")->story_id().empty());
  auto stories = (*store)->ListStories({});
  ASSERT_TRUE(stories.ok()) << stories.status();
  EXPECT_EQ(stories->stories_size(), 1);  // the old article has none until re-enriched
  // Both are searchable (the old one was indexed by the migration).
  warta::v1::SearchArticlesRequest request;
  request.set_query("body");
  EXPECT_EQ((*store)->SearchArticles(request)->hits_size(), 2);
}

TEST(SqliteStoreTest, AVersionTwoFileGetsItsArticlesIndexedForSearch) {
  TempDbPath path;
  // A store written by the build before search: version 2 tables, two rows.
  std::string v2;
  for (const std::string& sql : SchemaV1(SqlDialect::kSqlite)) v2 += sql + ";";
  for (const std::string& sql : SchemaV2Delta()) v2 += sql + ";";
  ExecRaw(path.str(), (v2 + "PRAGMA user_version = 2;").c_str());
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.str().c_str(), &db), SQLITE_OK);
    int64_t seq = 0;
    for (const auto& article : {testing::KurskArticle(), testing::BergeloraArticle()}) {
      auto stored = article;
      stored.mutable_text()->set_title(article.article().id() == "putin-choe-kursk"
                                           ? "Pembangunan pangkalan militer di Kursk"
                                           : "Diplomasi Choe dan Lavrov");
      const std::string data = stored.SerializeAsString();
      sqlite3_stmt* insert = nullptr;
      sqlite3_prepare_v2(db,
                         "INSERT INTO articles (id, seq, source, language, published_at, "
                         "pipeline_version, stored_at, data, story_id) VALUES (?, ?, ?, 'id', "
                         "0, '1.0', 0, ?, 'st-old')",
                         -1, &insert, nullptr);
      sqlite3_bind_text(insert, 1, stored.article().id().c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(insert, 2, ++seq);
      sqlite3_bind_text(insert, 3, stored.article().source().c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob(insert, 4, data.data(), static_cast<int>(data.size()), SQLITE_TRANSIENT);
      EXPECT_EQ(sqlite3_step(insert), SQLITE_DONE);
      sqlite3_finalize(insert);
    }
    sqlite3_close(db);
  }
  auto store = SqliteStore::Open(path.str());
  ASSERT_TRUE(store.ok()) << store.status();
  warta::v1::SearchArticlesRequest request;
  request.set_query("membangun kursk");
  auto found = (*store)->SearchArticles(request);
  ASSERT_TRUE(found.ok()) << found.status();
  ASSERT_EQ(found->hits_size(), 1);
  EXPECT_EQ(found->hits(0).article().article().id(), "putin-choe-kursk");
  EXPECT_EQ(found->hits(0).title_snippet(), "[Pembangunan] pangkalan militer di [Kursk]");
  // The migrated index keeps working for writes: a re-enrichment replaces
  // the old entry.
  auto newer = testing::KurskArticle();
  newer.set_pipeline_version("2.0");
  newer.mutable_text()->set_title("Latihan militer di Kursk");
  ASSERT_TRUE((*store)->Upsert(newer, {}).ok());
  EXPECT_EQ((*store)->SearchArticles(request)->hits_size(), 0);
  request.set_query("latihan");
  EXPECT_EQ((*store)->SearchArticles(request)->hits_size(), 1);
  // Reopening a version-3 file changes nothing.
  store->reset();
  store = SqliteStore::Open(path.str());
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ((*store)->SearchArticles(request)->hits_size(), 1);
}

TEST(SqliteStoreTest, RefusesUnknownSchemaVersionsAndForeignFiles) {
  TempDbPath newer;
  ExecRaw(newer.str(), "CREATE TABLE t (x); PRAGMA user_version = 99;");
  auto opened = SqliteStore::Open(newer.str());
  EXPECT_EQ(opened.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(opened.status().message()), ::testing::HasSubstr("99"));

  TempDbPath foreign;
  ExecRaw(foreign.str(), "CREATE TABLE t (x);");
  EXPECT_EQ(SqliteStore::Open(foreign.str()).status().code(),
            absl::StatusCode::kFailedPrecondition);

  EXPECT_EQ(SqliteStore::Open("/nonexistent-dir/x.db").status().code(),
            absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace warta::storage
