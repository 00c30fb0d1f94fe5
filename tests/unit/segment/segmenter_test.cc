#include "enrichment/segment/segmenter.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace warta::enrichment {
namespace {

using ::testing::ElementsAre;

class SegmenterTest : public ::testing::Test {
 protected:
  Document Segment(std::string text) {
    Document doc;
    doc.text = std::move(text);
    auto segmenter = Segmenter::Create({});
    EXPECT_TRUE(segmenter.ok());
    EXPECT_TRUE((*segmenter)->Process(doc).ok());
    return doc;
  }
  static std::vector<std::string> Tokens(const Document& doc) {
    std::vector<std::string> out;
    for (const Token& t : doc.tokens) out.emplace_back(doc.Text(t.span));
    return out;
  }
  static std::vector<std::string> Sentences(const Document& doc) {
    std::vector<std::string> out;
    for (const Sentence& s : doc.sentences) out.emplace_back(doc.Text(s.span));
    return out;
  }
  static TokenKind KindOf(const Document& doc, std::string_view token) {
    for (const Token& t : doc.tokens) {
      if (doc.Text(t.span) == token) return t.kind;
    }
    ADD_FAILURE() << "no token " << token;
    return TokenKind::kOther;
  }
};

TEST_F(SegmenterTest, IndonesianNumbersAreSingleTokens) {
  Document doc = Segment("Sebanyak 10.000 tentara dan 3,5 juta euro.");
  EXPECT_THAT(Tokens(doc), ElementsAre("Sebanyak", "10.000", "tentara", "dan", "3,5", "juta",
                                       "euro", "."));
  EXPECT_EQ(KindOf(doc, "10.000"), TokenKind::kNumber);
  EXPECT_EQ(KindOf(doc, "3,5"), TokenKind::kNumber);
}

TEST_F(SegmenterTest, HyphenatedWordsStayWhole) {
  Document doc = Segment("kawan-kawan perang Rusia-Ukraina kata Kim Jong-un.");
  EXPECT_THAT(Tokens(doc),
              ElementsAre("kawan-kawan", "perang", "Rusia-Ukraina", "kata", "Kim", "Jong-un", "."));
}

TEST_F(SegmenterTest, CompactDatesAreDateTokens) {
  Document doc = Segment("Dikutip pada Jumat (1/11/2024), dan Senin (27/3) lalu.");
  EXPECT_EQ(KindOf(doc, "1/11/2024"), TokenKind::kDate);
  EXPECT_EQ(KindOf(doc, "27/3"), TokenKind::kDate);
  EXPECT_THAT(Tokens(doc), ::testing::Contains("("));
}

TEST_F(SegmenterTest, AbbreviationsDoNotEndSentences) {
  Document doc = Segment(
      "Menlu AS bertemu dr. Andi di Jl. Sudirman bersama Prof. Budi S.H. dan Miryam S. Haryani "
      "dari PBB. Mereka pulang.");
  EXPECT_THAT(Sentences(doc),
              ElementsAre("Menlu AS bertemu dr. Andi di Jl. Sudirman bersama Prof. Budi S.H. dan "
                          "Miryam S. Haryani dari PBB.",
                          "Mereka pulang."));
  EXPECT_THAT(Tokens(doc), ::testing::Contains("Jl."));
}

TEST_F(SegmenterTest, ClosingQuoteStaysWithItsSentence) {
  Document doc = Segment(
      "Dia berkata: \"Ketika musuh disingkirkan, akan ada banyak pekerjaan.\" Putin diam! "
      "Benarkah? \"Ya,\" kata dia.");
  EXPECT_THAT(Sentences(doc),
              ElementsAre("Dia berkata: \"Ketika musuh disingkirkan, akan ada banyak pekerjaan.\"",
                          "Putin diam!", "Benarkah?", "\"Ya,\" kata dia."));
}

TEST_F(SegmenterTest, ParagraphsSplitOnLinesAndSentencesNeverCrossThem) {
  Document doc = Segment("Kalimat pertama tanpa titik\n\nParagraf kedua. Kalimat ketiga.");
  ASSERT_EQ(doc.paragraphs.size(), 2u);
  EXPECT_EQ(doc.Text(doc.paragraphs[1].span), "Paragraf kedua. Kalimat ketiga.");
  EXPECT_THAT(Sentences(doc),
              ElementsAre("Kalimat pertama tanpa titik", "Paragraf kedua.", "Kalimat ketiga."));
  // Sentences index their tokens.
  const Sentence& s = doc.sentences[1];
  EXPECT_EQ(doc.Text(doc.tokens[s.first_token].span), "Paragraf");
  EXPECT_EQ(doc.Text(doc.tokens[s.end_token - 1].span), ".");
}

TEST_F(SegmenterTest, LowerCaseAfterPeriodContinuesTheSentence) {
  Document doc = Segment("Harga naik 5 persen dll. dan terus naik. Lalu turun.");
  EXPECT_THAT(Sentences(doc),
              ElementsAre("Harga naik 5 persen dll. dan terus naik.", "Lalu turun."));
}

TEST_F(SegmenterTest, HostNamesCurrencyAndSymbols) {
  Document doc = Segment("Suara.com dan TEMPO.CO melaporkan Rp3,5 triliun atau $218 naik 5%.");
  EXPECT_THAT(Tokens(doc), ElementsAre("Suara.com", "dan", "TEMPO.CO", "melaporkan", "Rp", "3,5",
                                       "triliun", "atau", "$", "218", "naik", "5", "%", "."));
  EXPECT_EQ(KindOf(doc, "Rp"), TokenKind::kSymbol);
  EXPECT_EQ(KindOf(doc, "$"), TokenKind::kSymbol);
  // Written in capitals too ("RP194,3 triliun"): the amount stays a number.
  EXPECT_THAT(Tokens(Segment("sebesar RP194,3 triliun")),
              ElementsAre("sebesar", "RP", "194,3", "triliun"));
}

TEST_F(SegmenterTest, TokenizeTextUsesTheSameRules) {
  const std::string text = "Jl. Sudirman No. 5, Rp3,5 juta (27/3) kawan-kawan";
  std::vector<std::string> words;
  for (const Token& t : TokenizeText(text)) {
    words.push_back(text.substr(t.span.begin, t.span.size()));
  }
  EXPECT_EQ(words, Tokens(Segment(text)));
}

TEST_F(SegmenterTest, NonAsciiLettersAndQuotes) {
  Document doc = Segment("«Kami menang» kata Müller—lalu pergi…");
  EXPECT_THAT(Tokens(doc), ::testing::Contains("Müller"));
  EXPECT_THAT(Tokens(doc), ::testing::Contains("«"));
}

TEST_F(SegmenterTest, OffsetsStayInsideTextForIllFormedInput) {
  Document doc = Segment(std::string("a\xff\xfe b. \xe2\x82", 9));
  for (const Token& t : doc.tokens) {
    EXPECT_LE(0, t.span.begin);
    EXPECT_LT(t.span.begin, t.span.end);
    EXPECT_LE(t.span.end, static_cast<int>(doc.text.size()));
  }
}

TEST_F(SegmenterTest, UrlsAndHandles) {
  Document doc = Segment("Lihat https://kumparan.com/a-b?x=1. Sumber: twitter @tabloidbola #Piala2018");
  EXPECT_THAT(Tokens(doc), ElementsAre("Lihat", "https://kumparan.com/a-b?x=1", ".", "Sumber", ":",
                                       "twitter", "@tabloidbola", "#Piala2018"));
  EXPECT_EQ(KindOf(doc, "https://kumparan.com/a-b?x=1"), TokenKind::kOther);
}

TEST_F(SegmenterTest, DateAtTheVeryStart) {
  Document doc = Segment("25/4/2019) hari itu");
  EXPECT_EQ(doc.Text(doc.tokens[0].span), "25/4/2019");
  EXPECT_EQ(doc.tokens[0].kind, TokenKind::kDate);
}

TEST_F(SegmenterTest, VeryLongSentencesAreCut) {
  std::string text;
  for (int i = 0; i < 600; ++i) text += "kata ";
  Document doc = Segment(text);
  EXPECT_GE(doc.sentences.size(), 3u);
}

}  // namespace
}  // namespace warta::enrichment
