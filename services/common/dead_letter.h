// Dead letters, whichever service sends them (warta-enrich, warta-store): a
// message that cannot be processed goes on unchanged (original key, value
// and headers) to the dead-letter topic, with why (warta.dlq.reason,
// warta.dlq.code) and where it came from (warta.dlq.topic,
// warta.dlq.partition, warta.dlq.offset), and the partition moves on. Each
// dead letter Kafka took is counted in warta_messages_dead_lettered_total
// by its kind (services/common/message_metrics.h).
#ifndef WARTA_SERVICES_COMMON_DEAD_LETTER_H_
#define WARTA_SERVICES_COMMON_DEAD_LETTER_H_

#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "kafka/message.h"
#include "kafka/producer.h"

namespace warta::services {

// Why a message is a dead letter, in one word: the `reason` label of the
// dead-letter counter. (The headers carry the full sentence.)
enum class DeadLetterKind {
  kUndecodable,       // not a message of the expected type
  kInvalid,           // decodes, but breaks the article's rules
  kEnrichmentFailed,  // the pipeline refused it
};

// "undecodable", "invalid", "enrichment_failed".
std::string_view DeadLetterKindName(DeadLetterKind kind);

// The headers a dead letter of `message` carries.
std::vector<kafka::Header> DeadLetterHeaders(const kafka::Message& message,
                                             const absl::Status& reason);

// Sends one batch's dead letters: each is logged and queued on `topic`.
// Acknowledged() then says whether Kafka took every one, so the caller
// commits the batch only when none is lost. Without a producer dead letters
// are only logged. Does not own the producer; one per batch, one thread.
class DeadLetterSender {
 public:
  DeadLetterSender(kafka::Producer* producer, std::string topic);

  // An error only when the dead letter could not be queued.
  absl::Status Send(const kafka::Message& message, DeadLetterKind kind,
                    const absl::Status& reason);

  // How many dead letters Send took.
  int count() const { return count_; }

  // Waits for the producer's queue to drain (up to `timeout`); UNAVAILABLE
  // when a dead letter was not acknowledged.
  absl::Status Acknowledged(absl::Duration timeout = absl::Seconds(60));

 private:
  kafka::Producer* producer_;
  std::string topic_;
  int count_ = 0;
  // Shared with the delivery callbacks, which may outlive this sender.
  std::shared_ptr<std::atomic<int>> failures_ = std::make_shared<std::atomic<int>>(0);
};

}  // namespace warta::services

#endif  // WARTA_SERVICES_COMMON_DEAD_LETTER_H_
