// The at-least-once consume loop shared by warta-enrich and warta-store:
// poll a bounded batch, hand it over, and commit the batch's offsets only
// when the handler says its output is safe (acknowledged by Kafka, or
// committed in the database). A failed batch is re-read from its first
// offsets after a backoff, so nothing is lost; the downstream is idempotent,
// so nothing is duplicated. Counts what it consumes, its batch sizes and
// times, and its retries (services/common/message_metrics.h).
#ifndef WARTA_SERVICES_COMMON_CONSUME_LOOP_H_
#define WARTA_SERVICES_COMMON_CONSUME_LOOP_H_

#include <functional>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "kafka/message.h"
#include "kafka/message_source.h"

namespace warta::services {

struct ConsumeLoopOptions {
  // Bounded in-flight work keeps each poll well inside max.poll.interval.ms.
  int max_batch = 64;
  // How long a batch waits to fill up once it has its first message; then
  // it takes what the consumer has already fetched, without waiting.
  int max_batch_wait_ms = 100;
  absl::Duration retry_backoff = absl::Seconds(1);
  // Fault injection for tests: when > 0, the process dies abruptly (exit
  // 137, as if SIGKILLed) right after handling batch number N and before
  // committing its offsets: the worst moment for at-least-once delivery.
  int crash_before_commit_batch = 0;
};

using BatchHandler = std::function<absl::Status(const std::vector<kafka::Message>&)>;

// Runs until `stop()` returns true (checked between polls; the batch in hand
// is always finished and committed first). Returns an error only when the
// source cannot go on. `source` is a kafka::Consumer in the services.
absl::Status RunConsumeLoop(kafka::MessageSource& source, const ConsumeLoopOptions& options,
                            const BatchHandler& handle, const std::function<bool()>& stop);

// The next offsets to commit for a batch: per partition, last offset + 1.
std::vector<kafka::PartitionOffset> NextOffsets(const std::vector<kafka::Message>& batch);

}  // namespace warta::services

#endif  // WARTA_SERVICES_COMMON_CONSUME_LOOP_H_
