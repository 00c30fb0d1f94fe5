#include "services/web/article_watch.h"

#include <utility>

namespace warta::web {

ArticleWatch::ArticleWatch(warta::v1::StoreService::StubInterface* stub,
                           warta::v1::WatchRequest request, size_t max_queued)
    : max_queued_(max_queued) {
  reader_ = std::thread([this, stub, request = std::move(request)]() mutable {
    ReadLoop(stub, std::move(request));
  });
}

ArticleWatch::~ArticleWatch() { Cancel(); }

void ArticleWatch::Cancel() {
  context_.TryCancel();
  if (reader_.joinable()) reader_.join();
}

void ArticleWatch::ReadLoop(warta::v1::StoreService::StubInterface* stub,
                            warta::v1::WatchRequest request) {
  std::unique_ptr<grpc::ClientReaderInterface<warta::v1::EnrichedArticle>> reader =
      stub->Watch(&context_, request);
  // The store sends its initial metadata once it has subscribed the call.
  reader->WaitForInitialMetadata();
  {
    absl::MutexLock lock(&mu_);
    subscribed_ = true;
  }
  warta::v1::EnrichedArticle article;
  bool overflowed = false;
  while (reader->Read(&article)) {
    absl::MutexLock lock(&mu_);
    if (queue_.size() >= max_queued_) {
      overflowed = true;
      break;
    }
    queue_.push_back(std::move(article));
  }
  if (overflowed) context_.TryCancel();
  grpc::Status finished = reader->Finish();
  absl::MutexLock lock(&mu_);
  ended_ = true;
  if (overflowed) {
    status_ = absl::ResourceExhaustedError("the browser read slower than articles arrived");
  } else {
    status_ = absl::Status(static_cast<absl::StatusCode>(finished.error_code()),
                           finished.error_message());
    // A stream that ends OK (the store shutting down) still ended.
    if (status_.ok()) status_ = absl::UnavailableError("the store ended the watch");
  }
}

bool ArticleWatch::WaitSubscribed(absl::Duration timeout) {
  absl::MutexLock lock(&mu_);
  auto done = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) { return subscribed_ || ended_; };
  mu_.AwaitWithTimeout(absl::Condition(&done), timeout);
  // A call that failed at once (store down) also gets past its initial
  // metadata, and then ends.
  return subscribed_ && !ended_;
}

ArticleWatch::Next ArticleWatch::Take(absl::Duration timeout) {
  absl::MutexLock lock(&mu_);
  auto ready = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) { return !queue_.empty() || ended_; };
  mu_.AwaitWithTimeout(absl::Condition(&ready), timeout);
  Next next;
  if (!queue_.empty()) {
    next.article = std::move(queue_.front());
    queue_.pop_front();
  } else {
    next.ended = ended_;
  }
  return next;
}

absl::Status ArticleWatch::status() const {
  absl::MutexLock lock(&mu_);
  return status_;
}

}  // namespace warta::web
