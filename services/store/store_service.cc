#include "services/store/store_service.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <utility>

#include "services/common/grpc_status.h"
#include "storage/article_keys.h"

namespace warta::services {
namespace {

using storage::Change;
using storage::ClaimFilter;
using storage::MatchesFilter;
using storage::TimestampToNanos;

// Changes read per store call while catching up.
constexpr int kWatchBatch = 100;

template <typename T>
grpc::Status Respond(absl::StatusOr<T> result, T* response) {
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

absl::Time CallDeadline(const grpc::ServerContext& context) {
  const auto remaining = context.deadline() - std::chrono::system_clock::now();
  // gRPC reports "no deadline" as a far-future time point.
  if (remaining > std::chrono::hours(24 * 365 * 100)) return absl::InfiniteFuture();
  return absl::Now() + absl::FromChrono(
                           std::chrono::duration_cast<std::chrono::nanoseconds>(remaining));
}

}  // namespace

void StoreServiceImpl::Shutdown() {
  shutting_down_ = true;
  store_->StopWatchers();
}

grpc::Status StoreServiceImpl::GetArticle(grpc::ServerContext*,
                                          const warta::v1::GetArticleRequest* request,
                                          warta::v1::EnrichedArticle* response) {
  return Respond(store_->GetArticle(request->id()), response);
}

grpc::Status StoreServiceImpl::ListArticles(grpc::ServerContext*,
                                            const warta::v1::ListArticlesRequest* request,
                                            warta::v1::ListArticlesResponse* response) {
  return Respond(store_->ListArticles(request->filter(), request->page_size(),
                                      request->page_token()),
                 response);
}

grpc::Status StoreServiceImpl::ListClaims(grpc::ServerContext*,
                                          const warta::v1::ListClaimsRequest* request,
                                          warta::v1::ListClaimsResponse* response) {
  ClaimFilter filter{request->article_id(), request->speaker_entity_id(),
                     request->entity_id()};
  return Respond(store_->ListClaims(filter, request->page_size(), request->page_token()),
                 response);
}

grpc::Status StoreServiceImpl::ListContestedClaims(
    grpc::ServerContext*, const warta::v1::ListContestedClaimsRequest* request,
    warta::v1::ListContestedClaimsResponse* response) {
  return Respond(store_->ListContestedClaims(request->entity_id(), request->window_days(),
                                             request->page_size(), request->page_token()),
                 response);
}

grpc::Status StoreServiceImpl::ListStories(grpc::ServerContext*,
                                           const warta::v1::ListStoriesRequest* request,
                                           warta::v1::ListStoriesResponse* response) {
  return Respond(store_->ListStories(*request), response);
}

grpc::Status StoreServiceImpl::GetStory(grpc::ServerContext*,
                                        const warta::v1::GetStoryRequest* request,
                                        warta::v1::Story* response) {
  return Respond(store_->GetStory(request->id()), response);
}

grpc::Status StoreServiceImpl::ListEntities(grpc::ServerContext*,
                                            const warta::v1::ListEntitiesRequest* request,
                                            warta::v1::ListEntitiesResponse* response) {
  return Respond(store_->ListEntities(*request), response);
}

grpc::Status StoreServiceImpl::GetEntity(grpc::ServerContext*,
                                         const warta::v1::GetEntityRequest* request,
                                         warta::v1::EntityDetail* response) {
  return Respond(store_->GetEntity(request->id()), response);
}

grpc::Status StoreServiceImpl::SearchArticles(grpc::ServerContext*,
                                              const warta::v1::SearchArticlesRequest* request,
                                              warta::v1::SearchArticlesResponse* response) {
  return Respond(store_->SearchArticles(*request), response);
}

grpc::Status StoreServiceImpl::Watch(grpc::ServerContext* context,
                                     const warta::v1::WatchRequest* request,
                                     grpc::ServerWriter<warta::v1::EnrichedArticle>* writer) {
  std::optional<absl::Time> since;
  absl::StatusOr<int64_t> cursor;
  if (request->has_since()) {
    since = absl::FromUnixNanos(TimestampToNanos(request->since()));
    cursor = store_->SeqAtTime(*since);
  } else {
    cursor = store_->LatestSeq();
  }
  if (!cursor.ok()) return ToGrpcStatus(cursor.status());
  int64_t seen = *cursor;
  // Subscribed: tell the client, so it can rely on seeing what comes next.
  writer->SendInitialMetadata();

  const absl::Time deadline = CallDeadline(*context);
  while (true) {
    if (shutting_down_) return grpc::Status::OK;
    if (context->IsCancelled()) return grpc::Status::CANCELLED;
    absl::StatusOr<std::vector<Change>> changes = store_->ChangesSince(seen, kWatchBatch);
    if (!changes.ok()) return ToGrpcStatus(changes.status());
    for (const Change& change : *changes) {
      seen = change.seq;
      if (since && change.stored_at <= *since) continue;
      if (!MatchesFilter(change.article, request->filter())) continue;
      if (!writer->Write(change.article)) return grpc::Status::CANCELLED;  // client gone
    }
    if (!changes->empty()) continue;
    const absl::Time now = absl::Now();
    if (now >= deadline) {
      return grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "watch deadline reached");
    }
    store_->WaitForChange(seen, std::min(deadline, now + kCancelPoll));
  }
}

}  // namespace warta::services
