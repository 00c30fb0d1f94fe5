// The core of warta-store's Kafka loop, without Kafka or a database: a
// batch of articles.enriched messages in; the articles to upsert, the dead
// letters with their reasons, and the offsets to keep with the rows out.
// The mirror of warta-enrich's RawMessageProcessor. Thread-safe (stateless).
#ifndef WARTA_SERVICES_STORE_STORED_MESSAGE_PROCESSOR_H_
#define WARTA_SERVICES_STORE_STORED_MESSAGE_PROCESSOR_H_

#include <vector>

#include "absl/status/status.h"
#include "kafka/message.h"
#include "services/common/dead_letter.h"
#include "storage/store.h"
#include "warta/v1/article.pb.h"

namespace warta::services {

struct StoredOutcome {
  enum class Kind { kStore, kDeadLetter };
  Kind kind = Kind::kStore;
  warta::v1::EnrichedArticle article;  // kStore
  // kDeadLetter: undecodable or invalid; INVALID_ARGUMENT, why.
  DeadLetterKind dead_letter_kind = DeadLetterKind::kInvalid;
  absl::Status dead_letter_reason;
};

struct StoreDeadLetter {
  const kafka::Message* message;  // points into the batch
  DeadLetterKind kind;
  absl::Status reason;
};

struct StoreBatch {
  std::vector<warta::v1::EnrichedArticle> articles;
  std::vector<StoreDeadLetter> dead_letters;
  // Per partition one past the last message, dead letters included: they
  // are done with too.
  std::vector<storage::ConsumedOffset> offsets;
};

class StoredMessageProcessor {
 public:
  // A binary warta.v1.EnrichedArticle with an article id is stored; anything
  // else is a dead letter.
  StoredOutcome Process(const kafka::Message& message) const;

  // `batch` must outlive the result (dead letters point into it).
  StoreBatch ProcessBatch(const std::vector<kafka::Message>& batch) const;
};

}  // namespace warta::services

#endif  // WARTA_SERVICES_STORE_STORED_MESSAGE_PROCESSOR_H_
