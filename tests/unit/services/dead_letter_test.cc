// What a dead letter carries, whichever service sends it.
#include "services/common/dead_letter.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "tests/unit/services/metric_values.h"

namespace warta::services {
namespace {

TEST(DeadLetterHeadersTest, KeepTheOriginalHeadersAndAddWhyAndWhereFrom) {
  kafka::Message poison = {.topic = "articles.raw", .partition = 2, .offset = 41, .key = "p"};
  poison.headers.push_back({"trace", "t-1"});
  std::map<std::string, std::string> h;
  for (const kafka::Header& header :
       DeadLetterHeaders(poison, absl::InvalidArgumentError("not JSON: {not json at all"))) {
    h[header.key] = header.value;
  }
  EXPECT_EQ(h["trace"], "t-1") << "the original headers are kept";
  EXPECT_EQ(h["warta.dlq.reason"], "not JSON: {not json at all");
  EXPECT_EQ(h["warta.dlq.code"], "INVALID_ARGUMENT");
  EXPECT_EQ(h["warta.dlq.topic"], "articles.raw");
  EXPECT_EQ(h["warta.dlq.partition"], "2");
  EXPECT_EQ(h["warta.dlq.offset"], "41");
}

TEST(DeadLetterSenderTest, CountsEachDeadLetterByKind) {
  using warta::testing::MetricValue;
  auto count = [](const char* reason) {
    return MetricValue("warta_messages_dead_lettered_total", {{"reason", reason}});
  };
  const double undecodable = count("undecodable"), invalid = count("invalid");
  DeadLetterSender sender(/*producer=*/nullptr, "articles.dlq");  // logs only
  kafka::Message poison = {.topic = "articles.raw", .partition = 0, .offset = 1};
  ASSERT_TRUE(sender.Send(poison, DeadLetterKind::kUndecodable, absl::InvalidArgumentError("x")).ok());
  ASSERT_TRUE(sender.Send(poison, DeadLetterKind::kUndecodable, absl::InvalidArgumentError("y")).ok());
  ASSERT_TRUE(sender.Send(poison, DeadLetterKind::kInvalid, absl::InvalidArgumentError("z")).ok());
  EXPECT_EQ(sender.count(), 3);
  EXPECT_EQ(count("undecodable"), undecodable + 2);
  EXPECT_EQ(count("invalid"), invalid + 1);
  EXPECT_TRUE(warta::testing::HasMetric("warta_messages_dead_lettered_total",
                                        {{"reason", "enrichment_failed"}}))
      << "every reason is there from the start, at 0";
}

}  // namespace
}  // namespace warta::services
