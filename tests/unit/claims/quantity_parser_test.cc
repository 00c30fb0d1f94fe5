#include "enrichment/quantities/quantity_tagger.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "enrichment/document.h"
#include "enrichment/segment/segmenter.h"

namespace warta::enrichment {
namespace {

using ::testing::Optional;
using ::testing::DoubleEq;

TEST(ParseNumeralTest, IndonesianSeparators) {
  EXPECT_THAT(ParseNumeral("10.000", NumberStyle::kIndonesian), Optional(DoubleEq(10000)));
  EXPECT_THAT(ParseNumeral("3,5", NumberStyle::kIndonesian), Optional(DoubleEq(3.5)));
  EXPECT_THAT(ParseNumeral("1.234.567,25", NumberStyle::kIndonesian),
              Optional(DoubleEq(1234567.25)));
}

TEST(ParseNumeralTest, EnglishSeparators) {
  EXPECT_THAT(ParseNumeral("10,000", NumberStyle::kEnglish), Optional(DoubleEq(10000)));
  EXPECT_THAT(ParseNumeral("1.5", NumberStyle::kEnglish), Optional(DoubleEq(1.5)));
  EXPECT_THAT(ParseNumeral("1,234.5", NumberStyle::kAuto), Optional(DoubleEq(1234.5)));
}

TEST(ParseNumeralTest, AutoReadsThreeDigitGroupsAsThousands) {
  EXPECT_THAT(ParseNumeral("10.000", NumberStyle::kAuto), Optional(DoubleEq(10000)));
  EXPECT_THAT(ParseNumeral("10,000", NumberStyle::kAuto), Optional(DoubleEq(10000)));
  EXPECT_THAT(ParseNumeral("3,5", NumberStyle::kAuto), Optional(DoubleEq(3.5)));
}

TEST(ParseNumeralTest, RejectsNonNumerals) {
  EXPECT_EQ(ParseNumeral("", NumberStyle::kAuto), std::nullopt);
  EXPECT_EQ(ParseNumeral("10.", NumberStyle::kAuto), std::nullopt);
  EXPECT_EQ(ParseNumeral("1a", NumberStyle::kAuto), std::nullopt);
  EXPECT_EQ(ParseNumeral(",5", NumberStyle::kAuto), std::nullopt);
}

// The one quantity expected in `text`.
FoundQuantity Only(std::string_view text, NumberStyle style = NumberStyle::kIndonesian) {
  auto found = FindQuantities(text, style);
  EXPECT_EQ(found.size(), 1u) << text;
  return found.empty() ? FoundQuantity{} : found[0];
}

TEST(FindQuantitiesTest, ApproximateTroops) {
  const std::string text = "Barat mengklaim sekitar 10.000 tentara Korea Utara berada di Rusia.";
  const FoundQuantity q = Only(text);
  EXPECT_DOUBLE_EQ(q.quantity.value, 10000);
  EXPECT_EQ(q.quantity.unit, "tentara");
  EXPECT_EQ(q.quantity.qualifier, "approximately");
  EXPECT_TRUE(q.quantity.exact_value);
  EXPECT_EQ(text.substr(q.quantity.span.begin, q.quantity.span.size()),
            "sekitar 10.000 tentara");
  EXPECT_FALSE(q.is_money());
}

TEST(FindQuantitiesTest, AtLeastWithoutUnit) {
  const FoundQuantity q = Only("AS meyakini sedikitnya 3.000 sedang berlatih.");
  EXPECT_DOUBLE_EQ(q.quantity.value, 3000);
  EXPECT_EQ(q.quantity.qualifier, "at_least");
  EXPECT_EQ(q.quantity.unit, "");
}

TEST(FindQuantitiesTest, MoreThanNumberWordsAndTwoWordUnit) {
  const FoundQuantity q =
      Only("Pyongyang memberikan lebih dari satu juta peluru artileri ke Moskow.");
  EXPECT_DOUBLE_EQ(q.quantity.value, 1000000);
  EXPECT_EQ(q.quantity.unit, "peluru artileri");
  EXPECT_EQ(q.quantity.qualifier, "more_than");
}

TEST(FindQuantitiesTest, MoneyInTwoCurrencies) {
  auto found = FindQuantities("bantuan darurat sebesar 200 juta euro ($218 juta) kepada Ukraina",
                              NumberStyle::kIndonesian);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_DOUBLE_EQ(found[0].quantity.value, 200e6);
  EXPECT_EQ(found[0].currency, "EUR");
  EXPECT_EQ(found[0].quantity.unit, "EUR");
  EXPECT_DOUBLE_EQ(found[1].quantity.value, 218e6);
  EXPECT_EQ(found[1].currency, "USD");
  EXPECT_EQ(NormalizedQuantity(found[0]), "200000000 EUR");
}

TEST(FindQuantitiesTest, DecimalWithScale) {
  const FoundQuantity q = Only("sebanyak 3,5 juta orang");
  EXPECT_DOUBLE_EQ(q.quantity.value, 3500000);
  EXPECT_EQ(q.quantity.unit, "orang");
}

TEST(FindQuantitiesTest, RupiahPrefix) {
  const FoundQuantity q = Only("Total anggaran Rp 482,5 triliun.");
  EXPECT_DOUBLE_EQ(q.quantity.value, 482.5e12);
  EXPECT_EQ(q.currency, "IDR");
}

TEST(FindQuantitiesTest, AClockTimeIsNotAnAmountOfItsTimeOfDay) {
  // "3.48 dini" became an amount of "dini", and two reports of one arrest
  // a dispute between the police and the lawyer.
  for (const auto& found : {FindQuantities("Pada 3.48 dini hari, seorang wanita menelepon 911.",
                                           NumberStyle::kIndonesian),
                            FindQuantities("Ia tiba pukul 10.30 pagi di bandara.",
                                           NumberStyle::kIndonesian)}) {
    for (const FoundQuantity& q : found) EXPECT_TRUE(q.quantity.unit.empty()) << q.quantity.unit;
  }
}

TEST(FindQuantitiesTest, OrderOfMagnitude) {
  const FoundQuantity q = Only("Rusia berencana mengerahkan ribuan pasukan Korea Utara.");
  EXPECT_DOUBLE_EQ(q.quantity.value, 1000);
  EXPECT_FALSE(q.quantity.exact_value);
  EXPECT_EQ(q.quantity.qualifier, "order_of_magnitude");
  EXPECT_EQ(q.quantity.unit, "pasukan");

  const FoundQuantity r = Only("mengirimkan ratusan ribu amunisi artileri");
  EXPECT_DOUBLE_EQ(r.quantity.value, 100000);
  EXPECT_EQ(r.quantity.unit, "amunisi artileri");
}

TEST(FindQuantitiesTest, English) {
  const FoundQuantity q = Only("about 10,000 North Korean troops are in Kursk",
                               NumberStyle::kEnglish);
  EXPECT_DOUBLE_EQ(q.quantity.value, 10000);
  EXPECT_EQ(q.quantity.unit, "troops");
  EXPECT_EQ(q.quantity.qualifier, "approximately");

  const FoundQuantity m = Only("a package worth $1.5 billion", NumberStyle::kEnglish);
  EXPECT_DOUBLE_EQ(m.quantity.value, 1.5e9);
  EXPECT_EQ(m.currency, "USD");

  const FoundQuantity t = Only("tens of thousands of people fled", NumberStyle::kEnglish);
  EXPECT_DOUBLE_EQ(t.quantity.value, 10000);
  EXPECT_EQ(t.quantity.qualifier, "order_of_magnitude");
  EXPECT_EQ(t.quantity.unit, "people");
}

TEST(FindQuantitiesTest, RangesAreOneValueWithLowAndHigh) {
  const FoundQuantity a = Only("Rusia mengerahkan 3.000-5.000 tentara ke Kursk.",
                               NumberStyle::kIndonesian);
  EXPECT_DOUBLE_EQ(a.quantity.low, 3000);
  EXPECT_DOUBLE_EQ(a.quantity.high, 5000);
  EXPECT_DOUBLE_EQ(a.quantity.value, 3000);  // a reader of value alone sees the lower bound
  EXPECT_EQ(a.quantity.qualifier, "range");
  EXPECT_FALSE(a.quantity.exact_value);
  EXPECT_EQ(a.quantity.unit, "tentara");

  const FoundQuantity b = Only("inflasi antara 10 dan 12 persen tahun ini",
                               NumberStyle::kIndonesian);
  EXPECT_DOUBLE_EQ(b.quantity.low, 10);
  EXPECT_DOUBLE_EQ(b.quantity.high, 12);
  EXPECT_EQ(b.quantity.unit, "persen");

  const FoundQuantity c = Only("kerugian 3-5 juta dolar AS", NumberStyle::kIndonesian);
  EXPECT_DOUBLE_EQ(c.quantity.low, 3e6);
  EXPECT_DOUBLE_EQ(c.quantity.high, 5e6);
  EXPECT_EQ(c.currency, "USD");

  const FoundQuantity d = Only("between 10 and 12 percent of voters", NumberStyle::kEnglish);
  EXPECT_DOUBLE_EQ(d.quantity.low, 10);
  EXPECT_DOUBLE_EQ(d.quantity.high, 12);

  const FoundQuantity e = Only("bisa 100 sampai 150 persen", NumberStyle::kIndonesian);
  EXPECT_DOUBLE_EQ(e.quantity.low, 100);
  EXPECT_DOUBLE_EQ(e.quantity.high, 150);
  EXPECT_EQ(e.quantity.unit, "persen");
}

TEST(FindQuantitiesTest, ChangesYearSpansAndSingleFiguresAreNoRanges) {
  // "from 10 to 12" is a change: two figures.
  const auto change = FindQuantities("naik dari 10 hingga 12 persen", NumberStyle::kIndonesian);
  ASSERT_EQ(change.size(), 2u);
  EXPECT_EQ(change[0].quantity.high, 0);
  EXPECT_TRUE(FindQuantities("pandemi 1918-1919 di Hindia", NumberStyle::kIndonesian).empty());
  EXPECT_TRUE(FindQuantities("Senin, 10-12 November 2024.", NumberStyle::kIndonesian).empty());
  const FoundQuantity one = Only("antara 10 orang yang hadir", NumberStyle::kIndonesian);
  EXPECT_EQ(one.quantity.high, 0);
  EXPECT_EQ(one.quantity.qualifier, "exact");
}

TEST(FindQuantitiesTest, VagueAndQualifiedAmounts) {
  const FoundQuantity tens = Only("puluhan ribu warga mengungsi", NumberStyle::kIndonesian);
  EXPECT_DOUBLE_EQ(tens.quantity.value, 10000);
  EXPECT_EQ(tens.quantity.qualifier, "order_of_magnitude");
  EXPECT_FALSE(tens.quantity.exact_value);
  EXPECT_EQ(tens.quantity.unit, "warga");
  EXPECT_EQ(Only("some 10,000 troops", NumberStyle::kEnglish).quantity.qualifier,
            "approximately");
  EXPECT_EQ(Only("up to 12,000 troops", NumberStyle::kEnglish).quantity.qualifier, "at_most");
  const FoundQuantity many = Only("as many as 12,000 troops", NumberStyle::kEnglish);
  EXPECT_EQ(many.quantity.qualifier, "at_most");
  EXPECT_DOUBLE_EQ(many.quantity.value, 12000);
}

TEST(FindQuantitiesTest, SkipsDatesYearsAndLabels) {
  EXPECT_TRUE(FindQuantities("Jumat (1/11/2024) di Moskwa", NumberStyle::kIndonesian).empty());
  EXPECT_TRUE(FindQuantities("pada tahun 2024 lalu", NumberStyle::kIndonesian).empty());
  EXPECT_TRUE(FindQuantities("Senin, 4 November 2024.", NumberStyle::kIndonesian).empty());
  EXPECT_TRUE(FindQuantities("Ada pasal 4 dalam perjanjian.", NumberStyle::kIndonesian).empty());
  EXPECT_TRUE(FindQuantities("salah satu pejabat", NumberStyle::kIndonesian).empty());
  // A year before an adverb: the story timeline showed "Lionel Messi — 2006 sangat".
  EXPECT_TRUE(FindQuantities("Sejak 2006 sangat sulit menghentikan Messi.",
                             NumberStyle::kIndonesian).empty());
}

TEST(FindQuantitiesTest, AYearBeforeAVerbOrAdjectiveIsNoAmount) {
  // IndoSum claims listed "2016 mengalami", "2019 mendatang", "2016 silam" as figures.
  for (const char* text : {"kinerja perdagangan Desember 2016 mengalami surplus",
                           "pada Pilpres 2019 mendatang", "sejak 2016 silam",
                           "harga pada 2017 naik tajam", "Pada 2018 kita akan menang"}) {
    EXPECT_TRUE(FindQuantities(text, NumberStyle::kIndonesian).empty()) << text;
  }
  // A year-like number before a noun is still an amount.
  const FoundQuantity people = Only("sebanyak 2000 orang hadir", NumberStyle::kIndonesian);
  EXPECT_DOUBLE_EQ(people.quantity.value, 2000);
  EXPECT_EQ(people.quantity.unit, "orang");
  EXPECT_EQ(Only("sekitar 1500 meter dari lokasi", NumberStyle::kIndonesian).quantity.unit,
            "meter");
}

TEST(FindQuantitiesTest, AnAdverbOrModalAfterANumberIsNoUnit) {
  for (const FoundQuantity& q : FindQuantities("Skor 3 bisa berubah, kata pelatih.",
                                               NumberStyle::kIndonesian)) {
    EXPECT_TRUE(q.quantity.unit.empty()) << q.quantity.unit;
  }
}

// The quantities stage reads the segment stage's tokens.
void Segment(Document& doc) {
  ASSERT_TRUE(Segmenter::Create(SegmenterOptions()).value()->Process(doc).ok());
}

TEST(QuantityTaggerTest, AppendsMergedEntitiesAndKeepsOthers) {
  Document doc;
  doc.text = "AS mengatakan 8.000 tentara berlatih. Kemudian 8.000 tentara lagi, "
             "dan bantuan 200 juta euro.";
  doc.language.code = "id";
  Segment(doc);
  Entity date;
  date.id = "date:2024-11-01";
  date.type = EntityType::kDate;
  doc.entities.push_back(date);
  auto tagger = QuantityTagger::Create();
  ASSERT_TRUE(tagger.ok());
  ASSERT_TRUE((*tagger)->Process(doc).ok());
  ASSERT_EQ(doc.entities.size(), 3u);
  EXPECT_EQ(doc.entities[0].id, "date:2024-11-01");
  EXPECT_EQ(doc.entities[1].id, "qty:8000 tentara");
  EXPECT_EQ(doc.entities[1].type, EntityType::kQuantity);
  EXPECT_EQ(doc.entities[1].normalized, "8000 tentara");
  EXPECT_EQ(doc.entities[1].mentions.size(), 2u);
  EXPECT_EQ(doc.entities[2].id, "money:200000000 EUR");
  EXPECT_EQ(doc.entities[2].type, EntityType::kMoney);
  // Every mention, with unit and qualifier, for the claims stage.
  ASSERT_EQ(doc.quantities.size(), 3u);
  EXPECT_EQ(doc.quantities[0].unit, "tentara");
  EXPECT_EQ(doc.quantities[2].unit, "EUR");
}

// One reading of numbers per language. Malay reads both "10,000" (as
// Malaysian text writes it) and "10.000" (an Indonesian page taken for
// Malay) as ten thousand.
TEST(QuantityTaggerTest, NumberStyleFollowsTheLanguage) {
  EXPECT_EQ(NumberStyleFor("en"), NumberStyle::kEnglish);
  EXPECT_EQ(NumberStyleFor("id"), NumberStyle::kIndonesian);
  EXPECT_EQ(NumberStyleFor("ms"), NumberStyle::kAuto);
  EXPECT_EQ(NumberStyleFor(""), NumberStyle::kAuto);
  Document doc;
  doc.text = "Seramai 10,000 askar dan 10.000 orang awam.";
  doc.language.code = "ms";
  Segment(doc);
  ASSERT_TRUE(QuantityTagger::Create().value()->Process(doc).ok());
  ASSERT_EQ(doc.quantities.size(), 2u);
  EXPECT_DOUBLE_EQ(doc.quantities[0].value, 10000);
  EXPECT_DOUBLE_EQ(doc.quantities[1].value, 10000);
}

}  // namespace
}  // namespace warta::enrichment
