// The core of warta-enrich's Kafka loop, without Kafka: one raw message in,
// either an enriched article to publish or a dead letter with its reason.
// Thread-safe (const).
#ifndef WARTA_SERVICES_ENRICH_RAW_MESSAGE_PROCESSOR_H_
#define WARTA_SERVICES_ENRICH_RAW_MESSAGE_PROCESSOR_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "article/article_validation.h"
#include "enrichment/pipeline.h"
#include "kafka/message.h"
#include "services/common/dead_letter.h"

namespace warta::services {

struct Outcome {
  enum class Kind { kEnriched, kDeadLetter };
  Kind kind = Kind::kEnriched;
  // kEnriched: what to publish.
  std::string key;    // the article id
  std::string value;  // binary warta.v1.EnrichedArticle
  std::vector<kafka::Header> headers;
  // kDeadLetter: why (the message goes on unchanged, services/common/dead_letter.h).
  DeadLetterKind dead_letter_kind = DeadLetterKind::kInvalid;
  absl::Status dead_letter_reason;
};

class RawMessageProcessor {
 public:
  // `pipeline` must outlive the processor.
  RawMessageProcessor(const enrichment::Pipeline* pipeline, article::ArticleLimits limits = {})
      : pipeline_(pipeline), limits_(limits) {}

  Outcome Process(const kafka::Message& message, absl::Time now) const;

 private:
  const enrichment::Pipeline* pipeline_;
  article::ArticleLimits limits_;
};

}  // namespace warta::services

#endif  // WARTA_SERVICES_ENRICH_RAW_MESSAGE_PROCESSOR_H_
