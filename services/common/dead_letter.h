// The headers every dead letter carries, whichever service sends it: the
// original headers plus why (warta.dlq.reason, warta.dlq.code) and where it
// came from (warta.dlq.topic, warta.dlq.partition, warta.dlq.offset).
#ifndef WARTA_SERVICES_COMMON_DEAD_LETTER_H_
#define WARTA_SERVICES_COMMON_DEAD_LETTER_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "kafka/message.h"

namespace warta::services {

inline std::vector<kafka::Header> DeadLetterHeaders(const kafka::Message& message,
                                                    const absl::Status& reason) {
  std::vector<kafka::Header> headers = message.headers;
  headers.push_back({"warta.dlq.reason", std::string(reason.message())});
  headers.push_back({"warta.dlq.code", absl::StatusCodeToString(reason.code())});
  headers.push_back({"warta.dlq.topic", message.topic});
  headers.push_back({"warta.dlq.partition", absl::StrCat(message.partition)});
  headers.push_back({"warta.dlq.offset", absl::StrCat(message.offset)});
  return headers;
}

}  // namespace warta::services

#endif  // WARTA_SERVICES_COMMON_DEAD_LETTER_H_
