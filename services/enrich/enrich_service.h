// EnrichService: the enrichment pipeline over gRPC, synchronously, without
// Kafka. A thin adapter: validate, enrich, encode. Thread-safe.
#ifndef WARTA_SERVICES_ENRICH_ENRICH_SERVICE_H_
#define WARTA_SERVICES_ENRICH_ENRICH_SERVICE_H_

#include "article/article_validation.h"
#include "enrichment/pipeline.h"
#include "warta/v1/services.grpc.pb.h"

namespace warta::services {

class EnrichServiceImpl final : public warta::v1::EnrichService::Service {
 public:
  // `pipeline` must outlive the service.
  explicit EnrichServiceImpl(const enrichment::Pipeline* pipeline,
                             article::ArticleLimits limits = {})
      : pipeline_(pipeline), limits_(limits) {}

  grpc::Status Enrich(grpc::ServerContext* context, const warta::v1::EnrichRequest* request,
                      warta::v1::EnrichResponse* response) override;
  grpc::Status EnrichStream(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<warta::v1::EnrichResponse, warta::v1::EnrichRequest>* stream)
      override;

 private:
  absl::Status EnrichOne(const warta::v1::Article& article, warta::v1::EnrichResponse* out) const;

  const enrichment::Pipeline* pipeline_;
  article::ArticleLimits limits_;
};

}  // namespace warta::services

#endif  // WARTA_SERVICES_ENRICH_ENRICH_SERVICE_H_
