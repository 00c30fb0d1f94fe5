#include "services/ingest/ingest_service.h"

#include <deque>
#include <future>
#include <memory>

#include "article/article_json.h"
#include "services/common/grpc_status.h"

namespace warta::services {
namespace {

const std::vector<kafka::Header>& RawHeaders() {
  static const auto* headers = new std::vector<kafka::Header>{
      {"content-type", "application/x-protobuf; messageType=warta.v1.Article"}};
  return *headers;
}

// The request's article, decoded and validated as on every other door.
absl::StatusOr<warta::v1::Article> AcceptedArticle(const warta::v1::SubmitRequest& request,
                                                   const article::ArticleLimits& limits) {
  warta::v1::Article article;
  if (!request.article_json().empty()) {
    if (request.has_article()) {
      return absl::InvalidArgumentError("send either article or article_json, not both");
    }
    auto decoded = article::ArticleFromJson(request.article_json());
    if (!decoded.ok()) return decoded.status();
    article = *std::move(decoded);
  } else {
    article = request.article();
  }
  if (absl::Status valid = article::ValidateArticle(article, limits); !valid.ok()) return valid;
  return article;
}

}  // namespace

absl::Duration IngestServiceImpl::AckTimeout(const grpc::ServerContext& context) const {
  absl::Duration left = absl::FromChrono(context.deadline()) - absl::Now();
  return std::min(options_.ack_timeout, std::max(left, absl::Milliseconds(1)));
}

grpc::Status IngestServiceImpl::Submit(grpc::ServerContext* context,
                                       const warta::v1::SubmitRequest* request,
                                       warta::v1::SubmitResponse* response) {
  auto accepted = AcceptedArticle(*request, options_.limits);
  if (!accepted.ok()) return ToGrpcStatus(accepted.status());
  const warta::v1::Article& article = *accepted;
  auto delivery = producer_->ProduceAndWait(options_.raw_topic, article.id(),
                                            article.SerializeAsString(), RawHeaders(),
                                            AckTimeout(*context));
  if (!delivery.ok()) return ToGrpcStatus(delivery.status());
  response->set_id(article.id());
  response->set_topic(options_.raw_topic);
  response->set_partition(delivery->partition);
  response->set_offset(delivery->offset);
  return grpc::Status::OK;
}

grpc::Status IngestServiceImpl::SubmitStream(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<warta::v1::SubmitResponse, warta::v1::SubmitRequest>* stream) {
  // Answers go out in request order; Kafka's acknowledgements are awaited in
  // a bounded window so a long stream is not one round trip per article.
  struct Pending {
    warta::v1::SubmitResponse response;
    std::future<kafka::Delivery> delivery;  // invalid when refused up front
  };
  std::deque<Pending> window;
  auto write_front = [&]() -> bool {
    Pending& p = window.front();
    if (p.delivery.valid()) {
      if (p.delivery.wait_for(absl::ToChronoMilliseconds(AckTimeout(*context))) !=
          std::future_status::ready) {
        p.response.set_error_code(grpc::StatusCode::DEADLINE_EXCEEDED);
        p.response.set_error_message("Kafka did not acknowledge in time; resubmit with the same id");
      } else {
        kafka::Delivery d = p.delivery.get();
        if (d.status.ok()) {
          p.response.set_partition(d.partition);
          p.response.set_offset(d.offset);
        } else {
          p.response.set_error_code(ToGrpcStatus(d.status).error_code());
          p.response.set_error_message(std::string(d.status.message()));
        }
      }
    }
    bool ok = stream->Write(p.response);
    window.pop_front();
    return ok;
  };

  warta::v1::SubmitRequest request;
  while (stream->Read(&request)) {
    Pending pending;
    auto accepted = AcceptedArticle(request, options_.limits);
    absl::Status status = accepted.status();
    warta::v1::Article article = accepted.ok() ? *std::move(accepted) : request.article();
    pending.response.set_id(article.id());
    if (status.ok()) {
      auto promise = std::make_shared<std::promise<kafka::Delivery>>();
      pending.delivery = promise->get_future();
      status = producer_->Produce(options_.raw_topic, article.id(), article.SerializeAsString(),
                                  RawHeaders(),
                                  [promise](const kafka::Delivery& d) { promise->set_value(d); });
      if (status.ok()) pending.response.set_topic(options_.raw_topic);
      else pending.delivery = {};
    }
    if (!status.ok()) {
      pending.response.set_error_code(ToGrpcStatus(status).error_code());
      pending.response.set_error_message(std::string(status.message()));
    }
    window.push_back(std::move(pending));
    while (static_cast<int>(window.size()) >= options_.max_in_flight ||
           (!window.empty() && (!window.front().delivery.valid() ||
                                window.front().delivery.wait_for(std::chrono::seconds(0)) ==
                                    std::future_status::ready))) {
      if (!write_front()) return grpc::Status(grpc::StatusCode::CANCELLED, "client went away");
    }
  }
  while (!window.empty()) {
    if (!write_front()) return grpc::Status(grpc::StatusCode::CANCELLED, "client went away");
  }
  return grpc::Status::OK;
}

}  // namespace warta::services
