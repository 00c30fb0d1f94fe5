// The at-least-once consume loop over an in-memory message source: what it
// commits, and how a failed batch is read again from its first offsets; and
// the same loop in exactly-once mode over in-memory transactions.
#include "services/common/consume_loop.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "kafka/message_source.h"
#include "kafka/transactional_source.h"
#include "kafka/transactions.h"
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
  // A group rebalance took the partitions away (and gave them back).
  void Revoke() { ++revocations_; }
  int64_t Revocations() const override { return revocations_; }
  const std::vector<kafka::PartitionOffset>& commits() const { return commits_; }
  const std::vector<kafka::PartitionOffset>& seeks() const { return seeks_; }

 private:
  std::map<Partition, std::vector<kafka::Message>> logs_;
  std::map<Partition, int64_t> positions_;
  std::map<Partition, int64_t> committed_;
  std::vector<kafka::PartitionOffset> commits_, seeks_;
  absl::Status poll_error_;
  int64_t revocations_ = 0;
};

ConsumeLoopOptions FastOptions(int max_batch) {
  ConsumeLoopOptions options;
  options.max_batch = max_batch;
  options.max_batch_wait_ms = 50;
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

// --max_batch_wait_ms 0 (lowest latency): a batch never waits for more, but
// still takes every message the consumer has already fetched.
TEST(ConsumeLoopTest, WithoutAWaitABatchTakesWhatIsAlreadyFetched) {
  FakeMessageSource source;
  for (const char* v : {"a", "b", "c", "d", "e"}) source.Append("articles.raw", 0, v);
  ConsumeLoopOptions options = FastOptions(4);
  options.max_batch_wait_ms = 0;
  std::vector<std::vector<std::string>> handled;
  absl::Status status = RunConsumeLoop(
      source, options,
      [&](const std::vector<kafka::Message>& batch) {
        handled.push_back(Values(batch));
        return absl::OkStatus();
      },
      [&] { return source.Done(); });
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(handled, (std::vector<std::vector<std::string>>{{"a", "b", "c", "d"}, {"e"}}));
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

// Exactly-once mode: a transactional output topic in memory. Outputs
// produced in the open transaction become visible only when it commits, and
// are discarded when it aborts; a read_committed reader sees `visible`.
class FakeTransactions : public kafka::Transactions {
 public:
  absl::Status Begin() override {
    ++begun_;
    return absl::OkStatus();
  }
  absl::Status Commit(const std::vector<kafka::PartitionOffset>& offsets) override {
    if (!next_commit_.ok()) {
      absl::Status failed = std::exchange(next_commit_, absl::OkStatus());
      if (!absl::IsFailedPrecondition(failed)) pending_.clear();  // Kafka aborted it
      return failed;
    }
    visible_.insert(visible_.end(), pending_.begin(), pending_.end());
    pending_.clear();
    for (const auto& o : offsets) committed_offsets_.push_back(o);
    return absl::OkStatus();
  }
  absl::Status Abort() override {
    pending_.clear();
    ++aborted_;
    return absl::OkStatus();
  }
  void Produce(const std::string& value) { pending_.push_back(value); }
  void FailNextCommit(absl::Status status) { next_commit_ = std::move(status); }

  const std::vector<std::string>& visible() const { return visible_; }
  const std::vector<kafka::PartitionOffset>& committed_offsets() const {
    return committed_offsets_;
  }
  int aborted() const { return aborted_; }

 private:
  std::vector<std::string> pending_, visible_;
  std::vector<kafka::PartitionOffset> committed_offsets_;
  absl::Status next_commit_;
  int begun_ = 0, aborted_ = 0;
};

class ExactlyOnceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* v : {"a", "b", "c", "d", "e"}) source_.Append("articles.raw", 0, v);
    ASSERT_TRUE(transactional_.Start().ok());
  }
  // Runs the loop; the handler produces each message's value, upper-cased,
  // and fails once when `fail_on` is in the batch.
  absl::Status Run(const std::string& fail_on = "") {
    bool failed = false;
    return RunConsumeLoop(
        transactional_, FastOptions(2),
        [&](const std::vector<kafka::Message>& batch) {
          for (const kafka::Message& m : batch) {
            transactions_.Produce(absl::AsciiStrToUpper(m.value));
            if (m.value == fail_on && !failed) {
              failed = true;
              return absl::UnavailableError("a delivery failed");
            }
          }
          return absl::OkStatus();
        },
        [&] { return finished_(); });
  }
  std::function<bool()> finished_ = [this] {
    return transactions_.visible().size() >= 5 || ++polls_ > 50;
  };
  int polls_ = 0;
  FakeMessageSource source_;
  FakeTransactions transactions_;
  kafka::TransactionalSource transactional_{source_, transactions_};
};

