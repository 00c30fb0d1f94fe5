// warta-ingest: gRPC IngestService in front of the articles.raw topic.
#include <cstdlib>

#include "common/flags.h"
#include "common/logging.h"
#include "common/shutdown.h"
#include "kafka/producer.h"
#include "services/common/grpc_server.h"
#include "services/common/message_metrics.h"
#include "services/common/metrics_server.h"
#include "services/ingest/ingest_service.h"

int main(int argc, char** argv) {
  using namespace warta;
  SetLogProgramName("warta-ingest");
  std::string brokers = "127.0.0.1:9092", listen = "0.0.0.0:50051", port_file;
  std::string raw_topic = "articles.raw", client_id = "warta-ingest";
  int max_body_bytes = 256 * 1024, shutdown_grace_s = 10, linger_ms = 5;
  services::MetricsServerOptions metrics_options;  // off unless --metrics_listen
  services::ServerTlsOptions tls;
  kafka::SecurityOptions kafka_security;
  FlagSet flags("warta-ingest [flags]",
                "Accepts articles over gRPC (warta.v1.IngestService), validates them and puts\n"
                "them on the raw Kafka topic keyed by article id; answers after Kafka acknowledged.");
  flags.String("brokers", &brokers, "Kafka bootstrap servers (host:port,...)");
  flags.String("raw_topic", &raw_topic, "topic articles are produced to");
  flags.String("listen", &listen, "gRPC listen address host:port (port 0 picks a free one)");
  flags.String("port_file", &port_file, "write the bound gRPC port to this file once listening");
  services::RegisterMetricsFlags(flags, &metrics_options);
  flags.String("client_id", &client_id, "Kafka client id");
  flags.Int("max_body_bytes", &max_body_bytes, "largest accepted article body in bytes");
  flags.Int("linger_ms", &linger_ms,
            "how long an article waits for others to share its Kafka request (linger.ms)");
  flags.Int("shutdown_grace_s", &shutdown_grace_s, "seconds in-flight calls get on SIGTERM");
  services::RegisterServerTlsFlags(flags, &tls);
  kafka::RegisterSecurityFlags(flags, &kafka_security);
  if (!flags.ParseOrExit(argc, argv).empty()) {
    std::fputs("warta-ingest takes no positional arguments (see --help)\n", stderr);
    return 2;
  }
  InstallShutdownSignalHandlers();

  auto metrics = services::MetricsServer::Start(metrics_options);
  if (!metrics.ok()) {
    LogError(metrics.status().message());
    return 1;
  }
  auto producer = kafka::Producer::Create({.brokers = brokers,
                                           .client_id = client_id,
                                           .security = kafka_security,
                                           .linger_ms = linger_ms,
                                           .on_outcome = services::CountProducedMessages()});
  if (!producer.ok()) {
    LogError(producer.status().message());
    return 1;
  }
  services::IngestOptions options;
  options.raw_topic = raw_topic;
  options.limits.max_body_bytes = max_body_bytes;
  services::IngestServiceImpl service(producer->get(), options);
  auto server = services::GrpcServer::Start(listen, {&service}, port_file, tls);
  if (!server.ok()) {
    LogError(server.status().message());
    return 1;
  }
  while (!ShutdownRequested()) absl::SleepFor(absl::Milliseconds(100));
  LogInfo("SIGTERM: draining in-flight calls");
  (*server)->Shutdown(absl::Seconds(shutdown_grace_s));
  int left = (*producer)->Flush(absl::Seconds(shutdown_grace_s));
  if (left > 0) LogError(left, " message(s) not acknowledged by Kafka at exit");
  producer->reset();
  LogInfo("stopped");
  return left > 0 ? 1 : 0;
}
