// The five sample pages through the real pipeline and committed models into
// an in-memory SqliteStore with the story model: they must form exactly two
// stories — the three November 2024 reports (whose story carries the
// contested troop figures) and the two January 2024 ones.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>
#include <string>

#include "absl/time/time.h"
#include "article/article_validation.h"
#include "common/models_dir.h"
#include "enrichment/pipeline.h"
#include "storage/sqlite/sqlite_store.h"
#include "tests/testing/shared_data.h"

namespace warta {
namespace {

using ::testing::UnorderedElementsAre;

const char* const kSamples[] = {
    "bergelora_2024-11-01_choe_lavrov.txt", "2024-11-04_putin_choe_kursk.txt",
    "tempo_2024-11-05_putin_choe.txt",      "kompastv_2024-01-21_choe_putin.txt",
    "orbitindonesia_2024-01_putin_choe.txt",
};

TEST(SampleStoriesTest, FivePagesFormTheNovemberAndTheJanuaryStory) {
  WARTA_REQUIRE_SHARED_DATA(data);
  const std::filesystem::path models = warta::testing::SourceDir() / "models";
  enrichment::PipelineOptions options;
  options.langid_model = warta::testing::ReadFileOrDie(models / warta::kLangidModelFile);
  options.ner_model = warta::testing::ReadFileOrDie(models / warta::kNerModelFile);
  auto pipeline = enrichment::Pipeline::Create(options);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status();
  auto weights =
      storage::TermWeights::Parse(warta::testing::ReadFileOrDie(models / warta::kStoryIdfFile));
  ASSERT_TRUE(weights.ok()) << weights.status();
  storage::SqliteStoreOptions store_options;
  store_options.stories.weights = std::make_shared<const storage::TermWeights>(*weights);
  auto store = storage::SqliteStore::Open(":memory:", store_options);
  ASSERT_TRUE(store.ok()) << store.status();

  std::map<std::string, std::string> story_of;  // file -> story id
  for (const char* name : kSamples) {
    v1::Article article;
    article.set_id(name);
    article.set_body(warta::testing::ReadFileOrDie(data / "samples" / name));
    ASSERT_TRUE(article::ValidateArticle(article).ok()) << name;
    auto enriched = (*pipeline)->Enrich(article, absl::FromUnixSeconds(1767225600));
    ASSERT_TRUE(enriched.ok()) << name << ": " << enriched.status();
    ASSERT_TRUE((*store)->Upsert(*enriched, {}).ok()) << name;
    story_of[name] = (*store)->GetArticle(name)->story_id();
  }
  const std::string november = story_of["tempo_2024-11-05_putin_choe.txt"];
  const std::string january = story_of["kompastv_2024-01-21_choe_putin.txt"];
  EXPECT_NE(november, january);
  EXPECT_EQ(story_of["bergelora_2024-11-01_choe_lavrov.txt"], november);
  EXPECT_EQ(story_of["2024-11-04_putin_choe_kursk.txt"], november);
  EXPECT_EQ(story_of["orbitindonesia_2024-01_putin_choe.txt"], january);

  auto stories = (*store)->ListStories({});
  ASSERT_TRUE(stories.ok()) << stories.status();
  EXPECT_EQ(stories->stories_size(), 2);

  auto story = (*store)->GetStory(november);
  ASSERT_TRUE(story.ok()) << story.status();
  EXPECT_EQ(story->article_count(), 3);
  std::set<double> troops;
  for (const auto& group : story->contested()) {
    if (group.unit() != "troops") continue;
    troops.insert(group.values().begin(), group.values().end());
  }
  EXPECT_THAT(troops, ::testing::IsSupersetOf({3000.0, 8000.0, 10000.0, 11000.0}))
      << story->DebugString();
  EXPECT_FALSE(story->timeline().empty());
}

}  // namespace
}  // namespace warta
