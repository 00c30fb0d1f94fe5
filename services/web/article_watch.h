// One browser's StoreService.Watch call: a thread reads the stream into a
// bounded queue that the event-stream writer takes from with a timeout (so
// it can send heartbeats in between). Cancel() (also run by the destructor)
// cancels the gRPC call and joins the thread: a browser that goes away
// leaves no Watch behind at the store.
//
// Thread-safe: one reader thread inside, any number of callers outside.
#ifndef WARTA_SERVICES_WEB_ARTICLE_WATCH_H_
#define WARTA_SERVICES_WEB_ARTICLE_WATCH_H_

#include <deque>
#include <memory>
#include <optional>
#include <thread>

#include <grpcpp/grpcpp.h>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "warta/v1/services.grpc.pb.h"

namespace warta::web {

class ArticleWatch {
 public:
  // Starts Watch(request) on `stub`, which must outlive this object.
  // A browser that reads slower than articles arrive ends its stream once
  // `max_queued` wait (it reconnects and resumes from its last event).
  ArticleWatch(warta::v1::StoreService::StubInterface* stub, warta::v1::WatchRequest request,
               size_t max_queued = 1000);
  ~ArticleWatch();
  ArticleWatch(const ArticleWatch&) = delete;
  ArticleWatch& operator=(const ArticleWatch&) = delete;

  // Waits until the store has subscribed the call (so nothing stored from
  // then on is missed) or it failed. True when subscribed.
  bool WaitSubscribed(absl::Duration timeout);

  struct Next {
    std::optional<warta::v1::EnrichedArticle> article;  // set: the next article
    bool ended = false;  // the stream is over (see status())
  };
  // The next article, or neither when `timeout` passes first.
  Next Take(absl::Duration timeout);

  // Why the stream ended: the Watch call's status, RESOURCE_EXHAUSTED when
  // the queue overflowed. OK while it runs.
  absl::Status status() const;

  void Cancel();

 private:
  void ReadLoop(warta::v1::StoreService::StubInterface* stub, warta::v1::WatchRequest request);

  const size_t max_queued_;
  grpc::ClientContext context_;
  mutable absl::Mutex mu_;
  std::deque<warta::v1::EnrichedArticle> queue_ ABSL_GUARDED_BY(mu_);
  bool subscribed_ ABSL_GUARDED_BY(mu_) = false;
  bool ended_ ABSL_GUARDED_BY(mu_) = false;
  absl::Status status_ ABSL_GUARDED_BY(mu_);
  std::thread reader_;
};

}  // namespace warta::web

#endif  // WARTA_SERVICES_WEB_ARTICLE_WATCH_H_
