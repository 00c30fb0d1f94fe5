#include "enrichment/entities/name_key.h"

#include "enrichment/entities/knowledge_base.h"
#include "gtest/gtest.h"

namespace warta::enrichment {
namespace {

TEST(NameKeyTest, SpellingVariantsMeet) {
  EXPECT_EQ(NameKey("Kim Jong-un"), NameKey("Kim Jong Un"));
  EXPECT_EQ(NameKey("Kim Jong-Un"), NameKey("Kim Jong Un"));
  EXPECT_EQ(NameKey("Choe Son-hui"), NameKey("Choe Son Hui"));
  EXPECT_EQ(NameKey("Zelenskyy"), NameKey("Zelensky"));
  EXPECT_EQ(NameKey("Volodymyr Zelénsky"), NameKey("Volodymyr Zelensky"));
  EXPECT_NE(NameKey("Kim Jong Un"), NameKey("Kim Yo Jong"));
}

// A doubled letter in a short acronym is no spelling variant: the news
// demo had PSSI (football) and PSI (a party), PPP (a party) and PP (a
// company) as one organisation each.
TEST(NameKeyTest, ShortAcronymsKeepTheirDoubledLetters) {
  EXPECT_NE(NameKey("PSSI"), NameKey("PSI"));
  EXPECT_NE(NameKey("PPP"), NameKey("PP"));
  EXPECT_EQ(NameTokens("Ketua PSSI"), (std::vector<std::string>{"ketua", "pssi"}));
  EXPECT_EQ(NameKey("Sandiaaga"), NameKey("Sandiaga"));  // a name still squeezes
  EXPECT_EQ(NameKey("ZELENSKYY"), NameKey("Zelensky"));  // and so does a long one in capitals
}

// Pairs the news demo had as two entities each.
TEST(NameKeyTest, OldIndonesianSpellingsMeetTheCurrentOnes) {
  EXPECT_EQ(NameKey("Megawati Soekarnoputri"), NameKey("Megawati Sukarnoputri"));
  EXPECT_EQ(NameKey("Universitas Gadjah Mada"), NameKey("Universitas Gajah Mada"));
  EXPECT_EQ(NameKey("Akbar Tandjung"), NameKey("Akbar Tanjung"));
  EXPECT_EQ(NameKey("Tjahjo Kumolo"), NameKey("Cahjo Kumolo"));
  EXPECT_EQ(NameKey("Rizieq Syihab"), NameKey("Rizieq Shihab"));
  EXPECT_EQ(NameKey("Asyhari"), NameKey("Ashari"));
  // "oe" before a vowel or at the end is no old "u".
  EXPECT_EQ(NameTokens("Choe Son-hui"), (std::vector<std::string>{"choe", "son", "hui"}));
  EXPECT_NE(NameKey("Choe"), NameKey("Chu"));
  EXPECT_NE(NameKey("Boeing"), NameKey("Buing"));
  // Nor is a short acronym respelled.
  EXPECT_NE(NameKey("DJ"), NameKey("J"));
}

TEST(NameKeyTest, TokensSplitOnHyphensAndDropPunctuation) {
  EXPECT_EQ(NameTokens("Choe Son-hui"), (std::vector<std::string>{"choe", "son", "hui"}));
  EXPECT_EQ(NameTokens("A.S."), (std::vector<std::string>{"as"}));
}

TEST(NameKeyTest, IdsAreStableAndTyped) {
  EXPECT_EQ(EntityId(EntityType::kPerson, "vladimirputin"), EntityId(EntityType::kPerson, "vladimirputin"));
  EXPECT_EQ(EntityId(EntityType::kPerson, "vladimirputin").substr(0, 4), "per:");
  EXPECT_NE(EntityId(EntityType::kPerson, "a"), EntityId(EntityType::kPerson, "b"));
  // A fixed value: ids must not change between releases.
  EXPECT_EQ(EntityId(EntityType::kLocation, ""), "loc:cbf29ce484222325");
}

TEST(KnowledgeBaseTest, ParsesAndMatchesAliases) {
  auto kb = KnowledgeBase::Parse(
      "# id\ttype\tname\taliases\n"
      "Q7747\tPERSON\tVladimir Putin\tPutin|Vladimir Vladimirovich Putin\n"
      "Q649\tLOC\tMoskwa\tMoscow|Moskow\n");
  ASSERT_TRUE(kb.ok()) << kb.status();
  ASSERT_EQ(kb->size(), 2u);
  const KbEntry* e = kb->Find(NameKey("putin"));
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->id, "Q7747");
  EXPECT_EQ(kb->Find(NameKey("Moscow"))->type, EntityType::kLocation);
  EXPECT_EQ(kb->Find(NameKey("Kyiv")), nullptr);
}

TEST(KnowledgeBaseTest, RejectsBadLinesWithLineNumber) {
  auto kb = KnowledgeBase::Parse("Q1\tPERSON\tA\nQ2\tTHING\tB\n");
  ASSERT_FALSE(kb.ok());
  EXPECT_NE(kb.status().message().find("line 2"), std::string::npos);
}

}  // namespace
}  // namespace warta::enrichment
