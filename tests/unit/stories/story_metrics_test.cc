#include "eval/stories/story_metrics.h"

#include <gtest/gtest.h>

namespace warta::eval {
namespace {

TEST(StoryMetricsTest, PerfectClusteringScoresOne) {
  const auto s = ScoreStories({{"a", "s1", "p1", "", ""},
                               {"b", "s1", "p1", "a", "a"},
                               {"c", "s2", "p2", "", ""}});
  EXPECT_DOUBLE_EQ(s.pairwise.f1, 1);
  EXPECT_DOUBLE_EQ(s.bcubed.f1, 1);
  EXPECT_DOUBLE_EQ(s.duplicates.recall, 1);
  EXPECT_EQ(s.gold_stories, 2);
}

TEST(StoryMetricsTest, MergingTwoStoriesCostsPrecisionNotRecall) {
  const auto s = ScoreStories({{"a", "s1", "p", "", ""},
                               {"b", "s1", "p", "", ""},
                               {"c", "s2", "p", "", ""}});
  EXPECT_DOUBLE_EQ(s.pairwise.recall, 1);
  EXPECT_DOUBLE_EQ(s.pairwise.precision, 1.0 / 3);
  EXPECT_LT(s.bcubed.precision, 1);
  EXPECT_DOUBLE_EQ(s.bcubed.recall, 1);
}

TEST(StoryMetricsTest, NearCopiesScoredByFamily) {
  const auto s = ScoreStories({{"a", "s", "p", "", ""},
                               {"b", "s", "p", "a", ""},    // missed
                               {"c", "s", "p", "a", "b"},   // right family
                               {"d", "s", "p", "", "a"}});  // not a copy
  EXPECT_DOUBLE_EQ(s.duplicates.recall, 0.5);
  EXPECT_DOUBLE_EQ(s.duplicates.precision, 0.5);
}

}  // namespace
}  // namespace warta::eval
