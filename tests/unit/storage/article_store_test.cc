// Behaviour every ArticleStore backend shares; instantiated per backend in
// sqlite_store_test.cc and postgres_store_test.cc.
#include "tests/unit/storage/article_store_test.h"

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/unit/storage/test_articles.h"

namespace warta::storage::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::SizeIs;

std::vector<std::string> Ids(const warta::v1::ListArticlesResponse& r) {
  std::vector<std::string> ids;
  for (const auto& a : r.articles()) ids.push_back(a.article().id());
  return ids;
}

TEST_P(ArticleStoreTest, SameArticleTwiceIsOneRowAndOneChange) {
  auto& store = store_;
  const auto article = KurskArticle();
  ASSERT_TRUE(store->Upsert(article, {}).ok());
  ASSERT_TRUE(store->Upsert(article, {}).ok());
  auto list = store->ListArticles({}, 0, "");
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_THAT(Ids(*list), ElementsAre("putin-choe-kursk"));
  EXPECT_THAT(*store->ListClaims({}, 0, ""), ::testing::Property(
      &warta::v1::ListClaimsResponse::claims_size, 3));
  EXPECT_EQ(*store->LatestSeq(), 1);
  auto got = store->GetArticle("putin-choe-kursk");
  ASSERT_TRUE(got.ok());
  // The store adds the story it put the article in; the rest is as sent.
  EXPECT_FALSE(got->story_id().empty());
  got->clear_story_id();
  EXPECT_EQ(got->SerializeAsString(), article.SerializeAsString());
}

