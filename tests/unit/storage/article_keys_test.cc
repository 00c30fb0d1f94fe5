#include "storage/article_keys.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/page_token.h"
#include "storage/store.h"
#include "tests/unit/storage/test_articles.h"

namespace warta::storage {
namespace {

using ::testing::ElementsAre;
using testing::MakeArticle;

TEST(TimestampToNanosTest, TheWholeTimestampRangeKeepsItsOrder) {
  google::protobuf::Timestamp year_1, y2024, year_9999;
  year_1.set_seconds(-62135596800);
  y2024.set_seconds(1730773200);
  year_9999.set_seconds(253402300799);
  // Found by make sanitize: year 9999 overflowed int64 nanoseconds.
  EXPECT_LT(TimestampToNanos(year_1), TimestampToNanos(y2024));
  EXPECT_LT(TimestampToNanos(y2024), TimestampToNanos(year_9999));
  EXPECT_EQ(TimestampToNanos(y2024), 1730773200LL * 1000000000);
}

TEST(ComparePipelineVersionsTest, ComparesNumbersNumerically) {
  EXPECT_LT(ComparePipelineVersions("1.9", "1.10"), 0);
  EXPECT_GT(ComparePipelineVersions("v2", "v1"), 0);
  EXPECT_EQ(ComparePipelineVersions("1.0", "1.0"), 0);
  EXPECT_LT(ComparePipelineVersions("1.0", "1.0.1"), 0);
  EXPECT_LT(ComparePipelineVersions("", "0.1"), 0);
}

TEST(ComparePipelineVersionsTest, ModelFingerprintHasNoPrecedence) {
  // The hash after '+' names the models; a lower one is not older models.
  EXPECT_EQ(ComparePipelineVersions("warta-0.1.0+1a2b", "warta-0.1.0+9f00"), 0);
  EXPECT_EQ(ComparePipelineVersions("warta-0.1.0+9f00", "warta-0.1.0+1a2b"), 0);
  EXPECT_EQ(ComparePipelineVersions("warta-0.1.0+1a2b", "warta-0.1.0"), 0);
  // The release part still orders, whatever the hashes.
  EXPECT_GT(ComparePipelineVersions("warta-0.2.0+0000", "warta-0.1.0+ffff"), 0);
  EXPECT_LT(ComparePipelineVersions("warta-0.1.9+ffff", "warta-0.1.10+0000"), 0);
}

TEST(ShouldReplaceTest, ReEnrichmentWithOtherModelsReplacesWhenLater) {
  auto stored = MakeArticle("a", "s", "id", 1000);
  stored.set_pipeline_version("warta-0.1.0+9f00");
  stored.mutable_enriched_at()->set_seconds(5000);
  // `make models` produced models whose hash sorts lower: still newer.
  auto new_models = stored;
  new_models.set_pipeline_version("warta-0.1.0+1a2b");
  new_models.mutable_enriched_at()->set_seconds(6000);
  EXPECT_TRUE(ShouldReplace(new_models, stored));
  // ...and the one enriched before it does not come back on a redelivery.
  EXPECT_FALSE(ShouldReplace(stored, new_models));
  // An older release loses even when enriched later with other models.
  auto old_release = new_models;
  old_release.set_pipeline_version("warta-0.0.9+ffff");
  old_release.mutable_enriched_at()->set_seconds(7000);
  EXPECT_FALSE(ShouldReplace(old_release, new_models));
  EXPECT_TRUE(ShouldReplace(new_models, old_release));
}

TEST(ShouldReplaceTest, NewerEnrichmentsReplaceOlderOnesAndRedeliveriesDoNot) {
  auto stored = MakeArticle("a", "s", "id", 1000);
  EXPECT_FALSE(ShouldReplace(stored, stored));
  auto newer_version = stored;
  newer_version.set_pipeline_version("1.1");
  EXPECT_TRUE(ShouldReplace(newer_version, stored));
  EXPECT_FALSE(ShouldReplace(stored, newer_version));
  // Enriched again by the same models with the same result (enrich redid a
  // batch after a crash): a redelivery, so Watch clients see it once.
  auto re_enriched = stored;
  re_enriched.mutable_enriched_at()->set_seconds(stored.enriched_at().seconds() + 1);
  EXPECT_FALSE(ShouldReplace(re_enriched, stored));
  // The store rewrites its copy (short names linked to full ones): the same
  // input from the same models is still a redelivery.
  auto relinked = stored;
  relinked.mutable_language()->set_code("ms");
  EXPECT_FALSE(ShouldReplace(re_enriched, relinked));
  // ...a changed input is news: the later enrichment wins.
  re_enriched.mutable_article()->set_body("Isi yang diperbarui.");
  EXPECT_TRUE(ShouldReplace(re_enriched, stored));
  EXPECT_FALSE(ShouldReplace(stored, re_enriched));
  // Same time, same models, another input: the latest write wins.
  auto changed = stored;
  changed.mutable_article()->set_title("Judul yang dikoreksi");
  EXPECT_TRUE(ShouldReplace(changed, stored));
}

TEST(MatchesFilterTest, AppliesEveryField) {
  auto a = MakeArticle("a", "tempo.co", "id", 1000);
  testing::AddEntity(a, "loc:rusia", "Rusia");
  warta::v1::ArticleFilter f;
  EXPECT_TRUE(MatchesFilter(a, f));
  f.set_language("en");
  EXPECT_FALSE(MatchesFilter(a, f));
  f.set_language("id");
  f.set_source("tempo.co");
  f.set_entity_id("loc:rusia");
  f.mutable_published_after()->set_seconds(1000);  // inclusive
  f.mutable_published_before()->set_seconds(1001);  // exclusive
  EXPECT_TRUE(MatchesFilter(a, f));
  f.mutable_published_before()->set_seconds(1000);
  EXPECT_FALSE(MatchesFilter(a, f));
  f.clear_published_before();
  f.set_entity_id("loc:kursk");
  EXPECT_FALSE(MatchesFilter(a, f));
}

TEST(MatchesFilterTest, PageDateWinsOverSubmittedDateAndUndatedFailsTimeFilters) {
  auto a = MakeArticle("a", "s", "id", 1000);
  a.mutable_text()->mutable_published_at()->set_seconds(5000);
  EXPECT_EQ(PublishedAtNanos(a), 5000LL * 1000000000);
  auto undated = MakeArticle("u", "s", "id", 0);
  warta::v1::ArticleFilter f;
  f.mutable_published_before()->set_seconds(1000);
  EXPECT_FALSE(MatchesFilter(undated, f));
}

TEST(StoredClaimsOfTest, CopiesNamesFromTheArticlesEntities) {
  const auto claims = StoredClaimsOf(testing::KurskArticle());
  ASSERT_EQ(claims.size(), 3u);
  EXPECT_EQ(claims[0].article_id(), "putin-choe-kursk");
  EXPECT_EQ(claims[0].source(), "antaranews.com");
  EXPECT_EQ(claims[0].speaker_name(), "Volodymyr Zelensky");
  EXPECT_THAT(claims[0].subject_names(), ElementsAre("Korea Utara", "Kursk", "Rusia"));
}

TEST(PageTokenTest, RoundTripsAndRefusesForeignOrDamagedTokens) {
  PageKey key{123, "id\x1fwith separator", 7};
  const std::string token = EncodePageToken("articles", key);
  auto decoded = DecodePageToken("articles", token);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(decoded->published_at, 123);
  EXPECT_EQ(decoded->id, "id\x1fwith separator");
  EXPECT_EQ(decoded->index, 7);
  EXPECT_EQ(DecodePageToken("claims", token).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DecodePageToken("articles", "not a token!").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DecodePageToken("articles", token.substr(0, 5)).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(PageTokenTest, PageSizeDefaultsAndClamps) {
  EXPECT_EQ(*EffectivePageSize(0), kDefaultPageSize);
  EXPECT_EQ(*EffectivePageSize(7), 7);
  EXPECT_EQ(*EffectivePageSize(5000), kMaxPageSize);
  EXPECT_EQ(EffectivePageSize(-1).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace warta::storage
