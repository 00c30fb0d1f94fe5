// The core of warta-enrich's Kafka loop, without Kafka: one raw message in,
// either an enriched article to publish or a dead letter with its reason.
// Thread-safe (const).
#ifndef WARTA_SERVICES_ENRICH_RAW_MESSAGE_PROCESSOR_H_
#define WARTA_SERVICES_ENRICH_RAW_MESSAGE_PROCESSOR_H_

#include <string>
#include <vector>

#include "absl/time/time.h"
#include "article/article_validation.h"
#include "enrichment/pipeline.h"
#include "kafka/message.h"

namespace warta::services {

struct Outcome {
  enum class Kind { kEnriched, kDeadLetter };
  Kind kind = Kind::kEnriched;
  std::string key;    // article id (enriched) or the original key (dead letter)
  std::string value;  // binary warta.v1.EnrichedArticle, or the original bytes
  std::vector<kafka::Header> headers;
  std::string dead_letter_reason;  // empty when enriched
};

class RawMessageProcessor {
 public:
  // `pipeline` must outlive the processor.
  RawMessageProcessor(const enrichment::Pipeline* pipeline, article::ArticleLimits limits = {})
      : pipeline_(pipeline), limits_(limits) {}

  // Dead letters carry the original key and value unchanged, with the
  // headers of services/common/dead_letter.h.
  Outcome Process(const kafka::Message& message, absl::Time now) const;

 private:
  const enrichment::Pipeline* pipeline_;
  article::ArticleLimits limits_;
};

}  // namespace warta::services

#endif  // WARTA_SERVICES_ENRICH_RAW_MESSAGE_PROCESSOR_H_
