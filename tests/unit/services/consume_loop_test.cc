// The at-least-once consume loop over an in-memory message source: what it
// commits, and how a failed batch is read again from its first offsets.
#include "services/common/consume_loop.h"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "kafka/message_source.h"
#include "tests/unit/services/metric_values.h"

namespace warta::services {
namespace {

using Partition = std::pair<std::string, int32_t>;

// Partitions held in memory. Poll hands out the next message of the first
// partition that has one; Seek moves a partition's read position; Commit
// remembers what was committed, in order.
class FakeMessageSource : public kafka::MessageSource {
 public:
  void Append(const std::string& topic, int32_t partition, std::string value) {
    std::vector<kafka::Message>& log = logs_[{topic, partition}];
    log.push_back({.topic = topic,
                   .partition = partition,
                   .offset = static_cast<int64_t>(log.size()),
                   .value = std::move(value)});
  }

  absl::StatusOr<std::optional<kafka::Message>> Poll(absl::Duration) override {
    if (!poll_error_.ok()) return poll_error_;
    for (auto& [partition, log] : logs_) {
      int64_t& next = positions_[partition];
      if (next < static_cast<int64_t>(log.size())) return log[next++];
    }
    return std::nullopt;
  }

  absl::Status Commit(const std::vector<kafka::PartitionOffset>& offsets) override {
    for (const kafka::PartitionOffset& o : offsets) {
      commits_.push_back(o);
      committed_[{o.topic, o.partition}] = o.offset;
    }
    return absl::OkStatus();
  }

  absl::Status Seek(const kafka::PartitionOffset& offset) override {
    seeks_.push_back(offset);
    positions_[{offset.topic, offset.partition}] = offset.offset;
    return absl::OkStatus();
  }

  // Every message polled and its offset committed.
  bool Done() const {
    for (const auto& [partition, log] : logs_) {
      auto it = committed_.find(partition);
      if (it == committed_.end() || it->second != static_cast<int64_t>(log.size())) return false;
    }
    return true;
  }

  void FailPolls(absl::Status error) { poll_error_ = std::move(error); }
  const std::vector<kafka::PartitionOffset>& commits() const { return commits_; }
  const std::vector<kafka::PartitionOffset>& seeks() const { return seeks_; }

