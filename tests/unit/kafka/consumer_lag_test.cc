// The consumer's lag per partition, from librdkafka's statistics JSON (the
// shape of STATISTICS.md, trimmed to the fields that matter).
#include "kafka/consumer_lag.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace warta::kafka {
namespace {

// A consumer of articles.raw with four partitions known: 0 consumed and
// committed, 1 assigned but nothing consumed or committed yet, 2 no longer
// fetched (revoked), and librdkafka's internal partition -1.
constexpr char kStatistics[] = R"json({
  "name": "warta-enrich#consumer-1", "client_id": "warta-enrich", "type": "consumer",
  "ts": 123456789, "msg_cnt": 0,
  "topics": {
    "articles.raw": {
      "topic": "articles.raw", "age": 5001, "metadata_age": 4000,
      "partitions": {
        "0": {"partition": 0, "broker": 1, "leader": 1, "desired": true,
              "fetch_state": "active", "query_offset": -1001, "next_offset": 120,
              "app_offset": 118, "stored_offset": -1001, "committed_offset": 100,
              "lo_offset": 0, "hi_offset": 125, "ls_offset": 125,
              "consumer_lag": 25, "consumer_lag_stored": -1},
        "1": {"partition": 1, "broker": 1, "leader": 1, "desired": true,
              "fetch_state": "active", "next_offset": 40, "app_offset": -1001,
              "committed_offset": -1001, "lo_offset": 0, "hi_offset": 42,
              "consumer_lag": -1},
        "2": {"partition": 2, "broker": 1, "leader": 1, "desired": false,
              "fetch_state": "none", "next_offset": 7, "app_offset": 7,
              "committed_offset": 7, "hi_offset": 9, "consumer_lag": 2},
        "-1": {"partition": -1, "broker": -1, "leader": -1, "desired": false,
               "fetch_state": "none", "hi_offset": -1001}
      }
    },
    "articles.other": {"topic": "articles.other", "partitions": {}}
  },
  "cgrp": {"state": "up", "join_state": "steady", "assignment_size": 2}
})json";

TEST(LagFromStatisticsTest, ReportsEachFetchedPartitionAgainstItsCommittedOffset) {
  auto lag = LagFromStatistics(kStatistics);
  ASSERT_TRUE(lag.ok()) << lag.status();
  ASSERT_EQ(lag->size(), 2u) << "revoked and internal partitions are left out";
  EXPECT_EQ((*lag)[0].topic, "articles.raw");
  EXPECT_EQ((*lag)[0].partition, 0);
  EXPECT_EQ((*lag)[0].lag, 25) << "high watermark 125 - committed 100";
  EXPECT_EQ((*lag)[1].partition, 1);
  EXPECT_EQ((*lag)[1].lag, 2) << "nothing committed or consumed yet: 42 - the fetch position 40";
}

TEST(LagFromStatisticsTest, BeforeTheFirstCommitThePositionCounts) {
  auto lag = LagFromStatistics(R"json({"topics": {"t": {"partitions": {
      "3": {"partition": 3, "fetch_state": "active", "app_offset": 50, "next_offset": 60,
            "committed_offset": -1001, "hi_offset": 55}}}}})json");
  ASSERT_TRUE(lag.ok()) << lag.status();
  ASSERT_EQ(lag->size(), 1u);
  EXPECT_EQ((*lag)[0].lag, 5) << "55 - the last consumed + 1";
}

TEST(LagFromStatisticsTest, UnknownHighWatermarkOrAheadOfItGivesNoNegativeLag) {
  auto lag = LagFromStatistics(R"json({"topics": {"t": {"partitions": {
      "0": {"partition": 0, "fetch_state": "active", "committed_offset": 10, "hi_offset": -1001},
      "1": {"partition": 1, "fetch_state": "active", "committed_offset": 12, "hi_offset": 11}
  }}}})json");
  ASSERT_TRUE(lag.ok()) << lag.status();
  ASSERT_EQ(lag->size(), 1u) << "no high watermark yet: unknown, not reported";
  EXPECT_EQ((*lag)[0].partition, 1);
  EXPECT_EQ((*lag)[0].lag, 0);
}

TEST(LagFromStatisticsTest, AProducerOrAnEmptyClientHasNoLag) {
  auto lag = LagFromStatistics(R"json({"name": "p", "type": "producer", "topics": {}})json");
  ASSERT_TRUE(lag.ok());
  EXPECT_TRUE(lag->empty());
  lag = LagFromStatistics(R"json({"name": "c"})json");
  ASSERT_TRUE(lag.ok());
  EXPECT_TRUE(lag->empty());
}

TEST(LagFromStatisticsTest, TextThatIsNotAnObjectIsAnError) {
  EXPECT_EQ(LagFromStatistics("{truncated").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(LagFromStatistics("[1, 2]").status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace warta::kafka
