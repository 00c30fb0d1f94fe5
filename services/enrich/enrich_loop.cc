#include "services/enrich/enrich_loop.h"

#include <atomic>
#include <memory>

#include "absl/strings/str_cat.h"
#include "common/logging.h"
#include "services/common/dead_letter.h"

namespace warta::services {

absl::Status RunEnrichLoop(kafka::MessageSource& source, kafka::Producer& producer,
                           const RawMessageProcessor& processor,
                           const EnrichLoopOptions& options, const std::function<bool()>& stop) {
  auto handle = [&](const std::vector<kafka::Message>& batch) -> absl::Status {
    auto failures = std::make_shared<std::atomic<int>>(0);
    DeadLetterSender dead_letters(&producer, options.dlq_topic);
    int enriched = 0;
    for (const kafka::Message& message : batch) {
      Outcome outcome = processor.Process(message, absl::Now());
      absl::Status queued;
      if (outcome.kind == Outcome::Kind::kDeadLetter) {
        queued = dead_letters.Send(message, outcome.dead_letter_kind, outcome.dead_letter_reason);
      } else {
        ++enriched;
        queued = producer.Produce(options.enriched_topic, outcome.key, outcome.value,
                                  outcome.headers, [failures](const kafka::Delivery& d) {
                                    if (!d.status.ok()) failures->fetch_add(1);
                                  });
      }
      if (!queued.ok()) return queued;
    }
    int left = producer.Flush(absl::Seconds(60));
    if (left > 0) return absl::UnavailableError(absl::StrCat(left, " output(s) not acknowledged"));
    if (int f = failures->load(); f > 0) {
      return absl::UnavailableError(absl::StrCat(f, " output(s) refused by Kafka"));
    }
    if (absl::Status acked = dead_letters.Acknowledged(); !acked.ok()) return acked;
    LogInfo("batch done: ", enriched, " enriched, ", dead_letters.count(), " dead-lettered");
    return absl::OkStatus();
  };
  return RunConsumeLoop(source, options.consume, handle, stop);
}

}  // namespace warta::services
