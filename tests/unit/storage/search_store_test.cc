// Full-text search, the same on every backend (instantiated with
// ArticleStoreTest in sqlite_store_test.cc and postgres_store_test.cc):
// Indonesian and English stemming, case and accents, phrases, exclusions,
// every filter, ranking with recency, paging, marked snippets, articles
// replaced by a re-enrichment, and the errors of unusable queries.
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/unit/storage/article_store_test.h"
#include "tests/unit/storage/test_articles.h"

namespace warta::storage::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

warta::v1::EnrichedArticle Doc(const std::string& id, const std::string& language,
                               const std::string& title, const std::string& body, int day = 5,
                               const std::string& source = "example.com") {
  auto a = MakeArticle(id, source, language, Nov2024(day));
  a.mutable_article()->set_title(title);
  a.mutable_text()->set_title(title);
  a.mutable_text()->set_body(body);
  a.mutable_article()->set_body(body);
  return a;
}

// The corpus most tests search: Indonesian and English news, stories apart.
std::vector<warta::v1::EnrichedArticle> Corpus() {
  std::vector<warta::v1::EnrichedArticle> docs = {
      Doc("bangun", "id", "Warga bangun jembatan darurat",
          "Warga desa bangun jembatan bambu setelah banjir memutus jalan utama ke pasar."),
      Doc("serangan", "id", "Serangan drone di Kursk",
          "Serangan drone Ukraina menghantam gudang amunisi Rusia di wilayah Kursk pada "
          "Senin malam.",
          6, "tempo.co"),
      Doc("pasukan", "id", "Pasukan Korea Utara tiba di Rusia",
          "Ribuan pasukan Korea Utara telah tiba di Rusia untuk membantu melawan Ukraina, "
          "kata pejabat Korea Selatan.",
          7, "antaranews.com"),
      Doc("utara-korea", "id", "Latihan militer di perbatasan",
          "Pasukan Korea Selatan dan Amerika berlatih di dekat perbatasan utara, sementara "
          "Korea Utara menguji rudal.",
          3, "kompas.com"),
      Doc("attack", "en", "Port attacked overnight",
          "Drones attacked the port of Odesa overnight, officials said, damaging grain "
          "warehouses.",
          6, "reuters.com"),
      Doc("cafe", "id", "Kafe Pokémon dibuka di Jakarta",
          "Sebuah kafe bertema Pokémon dibuka di JAKARTA SELATAN dan langsung ramai "
          "pengunjung.",
          4, "kompas.com"),
  };
  AddEntity(docs[2], "loc:korea_utara", "Korea Utara");
  AddEntity(docs[3], "loc:korea_selatan", "Korea Selatan");
  return docs;
}

// The tests are ArticleStoreTest tests: TEST_P needs the fixture the
// backends instantiate.
#define SEARCH_TEST(name) TEST_P(ArticleStoreTest, Search##name)

std::vector<std::string> HitIds(const warta::v1::SearchArticlesResponse& response) {
  std::vector<std::string> ids;
  for (const auto& hit : response.hits()) ids.push_back(hit.article().article().id());
  return ids;
}

absl::StatusOr<warta::v1::SearchArticlesResponse> Find(ArticleStore& store,
                                                       const std::string& query,
                                                       warta::v1::ArticleFilter filter = {},
                                                       int page_size = 0,
                                                       const std::string& token = "") {
  warta::v1::SearchArticlesRequest request;
  request.set_query(query);
  *request.mutable_filter() = filter;
  request.set_page_size(page_size);
  request.set_page_token(token);
  return store.SearchArticles(request);
}

std::vector<std::string> FindIds(ArticleStore& store, const std::string& query,
                                 warta::v1::ArticleFilter filter = {}) {
  auto response = Find(store, query, filter);
  EXPECT_TRUE(response.ok()) << query << ": " << response.status();
  return response.ok() ? HitIds(*response) : std::vector<std::string>{"<error>"};
}

warta::v1::ArticleFilter Language(const std::string& language) {
  warta::v1::ArticleFilter f;
  f.set_language(language);
  return f;
}

