#include "services/common/consume_loop.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <utility>

#include "common/logging.h"
#include "services/common/message_metrics.h"

namespace warta::services {

std::vector<kafka::PartitionOffset> NextOffsets(const std::vector<kafka::Message>& batch) {
  std::map<std::pair<std::string, int32_t>, int64_t> next;
  for (const kafka::Message& m : batch) {
    int64_t& offset = next[{m.topic, m.partition}];
    offset = std::max(offset, m.offset + 1);
  }
  std::vector<kafka::PartitionOffset> out;
  for (const auto& [tp, offset] : next) out.push_back({tp.first, tp.second, offset});
  return out;
}

namespace {

// Per partition, the first offset of the batch: where a retry starts.
std::vector<kafka::PartitionOffset> FirstOffsets(const std::vector<kafka::Message>& batch) {
  std::map<std::pair<std::string, int32_t>, int64_t> first;
  for (const kafka::Message& m : batch) {
    auto [it, inserted] = first.emplace(std::make_pair(m.topic, m.partition), m.offset);
    if (!inserted) it->second = std::min(it->second, m.offset);
  }
  std::vector<kafka::PartitionOffset> out;
  for (const auto& [tp, offset] : first) out.push_back({tp.first, tp.second, offset});
  return out;
}

// warta_messages_consumed_total, per run of messages of one topic (a
// service's batches come from one topic).
void CountConsumed(const std::vector<kafka::Message>& batch, MessageMetrics& metrics) {
  for (size_t begin = 0, end; begin < batch.size(); begin = end) {
    end = begin + 1;
    while (end < batch.size() && batch[end].topic == batch[begin].topic) ++end;
    metrics.consumed.For(batch[begin].topic).Increment(static_cast<double>(end - begin));
  }
}

}  // namespace

absl::Status RunConsumeLoop(kafka::MessageSource& source, const ConsumeLoopOptions& options,
                            const BatchHandler& handle, const std::function<bool()>& stop) {
  MessageMetrics& metrics = MessageMetrics::Get();
  prometheus::Histogram& batch_messages = metrics.batch_messages.Add({}, CountBuckets());
  prometheus::Histogram& batch_seconds = metrics.batch_seconds.Add({}, DurationBuckets());
  prometheus::Counter& batch_retries = metrics.batch_retries.Add({});
  std::vector<kafka::Message> batch;
  int batches = 0;
  while (!stop()) {
    batch.clear();
    absl::Time batch_deadline = absl::InfiniteFuture();
    while (static_cast<int>(batch.size()) < options.max_batch) {
      // Once the wait is over the batch still takes what is already fetched
      // (a poll of 0 returns at once): with a wait of 0 a batch never waits,
      // yet under load it is as full as the consumer's queue.
      const absl::Duration wait =
          batch.empty() ? absl::Milliseconds(200)
                        : std::max(batch_deadline - absl::Now(), absl::ZeroDuration());
      auto polled = source.Poll(wait);
      if (!polled.ok()) return polled.status();
      if (!polled->has_value()) {
        if (batch.empty() && stop()) break;
        if (batch.empty()) continue;
        break;
      }
      if (batch.empty()) batch_deadline = absl::Now() + absl::Milliseconds(options.max_batch_wait_ms);
      batch.push_back(std::move(**polled));
    }
    if (batch.empty()) continue;
    CountConsumed(batch, metrics);
    batch_messages.Observe(static_cast<double>(batch.size()));
    const auto started = std::chrono::steady_clock::now();
    absl::Status handled = handle(batch);
    batch_seconds.Observe(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    if (!handled.ok()) {
      batch_retries.Increment();
      LogError("batch of ", batch.size(), " not done (", handled.message(),
               "); it will be read again");
      for (const kafka::PartitionOffset& first : FirstOffsets(batch)) {
        if (absl::Status s = source.Seek(first); !s.ok()) LogWarning(s.message());
      }
      absl::SleepFor(options.retry_backoff);
      continue;
    }
    if (++batches == options.crash_before_commit_batch) {
      LogError("fault injection: dying before committing batch ", batches);
      std::_Exit(137);
    }
    absl::Status committed = source.Commit(NextOffsets(batch));
    if (absl::IsAborted(committed)) {
      // A transactional source discarded the batch's outputs with the
      // commit: read the batch again.
      LogWarning(committed.message());
      for (const kafka::PartitionOffset& first : FirstOffsets(batch)) {
        if (absl::Status s = source.Seek(first); !s.ok()) LogWarning(s.message());
      }
    } else if (!committed.ok()) {
      // Otherwise a failed commit is not fatal: the next successful one
      // covers it, and a redelivery in between is harmless downstream.
      LogWarning(committed.message());
    }
  }
  return absl::OkStatus();
}

}  // namespace warta::services
