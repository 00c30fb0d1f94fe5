// English news through the real pipeline (committed models): the entity
// stage tags English documents with the model's "en" weights (trained on
// GUM), so the people, places and organisations of an English wire story
// come out whole and typed, and a later bare surname joins the full name.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "enrichment/entities/name_key.h"
#include "enrichment/pipeline.h"
#include "tests/testing/real_pipeline.h"

namespace warta {
namespace {

constexpr char kParagraph[] =
    "About 8,000 North Korean soldiers are now in Russia's Kursk region and are expected to join "
    "the fighting against Ukraine in the coming days, U.S. Secretary of State Antony Blinken said "
    "on Thursday.\n\n"
    "Blinken told reporters at the State Department that Washington had not yet seen the troops "
    "enter combat. Kremlin spokesman Dmitry Peskov said Moscow would not comment on the reports. "
    "\"We have nothing to add,\" Peskov said. Ukrainian President Volodymyr Zelenskiy said some "
    "11,000 North Korean troops were in Kursk, according to Ukrainian intelligence. North Korea "
    "has not confirmed the deployment.";

class EnglishEntitiesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pipeline = warta::testing::RealPipeline();
    ASSERT_NE(pipeline, nullptr);
    v1::Article article;
    article.set_language_hint("en");
    article.set_body(kParagraph);
    auto enriched = pipeline->Enrich(article, absl::FromUnixSeconds(1767225600));
    ASSERT_TRUE(enriched.ok()) << enriched.status();
    enriched_ = *std::move(enriched);
    for (const v1::Entity& e : enriched_.entities()) {
      if (e.type() == v1::PERSON || e.type() == v1::ORGANIZATION || e.type() == v1::LOCATION) {
        names_[e.name()] = e.type();
      }
    }
  }

  const v1::Entity* Find(const std::string& name) const {
    for (const v1::Entity& e : enriched_.entities()) {
      if (e.name() == name) return &e;
    }
    return nullptr;
  }

  v1::EnrichedArticle enriched_;
  std::map<std::string, v1::EntityType> names_;
};

TEST_F(EnglishEntitiesTest, FindsThePeoplePlacesAndOrganisations) {
  const std::vector<std::pair<std::string, v1::EntityType>> expected = {
      {"Antony Blinken", v1::PERSON},     {"Dmitry Peskov", v1::PERSON},
      {"Volodymyr Zelenskiy", v1::PERSON}, {"Russia", v1::LOCATION},
      {"Kursk", v1::LOCATION},             {"North Korea", v1::LOCATION},
      {"Ukraine", v1::LOCATION},           {"Moscow", v1::LOCATION},
      {"Washington", v1::LOCATION},        {"State Department", v1::ORGANIZATION},
      {"Kremlin", v1::ORGANIZATION}};
  for (const auto& [name, type] : expected) {
    auto it = names_.find(name);
    ASSERT_NE(it, names_.end()) << name << " missing in " << enriched_.DebugString();
    EXPECT_EQ(v1::EntityType_Name(it->second), v1::EntityType_Name(type)) << name;
  }
}

TEST_F(EnglishEntitiesTest, NoTitleOrPossessiveAsAName) {
  for (const auto& [name, type] : names_) {
    EXPECT_EQ(name.find("President"), std::string::npos) << name << " is a title, not a name";
    EXPECT_EQ(name.find("'s"), std::string::npos) << name << " keeps a possessive";
    EXPECT_EQ(name.find("Secretary"), std::string::npos) << name;
  }
}

// "Antony Blinken" and the later bare "Blinken" (and "Peskov" after
// "Dmitry Peskov") are one entity, with the full name's id: the same id in
// any article that names him in full.
TEST_F(EnglishEntitiesTest, SurnameJoinsTheFullNameWithAStableId) {
  for (const std::string name : {"Antony Blinken", "Dmitry Peskov"}) {
    const v1::Entity* e = Find(name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->mentions_size(), 2) << e->DebugString();
    EXPECT_EQ(e->id(), enrichment::EntityId(enrichment::EntityType::kPerson,
                                            enrichment::NameKey(name)));
  }
  EXPECT_EQ(Find("Blinken"), nullptr);
  EXPECT_EQ(Find("Peskov"), nullptr);
}

// A first name the English weights do not know ("Theresa": in neither GUM
// nor WikiGold) stays with the surname they found; a day or a title
// before a name does not join it.
TEST(EnglishFirstNamesTest, AFirstNameTheModelMissedJoinsTheSurname) {
  auto pipeline = warta::testing::RealPipeline();
  ASSERT_NE(pipeline, nullptr);
  v1::Article article;
  article.set_language_hint("en");
  article.set_body(
      "Theresa May said on Tuesday that Britain would leave the European Union. Prime Minister "
      "Theresa May told parliament the deal was good. On Tuesday Corbyn said he disagreed.");
  auto enriched = pipeline->Enrich(article, absl::FromUnixSeconds(1767225600));
  ASSERT_TRUE(enriched.ok()) << enriched.status();
  std::map<std::string, int> people;
  for (const v1::Entity& e : enriched->entities()) {
    if (e.type() == v1::PERSON) people[e.name()] = e.mentions_size();
  }
  EXPECT_EQ(people["Theresa May"], 2) << enriched->DebugString();
  EXPECT_FALSE(people.count("May"));
  for (const auto& [name, mentions] : people) {
    EXPECT_EQ(name.find("Tuesday"), std::string::npos) << name;
    EXPECT_EQ(name.find("Minister"), std::string::npos) << name;
  }
}

TEST_F(EnglishEntitiesTest, BlinkenClaimsKeepTheFigure) {
  const v1::Entity* blinken = Find("Antony Blinken");
  ASSERT_NE(blinken, nullptr);
  std::vector<const v1::Claim*> claims;
  for (const v1::Claim& c : enriched_.claims()) {
    if (c.speaker().entity_id() == blinken->id()) claims.push_back(&c);
  }
  ASSERT_EQ(claims.size(), 2u) << enriched_.DebugString();
  EXPECT_EQ(claims[0]->content().text(),
            "About 8,000 North Korean soldiers are now in Russia's Kursk region and are expected "
            "to join the fighting against Ukraine in the coming days");
  ASSERT_EQ(claims[0]->quantities_size(), 1);
  EXPECT_EQ(claims[0]->quantities(0).value(), 8000);
  EXPECT_EQ(claims[1]->cue().text(), "told");
  EXPECT_EQ(claims[1]->content().text().rfind("Washington had not yet seen", 0), 0u)
      << claims[1]->content().text();
}

}  // namespace
}  // namespace warta
