#include "enrichment/claims/speaker_names.h"

#include <gtest/gtest.h>

namespace warta::enrichment {
namespace {

TEST(SpeakerNamesTest, FunctionWordsAndTitlesAloneNameNobody) {
  EXPECT_EQ(ClassifySpeakerName("Selain"), SpeakerName::kFunctionWords);
  EXPECT_EQ(ClassifySpeakerName("Saat"), SpeakerName::kFunctionWords);
  EXPECT_EQ(ClassifySpeakerName("Mereka"), SpeakerName::kFunctionWords);
  EXPECT_EQ(ClassifySpeakerName("Senin"), SpeakerName::kFunctionWords);
  EXPECT_EQ(ClassifySpeakerName("Prof. Dr."), SpeakerName::kBareTitle);
  EXPECT_EQ(ClassifySpeakerName("Ketua"), SpeakerName::kBareTitle);
  EXPECT_EQ(ClassifySpeakerName("Menteri Luar Negeri"), SpeakerName::kBareTitle);
  EXPECT_EQ(ClassifySpeakerName("Menko Polhukam"), SpeakerName::kBareTitle);
}

TEST(SpeakerNamesTest, NamesAcronymsAndTitledNamesAreNames) {
  EXPECT_EQ(ClassifySpeakerName("Joko Widodo"), SpeakerName::kName);
  EXPECT_EQ(ClassifySpeakerName("Presiden Joko Widodo"), SpeakerName::kName);
  EXPECT_EQ(ClassifySpeakerName("Wiranto"), SpeakerName::kName);
  EXPECT_EQ(ClassifySpeakerName("Kremlin"), SpeakerName::kName);
  // "AS" is the United States, not "as"; "DI" is not "di".
  EXPECT_EQ(ClassifySpeakerName("AS"), SpeakerName::kName);
  EXPECT_FALSE(IsFunctionWord("DI"));
  EXPECT_TRUE(IsFunctionWord("Di"));
  EXPECT_TRUE(IsFunctionWord("However"));
}

TEST(SpeakerNamesTest, CapitalisedCommonNounsAppearInLowerCaseElsewhere) {
  const std::string text = "Polisi menangkap dua orang. Keduanya dibawa polisi ke kantor.";
  EXPECT_TRUE(AppearsInLowerCase(text, "Polisi"));
  EXPECT_TRUE(AppearsInLowerCase(text, "Kantor"));  // "kantor." is a whole word
  EXPECT_FALSE(AppearsInLowerCase("Polisian polisiku", "Polisi"));
  EXPECT_FALSE(AppearsInLowerCase("us and them", "US"));  // acronyms are names
}

std::vector<Entity> People(std::initializer_list<const char*> names) {
  std::vector<Entity> out;
  for (const char* name : names) {
    Entity& e = out.emplace_back();
    e.type = EntityType::kPerson;
    e.name = name;
  }
  return out;
}

TEST(SpeakerNamesTest, ShortNameIsTheOnePersonWithThatFirstOrLastName) {
  const auto people = People({"Sandiaga Uno", "Anies Baswedan", "Sandi", "Sergei Lavrov"});
  EXPECT_EQ(MatchShortName("Anies", people).entity, 1);
  EXPECT_EQ(MatchShortName("Lavrov", people).entity, 3);
  // A nickname that starts the first name.
  EXPECT_EQ(MatchShortName("Sandi", people, 2).entity, 0);
  // Nobody fuller: a one-word name of its own (Wiranto), left as it is.
  EXPECT_EQ(MatchShortName("Wiranto", people).matches, 0);
  // Not one word: nothing to resolve.
  EXPECT_EQ(MatchShortName("Anies Baswedan", people).matches, 0);
}

TEST(SpeakerNamesTest, ShortNameSharedBySeveralPeopleIsNobody) {
  const auto people = People({"David Ndii", "David Lee", "Alex Noerdin", "Alexander Marwata"});
  const ShortNameMatch david = MatchShortName("David", people);
  EXPECT_EQ(david.entity, -1);
  EXPECT_EQ(david.matches, 2);
  // An exact first name beats a longer one that starts with it.
  EXPECT_EQ(MatchShortName("Alex", people).entity, 2);
}

}  // namespace
}  // namespace warta::enrichment
