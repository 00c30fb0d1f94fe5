// The contested-figures rules on the committed labelled pairs
// (tests/data/contested/pairs.jsonl): a rule change that loses precision
// or recall fails here. The floors are what the rules reached when the
// pairs were labelled (same thing P 1.00 R 0.54; contested P 1.00 R 0.87).
#include "eval/contested/contested_eval.h"

#include <gtest/gtest.h>

#include "tests/testing/shared_data.h"

namespace warta::eval {
namespace {

TEST(ContestedEvalTest, LabelledPairsKeepTheirScores) {
  const std::string contents = warta::testing::ReadFileOrDie(
      warta::testing::SourceDir() / "tests/data/contested/pairs.jsonl");
  auto pairs = ParseFigurePairs(contents);
  ASSERT_TRUE(pairs.ok()) << pairs.status();
  ASSERT_GE(pairs->size(), 300u);
  const ContestedScores scores = ScoreFigurePairs(*pairs);
  EXPECT_GE(scores.contested.Precision(), 0.99) << scores.ToJson();
  EXPECT_GE(scores.contested.Recall(), 0.86) << scores.ToJson();
  EXPECT_GE(scores.same_thing.Precision(), 0.99) << scores.ToJson();
  EXPECT_GE(scores.same_thing.Recall(), 0.53) << scores.ToJson();
}

TEST(ContestedEvalTest, ABadLineIsNamed) {
  auto pairs = ParseFigurePairs("\n{\"a\": {}}\n");
  ASSERT_FALSE(pairs.ok());
  EXPECT_NE(pairs.status().message().find("line 2"), std::string::npos);
}

}  // namespace
}  // namespace warta::eval
