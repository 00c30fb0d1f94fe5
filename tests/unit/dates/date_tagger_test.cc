#include "enrichment/dates/date_tagger.h"

#include "gtest/gtest.h"

namespace warta::enrichment {
namespace {

TEST(DateTaggerTest, OneEntityPerDateOneMentionPerOccurrence) {
  Document doc;
  doc.text =
      "Putin bertemu Choe pada hari Senin, 4 November 2024. Pada hari Senin itu juga, Miller "
      "berbicara. Jumat lalu Choe bertemu Lavrov.";
  doc.clean.published_at_unix = 1730773200;  // Selasa, 5 November 2024 09:20 WIB
  Entity person;
  person.id = "person:putin";
  doc.entities.push_back(person);

  auto tagger = DateTagger::Create({});
  ASSERT_TRUE(tagger.ok());
  ASSERT_TRUE((*tagger)->Process(doc).ok());

  ASSERT_EQ(doc.entities.size(), 3u);
  EXPECT_EQ(doc.entities[0].id, "person:putin");  // kept
  const Entity& monday = doc.entities[1];
  EXPECT_EQ(monday.type, EntityType::kDate);
  EXPECT_EQ(monday.id, "date:2024-11-04");
  EXPECT_EQ(monday.normalized, "2024-11-04");
  EXPECT_EQ(monday.name, "2024-11-04");
  ASSERT_EQ(monday.mentions.size(), 2u);
  EXPECT_EQ(doc.Text(monday.mentions[0].span), "Senin, 4 November 2024");
  EXPECT_EQ(doc.Text(monday.mentions[1].span), "Senin");
  EXPECT_EQ(doc.entities[2].id, "date:2024-11-01");
  EXPECT_EQ(doc.Text(doc.entities[2].mentions[0].span), "Jumat lalu");
}

TEST(DateTaggerTest, FallsBackToTheArticlePublicationTime) {
  Document doc;
  doc.text = "Juru bicara itu mengatakan kepada wartawan pada hari Senin.";
  doc.published_at_unix = 1730700000;  // 2024-11-04 13:00 WIB, a Monday
  auto tagger = DateTagger::Create({});
  ASSERT_TRUE((*tagger)->Process(doc).ok());
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(doc.entities[0].id, "date:2024-11-04");
}

TEST(DateTaggerTest, WithoutPublicationDateDayNamesAreLeftOut) {
  Document doc;
  doc.text = "Pada hari Senin, dan pada 16 Januari 2024.";
  auto tagger = DateTagger::Create({});
  ASSERT_TRUE((*tagger)->Process(doc).ok());
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(doc.entities[0].normalized, "2024-01-16");
}

// An undated feed (IndoSum as published) still says which day a report is
// about: "Senin (27/3)" becomes the year-less ISO date --03-27.
TEST(DateTaggerTest, WithoutPublicationDateYearlessDatesKeepTheirDay) {
  Document doc;
  doc.text = "ucap Zulkifli di Gedung DPR, Senin (27/3). Sidang berlanjut 28 Maret dan 29/2.";
  auto tagger = DateTagger::Create({});
  ASSERT_TRUE((*tagger)->Process(doc).ok());
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(doc.entities[0].id, "date:--03-27");
  EXPECT_EQ(doc.entities[0].normalized, "--03-27");
  EXPECT_EQ(doc.Text(doc.entities[0].mentions[0].span), "Senin (27/3)");
  EXPECT_EQ(doc.entities[1].normalized, "--03-28");
}

TEST(DateTaggerTest, RejectsImpossibleZone) {
  DateTaggerOptions options;
  options.reference_utc_offset_minutes = 24 * 60;
  EXPECT_FALSE(DateTagger::Create(options).ok());
}

}  // namespace
}  // namespace warta::enrichment