SEARCH_TEST(StemsIndonesian) {
  ASSERT_TRUE(store_->UpsertBatch(Corpus(), {}).ok());
  // Derived forms find their root word and each other.
  EXPECT_THAT(FindIds(*store_, "pembangunan"), ElementsAre("bangun"));
  EXPECT_THAT(FindIds(*store_, "diserang"), ElementsAre("serangan"));
  EXPECT_THAT(FindIds(*store_, "menyerang", Language("id")), ElementsAre("serangan"));
  EXPECT_THAT(FindIds(*store_, "pasukannya"), UnorderedElementsAre("pasukan", "utara-korea"));
}

SEARCH_TEST(StemsEnglishAndFoldsCaseAndAccents) {
  ASSERT_TRUE(store_->UpsertBatch(Corpus(), {}).ok());
  EXPECT_THAT(FindIds(*store_, "attacks"), ElementsAre("attack"));
  EXPECT_THAT(FindIds(*store_, "attacking", Language("en")), ElementsAre("attack"));
  EXPECT_THAT(FindIds(*store_, "WAREHOUSE"), ElementsAre("attack"));
  EXPECT_THAT(FindIds(*store_, "pokemon"), ElementsAre("cafe"));
  EXPECT_THAT(FindIds(*store_, "POKÉMON jakarta"), ElementsAre("cafe"));
  // The language filter keeps the English article out.
  EXPECT_THAT(FindIds(*store_, "attacks", Language("id")), IsEmpty());
}

SEARCH_TEST(PhrasesNeedTheWordsTogether) {
  ASSERT_TRUE(store_->UpsertBatch(Corpus(), {}).ok());
  // Both mention Korea Utara together; "utara-korea" also has "utara" alone.
  EXPECT_THAT(FindIds(*store_, "\"korea utara\""), UnorderedElementsAre("pasukan", "utara-korea"));
  EXPECT_THAT(FindIds(*store_, "\"perbatasan utara\""), ElementsAre("utara-korea"));
  EXPECT_THAT(FindIds(*store_, "\"utara perbatasan\""), IsEmpty());
  // Words of a phrase are stemmed too; stop words inside it are skipped.
  EXPECT_THAT(FindIds(*store_, "\"selatan dan amerika\""), ElementsAre("utara-korea"));
  EXPECT_THAT(FindIds(*store_, "\"pasukannya korea\""), UnorderedElementsAre("pasukan", "utara-korea"));
  // A word with punctuation inside is a phrase of its parts.
  EXPECT_THAT(FindIds(*store_, "korea-utara"), UnorderedElementsAre("pasukan", "utara-korea"));
  EXPECT_THAT(FindIds(*store_, "\"gudang amunisi\" kursk"), ElementsAre("serangan"));
}

SEARCH_TEST(AllWordsMustMatchAndExclusionsLeaveOut) {
  ASSERT_TRUE(store_->UpsertBatch(Corpus(), {}).ok());
  EXPECT_THAT(FindIds(*store_, "pasukan korea"), UnorderedElementsAre("pasukan", "utara-korea"));
  EXPECT_THAT(FindIds(*store_, "pasukan rudal"), ElementsAre("utara-korea"));
  EXPECT_THAT(FindIds(*store_, "pasukan -rudal"), ElementsAre("pasukan"));
  EXPECT_THAT(FindIds(*store_, "korea -\"korea selatan\""), IsEmpty());
  EXPECT_THAT(FindIds(*store_, "rusia -ukraina"), IsEmpty());
  EXPECT_THAT(FindIds(*store_, "kursk -drone -amerika"), IsEmpty());
  EXPECT_THAT(FindIds(*store_, "kursk -amerika"), ElementsAre("serangan"));
}