// Filter values and page tokens come straight from users (gRPC, the web
// API): SQL in them is text to match, wildcards are plain characters, and a
// forged page token is refused; nothing is changed.
TEST_P(ArticleStoreTest, HostileFilterValuesMatchNothingAndChangeNothing) {
  auto& store = store_;
  ASSERT_TRUE(store->Upsert(KurskArticle(), {}).ok());
  for (const std::string& hostile : HostileFilterValues()) {
    SCOPED_TRACE(hostile);
    for (auto set : ArticleFilterTextSetters()) {
      warta::v1::ArticleFilter filter;
      set(filter, hostile);
      auto listed = store->ListArticles(filter, 0, "");
      ASSERT_TRUE(listed.ok()) << listed.status();
      EXPECT_THAT(Ids(*listed), IsEmpty());
    }
    ClaimFilter claims;
    claims.speaker_entity_id = hostile;
    EXPECT_EQ(store->ListClaims(claims, 0, "")->claims_size(), 0);
    warta::v1::ListStoriesRequest stories;
    stories.set_language(hostile);
    EXPECT_EQ(store->ListStories(stories)->stories_size(), 0);
    stories.clear_language();
    stories.set_entity_id(hostile);
    EXPECT_EQ(store->ListStories(stories)->stories_size(), 0);
    EXPECT_EQ(store->ListContestedClaims(hostile, 0, 0, "")->contested_size(), 0);
    warta::v1::ListEntitiesRequest entities;
    entities.set_query(hostile);
    EXPECT_TRUE(store->ListEntities(entities).ok());
    EXPECT_EQ(store->GetArticle(hostile).status().code(), absl::StatusCode::kNotFound);
    EXPECT_EQ(store->GetStory(hostile).status().code(), absl::StatusCode::kNotFound);
    EXPECT_EQ(store->GetEntity(hostile).status().code(), absl::StatusCode::kNotFound);
    EXPECT_EQ(store->ListArticles({}, 0, hostile).status().code(),
              absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(store->ListClaims({}, 0, hostile).status().code(),
              absl::StatusCode::kInvalidArgument);
  }
  EXPECT_THAT(Ids(*store->ListArticles({}, 0, "")), ElementsAre("putin-choe-kursk"));
}

TEST_P(ArticleStoreTest, RedeliveryAdvancesOffsetsWithoutDuplicating) {
  auto& store = store_;
  const auto article = KurskArticle();
  ASSERT_TRUE(store->Upsert(article, {{"articles.enriched", 0, 11}}).ok());
  ASSERT_TRUE(store->Upsert(article, {{"articles.enriched", 0, 12},
                                      {"articles.enriched", 3, 5},
                                      {"other", 0, 99}}).ok());
  EXPECT_THAT(*store->LoadOffsets("articles.enriched"),
              ElementsAre(Pair(0, 12), Pair(3, 5)));
  EXPECT_THAT(*store->LoadOffsets("nothing"), IsEmpty());
  EXPECT_THAT(Ids(*store->ListArticles({}, 0, "")), SizeIs(1));
}

TEST_P(ArticleStoreTest, NewerEnrichmentReplacesArticleAndItsClaims) {
  auto& store = store_;
  auto v1 = KurskArticle();
  ASSERT_TRUE(store->Upsert(v1, {}).ok());
  auto v2 = v1;
  v2.set_pipeline_version("1.1");
  v2.mutable_claims()->DeleteSubrange(1, 2);
  v2.mutable_entities()->RemoveLast();  // drops Kursk
  ASSERT_TRUE(store->Upsert(v2, {}).ok());
  EXPECT_EQ(store->GetArticle(v1.article().id())->pipeline_version(), "1.1");
  EXPECT_EQ(store->ListClaims({}, 0, "")->claims_size(), 1);
  warta::v1::ArticleFilter about_kursk;
  about_kursk.set_entity_id("loc:kursk");
  EXPECT_THAT(Ids(*store->ListArticles(about_kursk, 0, "")), IsEmpty());
  EXPECT_EQ(*store->LatestSeq(), 2);

  // The old version arriving late changes nothing.
  ASSERT_TRUE(store->Upsert(v1, {}).ok());
  EXPECT_EQ(store->GetArticle(v1.article().id())->pipeline_version(), "1.1");
  EXPECT_EQ(*store->LatestSeq(), 2);
}

TEST_P(ArticleStoreTest, RefusesArticlesWithoutIdAndBadOffsets) {
  auto& store = store_;
  auto no_id = KurskArticle();
  no_id.mutable_article()->clear_id();
  EXPECT_EQ(store->Upsert(no_id, {}).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store->Upsert(KurskArticle(), {{"", 0, 1}}).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store->Upsert(KurskArticle(), {{"t", -1, 1}}).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Ids(*store->ListArticles({}, 0, "")), IsEmpty());
}

TEST_P(ArticleStoreTest, GetArticleNotFoundSaysWhichId) {
  auto& store = store_;
  auto got = store->GetArticle("nope");
  EXPECT_EQ(got.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(got.status().message()), ::testing::HasSubstr("nope"));
}

TEST_P(ArticleStoreTest, ListArticlesFilters) {
  auto& store = store_;
  ASSERT_TRUE(store->Upsert(BergeloraArticle(), {}).ok());  // Nov 1
  ASSERT_TRUE(store->Upsert(KurskArticle(), {}).ok());      // Nov 4
  auto english = MakeArticle("en-1", "reuters.com", "en", Nov2024(3));
  AddEntity(english, "loc:rusia", "Russia");
  ASSERT_TRUE(store->Upsert(english, {}).ok());
  ASSERT_TRUE(store->Upsert(MakeArticle("undated", "x", "id", 0), {}).ok());

  warta::v1::ArticleFilter f;
  EXPECT_THAT(Ids(*store->ListArticles(f, 0, "")),
              ElementsAre("putin-choe-kursk", "en-1", "bergelora-choe-lavrov", "undated"));
  f.set_language("en");
  EXPECT_THAT(Ids(*store->ListArticles(f, 0, "")), ElementsAre("en-1"));
  f.Clear();
  f.set_source("bergelora.com");
  EXPECT_THAT(Ids(*store->ListArticles(f, 0, "")), ElementsAre("bergelora-choe-lavrov"));
  f.Clear();
  f.set_entity_id("loc:rusia");
  EXPECT_THAT(Ids(*store->ListArticles(f, 0, "")),
              ElementsAre("putin-choe-kursk", "en-1", "bergelora-choe-lavrov"));
  f.Clear();
  f.mutable_published_after()->set_seconds(Nov2024(3));
  EXPECT_THAT(Ids(*store->ListArticles(f, 0, "")), ElementsAre("putin-choe-kursk", "en-1"));
  f.Clear();
  f.mutable_published_before()->set_seconds(Nov2024(3));
  EXPECT_THAT(Ids(*store->ListArticles(f, 0, "")), ElementsAre("bergelora-choe-lavrov"));
}

TEST_P(ArticleStoreTest, PagesCoverEveryArticleOnceInOrder) {
  auto& store = store_;
  std::vector<warta::v1::EnrichedArticle> batch;
  for (int i = 0; i < 23; ++i) {
    // Several articles share a publication time: the id breaks the tie.
    batch.push_back(MakeArticle("art-" + std::to_string(100 + i), "s", "id",
                                Nov2024(1) + (i / 3) * 3600));
  }
  ASSERT_TRUE(store->UpsertBatch(batch, {}).ok());
  std::vector<std::string> seen;
  std::string token;
  int pages = 0;
  do {
    auto page = store->ListArticles({}, 5, token);
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_LE(page->articles_size(), 5);
    for (const auto& id : Ids(*page)) seen.push_back(id);
    token = page->next_page_token();
    ++pages;
  } while (!token.empty());
  EXPECT_EQ(pages, 5);
  ASSERT_THAT(seen, SizeIs(23));
  EXPECT_THAT(std::set<std::string>(seen.begin(), seen.end()), SizeIs(23));
  EXPECT_EQ(seen.front(), "art-121");  // newest hour, smallest id
  EXPECT_EQ(seen.back(), "art-102");   // oldest hour, largest id
}

TEST_P(ArticleStoreTest, PageSizeDefaultsToFifty) {
  auto& store = store_;
  std::vector<warta::v1::EnrichedArticle> batch;
  for (int i = 0; i < 60; ++i) {
    batch.push_back(MakeArticle("a" + std::to_string(i), "s", "id", Nov2024(1) + i));
  }
  ASSERT_TRUE(store->UpsertBatch(batch, {}).ok());
  auto first = store->ListArticles({}, 0, "");
  EXPECT_EQ(first->articles_size(), 50);
  EXPECT_FALSE(first->next_page_token().empty());
  EXPECT_EQ(store->ListArticles({}, 0, first->next_page_token())->articles_size(), 10);
  EXPECT_EQ(store->ListArticles({}, 5000, "")->articles_size(), 60);
}

TEST_P(ArticleStoreTest, BadPageTokensAreInvalidArgument) {
  auto& store = store_;
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(store->Upsert(KurskArticle(), {}).ok());
  }
  EXPECT_EQ(store->ListArticles({}, 1, "garbage!").status().code(),
            absl::StatusCode::kInvalidArgument);
  const std::string claims_token = store->ListClaims({}, 1, "")->next_page_token();
  ASSERT_FALSE(claims_token.empty());
  EXPECT_EQ(store->ListArticles({}, 1, claims_token).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store->ListArticles({}, -1, "").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_P(ArticleStoreTest, ClaimsBySpeakerAndByEntityWithNames) {
  auto& store = store_;
  ASSERT_TRUE(store->Upsert(BergeloraArticle(), {}).ok());
  ASSERT_TRUE(store->Upsert(KurskArticle(), {}).ok());

  auto by_zelensky = store->ListClaims({"", "per:zelensky", ""}, 0, "");
  ASSERT_TRUE(by_zelensky.ok()) << by_zelensky.status();
  ASSERT_EQ(by_zelensky->claims_size(), 2);
  EXPECT_EQ(by_zelensky->claims(0).speaker_name(), "Volodymyr Zelensky");
  EXPECT_EQ(by_zelensky->claims(0).source(), "antaranews.com");
  EXPECT_EQ(by_zelensky->claims(0).published_at().seconds(), Nov2024(4));
  EXPECT_THAT(by_zelensky->claims(0).subject_names(),
              ElementsAre("Korea Utara", "Kursk", "Rusia"));

  auto about_ukraina = store->ListClaims({"", "", "loc:ukraina"}, 0, "");
  ASSERT_EQ(about_ukraina->claims_size(), 1);
  EXPECT_EQ(about_ukraina->claims(0).speaker_name(), "Barat");

  auto in_bergelora = store->ListClaims({"bergelora-choe-lavrov", "", ""}, 0, "");
  EXPECT_EQ(in_bergelora->claims_size(), 2);
  EXPECT_EQ(store->ListClaims({"bergelora-choe-lavrov", "per:zelensky", ""}, 0, "")
                ->claims_size(),
            0);
}

TEST_P(ArticleStoreTest, ClaimPagesCoverEveryClaimOnce) {
  auto& store = store_;
  ASSERT_TRUE(store->Upsert(BergeloraArticle(), {}).ok());
  ASSERT_TRUE(store->Upsert(KurskArticle(), {}).ok());
  std::vector<std::string> seen;
  std::string token;
  do {
    auto page = store->ListClaims({}, 2, token);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& c : page->claims()) {
      seen.push_back(c.article_id() + "/" + c.speaker_name() + "/" +
                     c.claim().quantities(0).unit());
    }
    token = page->next_page_token();
  } while (!token.empty());
  EXPECT_THAT(seen, SizeIs(5));
  EXPECT_THAT(std::set<std::string>(seen.begin(), seen.end()), SizeIs(5));
}

TEST_P(ArticleStoreTest, ContestedTroopFiguresComeBackAsOneGroup) {
  auto& store = store_;
  ASSERT_TRUE(store->Upsert(BergeloraArticle(), {}).ok());
  ASSERT_TRUE(store->Upsert(KurskArticle(), {}).ok());
  // An unrelated dispute, so that the entity filter has something to drop
  // (two subjects in common: figures of two stories need them).
  auto a = MakeArticle("gaza-1", "s1", "id", Nov2024(5));
  AddClaim(a, "per:x", "X", 100, "orang", {"loc:gaza", "loc:jabalia"});
  auto b = MakeArticle("gaza-2", "s2", "id", Nov2024(5));
  AddClaim(b, "per:y", "Y", 300, "jiwa", {"loc:gaza", "loc:jabalia"});
  ASSERT_TRUE(store->UpsertBatch({a, b}, {}).ok());

  auto all = store->ListContestedClaims("", 0, 0, "");
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->contested_size(), 2);
  EXPECT_EQ(all->contested(0).unit(), "people");  // newest first

  auto troops = store->ListContestedClaims("loc:korea_utara", 0, 0, "");
  ASSERT_EQ(troops->contested_size(), 1);
  EXPECT_THAT(troops->contested(0).values(), ElementsAre(3000, 8000, 10000, 11000));
  EXPECT_EQ(troops->contested(0).claims_size(), 4);

  auto first = store->ListContestedClaims("", 0, 1, "");
  ASSERT_EQ(first->contested_size(), 1);
  ASSERT_FALSE(first->next_page_token().empty());
  auto second = store->ListContestedClaims("", 0, 1, first->next_page_token());
  ASSERT_TRUE(second.ok()) << second.status();
  ASSERT_EQ(second->contested_size(), 1);
  EXPECT_EQ(second->contested(0).unit(), "troops");
  EXPECT_TRUE(second->next_page_token().empty());

  // A one-day window separates Nov 1 from Nov 4: two disputes then.
  auto one_day = store->ListContestedClaims("loc:korea_utara", 1, 0, "");
  ASSERT_EQ(one_day->contested_size(), 2);
  EXPECT_THAT(one_day->contested(0).values(), ElementsAre(10000, 11000));
  EXPECT_THAT(one_day->contested(1).values(), ElementsAre(3000, 8000));
}

