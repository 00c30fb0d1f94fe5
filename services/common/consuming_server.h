// The life of a service that consumes Kafka and serves gRPC (warta-enrich,
// warta-store), after main() has read its flags: start the metrics and gRPC
// servers, create the producer and the group consumer (both reporting to
// the metrics), run the service's loop until SIGTERM, then leave the group,
// flush, drain gRPC and report an exit code.
#ifndef WARTA_SERVICES_COMMON_CONSUMING_SERVER_H_
#define WARTA_SERVICES_COMMON_CONSUMING_SERVER_H_

#include <functional>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/status/status.h"
#include "common/flags.h"
#include "kafka/consumer.h"
#include "kafka/message_source.h"
#include "kafka/producer.h"
#include "services/common/consume_loop.h"
#include "services/common/metrics_server.h"
#include "services/common/grpc_tls.h"

namespace warta::services {

struct ConsumingServerOptions {
  std::string listen;
  std::string port_file;
  MetricsServerOptions metrics;
  int shutdown_grace_s = 10;
  ServerTlsOptions tls;  // plaintext unless certificate files are named
  // false: serve gRPC only, no Kafka.
  bool consume = true;
  // brokers, group, topics, starting offsets, security (the producer's too)
  kafka::ConsumerOptions consumer;
  // Non-empty: exactly-once mode. The producer is transactional with this id
  // and the loop's source commits each batch's outputs and offsets in one
  // Kafka transaction (kafka/transactional_source.h).
  std::string transactional_id;
  // The producer's linger.ms (kafka::ProducerOptions::linger_ms).
  int linger_ms = 5;
  // Runs until ShutdownRequested(); an error makes the exit code 1.
  std::function<absl::Status(kafka::MessageSource&, kafka::Producer&)> loop;
  // Called before the gRPC server drains (e.g. to end open streams).
  std::function<void()> before_grpc_shutdown;
};

// Registers the flags every consuming server has (--brokers, --group_id,
// --client_id, --listen, --port_file, --metrics_listen, --metrics_port_file,
// --shutdown_grace_s, --consume, --max_batch, --crash_before_commit_batch,
// the gRPC TLS flags and the Kafka security flags) on the given fields;
// their current values are the defaults.
void RegisterConsumingServerFlags(FlagSet& flags, ConsumingServerOptions* server,
                                  ConsumeLoopOptions* loop);

// Returns the process exit code: 0 after a clean SIGTERM.
int RunConsumingServer(const std::vector<grpc::Service*>& services,
                       const ConsumingServerOptions& options);

}  // namespace warta::services

#endif  // WARTA_SERVICES_COMMON_CONSUMING_SERVER_H_