SEARCH_TEST(FiltersLikeListArticles) {
  ASSERT_TRUE(store_->UpsertBatch(Corpus(), {}).ok());
  const std::string query = "pasukan";
  EXPECT_THAT(FindIds(*store_, "drones", Language("en")), ElementsAre("attack"));
  EXPECT_THAT(FindIds(*store_, "drone", Language("id")), ElementsAre("serangan"));
  warta::v1::ArticleFilter source;
  source.set_source("kompas.com");
  EXPECT_THAT(FindIds(*store_, query, source), ElementsAre("utara-korea"));
  warta::v1::ArticleFilter entity;
  entity.set_entity_id("loc:korea_utara");
  EXPECT_THAT(FindIds(*store_, query, entity), ElementsAre("pasukan"));
  warta::v1::ArticleFilter story;
  story.set_story_id(store_->GetArticle("pasukan")->story_id());
  ASSERT_FALSE(story.story_id().empty());
  EXPECT_THAT(FindIds(*store_, "korea", story), Contains("pasukan"));
  EXPECT_THAT(FindIds(*store_, "jembatan", story), IsEmpty());
  warta::v1::ArticleFilter time;
  time.mutable_published_after()->set_seconds(Nov2024(4));   // inclusive
  time.mutable_published_before()->set_seconds(Nov2024(7));  // exclusive
  EXPECT_THAT(FindIds(*store_, "korea", time), IsEmpty());
  EXPECT_THAT(FindIds(*store_, "kafe", time), ElementsAre("cafe"));
  time.mutable_published_before()->set_seconds(Nov2024(8));
  EXPECT_THAT(FindIds(*store_, "korea", time), ElementsAre("pasukan"));
}

SEARCH_TEST(RanksTitleMatchesAndRecentArticlesFirst) {
  // The same text, published a year apart: the recent one first.
  ASSERT_TRUE(store_->Upsert(Doc("old", "id", "Harga beras naik", "Harga beras naik lagi.", 1), {})
                  .ok());
  auto recent = Doc("new", "id", "Harga beras naik", "Harga beras naik lagi.", 1);
  recent.mutable_article()->mutable_published_at()->set_seconds(Nov2024(1) + 365 * 86400);
  ASSERT_TRUE(store_->Upsert(recent, {}).ok());
  // The word in the title beats the word once in the body (same date).
  ASSERT_TRUE(store_->Upsert(Doc("title", "id", "Gempa di Cianjur", "Warga mengungsi.", 2), {})
                  .ok());
  ASSERT_TRUE(store_->Upsert(Doc("body", "id", "Warga mengungsi",
                                 "Setelah gempa warga mengungsi.", 2),
                             {})
                  .ok());
  fake_now_ = absl::FromUnixSeconds(Nov2024(1) + 366 * 86400);
  auto beras = Find(*store_, "beras");
  ASSERT_TRUE(beras.ok()) << beras.status();
  ASSERT_THAT(HitIds(*beras), ElementsAre("new", "old"));
  EXPECT_GT(beras->hits(0).score(), beras->hits(1).score());
  EXPECT_THAT(FindIds(*store_, "gempa"), ElementsAre("title", "body"));
}

