#include "services/store/stored_message_processor.h"

#include <utility>

#include "services/common/consume_loop.h"

namespace warta::services {
namespace {

StoredOutcome DeadLetter(DeadLetterKind kind, const char* reason) {
  StoredOutcome out;
  out.kind = StoredOutcome::Kind::kDeadLetter;
  out.dead_letter_kind = kind;
  out.dead_letter_reason = absl::InvalidArgumentError(reason);
  return out;
}

}  // namespace

StoredOutcome StoredMessageProcessor::Process(const kafka::Message& message) const {
  StoredOutcome out;
  if (!out.article.ParseFromString(message.value)) {
    return DeadLetter(DeadLetterKind::kUndecodable, "not a binary warta.v1.EnrichedArticle");
  }
  if (out.article.article().id().empty()) {
    return DeadLetter(DeadLetterKind::kInvalid, "enriched article without article.id");
  }
  return out;
}

StoreBatch StoredMessageProcessor::ProcessBatch(const std::vector<kafka::Message>& batch) const {
  StoreBatch out;
  out.articles.reserve(batch.size());
  for (const kafka::Message& message : batch) {
    StoredOutcome outcome = Process(message);
    if (outcome.kind == StoredOutcome::Kind::kStore) {
      out.articles.push_back(std::move(outcome.article));
    } else {
      out.dead_letters.push_back(
          {&message, outcome.dead_letter_kind, std::move(outcome.dead_letter_reason)});
    }
  }
  for (const kafka::PartitionOffset& o : NextOffsets(batch)) {
    out.offsets.push_back({o.topic, o.partition, o.offset});
  }
  return out;
}

}  // namespace warta::services
