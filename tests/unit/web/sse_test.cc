#include "services/web/sse.h"

#include <gtest/gtest.h>

namespace warta::web {
namespace {

TEST(SseEventTest, IdTypeAndDataThenABlankLine) {
  EXPECT_EQ(SseEvent("article", "17", R"({"id":"a1"})"),
            "id: 17\nevent: article\ndata: {\"id\":\"a1\"}\n\n");
}

TEST(SseEventTest, EveryLineOfDataIsItsOwnField) {
  EXPECT_EQ(SseEvent("", "", "one\ntwo\r\nthree\rfour"),
            "data: one\ndata: two\ndata: three\ndata: four\n\n");
}

TEST(SseEventTest, NewlinesCannotEndTheIdOrTypeEarly) {
  EXPECT_EQ(SseEvent("a\nevent: evil", "1\n2", "x"), "id: 12\nevent: aevent: evil\ndata: x\n\n");
}

TEST(SseEventTest, EmptyDataIsStillAnEvent) {
  EXPECT_EQ(SseEvent("ready", "", ""), "event: ready\ndata: \n\n");
}

TEST(SseCommentTest, HeartbeatAndRetryLines) {
  EXPECT_EQ(SseComment("heartbeat"), ": heartbeat\n\n");
  EXPECT_EQ(SseRetry(absl::Seconds(2)), "retry: 2000\n\n");
}

TEST(ResumeTimeTest, LastEventIdRoundTripsMinusTheMargin) {
  const absl::Time forwarded = absl::FromUnixMicros(1730800000123456);
  const std::string id = SseEventId(forwarded);
  EXPECT_EQ(id, "1730800000123456");
  EXPECT_EQ(ResumeTime(id, absl::Seconds(5)), forwarded - absl::Seconds(5));
}

TEST(ResumeTimeTest, EmptyOrMalformedIdsStartFromNow) {
  EXPECT_EQ(ResumeTime("", absl::Seconds(5)), std::nullopt);
  EXPECT_EQ(ResumeTime("abc", absl::Seconds(5)), std::nullopt);
  EXPECT_EQ(ResumeTime("-5", absl::Seconds(5)), std::nullopt);
  EXPECT_EQ(ResumeTime("99999999999999999999999", absl::Seconds(5)), std::nullopt);
}

TEST(SseSlotsTest, BoundsLiveClientsAndFreesASlotWhenItsClientGoes) {
  SseSlots slots(2);
  auto first = slots.TryAcquire();
  auto second = slots.TryAcquire();
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(slots.TryAcquire(), nullptr);
  EXPECT_EQ(slots.in_use(), 2);
  auto copy = first;  // one client, held in two places
  first.reset();
  EXPECT_EQ(slots.TryAcquire(), nullptr);
  copy.reset();
  EXPECT_EQ(slots.in_use(), 1);
  EXPECT_NE(slots.TryAcquire(), nullptr);
}

}  // namespace
}  // namespace warta::web
