// warta-enrich's Kafka side: articles.raw → pipeline → articles.enriched,
// bad messages → articles.dlq. A batch's offsets are committed only after
// Kafka acknowledged every output of the batch.
#ifndef WARTA_SERVICES_ENRICH_ENRICH_LOOP_H_
#define WARTA_SERVICES_ENRICH_ENRICH_LOOP_H_

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "kafka/message_source.h"
#include "kafka/producer.h"
#include "services/common/consume_loop.h"
#include "services/enrich/raw_message_processor.h"

namespace warta::services {

struct EnrichLoopOptions {
  std::string enriched_topic = "articles.enriched";
  std::string dlq_topic = "articles.dlq";
  ConsumeLoopOptions consume;
};

// Runs until `stop()`; see RunConsumeLoop.
absl::Status RunEnrichLoop(kafka::MessageSource& source, kafka::Producer& producer,
                           const RawMessageProcessor& processor,
                           const EnrichLoopOptions& options, const std::function<bool()>& stop);

}  // namespace warta::services

#endif  // WARTA_SERVICES_ENRICH_ENRICH_LOOP_H_
