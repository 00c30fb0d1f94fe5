#include "services/common/dead_letter.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/logging.h"

namespace warta::services {

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
    : producer_(producer), topic_(std::move(topic)) {}

absl::Status DeadLetterSender::Send(const kafka::Message& message, const absl::Status& reason) {
  ++count_;
  LogWarning("dead letter ", message.topic, "/", message.partition, "@", message.offset, ": ",
             reason.message());
  if (producer_ == nullptr) return absl::OkStatus();
  return producer_->Produce(topic_, message.key, message.value, DeadLetterHeaders(message, reason),
                            [failures = failures_](const kafka::Delivery& d) {
                              if (!d.status.ok()) failures->fetch_add(1);
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
