#include "services/enrich/raw_message_processor.h"

namespace warta::services {
namespace {

Outcome DeadLetter(DeadLetterKind kind, absl::Status reason) {
  Outcome out;
  out.kind = Outcome::Kind::kDeadLetter;
  out.dead_letter_kind = kind;
  out.dead_letter_reason = std::move(reason);
  return out;
}

}  // namespace

Outcome RawMessageProcessor::Process(const kafka::Message& message, absl::Time now) const {
  auto article = article::DecodeArticle(message.value);
  if (!article.ok()) return DeadLetter(DeadLetterKind::kUndecodable, article.status());
  // A message key is the article id when the article carries none.
  if (article->id().empty() && !message.key.empty()) article->set_id(message.key);
  if (absl::Status valid = article::ValidateArticle(*article, limits_); !valid.ok()) {
    return DeadLetter(DeadLetterKind::kInvalid, valid);
  }
  auto enriched = pipeline_->Enrich(*article, now);
  if (!enriched.ok()) return DeadLetter(DeadLetterKind::kEnrichmentFailed, enriched.status());
  Outcome out;
  out.key = article->id();
  out.value = enriched->SerializeAsString();
  out.headers = {{"content-type", "application/x-protobuf; messageType=warta.v1.EnrichedArticle"}};
  return out;
}

}  // namespace warta::services
