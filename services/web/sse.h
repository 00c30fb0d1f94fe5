// Server-Sent Events (the text/event-stream format browsers' EventSource
// reads) for warta-web's /api/events: formatting events, heartbeats and the
// reconnect delay; the resume point a reconnecting browser asks for through
// Last-Event-ID; and the bound on how many live clients are served at once.
//
// Formatting functions are pure. SseSlots is thread-safe.
#ifndef WARTA_SERVICES_WEB_SSE_H_
#define WARTA_SERVICES_WEB_SSE_H_

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/time/time.h"

namespace warta::web {

// One event: "id: <id>\nevent: <type>\ndata: <line>\n…\n\n". Every line of
// `data` becomes its own data: field (the browser joins them with '\n'); an
// empty `id` or `type` is left out. '\r' and '\n' inside id or type, which
// would end the field early, are dropped.
std::string SseEvent(std::string_view type, std::string_view id, std::string_view data);

// A comment line (": <text>\n\n"): browsers ignore it, proxies and the
// server see the connection is alive. Used as the heartbeat.
std::string SseComment(std::string_view text);

// "retry: <ms>\n\n": how long the browser waits before reconnecting.
std::string SseRetry(absl::Duration delay);

// Event ids are the time warta-web forwarded the article (microseconds since
// the epoch), so a browser that reconnects with Last-Event-ID resumes from
// there.
std::string SseEventId(absl::Time forwarded_at);

// Where to resume a Watch for a browser that sent `last_event_id`: that
// time minus `margin` (the store stamps articles a little before warta-web
// forwards them, so the margin re-sends rather than loses; the page drops
// articles it already has). nullopt for an empty or malformed id: the watch
// starts from now.
std::optional<absl::Time> ResumeTime(std::string_view last_event_id, absl::Duration margin);

// A fixed number of live-client slots. TryAcquire returns a slot, released
// when the last copy of the returned pointer goes, or nullptr when all are
// taken.
class SseSlots {
 public:
  explicit SseSlots(int capacity) : capacity_(capacity) {}
  SseSlots(const SseSlots&) = delete;
  SseSlots& operator=(const SseSlots&) = delete;

  std::shared_ptr<void> TryAcquire();
  int in_use() const { return in_use_.load(); }
  int capacity() const { return capacity_; }

 private:
  const int capacity_;
  std::atomic<int> in_use_{0};
};

}  // namespace warta::web

#endif  // WARTA_SERVICES_WEB_SSE_H_