TEST_P(ArticleStoreTest, ChangesCarrySequenceNumbersAndStoreTimes) {
  absl::Time& now = fake_now_;
  now = absl::FromUnixSeconds(Nov2024(10));
  auto& store = store_;
  ASSERT_TRUE(store->Upsert(BergeloraArticle(), {}).ok());
  now += absl::Minutes(1);
  ASSERT_TRUE(store->Upsert(KurskArticle(), {}).ok());
  auto changes = store->ChangesSince(0, 10);
  ASSERT_TRUE(changes.ok());
  ASSERT_THAT(*changes, SizeIs(2));
  EXPECT_EQ((*changes)[0].seq, 1);
  EXPECT_EQ((*changes)[1].seq, 2);
  EXPECT_EQ((*changes)[1].article.article().id(), "putin-choe-kursk");
  EXPECT_EQ((*changes)[1].stored_at, now);
  EXPECT_THAT(*store->ChangesSince(1, 10), SizeIs(1));
  EXPECT_THAT(*store->ChangesSince(0, 1), SizeIs(1));
  EXPECT_EQ(*store->SeqAtTime(now - absl::Seconds(30)), 1);
  EXPECT_EQ(*store->SeqAtTime(now), 2);
  EXPECT_EQ(*store->SeqAtTime(now - absl::Hours(1)), 0);
}

