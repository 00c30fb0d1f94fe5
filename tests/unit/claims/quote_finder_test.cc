#include "enrichment/claims/quote_finder.h"

#include <gtest/gtest.h>

#include <string>

namespace warta::enrichment {
namespace {

std::vector<std::string> Inner(const std::string& text) {
  std::vector<std::string> out;
  for (const QuoteSpan& q : FindQuotes(text)) {
    out.push_back(text.substr(q.inner.begin, q.inner.size()));
  }
  return out;
}

TEST(FindQuotesTest, CurlyStraightAndGuillemets) {
  EXPECT_EQ(Inner("Dia berkata: “Kami siap,” kata Choe."),
            (std::vector<std::string>{"Kami siap,"}));
  EXPECT_EQ(Inner("\"Sekarang mereka belajar,\" ujar Zelensky."),
            (std::vector<std::string>{"Sekarang mereka belajar,"}));
  EXPECT_EQ(Inner("Er sagte «nein» und ging."),
            (std::vector<std::string>{"nein"}));
}

TEST(FindQuotesTest, QuoteSpanningSentences) {
  EXPECT_EQ(Inner("“Di sini dan saat ini. Kami berada di sisi Anda,” katanya."),
            (std::vector<std::string>{"Di sini dan saat ini. Kami berada di sisi Anda,"}));
}

TEST(FindQuotesTest, RightQuoteUsedAsOpener) {
  // Indonesian press often opens with ” as well.
  EXPECT_EQ(Inner("Kata Presiden. ”Saya minta semua jalan,” kata Presiden."),
            (std::vector<std::string>{"Saya minta semua jalan,"}));
}

TEST(FindQuotesTest, PartialQuotesInOneSentence) {
  EXPECT_EQ(Inner("memiliki hubungan “persahabatan militer” dan mendukung Rusia "
                  "“sampai hari kemenangan” di Ukraina."),
            (std::vector<std::string>{"persahabatan militer", "sampai hari kemenangan"}));
}

TEST(FindQuotesTest, ParagraphReopenedQuote) {
  EXPECT_EQ(Inner("“Paragraf pertama.\n“Paragraf kedua,” katanya."),
            (std::vector<std::string>{"Paragraf pertama.", "Paragraf kedua,"}));
}

TEST(FindQuotesTest, UnclosedQuoteIsDropped) {
  EXPECT_TRUE(Inner("Ini “tidak pernah ditutup.\nParagraf lain.").empty());
  EXPECT_TRUE(Inner("").empty());
  EXPECT_TRUE(Inner("“”").empty());
}

}  // namespace
}  // namespace warta::enrichment