SEARCH_TEST(PagesAreStableAndComplete) {
  std::vector<warta::v1::EnrichedArticle> docs;
  for (int i = 0; i < 25; ++i) {
    // Different relevance (the word repeated) and dates, some ties.
    std::string body = "Laporan tentang inflasi.";
    for (int r = 0; r < i % 4; ++r) body += " Inflasi naik.";
    docs.push_back(Doc(absl::StrCat("d", i), "id", absl::StrCat("Berita ", i), body,
                       1 + i % 3));
  }
  docs.push_back(Doc("other", "id", "Cuaca", "Hujan deras."));
  ASSERT_TRUE(store_->UpsertBatch(docs, {}).ok());
  std::vector<std::string> seen;
  std::vector<double> scores;
  std::string token;
  int pages = 0;
  do {
    auto page = Find(*store_, "inflasi", {}, 10, token);
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_LE(page->hits_size(), 10);
    for (const auto& hit : page->hits()) {
      seen.push_back(hit.article().article().id());
      scores.push_back(hit.score());
    }
    // The same token gives the same page.
    if (!token.empty()) {
      auto again = Find(*store_, "inflasi", {}, 10, token);
      ASSERT_TRUE(again.ok());
      EXPECT_EQ(HitIds(*again), HitIds(*page));
    }
    token = page->next_page_token();
    ++pages;
  } while (!token.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen.size(), 25u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 25u);
  EXPECT_TRUE(std::is_sorted(scores.rbegin(), scores.rend()));

  // Default and maximum page sizes.
  EXPECT_EQ(Find(*store_, "inflasi")->hits_size(), 20);
  EXPECT_EQ(Find(*store_, "inflasi", {}, 1000)->hits_size(), 25);
  EXPECT_EQ(Find(*store_, "inflasi", {}, -1).status().code(), absl::StatusCode::kInvalidArgument);
  // A token belongs to its query and filter.
  const std::string first_token = Find(*store_, "inflasi", {}, 10)->next_page_token();
  auto other = Find(*store_, "laporan", {}, 10, first_token);
  EXPECT_EQ(other.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(other.status().message()), HasSubstr("another search"));
  EXPECT_EQ(Find(*store_, "inflasi", Language("id"), 10, first_token).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Find(*store_, "inflasi", {}, 10, "garbage!").status().code(),
            absl::StatusCode::kInvalidArgument);
}

SEARCH_TEST(SnippetsMarkTheMatchesAndHitsHaveNoBody) {
  ASSERT_TRUE(store_->UpsertBatch(Corpus(), {}).ok());
  auto response = Find(*store_, "diserang drone");
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->snippet_mark_start(), "[");
  EXPECT_EQ(response->snippet_mark_end(), "]");
  ASSERT_EQ(response->hits_size(), 1);
  const auto& hit = response->hits(0);
  EXPECT_EQ(hit.title_snippet(), "[Serangan] [drone] di Kursk");
  EXPECT_THAT(hit.snippet(), HasSubstr("[Serangan] [drone] Ukraina menghantam gudang"));
  EXPECT_GT(hit.score(), 0);
  EXPECT_TRUE(hit.article().article().body().empty());
  EXPECT_TRUE(hit.article().text().body().empty());
  EXPECT_EQ(hit.article().article().title(), "Serangan drone di Kursk");
  EXPECT_EQ(hit.article().article().source(), "tempo.co");

  // A long body: the snippet is a passage around the matches, cut with "…".
  std::string body;
  for (int i = 0; i < 60; ++i) body += absl::StrCat("Kalimat pengisi nomor ", i, ". ");
  body += "Di sini gubernur meresmikan [bendungan] baru. ";
  for (int i = 0; i < 60; ++i) body += absl::StrCat("Penutup ", i, ". ");
  ASSERT_TRUE(store_->Upsert(Doc("long", "id", "Panjang", body), {}).ok());
  auto long_hit = Find(*store_, "diresmikan bendungan");
  ASSERT_TRUE(long_hit.ok()) << long_hit.status();
  ASSERT_EQ(long_hit->hits_size(), 1);
  const std::string& snippet = long_hit->hits(0).snippet();
  EXPECT_THAT(snippet, HasSubstr("gubernur [meresmikan] ([bendungan]) baru."));
  EXPECT_EQ(snippet.rfind("… ", 0), 0u) << snippet;
  EXPECT_LT(snippet.size(), 400u) << snippet;
  EXPECT_EQ(long_hit->hits(0).title_snippet(), "Panjang");

  // Without a title (IndoSum, many feeds) the hit is shown by its first
  // line, matches marked, never as an empty title.
  ASSERT_TRUE(store_->Upsert(Doc("untitled", "id", "",
                                 "Gubernur meresmikan waduk baru di Garut.\nWarga menyambutnya."),
                             {})
                  .ok());
  auto untitled = Find(*store_, "waduk");
  ASSERT_TRUE(untitled.ok()) << untitled.status();
  ASSERT_EQ(untitled->hits_size(), 1);
  EXPECT_EQ(untitled->hits(0).title_snippet(), "Gubernur meresmikan [waduk] baru di Garut.");
}

