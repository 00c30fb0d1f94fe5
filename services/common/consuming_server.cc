#include "services/common/consuming_server.h"

#include "common/logging.h"
#include "common/shutdown.h"
#include "services/common/grpc_server.h"

namespace warta::services {

int RunConsumingServer(const std::vector<grpc::Service*>& services,
                       const ConsumingServerOptions& options) {
  auto server = GrpcServer::Start(options.listen, services, options.port_file);
  if (!server.ok()) {
    LogError(server.status().message());
    return 1;
  }
  const absl::Duration grace = absl::Seconds(options.shutdown_grace_s);
  int exit_code = 0;
  if (options.consume) {
    auto producer = kafka::Producer::Create(
        {.brokers = options.consumer.brokers, .client_id = options.consumer.client_id});
    auto consumer = kafka::Consumer::Create(options.consumer);
    if (!producer.ok() || !consumer.ok()) {
      LogError(!producer.ok() ? producer.status().message() : consumer.status().message());
      return 1;
    }
    if (absl::Status loop = options.loop(**consumer, **producer); !loop.ok()) {
      LogError(loop.message());
      exit_code = 1;
    }
    LogInfo("leaving the consumer group");
    (*consumer)->Close();
    if (int left = (*producer)->Flush(grace); left > 0) {
      LogError(left, " message(s) not acknowledged by Kafka at exit");
      exit_code = 1;
    }
  } else {
    while (!ShutdownRequested()) absl::SleepFor(absl::Milliseconds(100));
  }
  LogInfo("draining gRPC calls");
  if (options.before_grpc_shutdown) options.before_grpc_shutdown();
  (*server)->Shutdown(grace);
  LogInfo("stopped");
  return exit_code;
}

}  // namespace warta::services
