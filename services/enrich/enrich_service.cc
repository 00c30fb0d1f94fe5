#include "services/enrich/enrich_service.h"

#include "services/common/grpc_status.h"

namespace warta::services {

absl::Status EnrichServiceImpl::EnrichOne(const warta::v1::Article& input,
                                          warta::v1::EnrichResponse* out) const {
  warta::v1::Article article = input;
  if (absl::Status valid = article::ValidateArticle(article, limits_); !valid.ok()) return valid;
  auto enriched = pipeline_->Enrich(article, absl::Now());
  if (!enriched.ok()) return enriched.status();
  *out->mutable_enriched() = std::move(*enriched);
  return absl::OkStatus();
}

grpc::Status EnrichServiceImpl::Enrich(grpc::ServerContext* context,
                                       const warta::v1::EnrichRequest* request,
                                       warta::v1::EnrichResponse* response) {
  if (context->IsCancelled()) return grpc::Status(grpc::StatusCode::CANCELLED, "cancelled");
  return ToGrpcStatus(EnrichOne(request->article(), response));
}

grpc::Status EnrichServiceImpl::EnrichStream(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<warta::v1::EnrichResponse, warta::v1::EnrichRequest>* stream) {
  warta::v1::EnrichRequest request;
  while (stream->Read(&request)) {
    if (context->IsCancelled()) return grpc::Status(grpc::StatusCode::CANCELLED, "cancelled");
    warta::v1::EnrichResponse response;
    if (absl::Status s = EnrichOne(request.article(), &response); !s.ok()) {
      response.set_error_code(static_cast<int>(s.code()));
      response.set_error_message(std::string(s.message()));
    }
    if (!stream->Write(response)) {
      return grpc::Status(grpc::StatusCode::CANCELLED, "client went away");
    }
  }
  return grpc::Status::OK;
}

}  // namespace warta::services