TEST_F(ExactlyOnceTest, OutputsAndOffsetsAreCommittedTogetherPerBatch) {
  ASSERT_TRUE(Run().ok());
  EXPECT_EQ(transactions_.visible(), (std::vector<std::string>{"A", "B", "C", "D", "E"}));
  // The offsets went into the transactions, not to the plain consumer.
  ASSERT_EQ(transactions_.committed_offsets().size(), 3u);
  EXPECT_EQ(transactions_.committed_offsets().back().offset, 5);
  EXPECT_TRUE(source_.commits().empty());
}

TEST_F(ExactlyOnceTest, AFailedBatchIsAbortedSoItsOutputsAppearOnce) {
  // "C" was produced before the batch {c, d} failed: the abort discards it.
  ASSERT_TRUE(Run("c").ok());
  EXPECT_EQ(transactions_.visible(), (std::vector<std::string>{"A", "B", "C", "D", "E"}));
  EXPECT_GE(transactions_.aborted(), 1);
}

TEST_F(ExactlyOnceTest, AnAbortedCommitReadsTheBatchAgain) {
  transactions_.FailNextCommit(absl::AbortedError("coordinator moved; abort required"));
  ASSERT_TRUE(Run().ok());
  EXPECT_EQ(transactions_.visible(), (std::vector<std::string>{"A", "B", "C", "D", "E"}));
  ASSERT_FALSE(source_.seeks().empty());
  EXPECT_EQ(source_.seeks()[0].offset, 0) << "the first batch is read again from a";
}

// A rebalance while a batch is read: the partitions go on from the group's
// committed offsets, so the batch must not be committed (its outputs would
// appear twice); it is aborted and read again.
TEST_F(ExactlyOnceTest, ABatchReadAcrossARebalanceIsAbortedNotCommitted) {
  bool revoked = false;
  absl::Status status = RunConsumeLoop(
      transactional_, FastOptions(2),
      [&](const std::vector<kafka::Message>& batch) {
        for (const kafka::Message& m : batch) {
          transactions_.Produce(absl::AsciiStrToUpper(m.value));
          if (m.value == "c" && !revoked) {
            revoked = true;
            source_.Revoke();
          }
        }
        return absl::OkStatus();
      },
      [&] { return finished_(); });
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(transactions_.visible(), (std::vector<std::string>{"A", "B", "C", "D", "E"}));
  EXPECT_GE(transactions_.aborted(), 1);
  // Offsets 2 and 4 (after {a, b} and {c, d}) are each committed once.
  std::vector<int64_t> committed;
  for (const auto& o : transactions_.committed_offsets()) committed.push_back(o.offset);
  EXPECT_EQ(committed, (std::vector<int64_t>{2, 4, 5}));
}

TEST_F(ExactlyOnceTest, AFencedInstanceStopsWithoutPublishingItsBatch) {
  transactions_.FailNextCommit(
      absl::FailedPreconditionError("fenced: a newer instance has this transactional id"));
  absl::Status status = Run();
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition) << status;
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("fenced"));
  EXPECT_TRUE(transactions_.visible().empty());
}

}  // namespace
}  // namespace warta::services
