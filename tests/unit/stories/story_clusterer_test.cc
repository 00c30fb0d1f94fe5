// The story clusterer on hand-made articles, over the in-memory index:
// reports of one event join one story whatever the outlet or language,
// another event with the same people months later does not, near-copies
// are found and point at their original.
#include "storage/stories/story_clusterer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "storage/stories/memory_story_index.h"

namespace warta::storage {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

constexpr int64_t kNov4 = 1730678400;  // 2024-11-04 UTC

struct EntitySpec {
  const char* id;
  const char* name;
  warta::v1::EntityType type;
};

const EntitySpec kTroopEntities[] = {
    {"loc:korea_utara", "Korea Utara", warta::v1::LOCATION},
    {"loc:rusia", "Rusia", warta::v1::LOCATION},
    {"loc:kursk", "Kursk", warta::v1::LOCATION},
    {"per:choe_son_hui", "Choe Son Hui", warta::v1::PERSON},
    {"per:vladimir_putin", "Vladimir Putin", warta::v1::PERSON},
};

warta::v1::EnrichedArticle Article(const std::string& id, const std::string& source,
                                   const std::string& language, int64_t seconds,
                                   const std::string& body,
                                   std::initializer_list<EntitySpec> entities = {}) {
  warta::v1::EnrichedArticle a;
  a.mutable_article()->set_id(id);
  a.mutable_article()->set_source(source);
  a.mutable_article()->mutable_published_at()->set_seconds(seconds);
  a.mutable_text()->set_body(body);
  a.mutable_language()->set_code(language);
  for (const EntitySpec& spec : entities) {
    auto* e = a.add_entities();
    e->set_id(spec.id);
    e->set_name(spec.name);
    e->set_type(spec.type);
    e->add_mentions();
    e->add_mentions();
  }
  return a;
}

const std::string kTroopsAntara =
    "Ribuan tentara Korea Utara telah tiba di wilayah Kursk, Rusia, untuk membantu pasukan "
    "Rusia melawan Ukraina. Menteri Luar Negeri Korea Utara Choe Son Hui bertemu Presiden "
    "Vladimir Putin di Kremlin dan membahas kerja sama militer kedua negara. Amerika Serikat "
    "memperkirakan 8.000 tentara Korea Utara berada di Kursk dan siap bertempur dalam beberapa "
    "hari.";
const std::string kTroopsTempo =
    "Presiden Rusia Vladimir Putin menerima Menteri Luar Negeri Korea Utara Choe Son Hui di "
    "Moskow. Pertemuan itu berlangsung ketika tentara Korea Utara dikirim ke Kursk. Zelensky "
    "menyebut 11.000 tentara Korea Utara sudah berada di wilayah Kursk dan kerja sama militer "
    "Rusia dan Korea Utara mengancam Eropa.";
const std::string kTroopsEnglish =
    "About 8,000 North Korean soldiers are now in Russia's Kursk region, U.S. officials said, "
    "as North Korea's foreign minister Choe Son Hui met President Vladimir Putin in Moscow.";
const std::string kFlood =
    "Banjir merendam ratusan rumah warga di Kabupaten Bandung setelah hujan deras mengguyur "
    "sejak Senin malam. Badan Penanggulangan Bencana Daerah mengevakuasi warga ke tempat "
    "pengungsian dan menyiapkan dapur umum bagi korban banjir.";
const std::string kJanuaryMeeting =
    "Menteri Luar Negeri Korea Utara Choe Son Hui bertemu Presiden Rusia Vladimir Putin di "
    "Moskow. Choe menyampaikan undangan kunjungan ke Pyongyang dan kedua negara membahas "
    "hubungan militer yang semakin erat.";

class StoryClustererTest : public ::testing::Test {
 protected:
  StoryAssignment Assign(const warta::v1::EnrichedArticle& article) {
    auto assigned = clusterer_.Assign(article, ++arrival_, index_);
    EXPECT_TRUE(assigned.ok()) << assigned.status();
    return assigned.ok() ? *assigned : StoryAssignment();
  }

