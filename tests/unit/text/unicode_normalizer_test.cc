#include "enrichment/text/unicode_normalizer.h"

#include "gtest/gtest.h"

namespace warta::enrichment {
namespace {

TEST(NormalizeTextTest, QuotesDashesAndSpacesBecomeAscii) {
  // “salam” – NBSP, ‘x’ — «y»
  const std::string in = "\xE2\x80\x9Csalam\xE2\x80\x9D \xE2\x80\x93\xC2\xA0\xE2\x80\x98x\xE2\x80\x99"
                         " \xE2\x80\x94 \xC2\xABy\xC2\xBB";
  NormalizedText out = NormalizeText(in);
  EXPECT_EQ(out.text, "\"salam\" - 'x' - \xC2\xABy\xC2\xBB");
  ASSERT_EQ(out.offsets.size(), out.text.size() + 1);
  // The ASCII quote maps to the start of the curly quote.
  EXPECT_EQ(out.offsets[0], 0);
  EXPECT_EQ(out.offsets[1], 3);  // 's'
  EXPECT_EQ(out.offsets.back(), static_cast<int>(in.size()));
}

TEST(NormalizeTextTest, ComposesToNfcAndKeepsOffsetsMonotonic) {
  // "Cafe" + combining acute, then "x".
  const std::string in = "Cafe\xCC\x81 x";
  NormalizedText out = NormalizeText(in);
  EXPECT_EQ(out.text, "Caf\xC3\xA9 x");
  ASSERT_EQ(out.offsets.size(), out.text.size() + 1);
  for (size_t i = 1; i < out.offsets.size(); ++i) EXPECT_LE(out.offsets[i - 1], out.offsets[i]);
  EXPECT_EQ(in.substr(out.offsets[5]), " x");
}

// NFC maps a few signs to an ASCII letter (U+212A KELVIN SIGN is "K"): the
// letter maps back to the sign, so a highlight in the original covers it.
// fuzz_text found the case (its check had assumed an ASCII letter comes
// from the same byte).
TEST(NormalizeTextTest, ASignNfcMakesALetterMapsBackToTheSign) {
  const std::string in = "Jokowi \xE2\x84\xAA caf";
  NormalizedText out = NormalizeText(in);
  EXPECT_EQ(out.text, "Jokowi K caf");
  ASSERT_EQ(out.offsets.size(), out.text.size() + 1);
  EXPECT_EQ(out.offsets[7], 7);                     // "K" starts where the sign does
  EXPECT_EQ(in.substr(out.offsets[9]), "caf");     // and what follows stays aligned
}

TEST(NormalizeTextTest, LineBreaksControlsAndIllFormedBytes) {
  const std::string in = "a\r\nb\rc\xE2\x80\xA8" "d\x01\xE2\x80\x8B" "e\xFF";
  NormalizedText out = NormalizeText(in);
  EXPECT_EQ(out.text, "a\nb\nc\nde\xEF\xBF\xBD");
  EXPECT_EQ(out.offsets.size(), out.text.size() + 1);
}

TEST(NormalizeTextTest, CollapsesSpaceRuns) {
  EXPECT_EQ(NormalizeText("a  \t b \n  c").text, "a b\nc");
}

}  // namespace
}  // namespace warta::enrichment
