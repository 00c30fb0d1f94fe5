// What a dead letter carries, whichever service sends it.
#include "services/common/dead_letter.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

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

}  // namespace
}  // namespace warta::services
