// The five scraped pages in ../shared/data/samples/: what a reader of each
// page sees as title, bylines, dateline, date and boilerplate.
#include <algorithm>
#include <string>
#include <vector>

#include "enrichment/dates/date_parser.h"
#include "enrichment/dates/date_tagger.h"
#include "enrichment/segment/segmenter.h"
#include "enrichment/text/cleaner.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/shared_data.h"
#include "tests/unit/text/clean_test_util.h"

namespace warta::enrichment {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

Document CleanSample(const std::filesystem::path& dir, const std::string& name) {
  Document doc;
  doc.original = ::warta::testing::ReadFileOrDie(dir / "samples" / name);
  return testing::Cleaned(std::move(doc));
}

std::vector<std::string> Reasons(const Document& doc) { return testing::RemovedReasons(doc); }

std::string PublishedIso(const Document& doc) {
  if (!doc.clean.published_at_unix) return "none";
  return dates::ToIsoDate(dates::LocalDateOfUnix(*doc.clean.published_at_unix, 7 * 60));
}

// Every text byte maps into the original, every removed span's text is in
// the original where it says, and kept words are the original's words.
void ExpectOffsetsMapBack(const Document& doc) {
  ASSERT_EQ(doc.original_offsets.size(), doc.text.size() + 1);
  for (size_t i = 0; i < doc.text.size(); ++i) {
    ASSERT_GE(doc.original_offsets[i], 0);
    ASSERT_LT(doc.original_offsets[i], static_cast<int>(doc.original.size()));
    if (i > 0) ASSERT_LE(doc.original_offsets[i - 1], doc.original_offsets[i]);
    const unsigned char c = doc.text[i];
    if (c >= 'A' && c <= 'z' && std::isalpha(c)) {
      ASSERT_EQ(doc.original[doc.original_offsets[i]], doc.text[i]) << "at " << i;
    }
  }
  for (const RemovedSpan& r : doc.clean.removed) {
    ASSERT_LE(0, r.original.begin);
    ASSERT_LE(r.original.begin, r.original.end);
    ASSERT_LE(r.original.end, static_cast<int>(doc.original.size()));
  }
  // Segmenting keeps it in range too.
  Document seg = doc;
  ASSERT_TRUE((*Segmenter::Create({}))->Process(seg).ok());
  for (const Sentence& s : seg.sentences) {
    const int b = seg.original_offsets[s.span.begin];
    const int e = seg.original_offsets[s.span.end];
    ASSERT_LE(b, e);
    ASSERT_LE(e, static_cast<int>(seg.original.size()));
  }
}

TEST(SamplesTest, Tempo) {
  WARTA_REQUIRE_SHARED_DATA(dir);
  Document doc = CleanSample(dir, "tempo_2024-11-05_putin_choe.txt");
  EXPECT_EQ(doc.clean.title, "Putin Bertemu Menlu Korea Utara di Moskow, Bahas Apa?");
  EXPECT_THAT(doc.clean.bylines, ElementsAre("Tempo.co", "Dewi Rina Cahyani"));
  EXPECT_EQ(doc.clean.dateline, "TEMPO.CO, Jakarta");
  // Selasa, 5 November 2024 09:20 WIB.
  EXPECT_EQ(doc.clean.published_at_unix, 1730773200);
  EXPECT_THAT(Reasons(doc), ::testing::Contains("editor_pick"));
  EXPECT_THAT(Reasons(doc), ::testing::Contains("source_credit"));  // CNA | REUTERS
  EXPECT_TRUE(doc.text.starts_with("Presiden Rusia Vladimir Putin bertemu"));
  EXPECT_TRUE(doc.text.ends_with("untuk menyerang mereka."));
  EXPECT_THAT(doc.text, Not(HasSubstr("Hizbullah")));
  EXPECT_THAT(doc.text, Not(HasSubstr("Dewi Rina")));
  EXPECT_FALSE(doc.clean.suspicious_cleaning);
  ExpectOffsetsMapBack(doc);
}

TEST(SamplesTest, KompasTv) {
  WARTA_REQUIRE_SHARED_DATA(dir);
  Document doc = CleanSample(dir, "kompastv_2024-01-21_choe_putin.txt");
  EXPECT_EQ(doc.clean.title,
            "Menteri Kim Jong-Un Siap Sambut Putin di Pyongyang, Bukti Korea Utara-Rusia Makin "
            "Mesra");
  EXPECT_THAT(doc.clean.bylines, ElementsAre("Haryo Jati", "Deni-Muliya"));
  EXPECT_EQ(doc.clean.dateline, "PYONGYANG, KOMPAS.TV");
  EXPECT_EQ(doc.clean.published_at_unix, 1705822320);  // 21 Januari 2024, 14:32 WIB
  const std::vector<std::string> reasons = Reasons(doc);
  EXPECT_EQ(std::count(reasons.begin(), reasons.end(), "related_link"), 2);
  EXPECT_THAT(doc.text, Not(HasSubstr("Netanyahu")));
  EXPECT_THAT(doc.text, Not(HasSubstr("Zelenskyy")));
  EXPECT_THAT(doc.text, Not(HasSubstr("Channel News Asia\n")));
  EXPECT_TRUE(doc.text.starts_with("Menteri Luar Negeri Korea Utara, Choe Son-hui"));
  EXPECT_TRUE(doc.text.ends_with("negara Kim Jong-un itu menerima bantuan Rusia."));
  // The quote's curly marks became ASCII quotes; the original keeps them.
  const size_t quote = doc.text.find("\"Pemerintah Korea Utara");
  ASSERT_NE(quote, std::string::npos);
  EXPECT_EQ(doc.original.substr(doc.original_offsets[quote], 3), "\xE2\x80\x9C");
  ExpectOffsetsMapBack(doc);
}

TEST(SamplesTest, Bergelora) {
  WARTA_REQUIRE_SHARED_DATA(dir);
  Document doc = CleanSample(dir, "bergelora_2024-11-01_choe_lavrov.txt");
  EXPECT_EQ(doc.clean.title, "");  // the page has none
  EXPECT_EQ(doc.clean.dateline, "MOSKWA");
  EXPECT_THAT(doc.clean.bylines, ElementsAre("Web Warouw"));
  EXPECT_EQ(PublishedIso(doc), "2024-11-01");  // "Jumat (1/11/2024)" in the lede
  EXPECT_TRUE(doc.text.starts_with("Menteri Luar Negeri Korea Utara Choe Son Hui menyatakan"));
  EXPECT_TRUE(doc.text.ends_with("sudah berada di wilayah Kursk."));
  ExpectOffsetsMapBack(doc);
}

TEST(SamplesTest, OrbitIndonesia) {
  WARTA_REQUIRE_SHARED_DATA(dir);
  Document doc = CleanSample(dir, "orbitindonesia_2024-01_putin_choe.txt");
  EXPECT_EQ(doc.clean.title,
            "Rusia dan Korea Utara Semakin Akrab, Presiden Vladimir Putin akan Bertemu Menlu Choe "
            "Son Hui");
  EXPECT_EQ(doc.clean.dateline, "ORBITINDONESIA.COM");
  EXPECT_EQ(PublishedIso(doc), "2022-12-09");  // what the page says: "DECEMBER 9, 2022"
  std::vector<std::string> reasons = Reasons(doc);
  EXPECT_EQ(std::count(reasons.begin(), reasons.end(), "related_link"), 3);  // 2 + Berita Terkait
  EXPECT_EQ(std::count(reasons.begin(), reasons.end(), "image_credit"), 2);
  EXPECT_THAT(reasons, ::testing::Contains("source_credit"));
  // The photo caption's entities are not the article's.
  EXPECT_THAT(doc.text, Not(HasSubstr("Alexei Nikolsky")));
  EXPECT_THAT(doc.text, Not(HasSubstr("Lukashenko")));
  EXPECT_TRUE(doc.text.starts_with("Hubungan Rusia - Korea Utara tampak makin akrab. Presiden"));
  EXPECT_TRUE(doc.text.ends_with("pengembangan senjata Pyongyang."));
  ExpectOffsetsMapBack(doc);
}

TEST(SamplesTest, KurskPageWithoutHeaders) {
  WARTA_REQUIRE_SHARED_DATA(dir);
  Document doc = CleanSample(dir, "2024-11-04_putin_choe_kursk.txt");
  EXPECT_EQ(doc.clean.title,
            "Putin bertemu dengan menteri luar negeri Korea Utara ketika Kiev memperingatkan "
            "terhadap pengerahan pasukan");
  EXPECT_TRUE(doc.clean.bylines.empty());
  EXPECT_EQ(doc.clean.dateline, "");
  EXPECT_EQ(PublishedIso(doc), "none");
  EXPECT_THAT(Reasons(doc), ElementsAre("title", "source_credit"));
  EXPECT_TRUE(doc.text.starts_with("Presiden Ukraina Volodymyr Zelensky mengatakan 11.000"));
  EXPECT_TRUE(doc.text.ends_with("Moskow dan Pyongyang membantah adanya transfer senjata."));
  // "Kunjungan ke Rusia" is a subheading of the article: kept.
  EXPECT_THAT(doc.text, HasSubstr("\n\nKunjungan ke Rusia\n\n"));
  ExpectOffsetsMapBack(doc);
}

// Dates in the body, resolved against the publication date: the page's own
// (Tempo) or the article's metadata (the Kursk page has none in its text).
std::vector<std::string> DateMentions(Document& doc) {
  auto tagger = DateTagger::Create({});
  EXPECT_TRUE(tagger.ok());
  EXPECT_TRUE((*tagger)->Process(doc).ok());
  std::vector<std::string> out;
  for (const Entity& e : doc.entities) {
    for (const Mention& m : e.mentions) {
      out.push_back(std::string(doc.Text(m.span)) + "=" + e.normalized);
    }
  }
  return out;
}

TEST(SamplesTest, DatesInTempo) {
  WARTA_REQUIRE_SHARED_DATA(dir);
  Document doc = CleanSample(dir, "tempo_2024-11-05_putin_choe.txt");
  EXPECT_THAT(DateMentions(doc), ElementsAre("Senin, 4 November 2024=2024-11-04"));
}

TEST(SamplesTest, DayNamesInKurskResolvedAgainstArticleMetadata) {
  WARTA_REQUIRE_SHARED_DATA(dir);
  Document doc = CleanSample(dir, "2024-11-04_putin_choe_kursk.txt");
  doc.published_at_unix = 1730718000;  // 2024-11-04 18:00 WIB, a Monday
  std::vector<std::string> mentions = DateMentions(doc);
  // "pada hari Senin" (three times), "pada Selasa lalu", "Jumat lalu".
  EXPECT_EQ(std::count(mentions.begin(), mentions.end(), "Senin=2024-11-04"), 3);
  EXPECT_THAT(mentions, ::testing::Contains("Selasa lalu=2024-10-29"));
  EXPECT_THAT(mentions, ::testing::Contains("Jumat lalu=2024-11-01"));
}

}  // namespace
}  // namespace warta::enrichment
