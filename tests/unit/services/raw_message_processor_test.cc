// The enrich loop's core without Kafka: raw messages in, enriched articles
// or dead letters out.
#include "services/enrich/raw_message_processor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "services/common/consume_loop.h"
#include "services/common/model_files.h"
#include "tests/testing/shared_data.h"

namespace warta::services {
namespace {

using ::testing::HasSubstr;

std::map<std::string, std::string> Headers(const Outcome& o) {
  std::map<std::string, std::string> out;
  for (const auto& h : o.headers) out[h.key] = h.value;
  return out;
}

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

TEST_F(RawMessageProcessorTest, PoisonGoesToTheDeadLetterTopicUnchangedWithItsOrigin) {
  RawMessageProcessor processor(pipeline_);
  kafka::Message poison = Raw("p", "{not json at all");
  poison.headers.push_back({"trace", "t-1"});
  Outcome out = processor.Process(poison, absl::Now());
  ASSERT_EQ(out.kind, Outcome::Kind::kDeadLetter);
  EXPECT_EQ(out.key, "p");
  EXPECT_EQ(out.value, "{not json at all");
  auto h = Headers(out);
  EXPECT_THAT(h["warta.dlq.reason"], HasSubstr("JSON"));
  EXPECT_EQ(h["warta.dlq.topic"], "articles.raw");
  EXPECT_EQ(h["warta.dlq.partition"], "2");
  EXPECT_EQ(h["warta.dlq.offset"], "41");
  EXPECT_EQ(h["trace"], "t-1") << "the original headers are kept";
}

TEST_F(RawMessageProcessorTest, InvalidArticleGoesToTheDeadLetterTopicWithTheReason) {
  RawMessageProcessor processor(pipeline_);
  Outcome out = processor.Process(Raw("e", R"({"id":"e","body":""})"), absl::Now());
  ASSERT_EQ(out.kind, Outcome::Kind::kDeadLetter);
  EXPECT_THAT(Headers(out)["warta.dlq.reason"], HasSubstr("body"));
  EXPECT_EQ(Headers(out)["warta.dlq.code"], "INVALID_ARGUMENT");
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
