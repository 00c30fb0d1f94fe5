#include "enrichment/segment/token_pieces.h"

#include <string>
#include <string_view>
#include <vector>

#include "enrichment/segment/segmenter.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace warta::enrichment {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Strings(std::string_view text, const std::vector<Piece>& pieces) {
  std::vector<std::string> out;
  for (const Piece& p : pieces) out.emplace_back(text.substr(p.begin, p.end - p.begin));
  return out;
}

TEST(TokenPiecesTest, NumbersAreCutAtDashesSlashesAndColonsOnly) {
  const std::string text = "3.000-5.000 tentara, (27/3) pukul 09:20, 3,5 persen";
  EXPECT_THAT(Strings(text, PiecesOf(text)),
              ElementsAre("3.000", "-", "5.000", "tentara", ",", "(", "27", "/", "3", ")",
                          "pukul", "09", ":", "20", ",", "3,5", "persen"));
  const std::vector<Piece> pieces = PiecesOf(text);
  EXPECT_EQ(pieces[0].kind, PieceKind::kNumber);
  EXPECT_EQ(pieces[1].kind, PieceKind::kPunct);
  EXPECT_FALSE(pieces[1].space_before);
  EXPECT_TRUE(pieces[3].space_before);
}

TEST(TokenPiecesTest, WordsAreCutAtPeriodsAndAfterAnAccountMark) {
  const std::string text = "4 Nov. di Suara.com, kata @tmcpoldametro...";
  EXPECT_THAT(Strings(text, PiecesOf(text)),
              ElementsAre("4", "Nov", ".", "di", "Suara", ".", "com", ",", "kata", "@",
                          "tmcpoldametro", ".", ".", "."));
}

TEST(TokenPiecesTest, CurrencyBeforeAnAmountIsAWord) {
  const std::string text = "Rp3,5 juta atau $218";
  const std::vector<Piece> pieces = PiecesOf(text);
  EXPECT_THAT(Strings(text, pieces), ElementsAre("Rp", "3,5", "juta", "atau", "$", "218"));
  EXPECT_EQ(pieces[0].kind, PieceKind::kWord);
  EXPECT_EQ(pieces[4].kind, PieceKind::kPunct);
}

// The pieces of a Document are those of its tokens: cutting never moves a
// token boundary, and a base shifts every offset.
TEST(TokenPiecesTest, DocumentTokensAndBaseOffset) {
  Document doc;
  doc.text = "Kata Jl. Sudirman 1/11/2024.";
  ASSERT_TRUE(Segmenter::Create({}).value()->Process(doc).ok());
  const std::vector<Piece> pieces = PiecesOfTokens(doc.text, doc.tokens, 100);
  ASSERT_FALSE(pieces.empty());
  EXPECT_EQ(pieces.front().begin, 100);
  EXPECT_EQ(pieces.back().end, 100 + static_cast<int>(doc.text.size()));
  std::vector<std::string> words;
  for (const Piece& p : pieces) words.push_back(doc.text.substr(p.begin - 100, p.end - p.begin));
  EXPECT_THAT(words, ElementsAre("Kata", "Jl", ".", "Sudirman", "1", "/", "11", "/", "2024", "."));
}

}  // namespace
}  // namespace warta::enrichment
