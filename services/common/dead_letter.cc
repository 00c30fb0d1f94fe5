#include "services/common/dead_letter.h"

#include <array>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/logging.h"
#include "services/common/message_metrics.h"

namespace warta::services {
namespace {

constexpr std::array<DeadLetterKind, 3> kKinds = {
    DeadLetterKind::kUndecodable, DeadLetterKind::kInvalid, DeadLetterKind::kEnrichmentFailed};

// One counter per kind, all registered (at 0) with the first sender.
prometheus::Counter& DeadLettered(DeadLetterKind kind) {
  static const auto* counters = [] {
    auto* out = new std::array<prometheus::Counter*, kKinds.size()>();
    for (DeadLetterKind k : kKinds) {
      (*out)[static_cast<int>(k)] = &MessageMetrics::Get().dead_lettered.Add(
          {{"reason", std::string(DeadLetterKindName(k))}});
    }
    return out;
  }();
  return *(*counters)[static_cast<int>(kind)];
}

}  // namespace

std::string_view DeadLetterKindName(DeadLetterKind kind) {
  switch (kind) {
    case DeadLetterKind::kUndecodable: return "undecodable";
    case DeadLetterKind::kInvalid: return "invalid";
    case DeadLetterKind::kEnrichmentFailed: return "enrichment_failed";
  }
  return "unknown";
}

std::vector<kafka::Header> DeadLetterHeaders(const kafka::Message& message,
                                             const absl::Status& reason) {
  std::vector<kafka::Header> headers = message.headers;
  headers.push_back({"warta.dlq.reason", std::string(reason.message())});
  headers.push_back({"warta.dlq.code", absl::StatusCodeToString(reason.code())});
  headers.push_back({"warta.dlq.topic", message.topic});
  headers.push_back({"warta.dlq.partition", absl::StrCat(message.partition)});
  headers.push_back({"warta.dlq.offset", absl::StrCat(message.offset)});
  return headers;
}

DeadLetterSender::DeadLetterSender(kafka::Producer* producer, std::string topic)
    : producer_(producer), topic_(std::move(topic)) {
  DeadLettered(DeadLetterKind::kUndecodable);  // registers every kind's counter
}

absl::Status DeadLetterSender::Send(const kafka::Message& message, DeadLetterKind kind,
                                    const absl::Status& reason) {
  ++count_;
  LogWarning("dead letter (", std::string(DeadLetterKindName(kind)), ") ", message.topic, "/",
             message.partition, "@", message.offset, ": ", reason.message());
  prometheus::Counter& counter = DeadLettered(kind);
  if (producer_ == nullptr) {
    counter.Increment();
    return absl::OkStatus();
  }
  return producer_->Produce(topic_, message.key, message.value, DeadLetterHeaders(message, reason),
                            [failures = failures_, &counter](const kafka::Delivery& d) {
                              if (d.status.ok()) {
                                counter.Increment();
                              } else {
                                failures->fetch_add(1);
                              }
                            });
}

absl::Status DeadLetterSender::Acknowledged(absl::Duration timeout) {
  if (producer_ == nullptr || count_ == 0) return absl::OkStatus();
  if (int left = producer_->Flush(timeout); left > 0) {
    return absl::UnavailableError(absl::StrCat(left, " output(s) not acknowledged"));
  }
  if (int failed = failures_->load(); failed > 0) {
    return absl::UnavailableError(absl::StrCat(failed, " dead letter(s) refused by Kafka"));
  }
  return absl::OkStatus();
}

}  // namespace warta::services
