// One place, one id, whatever the language: an Indonesian and an English
// report of the same event go through the real pipeline (committed models)
// into an in-memory SqliteStore; the countries they name carry the same
// ids, and the store's entity view holds one entity for each, seen in both
// articles under both names, and the two reports are one story.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "absl/time/time.h"
#include "enrichment/pipeline.h"
#include "storage/sqlite/sqlite_store.h"
#include "tests/testing/real_pipeline.h"

namespace warta {
namespace {

using ::testing::IsSupersetOf;

constexpr char kIndonesian[] =
    "Sekitar 8.000 tentara Korea Utara kini berada di wilayah Kursk, Rusia, dan bersiap "
    "bertempur melawan pasukan Ukraina, kata Menteri Luar Negeri AS Antony Blinken pada "
    "Kamis. Amerika Serikat dan Korea Selatan memperingatkan Korut agar menarik pasukannya. "
    "Pemerintah Rusia menolak berkomentar tentang laporan itu.";

constexpr char kEnglish[] =
    "About 8,000 North Korean soldiers are now in the Kursk region and are preparing to "
    "fight Ukrainian forces, U.S. Secretary of State Antony Blinken said on Thursday. The "
    "United States and South Korea warned North Korea to withdraw its troops. Russia "
    "declined to comment on the report.";

v1::EnrichedArticle Enrich(enrichment::Pipeline& pipeline, const std::string& body,
                           const std::string& id) {
  v1::Article article;
  article.set_id(id);
  article.set_body(body);
  auto enriched = pipeline.Enrich(article, absl::FromUnixSeconds(1767225600));
  EXPECT_TRUE(enriched.ok()) << enriched.status();
  return enriched.ok() ? *enriched : v1::EnrichedArticle();
}

// Surface form -> entity id of the article's places.
std::map<std::string, std::string> PlaceIds(const v1::EnrichedArticle& article) {
  std::map<std::string, std::string> ids;
  for (const v1::Entity& e : article.entities()) {
    if (e.type() != v1::LOCATION) continue;
    ids[e.name()] = e.id();
    for (const std::string& alias : e.aliases()) ids[alias] = e.id();
  }
  return ids;
}

// The id of `name` among `places`; a failure (and an id nothing else has)
// when the article has no such place.
std::string IdOf(const std::map<std::string, std::string>& places, const std::string& name) {
  auto it = places.find(name);
  if (it == places.end()) {
    ADD_FAILURE() << "no place \"" << name << "\"";
    return "missing " + name;
  }
  return it->second;
}

TEST(CrossLanguageEntitiesTest, TheSameCountryHasOneIdInIndonesianAndEnglish) {
  auto pipeline = warta::testing::RealPipeline();
  ASSERT_NE(pipeline, nullptr);
  const v1::EnrichedArticle id = Enrich(*pipeline, kIndonesian, "id-1");
  const v1::EnrichedArticle en = Enrich(*pipeline, kEnglish, "en-1");
  ASSERT_EQ(id.language().code(), "id");
  ASSERT_EQ(en.language().code(), "en");
  const auto id_places = PlaceIds(id);
  const auto en_places = PlaceIds(en);
  EXPECT_EQ(IdOf(id_places, "Korea Utara"), IdOf(en_places, "North Korea"));
  EXPECT_EQ(IdOf(id_places, "Korut"), IdOf(id_places, "Korea Utara"));
  EXPECT_EQ(IdOf(id_places, "Amerika Serikat"), IdOf(en_places, "United States"));
  EXPECT_EQ(IdOf(id_places, "AS"), IdOf(id_places, "Amerika Serikat"));
  EXPECT_EQ(IdOf(en_places, "U.S."), IdOf(en_places, "United States"));
  EXPECT_EQ(IdOf(id_places, "Korea Selatan"), IdOf(en_places, "South Korea"));
  EXPECT_EQ(IdOf(id_places, "Rusia"), IdOf(en_places, "Russia"));
  // "North Korean soldiers", "Ukrainian forces": adjectives, no places.
  EXPECT_FALSE(en_places.count("North Korean"));
  EXPECT_FALSE(en_places.count("Ukrainian"));
}

TEST(CrossLanguageEntitiesTest, TheStoreHoldsOneEntityPerCountryAcrossLanguages) {
  auto pipeline = warta::testing::RealPipeline();
  ASSERT_NE(pipeline, nullptr);
  auto store = storage::SqliteStore::Open(":memory:");
  ASSERT_TRUE(store.ok()) << store.status();
  const v1::EnrichedArticle id = Enrich(*pipeline, kIndonesian, "id-1");
  const v1::EnrichedArticle en = Enrich(*pipeline, kEnglish, "en-1");
  ASSERT_TRUE((*store)->Upsert(id, {}).ok());
  ASSERT_TRUE((*store)->Upsert(en, {}).ok());
  const std::string north_korea = IdOf(PlaceIds(id), "Korea Utara");
  auto detail = (*store)->GetEntity(north_korea);
  ASSERT_TRUE(detail.ok()) << detail.status();
  EXPECT_EQ(detail->entity().article_count(), 2);
  EXPECT_THAT(detail->entity().aliases(), IsSupersetOf({"Korea Utara", "Korut", "North Korea"}));
  // The two reports are one story: their entity ids meet.
  ASSERT_EQ(detail->stories_size(), 1);
  EXPECT_THAT(detail->stories(0).languages(), IsSupersetOf({"id", "en"}));
  // Found by either language's name, as one entity.
  for (const char* query : {"korea utara", "north korea", "korut"}) {
    v1::ListEntitiesRequest request;
    request.set_query(query);
    request.set_type(v1::LOCATION);
    auto listed = (*store)->ListEntities(request);
    ASSERT_TRUE(listed.ok()) << listed.status();
    ASSERT_EQ(listed->entities_size(), 1) << query;
    EXPECT_EQ(listed->entities(0).id(), north_korea) << query;
  }
}

}  // namespace
}  // namespace warta
