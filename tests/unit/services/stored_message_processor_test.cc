// The store loop's core without Kafka or a database: which messages become
// rows, which become dead letters, and which offsets are kept with the rows.
#include "services/store/stored_message_processor.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace warta::services {
namespace {

kafka::Message Enriched(int32_t partition, int64_t offset, const std::string& id) {
  warta::v1::EnrichedArticle article;
  article.mutable_article()->set_id(id);
  article.mutable_article()->set_body("Berita singkat.");
  return {.topic = "articles.enriched",
          .partition = partition,
          .offset = offset,
          .key = id,
          .value = article.SerializeAsString()};
}

TEST(StoredMessageProcessorTest, StoresAnEnrichedArticleWithItsId) {
  StoredOutcome out = StoredMessageProcessor().Process(Enriched(0, 7, "a1"));
  ASSERT_EQ(out.kind, StoredOutcome::Kind::kStore) << out.dead_letter_reason;
  EXPECT_EQ(out.article.article().id(), "a1");
  EXPECT_EQ(out.article.article().body(), "Berita singkat.");
}

TEST(StoredMessageProcessorTest, BytesThatAreNotAnEnrichedArticleAreADeadLetter) {
  kafka::Message m = Enriched(0, 7, "a1");
  m.value = "\xff\xff not protobuf";
  StoredOutcome out = StoredMessageProcessor().Process(m);
  ASSERT_EQ(out.kind, StoredOutcome::Kind::kDeadLetter);
  EXPECT_EQ(out.dead_letter_kind, DeadLetterKind::kUndecodable);
  EXPECT_EQ(out.dead_letter_reason,
            absl::InvalidArgumentError("not a binary warta.v1.EnrichedArticle"));
}

TEST(StoredMessageProcessorTest, AnArticleWithoutAnIdIsADeadLetter) {
  StoredOutcome out = StoredMessageProcessor().Process(Enriched(0, 7, ""));
  ASSERT_EQ(out.kind, StoredOutcome::Kind::kDeadLetter);
  EXPECT_EQ(out.dead_letter_kind, DeadLetterKind::kInvalid);
  EXPECT_EQ(out.dead_letter_reason,
            absl::InvalidArgumentError("enriched article without article.id"));
}

TEST(StoredMessageProcessorTest, ABatchKeepsTheOffsetsPastItsDeadLettersToo) {
  std::vector<kafka::Message> batch = {Enriched(0, 4, "a"), Enriched(1, 9, "b"),
                                       Enriched(0, 5, "c"), Enriched(0, 6, "")};
  StoreBatch out = StoredMessageProcessor().ProcessBatch(batch);
  ASSERT_EQ(out.articles.size(), 3u);
  EXPECT_EQ(out.articles[0].article().id(), "a");
  EXPECT_EQ(out.articles[2].article().id(), "c");
  ASSERT_EQ(out.dead_letters.size(), 1u);
  EXPECT_EQ(out.dead_letters[0].message, &batch[3]);
  EXPECT_EQ(out.dead_letters[0].kind, DeadLetterKind::kInvalid);
  ASSERT_EQ(out.offsets.size(), 2u);
  EXPECT_EQ(out.offsets[0].partition, 0);
  EXPECT_EQ(out.offsets[0].next_offset, 7) << "the dead letter at offset 6 is done with";
  EXPECT_EQ(out.offsets[1].partition, 1);
  EXPECT_EQ(out.offsets[1].next_offset, 10);
}

}  // namespace
}  // namespace warta::services
