#include "services/web/sse.h"

#include <cstdint>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"

namespace warta::web {
namespace {

std::string SingleLine(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != '\r' && c != '\n') out.push_back(c);
  }
  return out;
}

}  // namespace

std::string SseEvent(std::string_view type, std::string_view id, std::string_view data) {
  std::string out;
  if (!id.empty()) absl::StrAppend(&out, "id: ", SingleLine(id), "\n");
  if (!type.empty()) absl::StrAppend(&out, "event: ", SingleLine(type), "\n");
  // "\r\n", "\r" and "\n" all end a line in the format.
  std::string normalized(data);
  absl::StrReplaceAll({{"\r\n", "\n"}, {"\r", "\n"}}, &normalized);
  for (absl::string_view line : absl::StrSplit(normalized, '\n')) {
    absl::StrAppend(&out, "data: ", line, "\n");
  }
  out += "\n";
  return out;
}

std::string SseComment(std::string_view text) {
  return absl::StrCat(": ", SingleLine(text), "\n\n");
}

std::string SseRetry(absl::Duration delay) {
  return absl::StrCat("retry: ", absl::ToInt64Milliseconds(delay), "\n\n");
}

std::string SseEventId(absl::Time forwarded_at) {
  return absl::StrCat(absl::ToUnixMicros(forwarded_at));
}

std::optional<absl::Time> ResumeTime(std::string_view last_event_id, absl::Duration margin) {
  int64_t micros = 0;
  if (last_event_id.empty() ||
      !absl::SimpleAtoi(absl::string_view(last_event_id.data(), last_event_id.size()), &micros) ||
      micros <= 0) {
    return std::nullopt;
  }
  return absl::FromUnixMicros(micros) - margin;
}

std::shared_ptr<void> SseSlots::TryAcquire() {
  int used = in_use_.load();
  do {
    if (used >= capacity_) return nullptr;
  } while (!in_use_.compare_exchange_weak(used, used + 1));
  return std::shared_ptr<void>(this, [](SseSlots* slots) { --slots->in_use_; });
}

}  // namespace warta::web