TEST_P(ArticleStoreTest, WaitForChangeWakesOnUpsertTimesOutAndStops) {
  auto& store = store_;
  const absl::Time start = absl::Now();
  EXPECT_EQ(store->WaitForChange(0, start + absl::Milliseconds(50)), 0);
  EXPECT_GE(absl::Now() - start, absl::Milliseconds(45));

  std::thread writer([&] {
    absl::SleepFor(absl::Milliseconds(20));
    ASSERT_TRUE(store->Upsert(KurskArticle(), {}).ok());
  });
  EXPECT_EQ(store->WaitForChange(0, absl::Now() + absl::Seconds(10)), 1);
  writer.join();

  std::thread stopper([&] {
    absl::SleepFor(absl::Milliseconds(20));
    store->StopWatchers();
  });
  const absl::Time before = absl::Now();
  EXPECT_EQ(store->WaitForChange(1, absl::Now() + absl::Seconds(10)), 1);
  EXPECT_LT(absl::Now() - before, absl::Seconds(5));
  stopper.join();
  // Stopped for good: later waits return at once, writes still work.
  EXPECT_EQ(store->WaitForChange(1, absl::InfiniteFuture()), 1);
  EXPECT_TRUE(store->Upsert(BergeloraArticle(), {}).ok());
}

TEST_P(ArticleStoreTest, ConcurrentWritersAndReadersDoNotLoseUpdates) {
  auto& store = store_;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        auto a = MakeArticle("t" + std::to_string(t) + "-" + std::to_string(i), "s", "id",
                             Nov2024(1) + i);
        ASSERT_TRUE(store->Upsert(a, {{"topic", t, i + 1}}).ok());
        ASSERT_TRUE(store->ListArticles({}, 10, "").ok());
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(*store->LatestSeq(), 100);
  EXPECT_THAT(*store->LoadOffsets("topic"),
              ElementsAre(Pair(0, 25), Pair(1, 25), Pair(2, 25), Pair(3, 25)));
}

}  // namespace
}  // namespace warta::storage::testing
