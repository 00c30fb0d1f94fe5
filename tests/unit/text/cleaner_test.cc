#include "enrichment/text/cleaner.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/unit/text/clean_test_util.h"

namespace warta::enrichment {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

Document Clean(std::string original, std::string title_hint = "", std::string source = "") {
  Document doc;
  doc.original = std::move(original);
  doc.title_hint = std::move(title_hint);
  doc.source = std::move(source);
  return testing::Cleaned(std::move(doc));
}

using testing::RemovedReasons;

TEST(CleanerTest, TitleHintIsNotRepeatedInTheBody) {
  Document doc = Clean("Gempa Guncang Lampung\n\nGempa melanda Lampung Selatan. Tidak ada korban.",
                       "Gempa  guncang Lampung");
  EXPECT_EQ(doc.clean.title, "Gempa  guncang Lampung");
  EXPECT_EQ(doc.text, "Gempa melanda Lampung Selatan. Tidak ada korban.");
  EXPECT_THAT(RemovedReasons(doc), ElementsAre("title"));
}

TEST(CleanerTest, TitleHintMatchesDespiteOutletSuffix) {
  Document doc = Clean("Gempa Guncang Lampung - Tempo.co\nGempa melanda Lampung Selatan.",
                       "Gempa Guncang Lampung");
  EXPECT_EQ(doc.text, "Gempa melanda Lampung Selatan.");
}

TEST(CleanerTest, TitleHintDifferentFromFirstLineKeepsTheLine) {
  Document doc = Clean("Gempa melanda Lampung Selatan pada pagi hari\nTidak ada korban.",
                       "Judul lain");
  EXPECT_EQ(doc.clean.title, "Judul lain");
  EXPECT_THAT(doc.text, HasSubstr("Gempa melanda Lampung"));
}

TEST(CleanerTest, IndosumStyleDatelinesAndBoilerplate) {
  Document doc = Clean(
      "Jakarta, CNN Indonesia--PT Pertamina menyatakan telah berbicara dengan tiga perusahaan.\n\n"
      "Baca juga: Setya Novanto: Jangan Sampai Kisruh\n\n"
      "SIMAK JUGA: Arema Datangkan Pemain\n\n"
      "\"Kami optimistis,\" ujar dia, Senin (27/3).\n\n"
      "Sumber: Google.\n\n"
      "DailySocial.id adalah portal berita startup dan inovasi teknologi.\n\n(ard)");
  EXPECT_EQ(doc.clean.dateline, "Jakarta, CNN Indonesia");
  EXPECT_EQ(doc.text,
            "PT Pertamina menyatakan telah berbicara dengan tiga perusahaan.\n\n"
            "\"Kami optimistis,\" ujar dia, Senin (27/3).");
  EXPECT_THAT(RemovedReasons(doc), ElementsAre("dateline", "related_link", "related_link",
                                        "source_credit", "advertisement", "byline"));
  EXPECT_FALSE(doc.clean.suspicious_cleaning);
}

TEST(CleanerTest, CreditLinesAtTheEnd) {
  Document doc = Clean("Polisi menangkap dua orang.\nMereka diperiksa.\n(Web Warouw)");
  EXPECT_THAT(doc.clean.bylines, ElementsAre("Web Warouw"));
  EXPECT_EQ(doc.text, "Polisi menangkap dua orang.\n\nMereka diperiksa.");
  Document initials = Clean("Polisi menangkap dua orang. (ugo/djm)");
  EXPECT_TRUE(initials.clean.bylines.empty());
  EXPECT_EQ(initials.text, "Polisi menangkap dua orang.");
  // An acronym closing a sentence's last clause is article text.
  EXPECT_EQ(Clean("Anggota Perserikatan Bangsa-Bangsa (PBB)").text,
            "Anggota Perserikatan Bangsa-Bangsa (PBB)");
}

TEST(CleanerTest, DatelineVariants) {
  EXPECT_EQ(Clean("Suara.com-Cerita sekuel terbaru James Bond bocor.").clean.dateline,
            "Suara.com");
  EXPECT_EQ(Clean("Wamena (ANTARA News)-Pemerintah Kabupaten Jayawijaya mendatangkan tim.")
                .clean.dateline,
            "Wamena (ANTARA News)");
  EXPECT_EQ(Clean("JAKARTA (Pos Kota) \xE2\x80\x93Presiden Joko Widodo mengaku.").clean.dateline,
            "JAKARTA (Pos Kota)");
  EXPECT_EQ(Clean("Rimanews-Komite Olimpiade Indonesia menyatakan.", "", "rimanews")
                .clean.dateline,
            "Rimanews");
  // Compounds and ordinary sentences are not datelines.
  Document compound = Clean("Korea Utara-Rusia makin mesra kata pejabat.");
  EXPECT_EQ(compound.clean.dateline, "");
  EXPECT_EQ(compound.text, "Korea Utara-Rusia makin mesra kata pejabat.");
  EXPECT_EQ(Clean("Hubungan Rusia - Korea Utara tampak makin akrab.").clean.dateline, "");
}

TEST(CleanerTest, EnglishBoilerplate) {
  Document doc = Clean(
      "Kremlin confirms the meeting\n"
      "By John Smith\n"
      "MOSCOW (Reuters) - Putin met Choe on Monday.\n"
      "Advertisement\n"
      "Read more: Why the talks matter\n"
      "Related: Earlier coverage\n"
      "The talks lasted two hours.\n"
      "Share this article");
  EXPECT_EQ(doc.clean.title, "Kremlin confirms the meeting");
  EXPECT_EQ(doc.clean.dateline, "MOSCOW (Reuters)");
  EXPECT_EQ(doc.text, "Putin met Choe on Monday.\n\nThe talks lasted two hours.");
  EXPECT_THAT(RemovedReasons(doc), ::testing::Contains("advertisement"));
  EXPECT_THAT(RemovedReasons(doc), ::testing::Contains("share"));
}

TEST(CleanerTest, RemovedSpansPointAtTheOriginal) {
  const std::string page =
      "Judul Berita Yang Cukup Panjang\nIsi berita \xE2\x80\x9C" "kutipan\xE2\x80\x9D di sini.\n"
      "Baca juga: Berita lain\nPenutup berita.";
  Document doc = Clean(page);
  for (const RemovedSpan& r : doc.clean.removed) {
    EXPECT_EQ(page.substr(r.original.begin, r.original.size()), r.text);
  }
  ASSERT_EQ(doc.original_offsets.size(), doc.text.size() + 1);
  const size_t q = doc.text.find("\"kutipan\"");
  ASSERT_NE(q, std::string::npos);
  const int b = doc.original_offsets[q];
  const int e = doc.original_offsets[q + 9];
  EXPECT_EQ(page.substr(b, e - b), "\xE2\x80\x9C" "kutipan\xE2\x80\x9D");
}

TEST(CleanerTest, NeverLosesTheArticle) {
  // A page whose every paragraph starts like a "Sumber:" credit: the rules
  // would leave nothing, so the body is kept and flagged.
  Document doc = Clean(
      "Sumber: pejabat kementerian mengatakan anggaran naik.\n"
      "Sumber: data BPS menunjukkan inflasi turun.\n"
      "Sumber: laporan bank sentral.");
  EXPECT_TRUE(doc.clean.suspicious_cleaning);
  EXPECT_THAT(doc.text, HasSubstr("anggaran naik"));
  EXPECT_THAT(doc.text, HasSubstr("inflasi turun"));
  EXPECT_THAT(doc.text, HasSubstr("laporan bank sentral"));
}

TEST(CleanerTest, DateOpeningTheArticleStaysInTheText) {
  Document doc = Clean(
      "5 November 2024 pukul 09.00 WIB, polisi menangkap dua orang.\nMereka diperiksa.");
  EXPECT_EQ(doc.text, "5 November 2024 pukul 09.00 WIB, polisi menangkap dua orang.\n\n"
                      "Mereka diperiksa.");
}

TEST(CleanerTest, SingleLineIsBody) {
  Document doc = Clean("Putin bertemu Choe di Moskow");
  EXPECT_EQ(doc.text, "Putin bertemu Choe di Moskow");
  EXPECT_EQ(doc.clean.title, "");
}

TEST(CleanerTest, EmptyAndGarbageInput) {
  Document empty = Clean("");
  EXPECT_EQ(empty.text, "");
  EXPECT_EQ(empty.original_offsets.size(), 1u);
  Document garbage = Clean(std::string("\xff\xfe\x00\n\n\x80 ok", 9));
  EXPECT_EQ(garbage.original_offsets.size(), garbage.text.size() + 1);
  EXPECT_THAT(garbage.text, HasSubstr("ok"));
}

TEST(CleanerTest, ReprocessingReplacesPreviousResults) {
  Document doc;
  doc.original = "Baris satu.\nBaca juga: X\nBaris dua.";
  auto cleaner = *Cleaner::Create({});
  ASSERT_TRUE(cleaner->Process(doc).ok());
  ASSERT_TRUE(cleaner->Process(doc).ok());
  EXPECT_EQ(doc.clean.removed.size(), 1u);
  EXPECT_EQ(doc.text, "Baris satu.\n\nBaris dua.");
}

TEST(CleanerTest, RejectsBadOptions) {
  CleanerOptions options;
  options.min_kept_fraction = 2;
  EXPECT_FALSE(Cleaner::Create(options).ok());
}

}  // namespace
}  // namespace warta::enrichment