SEARCH_TEST(FindsTheCurrentVersionOfAReplacedArticle) {
  auto first = Doc("a1", "id", "Banjir di Bandung", "Banjir merendam rumah warga.");
  ASSERT_TRUE(store_->Upsert(first, {}).ok());
  EXPECT_THAT(FindIds(*store_, "banjir"), ElementsAre("a1"));
  auto second = Doc("a1", "id", "Longsor di Bandung", "Longsor menimbun jalan.");
  second.set_pipeline_version("1.1");
  ASSERT_TRUE(store_->Upsert(second, {}).ok());
  EXPECT_THAT(FindIds(*store_, "banjir"), IsEmpty());
  EXPECT_THAT(FindIds(*store_, "longsor"), ElementsAre("a1"));
  // Redelivered: no change, still found once.
  ASSERT_TRUE(store_->Upsert(second, {}).ok());
  EXPECT_THAT(FindIds(*store_, "bandung"), ElementsAre("a1"));
}

SEARCH_TEST(UnusableQueriesAreInvalidArgumentsThatSayWhy) {
  ASSERT_TRUE(store_->UpsertBatch(Corpus(), {}).ok());
  struct Case {
    std::string query;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {"", "empty"},
           {"   ", "empty"},
           {"!!! ??? ...", "no words"},
           {"-ukraina", "only excludes"},
           {"-\"korea utara\"", "only excludes"},
           {"yang dan di", "only common words"},
           {"the of", "only common words"},
           {std::string(2000, 'a'), "too long"},
       }) {
    auto response = Find(*store_, c.query);
    EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument) << c.query;
    EXPECT_THAT(std::string(response.status().message()), HasSubstr(c.message)) << c.query;
  }
  // Database syntax is just text.
  EXPECT_THAT(FindIds(*store_, "kursk OR AND NOT \"drone"), ElementsAre("serangan"));
  EXPECT_THAT(FindIds(*store_, "kursk & !ukraina | :* ("), ElementsAre("serangan"));
  EXPECT_THAT(FindIds(*store_, "kursk \"\""), ElementsAre("serangan"));
  EXPECT_THAT(FindIds(*store_, "tidakadadimanapun"), IsEmpty());
}

// Queries, filter values and page tokens come straight from users: SQL and
// FTS5 / tsquery syntax in them is text, wildcards are plain characters, a
// forged token is refused; nothing is changed.
SEARCH_TEST(HostileQueriesFiltersAndTokensMatchNothingAndChangeNothing) {
  ASSERT_TRUE(store_->UpsertBatch(Corpus(), {}).ok());
  std::vector<std::string> hostile_values = HostileFilterValues();
  // And the query syntax of FTS5 and tsquery, and control characters.
  hostile_values.insert(hostile_values.end(), {"*", "NEAR(kursk drone)", "kursk:*", "!kursk",
                                               "\x02" "a\x03" "kursk"});
  for (const std::string& hostile : hostile_values) {
    SCOPED_TRACE(hostile);
    // As the query, after a word every article lacks: never a hit.
    auto response = Find(*store_, "tidakadadimanapun " + hostile);
    if (response.ok()) {
      EXPECT_THAT(HitIds(*response), IsEmpty());
    } else {
      EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
    }
    // As any filter value of a query that matches: nothing passes.
    for (auto set : ArticleFilterTextSetters()) {
      warta::v1::ArticleFilter filter;
      set(filter, hostile);
      EXPECT_THAT(FindIds(*store_, "kursk", filter), IsEmpty());
    }
    EXPECT_EQ(Find(*store_, "kursk", {}, 0, hostile).status().code(),
              absl::StatusCode::kInvalidArgument);
  }
  EXPECT_THAT(FindIds(*store_, "kursk"), ElementsAre("serangan"));
  EXPECT_EQ(store_->ListArticles({}, 0, "")->articles_size(), 6);
}

}  // namespace
}  // namespace warta::storage::testing
