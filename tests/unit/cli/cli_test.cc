// What the CLI reads from disk, and what its summaries show.
#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/article_files.h"
#include "cli/summary.h"

namespace warta::cli {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

class ArticleFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("warta-cli-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << content;
    return p.string();
  }
  std::vector<ArticleInput> ReadAll(const std::string& path) {
    std::vector<ArticleInput> out;
    EXPECT_TRUE(ReadArticles(path, [&](ArticleInput in) { out.push_back(std::move(in)); }).ok());
    return out;
  }
  fs::path dir_;
};

// `warta publish --oldest_first`: an archive (IndoSum's lines jump between
// months) goes out in time order, as a live feed would have sent it.
TEST_F(ArticleFilesTest, OldestFirstOrdersByTimeKeepingUndatedAndBadLinesFirst) {
  auto inputs = ReadAll(Write("archive.jsonl",
                              "{\"id\":\"1500000000-b\",\"text\":\"b\"}\n"
                              "{\"id\":\"u1\",\"text\":\"u\"}\n"
                              "{broken\n"
                              "{\"id\":\"c\",\"text\":\"c\",\"date\":\"2016-01-02\"}\n"
                              "{\"id\":\"1500000000-a\",\"text\":\"a\"}\n"
                              "{\"id\":\"u2\",\"text\":\"u\"}\n"));
  ASSERT_EQ(inputs.size(), 6u);
  SortOldestFirst(inputs);
  std::vector<std::string> order;
  for (const auto& in : inputs) order.push_back(in.article.ok() ? in.article->id() : "error");
  EXPECT_THAT(order, ::testing::ElementsAre("u1", "error", "u2", "c", "1500000000-b", "1500000000-a"));
}

TEST_F(ArticleFilesTest, JsonLinesReportEachBadLineWithItsNumber) {
  std::string path = Write("a.jsonl", "{\"id\":\"1\",\"body\":\"a\"}\n\n{broken\n{\"id\":\"3\",\"body\":\"c\"}\n");
  auto inputs = ReadAll(path);
  ASSERT_EQ(inputs.size(), 3u);
  EXPECT_TRUE(inputs[0].article.ok());
  EXPECT_FALSE(inputs[1].article.ok());
  EXPECT_EQ(inputs[1].origin, path + ":3");
  EXPECT_EQ(inputs[2].article->id(), "3");
}

TEST_F(ArticleFilesTest, TextPageBecomesTheBodyAndJsonArraysEachArticle) {
  auto page = ReadAll(Write("page.txt", "Judul\nJAKARTA - Isi berita.\n"));
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].article->body(), "Judul\nJAKARTA - Isi berita.\n");
  EXPECT_EQ(page[0].article->metadata().at("file"), "page.txt");
  auto array = ReadAll(Write("many.json", R"([{"body":"a"},{"body":"b"}])"));
  ASSERT_EQ(array.size(), 2u);
  EXPECT_EQ(array[1].article->body(), "b");
}

TEST_F(ArticleFilesTest, TextPageNamedByItsDayIsDatedByIt) {
  auto dated = ReadAll(Write("tempo_2024-11-05_putin.txt", "Judul\nIsi berita.\n"));
  ASSERT_EQ(dated.size(), 1u);
  EXPECT_EQ(dated[0].article->published_at().seconds(), 1730764800);  // 2024-11-05 UTC
  auto undated = ReadAll(Write("notes-2024-13-45.txt", "Isi.\n"));
  ASSERT_EQ(undated.size(), 1u);
  EXPECT_FALSE(undated[0].article->has_published_at());
  EXPECT_FALSE(DayInFileName("id-120241105.txt").has_value());
}

TEST_F(ArticleFilesTest, FoldersExpandSortedSkippingReadmesAndHiddenFiles) {
  Write("d/b.txt", "b");
  Write("d/sub/a.json", "{}");
  Write("d/README.md", "x");
  Write("d/.hidden", "x");
  auto files = ExpandPaths({(dir_ / "d").string()});
  ASSERT_TRUE(files.ok());
  ASSERT_EQ(files->size(), 2u);
  EXPECT_THAT((*files)[0], HasSubstr("b.txt"));
  EXPECT_THAT((*files)[1], HasSubstr("a.json"));
  EXPECT_EQ(ExpandPaths({(dir_ / "missing").string()}).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(SummaryTest, ShowsLanguageEntitiesAndClaimsWithSpeakersAndNumbers) {
  warta::v1::EnrichedArticle a;
  a.mutable_article()->set_id("a1");
  a.mutable_text()->set_title("Putin bertemu Choe");
  a.mutable_language()->set_code("id");
  a.mutable_language()->set_confidence(0.98);
  a.mutable_language()->set_reliable(true);
  auto* e = a.add_entities();
  e->set_name("Volodymyr Zelensky");
  e->set_type(warta::v1::PERSON);
  e->add_mentions();
  auto* c = a.add_claims();
  c->set_kind(warta::v1::REPORTED);
  c->mutable_speaker()->set_name("Volodymyr Zelensky");
  c->mutable_content()->set_text("11.000 tentara Korea Utara berada di Kursk");
  auto* q = c->add_quantities();
  q->set_value(11000);
  q->set_unit("tentara");
  q->set_qualifier("approximately");
  std::string s = SummarizeArticle(a);
  EXPECT_THAT(s, HasSubstr("Putin bertemu Choe"));
  EXPECT_THAT(s, HasSubstr("language id (0.98, reliable)"));
  EXPECT_THAT(s, HasSubstr("Volodymyr Zelensky (person ×1)"));
  EXPECT_THAT(s, HasSubstr("Volodymyr Zelensky [reported]"));
  EXPECT_THAT(s, HasSubstr("{approximately 11000 tentara}"));
}

TEST(SummaryTest, SearchHitShowsTitleSourceDateScoreAndSnippet) {
  warta::v1::SearchHit hit;
  hit.mutable_article()->mutable_article()->set_id("a1");
  hit.mutable_article()->mutable_article()->set_source("tempo.co");
  hit.mutable_article()->mutable_article()->mutable_published_at()->set_seconds(1730764800);
  hit.mutable_article()->set_story_id("st-1");
  hit.set_score(2.5);
  hit.set_title_snippet("[Pasukan] Korea Utara");
  hit.set_snippet("… ribuan [pasukan] tiba …");
  EXPECT_EQ(SummarizeSearchHit(hit, 1, "[", "]", false),
            "1. [Pasukan] Korea Utara\n"
            "   tempo.co · 2024-11-05 · score 2.500 · a1 · st-1\n"
            "   … ribuan [pasukan] tiba …\n");
  EXPECT_THAT(SummarizeSearchHit(hit, 2, "[", "]", true),
              HasSubstr("2. \033[1mPasukan\033[0m Korea Utara"));
  // No source: the host of the URL.
  hit.mutable_article()->mutable_article()->clear_source();
  hit.mutable_article()->mutable_article()->set_url("https://www.tempo.co/internasional/123");
  EXPECT_THAT(SummarizeSearchHit(hit, 1, "[", "]", false), HasSubstr("\n   tempo.co · 2024-11-05"));
}

}  // namespace
}  // namespace warta::cli
