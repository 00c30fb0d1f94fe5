// The attribution scorer that `warta eval attribution` reports: what counts
// as an exact match, an overlap, a miss, a spurious quote and a right
// speaker. Gold comes from a small PFSA-ID-style BILOU text through the real
// reader; the claims are placed by hand.
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "eval/attribution/attribution_eval.h"

namespace warta::eval {
namespace {

using enrichment::Claim;
using enrichment::ClaimKind;
using enrichment::Document;
using enrichment::Span;
using ::testing::HasSubstr;

// Two statements: the first by Anies (PERSON next to the cue), the second
// with no cue of its own (the reader gives it the last person before it).
constexpr char kGold[] =
    "JAKARTA\tO\n,\tO\nKOMPAS\tO\n-\tO\n\"\tO\nKami\tB-STATEMENT\nsiap\tI-STATEMENT\n"
    "membantu\tL-STATEMENT\n,\tO\n\"\tO\nkata\tU-CUE\nAnies\tU-PERSON\n.\tO\n\n"
    "Harga\tB-STATEMENT\nberas\tI-STATEMENT\nnaik\tL-STATEMENT\n.\tO\n\n";

class AttributionScoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto parsed = ParseAttributionGold(kGold);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    ASSERT_EQ(parsed->size(), 1u);
    gold_ = (*parsed)[0];
    ASSERT_EQ(gold_.statements.size(), 2u);
    doc_.text = gold_.text;
  }
  // The span of gold tokens [first, end).
  Span Tokens(int first, int end) const {
    return Span{gold_.tokens[first].span.begin, gold_.tokens[end - 1].span.end};
  }
  int Find(const std::string& word) const {
    for (int i = 0; i < static_cast<int>(gold_.tokens.size()); ++i) {
      if (gold_.tokens[i].text == word) return i;
    }
    ADD_FAILURE() << word << " not in the gold";
    return 0;
  }
  Claim Quote(Span content, std::string speaker) const {
    Claim c;
    c.kind = ClaimKind::kDirectQuote;
    c.content = content;
    c.speaker_name = std::move(speaker);
    return c;
  }
  GoldArticle gold_;
  Document doc_;
};

TEST_F(AttributionScoreTest, AnExactQuoteWithTheRightSpeakerScoresFully) {
  // Edge punctuation and quotation marks around the content do not matter.
  doc_.claims.push_back(Quote(Tokens(Find("Kami") - 1, Find("membantu") + 2), "Anies Baswedan"));
  AttributionScores s = ScoreAttribution(gold_, doc_);
  EXPECT_EQ(s.gold, 2);
  EXPECT_EQ(s.predicted, 1);
  EXPECT_EQ(s.exact_matches, 1);
  EXPECT_EQ(s.overlap_gold_matched, 1);
  EXPECT_EQ(s.gold_with_speaker, 2);
  EXPECT_EQ(s.speaker_evaluated, 1);  // only matched statements are judged
  EXPECT_EQ(s.speaker_correct, 1);
}

TEST_F(AttributionScoreTest, PartialOverlapCountsForOverlapNotExact) {
  doc_.claims.push_back(Quote(Tokens(Find("siap"), Find("membantu") + 1), "Anies"));
  std::ostringstream errors;
  AttributionScores s = ScoreAttribution(gold_, doc_, &errors);
  EXPECT_EQ(s.overlap_gold_matched, 1);
  EXPECT_EQ(s.exact_matches, 0);
  EXPECT_THAT(errors.str(), HasSubstr("PARTIAL"));
  EXPECT_THAT(errors.str(), HasSubstr("MISSED: Harga beras naik"));
}

TEST_F(AttributionScoreTest, WrongSpeakerAndSpuriousQuotesAreCounted) {
  doc_.claims.push_back(Quote(Tokens(Find("Kami"), Find("membantu") + 1), "Prabowo"));
  doc_.claims.push_back(Quote(Tokens(Find("kata"), Find("Anies") + 1), "Anies"));
  Claim reported = Quote(Tokens(Find("Harga"), Find("naik") + 1), "");
  reported.kind = ClaimKind::kReported;  // only direct quotes are scored
  doc_.claims.push_back(reported);
  std::ostringstream errors;
  AttributionScores s = ScoreAttribution(gold_, doc_, &errors);
  EXPECT_EQ(s.predicted, 2);
  EXPECT_EQ(s.overlap_pred_matched, 1);
  EXPECT_EQ(s.speaker_evaluated, 1);
  EXPECT_EQ(s.speaker_correct, 0);
  EXPECT_THAT(errors.str(), HasSubstr("SPEAKER: gold=Anies pred=Prabowo"));
  EXPECT_THAT(errors.str(), HasSubstr("SPURIOUS: kata Anies"));
}

TEST_F(AttributionScoreTest, ScoresAddUpAcrossArticles) {
  doc_.claims.push_back(Quote(Tokens(Find("Kami"), Find("membantu") + 1), "Anies"));
  AttributionScores total;
  total.Add(ScoreAttribution(gold_, doc_));
  total.Add(ScoreAttribution(gold_, doc_));
  EXPECT_EQ(total.articles, 2);
  EXPECT_EQ(total.gold, 4);
  EXPECT_EQ(total.exact_matches, 2);
  EXPECT_THAT(total.ToJson(), HasSubstr("\"speaker_accuracy\""));
}

}  // namespace
}  // namespace warta::eval