 private:
  std::map<Partition, std::vector<kafka::Message>> logs_;
  std::map<Partition, int64_t> positions_;
  std::map<Partition, int64_t> committed_;
  std::vector<kafka::PartitionOffset> commits_, seeks_;
  absl::Status poll_error_;
};

ConsumeLoopOptions FastOptions(int max_batch) {
  ConsumeLoopOptions options;
  options.max_batch = max_batch;
  options.max_batch_wait = absl::Milliseconds(50);
  options.retry_backoff = absl::ZeroDuration();
  return options;
}

std::vector<std::string> Values(const std::vector<kafka::Message>& batch) {
  std::vector<std::string> out;
  for (const kafka::Message& m : batch) out.push_back(m.value);
  return out;
}

TEST(ConsumeLoopTest, CommitsEachBatchOnePastItsLastMessageAfterItIsHandled) {
  FakeMessageSource source;
  for (const char* v : {"a", "b", "c", "d", "e"}) source.Append("articles.raw", 0, v);
  std::vector<std::vector<std::string>> handled;
  absl::Status status = RunConsumeLoop(
      source, FastOptions(2),
      [&](const std::vector<kafka::Message>& batch) {
        handled.push_back(Values(batch));
        return absl::OkStatus();
      },
      [&] { return source.Done(); });
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(handled, (std::vector<std::vector<std::string>>{{"a", "b"}, {"c", "d"}, {"e"}}));
  ASSERT_EQ(source.commits().size(), 3u);
  EXPECT_EQ(source.commits()[0].offset, 2);
  EXPECT_EQ(source.commits()[1].offset, 4);
  EXPECT_EQ(source.commits()[2].offset, 5);
  EXPECT_TRUE(source.seeks().empty());
}

TEST(ConsumeLoopTest, AFailedBatchIsNotCommittedAndIsReadAgainFromItsFirstOffsets) {
  FakeMessageSource source;
  for (const char* v : {"a", "b", "c", "d"}) source.Append("articles.raw", 0, v);
  source.Append("articles.raw", 1, "x");
  bool failed_once = false;
  std::vector<std::vector<std::string>> handled;
  absl::Status status = RunConsumeLoop(
      source, FastOptions(3),
      [&](const std::vector<kafka::Message>& batch) {
        handled.push_back(Values(batch));
        if (batch.back().value == "x" && !failed_once) {
          failed_once = true;
          return absl::UnavailableError("the broker is away");
        }
        return absl::OkStatus();
      },
      [&] { return source.Done(); });
  ASSERT_TRUE(status.ok()) << status;
  // {a,b,c}, then {d,x} fails and is read again from d (partition 0) and x
  // (partition 1).
  EXPECT_EQ(handled, (std::vector<std::vector<std::string>>{
                         {"a", "b", "c"}, {"d", "x"}, {"d", "x"}}));
  ASSERT_EQ(source.seeks().size(), 2u);
  EXPECT_EQ(source.seeks()[0].partition, 0);
  EXPECT_EQ(source.seeks()[0].offset, 3);
  EXPECT_EQ(source.seeks()[1].partition, 1);
  EXPECT_EQ(source.seeks()[1].offset, 0);
  // The failed batch committed nothing: one commit for {a,b,c}, two (one per
  // partition) for the retried {d,x}.
  ASSERT_EQ(source.commits().size(), 3u);
  EXPECT_EQ(source.commits()[0].offset, 3);
  EXPECT_EQ(source.commits()[1].offset, 4);
  EXPECT_EQ(source.commits()[2].offset, 1);
}

// What operators see of the loop: warta_messages_consumed_total by topic,
// the batch size and duration histograms, and retried batches.
TEST(ConsumeLoopTest, CountsWhatItConsumesItsBatchesAndItsRetries) {
  using warta::testing::MetricValue;
  const double batches_before = MetricValue("warta_consume_batch_messages");
  const double timed_before = MetricValue("warta_consume_batch_duration_seconds");
  const double retries_before = MetricValue("warta_consume_batch_retries_total");
  FakeMessageSource source;
  for (const char* v : {"a", "b", "c", "d", "e"}) source.Append("t.counted", 0, v);
  bool failed_once = false;
  absl::Status status = RunConsumeLoop(
      source, FastOptions(2),
      [&](const std::vector<kafka::Message>& batch) {
        if (batch.front().value == "c" && !failed_once) {
          failed_once = true;
          return absl::UnavailableError("the broker is away");
        }
        return absl::OkStatus();
      },
      [&] { return source.Done(); });
  ASSERT_TRUE(status.ok()) << status;
  // {a,b}, {c,d} fails, {c,d} again, {e}: 7 messages polled in 4 batches.
  EXPECT_EQ(MetricValue("warta_messages_consumed_total", {{"topic", "t.counted"}}), 7);
  EXPECT_EQ(MetricValue("warta_consume_batch_messages"), batches_before + 4);
  EXPECT_EQ(MetricValue("warta_consume_batch_duration_seconds"), timed_before + 4);
  EXPECT_EQ(MetricValue("warta_consume_batch_retries_total"), retries_before + 1);
}

TEST(ConsumeLoopTest, ASourceThatCannotGoOnEndsTheLoopWithItsError) {
  FakeMessageSource source;
  source.FailPolls(absl::PermissionDeniedError("not authorized to read articles.raw"));
  absl::Status status = RunConsumeLoop(
      source, FastOptions(2), [](const std::vector<kafka::Message>&) { return absl::OkStatus(); },
      [] { return false; });
  EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied);
}

TEST(ConsumeLoopTest, StopsWithoutPollingWhenAskedToBeforeItStarts) {
  FakeMessageSource source;
  source.Append("articles.raw", 0, "a");
  int batches = 0;
  absl::Status status = RunConsumeLoop(
      source, FastOptions(2),
      [&](const std::vector<kafka::Message>&) {
        ++batches;
        return absl::OkStatus();
      },
      [] { return true; });
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(batches, 0);
  EXPECT_TRUE(source.commits().empty());
}

}  // namespace
}  // namespace warta::services
