// StoreServiceImpl: the gRPC StoreService (warta/v1/services.proto) over an
// ArticleStore. Each RPC decodes its request, calls the store and encodes
// the answer; statuses map through warta::ToGrpcStatus
// (services/common/grpc_status.h).
//
// Watch streams every article stored after the call started (and, with
// `since`, those stored after that time) that matches the filter. It sends
// the initial metadata as soon as it is subscribed, so a client that waits
// for it (ClientReader::WaitForInitialMetadata) misses nothing stored after.
// A watch ends when the client cancels (noticed within kCancelPoll), its
// deadline passes (DEADLINE_EXCEEDED), or Shutdown() is called (OK).
//
// Thread-safe; does not own the store, which must outlive the service.
// Call Shutdown() before grpc::Server::Shutdown() so that open watches end
// at once and the server drains quickly.
#ifndef WARTA_SERVICES_STORE_STORE_SERVICE_H_
#define WARTA_SERVICES_STORE_STORE_SERVICE_H_

#include <atomic>

#include "absl/time/time.h"
#include "storage/store.h"
#include "warta/v1/services.grpc.pb.h"

namespace warta::services {

class StoreServiceImpl final : public warta::v1::StoreService::Service {
 public:
  // How often a waiting Watch checks whether its client has gone: the sync
  // gRPC API has no cancellation callback.
  static constexpr absl::Duration kCancelPoll = absl::Milliseconds(200);

  explicit StoreServiceImpl(storage::ArticleStore* store) : store_(store) {}

  // Ends all open and future Watch calls promptly.
  void Shutdown();

  grpc::Status GetArticle(grpc::ServerContext* context,
                          const warta::v1::GetArticleRequest* request,
                          warta::v1::EnrichedArticle* response) override;
  grpc::Status ListArticles(grpc::ServerContext* context,
                            const warta::v1::ListArticlesRequest* request,
                            warta::v1::ListArticlesResponse* response) override;
  grpc::Status ListClaims(grpc::ServerContext* context,
                          const warta::v1::ListClaimsRequest* request,
                          warta::v1::ListClaimsResponse* response) override;
  grpc::Status ListContestedClaims(
      grpc::ServerContext* context,
      const warta::v1::ListContestedClaimsRequest* request,
      warta::v1::ListContestedClaimsResponse* response) override;
  grpc::Status ListStories(grpc::ServerContext* context,
                           const warta::v1::ListStoriesRequest* request,
                           warta::v1::ListStoriesResponse* response) override;
  grpc::Status GetStory(grpc::ServerContext* context, const warta::v1::GetStoryRequest* request,
                        warta::v1::Story* response) override;
  grpc::Status ListEntities(grpc::ServerContext* context,
                            const warta::v1::ListEntitiesRequest* request,
                            warta::v1::ListEntitiesResponse* response) override;
  grpc::Status GetEntity(grpc::ServerContext* context, const warta::v1::GetEntityRequest* request,
                         warta::v1::EntityDetail* response) override;
  grpc::Status SearchArticles(grpc::ServerContext* context,
                              const warta::v1::SearchArticlesRequest* request,
                              warta::v1::SearchArticlesResponse* response) override;
  grpc::Status Watch(grpc::ServerContext* context,
                     const warta::v1::WatchRequest* request,
                     grpc::ServerWriter<warta::v1::EnrichedArticle>* writer) override;

 private:
  storage::ArticleStore* const store_;
  std::atomic<bool> shutting_down_{false};
};

}  // namespace warta::services

#endif  // WARTA_SERVICES_STORE_STORE_SERVICE_H_
