#include "storage/contested_claims.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/article_keys.h"
#include "tests/unit/storage/test_articles.h"

namespace warta::storage {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using testing::AddClaim;
using testing::AddEntity;
using testing::MakeArticle;
using testing::Nov2024;

std::vector<warta::v1::StoredClaim> ClaimsOf(
    std::initializer_list<warta::v1::EnrichedArticle> articles) {
  std::vector<warta::v1::StoredClaim> out;
  for (const auto& a : articles) {
    for (auto& c : StoredClaimsOf(a)) out.push_back(std::move(c));
  }
  return out;
}

// Gives `claim` the content `text` and places its first quantity on
// `figure` inside it, as the pipeline does (spans into a cleaned body).
warta::v1::Claim& Say(warta::v1::Claim& claim, const std::string& text,
                      const std::string& figure) {
  constexpr int kContentStart = 1000;
  auto* content = claim.mutable_content();
  content->set_text(text);
  content->set_start(kContentStart);
  content->set_end(kContentStart + static_cast<int>(text.size()));
  const int at = static_cast<int>(text.find(figure));
  auto* quantity = claim.mutable_quantities(0);
  quantity->set_text(figure);
  quantity->mutable_span()->set_start(kContentStart + at);
  quantity->mutable_span()->set_end(kContentStart + at + static_cast<int>(figure.size()));
  return claim;
}

std::vector<std::string> SpeakerNames(const warta::v1::ContestedClaim& group) {
  std::vector<std::string> names;
  for (const auto& c : group.claims()) names.push_back(c.speaker_name());
  return names;
}

TEST(NormalizeUnitTest, FoldsCaseSpacesAndSynonyms) {
  EXPECT_EQ(NormalizeUnit("Tentara"), "troops");
  EXPECT_EQ(NormalizeUnit("  pasukan "), "troops");
  EXPECT_EQ(NormalizeUnit("Soldiers"), "troops");
  EXPECT_EQ(NormalizeUnit("tentara  Korea Utara"), "troops");
  EXPECT_EQ(NormalizeUnit("persen"), "percent");
  EXPECT_EQ(NormalizeUnit("EUR"), "eur");
  EXPECT_EQ(NormalizeUnit("Barel  Minyak"), "barel minyak");
  EXPECT_EQ(NormalizeUnit(""), "");
}

TEST(GroupContestedClaimsTest, FourTroopFiguresFromFourVoicesFormOneGroup) {
  const auto claims = ClaimsOf({testing::BergeloraArticle(), testing::KurskArticle()});
  const auto groups = GroupContestedClaims(claims, {});
  ASSERT_THAT(groups, SizeIs(1));
  const auto& group = groups[0];
  EXPECT_EQ(group.unit(), "troops");
  EXPECT_THAT(group.values(), ElementsAre(3000, 8000, 10000, 11000));
  // Zelensky's 11.000 appears twice in one article ("tentara", "pasukan"):
  // one entry per (value, speaker, article).
  EXPECT_THAT(SpeakerNames(group), ElementsAre("Amerika Serikat", "Barat",
                                               "Matthew Miller", "Volodymyr Zelensky"));
  EXPECT_THAT(group.subject_entity_ids(), ElementsAre("loc:korea_utara", "loc:rusia"));
  EXPECT_THAT(group.subject_names(), ElementsAre("Korea Utara", "Rusia"));
}

TEST(GroupContestedClaimsTest, EntityFilterKeepsGroupsWithThatSubject) {
  const auto claims = ClaimsOf({testing::BergeloraArticle(), testing::KurskArticle()});
  ContestedOptions about_kursk;
  about_kursk.entity_id = "loc:kursk";
  EXPECT_THAT(GroupContestedClaims(claims, about_kursk), SizeIs(1));
  ContestedOptions about_gaza;
  about_gaza.entity_id = "loc:gaza";
  EXPECT_THAT(GroupContestedClaims(claims, about_gaza), IsEmpty());
}

TEST(GroupContestedClaimsTest, AgreeingSpeakersAreNotContested) {
  auto a = MakeArticle("a", "kompas.com", "id", Nov2024(2));
  AddClaim(a, "per:x", "X", 500, "orang", {"loc:jakarta"});
  auto b = MakeArticle("b", "tempo.co", "id", Nov2024(3));
  AddClaim(b, "per:y", "Y", 500, "jiwa", {"loc:jakarta"});
  EXPECT_THAT(GroupContestedClaims(ClaimsOf({a, b}), {}), IsEmpty());
}

TEST(GroupContestedClaimsTest, OneSpeakerRevisingInOneOutletIsNotContested) {
  auto a = MakeArticle("a", "kompas.com", "id", Nov2024(2));
  AddClaim(a, "per:x", "X", 500, "orang", {"loc:jakarta"});
  auto b = MakeArticle("b", "kompas.com", "id", Nov2024(3));
  AddClaim(b, "per:x", "X", 700, "orang", {"loc:jakarta"});
  EXPECT_THAT(GroupContestedClaims(ClaimsOf({a, b}), {}), IsEmpty());

  // The same speaker quoted with different figures by another outlet is.
  auto c = MakeArticle("c", "tempo.co", "id", Nov2024(3));
  AddClaim(c, "per:x", "X", 900, "orang", {"loc:jakarta"});
  EXPECT_THAT(GroupContestedClaims(ClaimsOf({a, b, c}), {}), SizeIs(1));
}

TEST(GroupContestedClaimsTest, DifferentSubjectsOrUnitsDoNotGroup) {
  auto a = MakeArticle("a", "kompas.com", "id", Nov2024(2));
  AddClaim(a, "per:x", "X", 3000, "tentara", {"loc:korea_utara"});
  auto b = MakeArticle("b", "tempo.co", "id", Nov2024(3));
  AddClaim(b, "per:y", "Y", 5000, "tentara", {"loc:gaza"});
  auto c = MakeArticle("c", "tempo.co", "id", Nov2024(3));
  AddClaim(c, "per:z", "Z", 7000, "orang", {"loc:korea_utara"});
  EXPECT_THAT(GroupContestedClaims(ClaimsOf({a, b, c}), {}), IsEmpty());
}

TEST(GroupContestedClaimsTest, ClaimsFurtherApartThanTheWindowAreNotCompared) {
  auto a = MakeArticle("a", "kompas.com", "id", Nov2024(1));
  AddClaim(a, "per:x", "X", 3000, "tentara", {"loc:korea_utara"});
  auto b = MakeArticle("b", "tempo.co", "id", Nov2024(1) + 60 * 86400);
  AddClaim(b, "per:y", "Y", 5000, "tentara", {"loc:korea_utara"});
  ContestedOptions thirty_days;
  EXPECT_THAT(GroupContestedClaims(ClaimsOf({a, b}), thirty_days), IsEmpty());
  ContestedOptions ninety_days;
  ninety_days.window = absl::Hours(24 * 90);
  EXPECT_THAT(GroupContestedClaims(ClaimsOf({a, b}), ninety_days), SizeIs(1));
}

TEST(GroupContestedClaimsTest, UndatedClaimsAreComparedWithAll) {
  auto a = MakeArticle("a", "kompas.com", "id", Nov2024(1));
  AddClaim(a, "per:x", "X", 3000, "tentara", {"loc:korea_utara"});
  auto b = MakeArticle("b", "tempo.co", "id", /*published_seconds=*/0);
  AddClaim(b, "per:y", "Y", 5000, "tentara", {"loc:korea_utara"});
  EXPECT_THAT(GroupContestedClaims(ClaimsOf({a, b}), {}), SizeIs(1));
}

TEST(GroupContestedClaimsTest, LinksChainAndNewestGroupComesFirst) {
  // A-B and B-C are within 30 days, A-C are not: one group of three.
  auto a = MakeArticle("a", "s1", "id", Nov2024(1));
  AddClaim(a, "per:x", "X", 1, "tentara", {"loc:k"});
  auto b = MakeArticle("b", "s2", "id", Nov2024(1) + 25 * 86400);
  AddClaim(b, "per:y", "Y", 2, "tentara", {"loc:k"});
  auto c = MakeArticle("c", "s3", "id", Nov2024(1) + 50 * 86400);
  AddClaim(c, "per:z", "Z", 3, "tentara", {"loc:k"});
  // A later, separate dispute about Jakarta's inflation.
  auto d = MakeArticle("d", "s1", "id", Nov2024(1) + 80 * 86400);
  AddEntity(d, "loc:j", "Jakarta");
  Say(AddClaim(d, "per:x", "X", 10, "persen", {"loc:j"}), "inflasi Jakarta 10 persen", "10 persen");
  auto e = MakeArticle("e", "s2", "id", Nov2024(1) + 80 * 86400);
  AddEntity(e, "loc:j", "Jakarta");
  Say(AddClaim(e, "per:y", "Y", 12, "%", {"loc:j"}), "inflasi Jakarta mencapai 12%", "12%");
  const auto groups = GroupContestedClaims(ClaimsOf({a, b, c, d, e}), {});
  ASSERT_THAT(groups, SizeIs(2));
  EXPECT_EQ(groups[0].unit(), "inflation");
  EXPECT_THAT(groups[0].values(), ElementsAre(10, 12));
  EXPECT_EQ(groups[1].unit(), "troops");
  EXPECT_THAT(groups[1].values(), ElementsAre(1, 2, 3));
}

TEST(GroupContestedClaimsTest, OneCommonSubjectDoesNotLinkUnrelatedFigures) {
  // Two stories that both mention Indonesia: flood victims in Jakarta and
  // strikers in Surabaya. Same unit, one shared subject, different things.
  auto a = MakeArticle("a", "s1", "id", Nov2024(1));
  AddClaim(a, "per:x", "X", 120, "orang", {"loc:indonesia", "loc:jakarta"});
  auto b = MakeArticle("b", "s2", "id", Nov2024(2));
  AddClaim(b, "per:y", "Y", 5000, "orang", {"loc:indonesia", "loc:surabaya"});
  EXPECT_THAT(GroupContestedClaims(ClaimsOf({a, b}), {}), IsEmpty());
  // The same two places named by both: the same thing measured.
  auto c = MakeArticle("c", "s3", "id", Nov2024(3));
  AddClaim(c, "per:z", "Z", 150, "orang", {"loc:indonesia", "loc:jakarta"});
  const auto groups = GroupContestedClaims(ClaimsOf({a, b, c}), {});
  ASSERT_THAT(groups, SizeIs(1));
  EXPECT_THAT(groups[0].values(), ElementsAre(120, 150));
}

TEST(GroupContestedClaimsTest, DurationsAreNotContested) {
  auto a = MakeArticle("a", "s1", "id", Nov2024(1));
  AddClaim(a, "per:x", "X", 5, "tahun", {"loc:k"});
  auto b = MakeArticle("b", "s2", "id", Nov2024(2));
  AddClaim(b, "per:y", "Y", 7, "tahun penjara", {"loc:k"});
  EXPECT_THAT(GroupContestedClaims(ClaimsOf({a, b}), {}), IsEmpty());
}

// "ribuan pasukan": value 1000 as a lower bound, not a figure.
void MakeVague(warta::v1::Claim& claim) {
  claim.mutable_quantities(0)->set_exact_value(false);
  claim.mutable_quantities(0)->set_qualifier("order_of_magnitude");
}

TEST(GroupContestedClaimsTest, VagueAmountsAreListedButAreNoValue) {
  auto ribuan = MakeArticle("ribuan", "afp", "id", Nov2024(1));
  AddEntity(ribuan, "org:barat", "Barat", warta::v1::ORGANIZATION);
  AddEntity(ribuan, "loc:korea_utara", "Korea Utara");
  MakeVague(AddClaim(ribuan, "org:barat", "Barat", 1000, "pasukan", {"loc:korea_utara"}));
  const auto groups = GroupContestedClaims(
      ClaimsOf({testing::BergeloraArticle(), testing::KurskArticle(), ribuan}), {});
  ASSERT_THAT(groups, SizeIs(1));
  EXPECT_THAT(groups[0].values(), ElementsAre(3000, 8000, 10000, 11000));
  ASSERT_THAT(groups[0].claims(), SizeIs(5));
  EXPECT_EQ(groups[0].claims(0).article_id(), "ribuan");
  EXPECT_FALSE(groups[0].claims(0).claim().quantities(0).exact_value());
}

TEST(GroupContestedClaimsTest, VagueAmountsAloneDoNotMakeAContest) {
  // One exact figure against "ribuan" from another voice.
  auto a = MakeArticle("a", "kompas.com", "id", Nov2024(2));
  AddClaim(a, "per:x", "X", 3000, "tentara", {"loc:k"});
  auto b = MakeArticle("b", "tempo.co", "id", Nov2024(3));
  MakeVague(AddClaim(b, "per:y", "Y", 1000, "pasukan", {"loc:k"}));
  EXPECT_THAT(GroupContestedClaims(ClaimsOf({a, b}), {}), IsEmpty());
  // One voice revising its figure in one outlet; the vague amount from
  // another voice is no second voice.
  auto c = MakeArticle("c", "kompas.com", "id", Nov2024(4));
  AddClaim(c, "per:x", "X", 8000, "tentara", {"loc:k"});
  EXPECT_THAT(GroupContestedClaims(ClaimsOf({a, b, c}), {}), IsEmpty());
  // Only vague amounts, from two voices.
  auto d = MakeArticle("d", "antara", "id", Nov2024(4));
  MakeVague(AddClaim(d, "per:z", "Z", 1000000, "tentara", {"loc:k"}));
  EXPECT_THAT(GroupContestedClaims(ClaimsOf({b, d}), {}), IsEmpty());
}

TEST(GroupContestedClaimsTest, VagueAmountDoesNotHideTheSameExactFigure) {
  // X says "ribuan" and "1.000" in one article; Y says 3.000.
  auto a = MakeArticle("a", "kompas.com", "id", Nov2024(2));
  MakeVague(AddClaim(a, "per:x", "X", 1000, "tentara", {"loc:k"}));
  AddClaim(a, "per:x", "X", 1000, "tentara", {"loc:k"});
  auto b = MakeArticle("b", "tempo.co", "id", Nov2024(3));
  AddClaim(b, "per:y", "Y", 3000, "tentara", {"loc:k"});
  const auto groups = GroupContestedClaims(ClaimsOf({a, b}), {});
  ASSERT_THAT(groups, SizeIs(1));
  EXPECT_THAT(groups[0].values(), ElementsAre(1000, 3000));
  EXPECT_THAT(groups[0].claims(), SizeIs(3));
}

TEST(GroupContestedClaimsTest, VagueAmountsDoNotBridgeGroups) {
  // X about k1 and Y about k2 differ, but only "ribuan" mentions both.
  auto a = MakeArticle("a", "s1", "id", Nov2024(1));
  AddClaim(a, "per:x", "X", 3000, "tentara", {"loc:k1"});
  auto b = MakeArticle("b", "s2", "id", Nov2024(2));
  AddClaim(b, "per:y", "Y", 5000, "tentara", {"loc:k2"});
  auto c = MakeArticle("c", "s3", "id", Nov2024(3));
  MakeVague(AddClaim(c, "per:z", "Z", 1000, "tentara", {"loc:k1", "loc:k2"}));
  EXPECT_THAT(GroupContestedClaims(ClaimsOf({a, b, c}), {}), IsEmpty());
}

TEST(GroupContestedClaimsTest, ClaimsWithoutSubjectsOrQuantitiesAreIgnored) {
  auto a = MakeArticle("a", "s1", "id", Nov2024(1));
  AddClaim(a, "per:x", "X", 1, "tentara", {});
  AddClaim(a, "per:x", "X", 0, "", {"loc:k"});
  auto b = MakeArticle("b", "s2", "id", Nov2024(1));
  AddClaim(b, "per:y", "Y", 2, "tentara", {});
  EXPECT_THAT(GroupContestedClaims(ClaimsOf({a, b}), {}), IsEmpty());
}

warta::v1::Quantity Figure(double value, const std::string& qualifier, bool exact = true) {
  warta::v1::Quantity q;
  q.set_value(value);
  q.set_qualifier(qualifier);
  q.set_exact_value(exact);
  return q;
}

TEST(FiguresDisagreeTest, QualifiersAreRanges) {
  // "sekitar 10.000" and "10.000": no dispute.
  EXPECT_FALSE(FiguresDisagree(Figure(10000, "approximately"), Figure(10000, "exact")));
  // "lebih dari 3.000" and "5.000" agree; "kurang dari 3.000" and 5.000 do not.
  EXPECT_FALSE(FiguresDisagree(Figure(3000, "more_than"), Figure(5000, "exact")));
  EXPECT_TRUE(FiguresDisagree(Figure(3000, "less_than"), Figure(5000, "exact")));
  EXPECT_TRUE(FiguresDisagree(Figure(3000, "exact"), Figure(8000, "exact")));
  EXPECT_TRUE(FiguresDisagree(Figure(10000, "approximately"), Figure(11000, "exact")));
  // "ribuan" is at least 1.000.
  EXPECT_FALSE(FiguresDisagree(Figure(1000, "order_of_magnitude", false), Figure(8000, "exact")));
  EXPECT_TRUE(FiguresDisagree(Figure(1000, "order_of_magnitude", false), Figure(500, "exact")));
}

// A StoredClaim as the store keeps it: one figure placed in its content.
warta::v1::StoredClaim Stored(const std::string& article, int64_t published_seconds,
                              const std::string& text, const std::string& figure,
                              double value, const std::string& unit,
                              std::initializer_list<std::pair<std::string, std::string>> subjects) {
  auto a = MakeArticle(article, "s-" + article, "id", published_seconds);
  std::vector<std::string> ids;
  for (const auto& [id, name] : subjects) {
    AddEntity(a, id, name);
  }
  auto& claim = AddClaim(a, "per:" + article, "Speaker " + article, value, unit, {});
  for (const auto& [id, name] : subjects) claim.add_subject_entity_ids(id);
  Say(claim, text, figure);
  return StoredClaimsOf(a)[0];
}

const std::pair<std::string, std::string> kKoreaUtara{"loc:korea_utara", "Korea Utara"};
const std::pair<std::string, std::string> kRusia{"loc:rusia", "Rusia"};
const std::pair<std::string, std::string> kIndonesia{"loc:indonesia", "Indonesia"};
const std::pair<std::string, std::string> kJakarta{"loc:jakarta", "Jakarta"};
const std::pair<std::string, std::string> kBps{"org:bps", "BPS"};

// What the first figures of `a` and `b` measure; empty things (and a test
// failure) when one cannot be read.
std::pair<MeasuredThing, MeasuredThing> ThingsOf(const warta::v1::StoredClaim& a,
                                                 const warta::v1::StoredClaim& b) {
  const auto x = MeasuredThingOf(a, 0);
  const auto y = MeasuredThingOf(b, 0);
  EXPECT_TRUE(x && y) << a.claim().content().text() << " / " << b.claim().content().text();
  return {x.value_or(MeasuredThing()), y.value_or(MeasuredThing())};
}

TEST(MeasuredThingOfTest, TroopsBelongToTheCountryNamedAfterThem) {
  const auto sent = Stored("a", Nov2024(1), "Korea Utara telah mengirim 3.000 tentara ke Rusia",
                           "3.000 tentara", 3000, "tentara", {kKoreaUtara, kRusia});
  const auto there = Stored("b", Nov2024(4), "11.000 pasukan Korea Utara berada di Kursk Rusia",
                            "11.000 pasukan", 11000, "pasukan", {kKoreaUtara, kRusia});
  const auto [a, b] = ThingsOf(sent, there);
  EXPECT_EQ(a.thing, "troops");
  EXPECT_EQ(a.dimension, "count");
  EXPECT_EQ(a.owner, "loc:korea_utara");
  EXPECT_EQ(b.owner, "loc:korea_utara");
  EXPECT_TRUE(SameMeasuredThing(a, b));
  EXPECT_EQ(GroupKey(a), GroupKey(b));
  EXPECT_FALSE(MeasuredThingOf(sent, 1));  // no such quantity
}

TEST(MeasuredThingOfTest, InflationOfDifferentYearsIsNotTheSameThing) {
  const auto y2017 = Stored("a", Nov2024(1), "BPS mencatat inflasi Indonesia 2017 sebesar 3,61 persen",
                            "3,61 persen", 3.61, "%", {kBps, kIndonesia});
  const auto y2018 = Stored("b", Nov2024(2), "BPS mencatat inflasi Indonesia 2018 sebesar 3,13 persen",
                            "3,13 persen", 3.13, "%", {kBps, kIndonesia});
  const auto [a, b] = ThingsOf(y2017, y2018);
  EXPECT_EQ(a.thing, "inflation");
  EXPECT_EQ(a.owner, "loc:indonesia");
  EXPECT_EQ(a.period, "2017");
  EXPECT_FALSE(SameMeasuredThing(a, b));
  // "tahun lalu" in an article of November 2018 is 2017.
  const auto last_year = Stored("c", Nov2024(1) - 6 * 365 * 86400,
                                "inflasi Indonesia tahun lalu mencapai 3,8 persen", "3,8 persen",
                                3.8, "%", {kIndonesia});
  const auto [same_a, c] = ThingsOf(y2017, last_year);
  EXPECT_EQ(c.period, "2017");
  EXPECT_TRUE(SameMeasuredThing(same_a, c));
}

TEST(MeasuredThingOfTest, ABarePercentageMeasuresNothingKnown) {
  const auto bare = Stored("a", Nov2024(1), "sebanyak 45 persen warga Jakarta setuju", "45 persen",
                           45, "%", {kJakarta});
  EXPECT_FALSE(MeasuredThingOf(bare, 0));
  const auto people = Stored("b", Nov2024(1), "500 orang datang ke Jakarta", "500 orang", 500,
                             "orang", {kJakarta});
  EXPECT_FALSE(MeasuredThingOf(people, 0));
  const auto dead = Stored("c", Nov2024(1), "banjir di Jakarta menewaskan 12 orang tewas",
                           "12 orang", 12, "orang", {kJakarta});
  ASSERT_TRUE(MeasuredThingOf(dead, 0));
  EXPECT_EQ(MeasuredThingOf(dead, 0)->thing, "deaths");
}

TEST(GroupContestedClaimsTest, PercentagesOfUnrelatedThingsInJakartaAreNotGrouped) {
  const std::vector<warta::v1::StoredClaim> claims = {
      Stored("a", Nov2024(1), "inflasi Jakarta 5 persen", "5 persen", 5, "%", {kJakarta}),
      Stored("b", Nov2024(1), "pertumbuhan ekonomi Jakarta 8 persen", "8 persen", 8, "%", {kJakarta}),
      Stored("c", Nov2024(2), "elektabilitas Anies di Jakarta 45 persen", "45 persen", 45, "%",
             {kJakarta}),
      Stored("d", Nov2024(2), "sebanyak 70 persen warga Jakarta puas", "70 persen", 70, "%",
             {kJakarta}),
  };
  EXPECT_THAT(GroupContestedClaims(claims, {}), IsEmpty());
}

TEST(GroupContestedClaimsTest, SampleTroopSentencesFormOneGroupWithoutQualifiedDuplicates) {
  const std::vector<warta::v1::StoredClaim> claims = {
      Stored("bergelora", Nov2024(1), "Korea Utara telah mengirim 3.000 tentara ke Rusia",
             "3.000 tentara", 3000, "tentara", {kKoreaUtara, kRusia}),
      Stored("bergelora", Nov2024(1), "8.000 tentara Korea Utara sedang berlatih di Rusia",
             "8.000 tentara", 8000, "tentara", {kKoreaUtara, kRusia}),
      Stored("kursk", Nov2024(4), "sebanyak 10.000 tentara Korea Utara berada di wilayah Kursk Rusia",
             "10.000 tentara", 10000, "tentara", {kKoreaUtara, kRusia}),
      Stored("kursk2", Nov2024(4), "11.000 tentara Korea Utara berada di wilayah Kursk Rusia",
             "11.000 tentara", 11000, "tentara", {kKoreaUtara, kRusia}),
  };
  const auto groups = GroupContestedClaims(claims, {});
  ASSERT_THAT(groups, SizeIs(1));
  EXPECT_EQ(groups[0].unit(), "troops");
  EXPECT_THAT(groups[0].values(), ElementsAre(3000, 8000, 10000, 11000));

  // "sekitar 10.000" against "10.000" from two voices is no dispute.
  auto about = Stored("tempo", Nov2024(5), "sekitar 10.000 tentara Korea Utara berada di Rusia",
                      "sekitar 10.000 tentara", 10000, "tentara", {kKoreaUtara, kRusia});
  about.mutable_claim()->mutable_quantities(0)->set_qualifier("approximately");
  EXPECT_THAT(GroupContestedClaims({claims[2], about}, {}), IsEmpty());
}

// The news demo's false dispute: a fraudster's "USD 10 juta to invest in
// Indonesia" (Suara) and the UAE's "US$ 2 miliar per project in Indonesia"
// (CNN) both name the owner, so without stories they were one investment.
// The store put them in two stories: two events, no dispute. In one story
// the same figures are one.
TEST(GroupContestedClaimsTest, FiguresOfOtherStoriesAreOtherEvents) {
  const std::pair<std::string, std::string> kUea{"loc:uni_emirat_arab", "Uni Emirat Arab"};
  auto fraud = Stored("suara", Nov2024(1), "ingin investasi di Indonesia senilai USD 10 juta",
                      "USD 10 juta", 10e6, "USD", {kIndonesia});
  auto uae = Stored("cnn", Nov2024(3), "dana investasi senilai US$ 2 miliar di Indonesia",
                    "US$ 2 miliar", 2e9, "USD", {kUea, kIndonesia});
  const auto [a, b] = ThingsOf(fraud, uae);
  ASSERT_EQ(GroupKey(a), GroupKey(b));
  ASSERT_THAT(GroupContestedClaims({fraud, uae}, {}), SizeIs(1));  // without stories

  fraud.set_story_id("st-fraud");
  uae.set_story_id("st-uae");
  EXPECT_THAT(GroupContestedClaims({fraud, uae}, {}), IsEmpty());
  uae.set_story_id("st-fraud");
  EXPECT_THAT(GroupContestedClaims({fraud, uae}, {}), SizeIs(1));
}

}  // namespace
}  // namespace warta::storage
