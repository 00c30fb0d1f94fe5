// IngestService: validates articles and puts them on the raw topic, keyed by
// article id, answering only once Kafka acknowledged them. A thin adapter
// over article validation and the Kafka producer. Thread-safe.
#ifndef WARTA_SERVICES_INGEST_INGEST_SERVICE_H_
#define WARTA_SERVICES_INGEST_INGEST_SERVICE_H_

#include <string>

#include "absl/time/time.h"
#include "article/article_validation.h"
#include "kafka/producer.h"
#include "warta/v1/services.grpc.pb.h"

namespace warta::services {

struct IngestOptions {
  std::string raw_topic = "articles.raw";
  article::ArticleLimits limits;
  // Longest wait for Kafka's acknowledgement when the call has no deadline.
  absl::Duration ack_timeout = absl::Seconds(30);
  // SubmitStream keeps at most this many articles waiting for Kafka.
  int max_in_flight = 256;
};

class IngestServiceImpl final : public warta::v1::IngestService::Service {
 public:
  // `producer` must outlive the service.
  IngestServiceImpl(kafka::Producer* producer, IngestOptions options)
      : producer_(producer), options_(std::move(options)) {}

  grpc::Status Submit(grpc::ServerContext* context, const warta::v1::SubmitRequest* request,
                      warta::v1::SubmitResponse* response) override;
  grpc::Status SubmitStream(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<warta::v1::SubmitResponse, warta::v1::SubmitRequest>* stream)
      override;

 private:
  absl::Duration AckTimeout(const grpc::ServerContext& context) const;

  kafka::Producer* producer_;
  IngestOptions options_;
};

}  // namespace warta::services

#endif  // WARTA_SERVICES_INGEST_INGEST_SERVICE_H_