  TermWeights weights_;
  StoryClusterer clusterer_{&weights_};
  MemoryStoryIndex index_;
  int64_t arrival_ = 0;
};

TEST_F(StoryClustererTest, ReportsOfOneEventJoinOneStoryAndOtherEventsDoNot) {
  const auto antara = Assign(Article("antara", "antaranews.com", "id", kNov4, kTroopsAntara,
                                     {kTroopEntities[0], kTroopEntities[1], kTroopEntities[2],
                                      kTroopEntities[3], kTroopEntities[4]}));
  const auto flood = Assign(Article("flood", "kompas.com", "id", kNov4 + 3600, kFlood,
                                    {{"loc:bandung", "Bandung", warta::v1::LOCATION}}));
  const auto tempo = Assign(Article("tempo", "tempo.co", "id", kNov4 + 86400, kTroopsTempo,
                                    {kTroopEntities[0], kTroopEntities[1], kTroopEntities[2],
                                     kTroopEntities[3], kTroopEntities[4]}));
  // The same two people meeting in January is another story.
  const auto january = Assign(Article("january", "kompas.tv", "id", kNov4 - 290 * 86400,
                                      kJanuaryMeeting,
                                      {kTroopEntities[0], kTroopEntities[1], kTroopEntities[3],
                                       kTroopEntities[4]}));
  EXPECT_TRUE(antara.new_story);
  EXPECT_TRUE(flood.new_story);
  EXPECT_FALSE(tempo.new_story);
  EXPECT_EQ(tempo.story_id, antara.story_id);
  EXPECT_NE(flood.story_id, antara.story_id);
  EXPECT_NE(january.story_id, antara.story_id);
  EXPECT_EQ(index_.size(), 3u);

  auto story = index_.LoadStory(antara.story_id);
  ASSERT_TRUE(story.ok() && *story != nullptr);
  EXPECT_EQ((*story)->article_count(), 2);
  EXPECT_THAT((*story)->sources(), ElementsAre("antaranews.com", "tempo.co"));
}

// A feed without publication times (IndoSum as published): the day the text
// names ("Senin (4/11)", a year-less DATE "--11-04") tells the follow-up
// the next day from the same two people meeting on another day.
warta::v1::EnrichedArticle Undated(const std::string& id, const std::string& body,
                                   const char* day) {
  warta::v1::EnrichedArticle a =
      Article(id, id + ".com", "id", 0, body,
              {kTroopEntities[0], kTroopEntities[1], kTroopEntities[3], kTroopEntities[4]});
  a.mutable_article()->clear_published_at();
  if (day != nullptr) {
    auto* date = a.add_entities();
    date->set_id(std::string("date:") + day);
    date->set_type(warta::v1::DATE);
    date->set_normalized(day);
    date->add_mentions();
  }
  return a;
}

TEST_F(StoryClustererTest, UndatedReportsJoinOnTheDayTheirTextNames) {
  const auto antara = Assign(Undated("antara", kTroopsAntara, "--11-04"));
  const auto tempo = Assign(Undated("tempo", kTroopsTempo, "--11-05"));
  const auto january = Assign(Undated("january", kJanuaryMeeting, "--01-16"));
  EXPECT_EQ(tempo.story_id, antara.story_id);
  EXPECT_NE(january.story_id, antara.story_id);

  // Control: without the days, the January meeting is taken for the same
  // story (same people, no time to tell them apart).
  MemoryStoryIndex no_days;
  auto first = clusterer_.Assign(Undated("antara", kTroopsAntara, nullptr), 1, no_days);
  auto second = clusterer_.Assign(Undated("tempo", kTroopsTempo, nullptr), 2, no_days);
  auto third = clusterer_.Assign(Undated("january", kJanuaryMeeting, nullptr), 3, no_days);
  ASSERT_TRUE(first.ok() && second.ok() && third.ok());
  EXPECT_EQ(third->story_id, first->story_id);
}

TEST_F(StoryClustererTest, AnEnglishReportJoinsTheIndonesianStoryThroughEntityIds) {
  const auto antara = Assign(Article("antara", "antaranews.com", "id", kNov4, kTroopsAntara,
                                     {kTroopEntities[0], kTroopEntities[1], kTroopEntities[2],
                                      kTroopEntities[3], kTroopEntities[4]}));
  const auto reuters = Assign(Article("reuters", "reuters.com", "en", kNov4 + 7200,
                                      kTroopsEnglish,
                                      {kTroopEntities[0], kTroopEntities[1], kTroopEntities[2],
                                       kTroopEntities[3], kTroopEntities[4]}));
  EXPECT_EQ(reuters.story_id, antara.story_id);
  auto story = index_.LoadStory(antara.story_id);
  ASSERT_TRUE(story.ok() && *story != nullptr);
  EXPECT_THAT((*story)->languages(), UnorderedElementsAre("id", "en"));
}

// An article that introduces a person by a nickname ("Basuki Tjahaja
// Purnama alias Ahok": one entity, the nickname's id kept with it) meets
// the articles that only say "Ahok" (the id of that name alone). Across
// languages the entity ids are all there is to go by.
TEST_F(StoryClustererTest, ANicknameTheArticleIntroducesMeetsArticlesThatUseItAlone) {
  // Whether the English report joins the story of an Indonesian "Ahok" report.
  auto joins = [&](bool with_nickname) {
    MemoryStoryIndex index;
    auto ahok = clusterer_.Assign(Article("ahok", "kompas.com", "id", kNov4,
                                          "Ahok menghadiri sidang di Jakarta.",
                                          {{"per:ahok", "Ahok", warta::v1::PERSON},
                                           {"loc:jakarta", "Jakarta", warta::v1::LOCATION}}),
                                  1, index);
    auto report = Article("reuters", "reuters.com", "en", kNov4 + 3600,
                          "The former governor attended court.",
                          {{"per:basuki_tjahaja_purnama", "Basuki Tjahaja Purnama", warta::v1::PERSON},
                           {"loc:jakarta", "Jakarta", warta::v1::LOCATION},
                           {"loc:as", "United States", warta::v1::LOCATION}});
    if (with_nickname) {
      auto* nickname = report.mutable_entities(0)->add_nicknames();
      nickname->set_name("Ahok");
      nickname->set_id("per:ahok");
    }
    auto assigned = clusterer_.Assign(report, 2, index);
    EXPECT_TRUE(ahok.ok() && assigned.ok());
    return ahok.ok() && assigned.ok() && assigned->story_id == ahok->story_id;
  };
  EXPECT_FALSE(joins(false));
  EXPECT_TRUE(joins(true));
}

TEST_F(StoryClustererTest, SyndicatedCopiesAreNearDuplicatesOfTheFirstArticle) {
  const auto original = Assign(Article("antara", "antaranews.com", "id", kNov4, kTroopsAntara));
  // The wire copy with other boilerplate and a "Baca juga" line.
  const auto copy = Assign(Article(
      "suara-copy", "suara.com", "id", kNov4 + 3 * 3600,
      "JAKARTA, SUARA.com - " + kTroopsAntara + "\nBaca juga: Harga beras naik lagi\n"));
  // A copy of the copy still names the first article.
  const auto second = Assign(Article("merdeka-copy", "merdeka.com", "id", kNov4 + 5 * 3600,
                                     kTroopsAntara + " Simak video pilihan berikut."));
  // Another report of the same event is not a copy.
  const auto other = Assign(Article("tempo", "tempo.co", "id", kNov4 + 6 * 3600, kTroopsTempo));
  EXPECT_EQ(copy.duplicate_of, "antara");
  EXPECT_EQ(copy.story_id, original.story_id);
  EXPECT_EQ(second.duplicate_of, "antara");
  EXPECT_TRUE(other.duplicate_of.empty());
}

TEST(StoryIdTest, IsStableAndDiffersPerFoundingArticle) {
  EXPECT_EQ(StoryIdFor("a1"), StoryIdFor("a1"));
  EXPECT_NE(StoryIdFor("a1"), StoryIdFor("a2"));
  EXPECT_EQ(StoryIdFor("a1").rfind("st-", 0), 0u);
}

TEST(TermWeightsTest, ParsesTheTableAndWeighsRareWordsMore) {
  const std::string table = TermWeights::Build(
      {{"banjir", "jakarta"}, {"jakarta", "gempa"}, {"jakarta", "kpk"}}, 1);
  auto weights = TermWeights::Parse(table);
  ASSERT_TRUE(weights.ok()) << weights.status();
  EXPECT_EQ(weights->documents(), 3);
  EXPECT_GT(weights->Idf("banjir"), weights->Idf("jakarta"));
  EXPECT_GT(weights->Idf("neverseen"), weights->Idf("banjir"));
  EXPECT_EQ(weights->Idf("yang"), 0);  // a stop word
  EXPECT_FALSE(TermWeights::Parse("nonsense\n").ok());
  EXPECT_FALSE(TermWeights::Parse("warta-story-idf\t1\t3\nword\tx\n").ok());
}

TEST(StoryWordsTest, LowerCasesAndSplitsAtPunctuation) {
  EXPECT_THAT(StoryWords("Korea Utara, 8.000 Tentara!"),
              ElementsAre("korea", "utara", "8", "000", "tentara"));
}

}  // namespace
}  // namespace warta::storage
