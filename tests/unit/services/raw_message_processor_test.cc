// The enrich loop's core without Kafka: raw messages in, enriched articles
// or dead letters out.
#include "services/enrich/raw_message_processor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "services/common/consume_loop.h"
#include "services/common/model_files.h"
#include "tests/testing/shared_data.h"

namespace warta::services {
namespace {

using ::testing::HasSubstr;

class RawMessageProcessorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto models = LoadPipelineModels((testing::SourceDir() / "models").string(), "");
    ASSERT_TRUE(models.ok()) << models.status();
    auto pipeline = enrichment::Pipeline::Create(*models);
    ASSERT_TRUE(pipeline.ok()) << pipeline.status();
    pipeline_ = pipeline->release();
  }
  static void TearDownTestSuite() { delete pipeline_; }

  kafka::Message Raw(std::string key, std::string value) {
    kafka::Message m;
    m.topic = "articles.raw";
    m.partition = 2;
    m.offset = 41;
    m.key = std::move(key);
    m.value = std::move(value);
    return m;
  }

  static enrichment::Pipeline* pipeline_;
};
enrichment::Pipeline* RawMessageProcessorTest::pipeline_ = nullptr;

TEST_F(RawMessageProcessorTest, EnrichesAJsonArticleKeyedByItsId) {
  RawMessageProcessor processor(pipeline_);
  Outcome out = processor.Process(
      Raw("", R"({"id":"a1","body":"Presiden Rusia Vladimir Putin bertemu dengan Menteri Luar Negeri Korea Utara Choe Son Hui di Kremlin pada hari Senin. Pertemuan itu terjadi di tengah klaim Barat."})"),
      absl::FromUnixSeconds(1730800000));
  ASSERT_EQ(out.kind, Outcome::Kind::kEnriched) << out.dead_letter_reason;
  EXPECT_EQ(out.key, "a1");
  warta::v1::EnrichedArticle enriched;
  ASSERT_TRUE(enriched.ParseFromString(out.value));
  EXPECT_EQ(enriched.article().id(), "a1");
  EXPECT_EQ(enriched.language().code(), "id");
  EXPECT_EQ(enriched.enriched_at().seconds(), 1730800000);
  EXPECT_FALSE(enriched.pipeline_version().empty());
}

TEST_F(RawMessageProcessorTest, UsesTheMessageKeyWhenTheArticleHasNoId) {
  RawMessageProcessor processor(pipeline_);
  Outcome out = processor.Process(Raw("from-key", R"({"body":"Berita singkat."})"), absl::Now());
  ASSERT_EQ(out.kind, Outcome::Kind::kEnriched);
  EXPECT_EQ(out.key, "from-key");
}

// What a dead letter carries on the topic: dead_letter_test.cc.
TEST_F(RawMessageProcessorTest, PoisonIsADeadLetter) {
  RawMessageProcessor processor(pipeline_);
  Outcome out = processor.Process(Raw("p", "{not json at all"), absl::Now());
  ASSERT_EQ(out.kind, Outcome::Kind::kDeadLetter);
  EXPECT_EQ(out.dead_letter_kind, DeadLetterKind::kUndecodable);
  EXPECT_THAT(out.dead_letter_reason.message(), HasSubstr("JSON"));
}

TEST_F(RawMessageProcessorTest, InvalidArticleIsADeadLetterWithTheReason) {
  RawMessageProcessor processor(pipeline_);
  Outcome out = processor.Process(Raw("e", R"({"id":"e","body":""})"), absl::Now());
  ASSERT_EQ(out.kind, Outcome::Kind::kDeadLetter);
  EXPECT_EQ(out.dead_letter_kind, DeadLetterKind::kInvalid);
  EXPECT_THAT(out.dead_letter_reason.message(), HasSubstr("body"));
  EXPECT_EQ(out.dead_letter_reason.code(), absl::StatusCode::kInvalidArgument);
}

TEST(NextOffsetsTest, CommitsOnePastTheLastMessageOfEachPartition) {
  std::vector<kafka::Message> batch(4);
  batch[0] = {.topic = "t", .partition = 0, .offset = 5};
  batch[1] = {.topic = "t", .partition = 1, .offset = 9};
  batch[2] = {.topic = "t", .partition = 0, .offset = 7};
  batch[3] = {.topic = "u", .partition = 0, .offset = 1};
  auto next = NextOffsets(batch);
  ASSERT_EQ(next.size(), 3u);
  EXPECT_EQ(next[0].topic, "t");
  EXPECT_EQ(next[0].offset, 8);
  EXPECT_EQ(next[1].offset, 10);
  EXPECT_EQ(next[2].topic, "u");
  EXPECT_EQ(next[2].offset, 2);
}

}  // namespace
}  // namespace warta::services
