// The cross-article example end to end: the five sample pages go
// through the real enrichment pipeline (committed models), into an
// in-memory SqliteStore, and ListContestedClaims must return the North
// Korean troop figures as one contested group: 3.000 and 8.000 (the US),
// 10.000 (the West; the State Department's spokesman Matthew Miller) and
// 11.000 (Volodymyr Zelensky), while the vague "ribuan pasukan" (the West)
// is not a value of its own.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "article/article_validation.h"
#include "enrichment/pipeline.h"
#include "storage/contested_claims.h"
#include "storage/sqlite/sqlite_store.h"
#include "tests/testing/real_pipeline.h"
#include "tests/testing/shared_data.h"

namespace warta {
namespace {

using ::testing::AnyOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Eq;
using ::testing::HasSubstr;

const char* const kSamples[] = {
    "2024-11-04_putin_choe_kursk.txt",
    "bergelora_2024-11-01_choe_lavrov.txt",
    "kompastv_2024-01-21_choe_putin.txt",
    "orbitindonesia_2024-01_putin_choe.txt",
    "tempo_2024-11-05_putin_choe.txt",
};

// The five pages enriched and stored, as `warta enrich` + warta-store would.
std::unique_ptr<storage::SqliteStore> StoreSamples(const std::filesystem::path& data) {
  auto pipeline = warta::testing::RealPipeline();
  auto store = storage::SqliteStore::Open(":memory:");
  EXPECT_TRUE(store.ok()) << store.status();
  if (pipeline == nullptr || !store.ok()) return nullptr;
  for (const char* name : kSamples) {
    v1::Article article;
    article.set_body(warta::testing::ReadFileOrDie(data / "samples" / name));
    (*article.mutable_metadata())["file"] = name;
    EXPECT_TRUE(article::ValidateArticle(article).ok()) << name;
    auto enriched = pipeline->Enrich(article, absl::FromUnixSeconds(1767225600));
    EXPECT_TRUE(enriched.ok()) << name << ": " << enriched.status();
    if (!enriched.ok()) continue;
    EXPECT_TRUE((*store)->Upsert(*enriched, {}).ok()) << name;
  }
  return *std::move(store);
}

// value → the speaker names the group gives for it.
std::map<double, std::set<std::string>> SpeakersByValue(const v1::ContestedClaim& group) {
  std::map<double, std::set<std::string>> out;
  for (const v1::StoredClaim& claim : group.claims()) {
    for (const v1::Quantity& q : claim.claim().quantities()) {
      if (q.exact_value() && storage::NormalizeUnit(q.unit()) == group.unit()) {
        out[q.value()].insert(claim.speaker_name());
      }
    }
  }
  return out;
}

// "3000 tentara (exact) — Amerika Serikat, <article id>" per line, for
// failure messages.
std::string Describe(const v1::ContestedClaim& group) {
  std::string out = group.unit() + ":\n";
  for (const v1::StoredClaim& claim : group.claims()) {
    for (const v1::Quantity& q : claim.claim().quantities()) {
      out += "  " + std::to_string(static_cast<long long>(q.value())) + " " + q.unit() + " (" +
             q.qualifier() + ") — " + claim.speaker_name() + ", " + claim.article_id() + "\n";
    }
  }
  return out;
}

TEST(ContestedSamplesTest, TroopFiguresOfFourVoicesFormOneContestedGroup) {
  WARTA_REQUIRE_SHARED_DATA(data);
  std::unique_ptr<storage::SqliteStore> store = StoreSamples(data);
  ASSERT_NE(store, nullptr);
  auto response = store->ListContestedClaims("", 0, 0, "");
  ASSERT_TRUE(response.ok()) << response.status();

  std::vector<const v1::ContestedClaim*> troops;
  for (const v1::ContestedClaim& group : response->contested()) {
    if (group.unit() == "troops") troops.push_back(&group);
  }
  ASSERT_EQ(troops.size(), 1u) << response->DebugString();
  const v1::ContestedClaim& group = *troops[0];
  SCOPED_TRACE(Describe(group));
  EXPECT_THAT(group.subject_names(), Contains("Korea Utara"));

  // Exactly the four figures ("ribuan pasukan", an order of magnitude, is
  // no figure of its own), as the README shows them.
  const std::set<double> values(group.values().begin(), group.values().end());
  EXPECT_THAT(values, ElementsAre(3000.0, 8000.0, 10000.0, 11000.0));

  const auto speakers = SpeakersByValue(group);
  const auto us = AnyOf(HasSubstr("Amerika Serikat"), Eq("AS"));
  ASSERT_EQ(speakers.count(3000), 1u);
  EXPECT_THAT(speakers.at(3000), Contains(us));
  ASSERT_EQ(speakers.count(8000), 1u);
  EXPECT_THAT(speakers.at(8000), Contains(us));
  ASSERT_EQ(speakers.count(10000), 1u);
  EXPECT_THAT(speakers.at(10000), Contains(HasSubstr("Matthew Miller")));
  EXPECT_THAT(speakers.at(10000), Contains(HasSubstr("Barat")));
  ASSERT_EQ(speakers.count(11000), 1u);
  EXPECT_THAT(speakers.at(11000), Contains(HasSubstr("Volodymyr Zelensky")));

  // The vague amount is listed beside the figures, marked as not exact.
  bool vague_listed = false;
  for (const v1::StoredClaim& claim : group.claims()) {
    for (const v1::Quantity& q : claim.claim().quantities()) {
      vague_listed |= !q.exact_value() && q.qualifier() == "order_of_magnitude";
    }
  }
  EXPECT_TRUE(vague_listed);

  // Every listed claim names its article and speaker.
  for (const v1::StoredClaim& claim : group.claims()) {
    EXPECT_FALSE(claim.article_id().empty());
    EXPECT_FALSE(claim.speaker_name().empty()) << claim.claim().content().text();
  }
}

}  // namespace
}  // namespace warta
