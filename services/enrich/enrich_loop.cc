#include "services/enrich/enrich_loop.h"

#include <atomic>
#include <memory>

#include "absl/strings/str_cat.h"
#include "common/logging.h"

namespace warta::services {

absl::Status RunEnrichLoop(kafka::Consumer& consumer, kafka::Producer& producer,
                           const RawMessageProcessor& processor,
                           const EnrichLoopOptions& options, const std::function<bool()>& stop) {
  auto handle = [&](const std::vector<kafka::Message>& batch) -> absl::Status {
    auto failures = std::make_shared<std::atomic<int>>(0);
    auto first_error = std::make_shared<std::string>();
    int enriched = 0, dead = 0;
    for (const kafka::Message& message : batch) {
      Outcome outcome = processor.Process(message, absl::Now());
      bool dlq = outcome.kind == Outcome::Kind::kDeadLetter;
      if (dlq) {
        ++dead;
        LogWarning("dead letter ", message.topic, "/", message.partition, "@", message.offset,
                   ": ", outcome.dead_letter_reason);
      } else {
        ++enriched;
      }
      absl::Status queued = producer.Produce(
          dlq ? options.dlq_topic : options.enriched_topic, outcome.key, outcome.value,
          outcome.headers, [failures](const kafka::Delivery& d) {
            if (!d.status.ok()) failures->fetch_add(1);
          });
      if (!queued.ok()) return queued;
    }
    int left = producer.Flush(absl::Seconds(60));
    if (left > 0) return absl::UnavailableError(absl::StrCat(left, " output(s) not acknowledged"));
    if (int f = failures->load(); f > 0) {
      return absl::UnavailableError(absl::StrCat(f, " output(s) refused by Kafka"));
    }
    LogInfo("batch done: ", enriched, " enriched, ", dead, " dead-lettered");
    return absl::OkStatus();
  };
  return RunConsumeLoop(consumer, options.consume, handle, stop);
}

}  // namespace warta::services
