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
  // A later, separate dispute about prices.
  auto d = MakeArticle("d", "s1", "id", Nov2024(1) + 80 * 86400);
  AddClaim(d, "per:x", "X", 10, "persen", {"loc:j"});
  auto e = MakeArticle("e", "s2", "id", Nov2024(1) + 80 * 86400);
  AddClaim(e, "per:y", "Y", 12, "%", {"loc:j"});
  const auto groups = GroupContestedClaims(ClaimsOf({a, b, c, d, e}), {});
  ASSERT_THAT(groups, SizeIs(2));
  EXPECT_EQ(groups[0].unit(), "percent");
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
  AddClaim(c, "per:z", "Z", 150, "orang", {"loc:jakarta", "loc:indonesia"});
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

}  // namespace
}  // namespace warta::storage
