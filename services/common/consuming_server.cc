#include "services/common/consuming_server.h"

#include <memory>

#include "common/logging.h"
#include "kafka/transactional_source.h"
#include "kafka/transactions.h"
#include "common/shutdown.h"
#include "services/common/grpc_server.h"
#include "services/common/message_metrics.h"

namespace warta::services {

void RegisterConsumingServerFlags(FlagSet& flags, ConsumingServerOptions* server,
                                  ConsumeLoopOptions* loop) {
  flags.String("brokers", &server->consumer.brokers, "Kafka bootstrap servers (host:port,...)");
  flags.String("group_id", &server->consumer.group_id, "Kafka consumer group id");
  flags.String("client_id", &server->consumer.client_id, "Kafka client id");
  flags.String("listen", &server->listen,
               "gRPC listen address host:port (port 0 picks a free one)");
  flags.String("port_file", &server->port_file,
               "write the bound gRPC port to this file once listening");
  RegisterMetricsFlags(flags, &server->metrics);
  flags.Int("shutdown_grace_s", &server->shutdown_grace_s,
            "seconds in-flight calls get on SIGTERM");
  RegisterServerTlsFlags(flags, &server->tls);
  kafka::RegisterSecurityFlags(flags, &server->consumer.security);
  flags.Int("linger_ms", &server->linger_ms,
            "how long a produced message waits for others to share its Kafka request "
            "(linger.ms)");
  flags.Bool("consume", &server->consume, "consume from Kafka (--noconsume: serve gRPC only)");
  flags.Int("max_batch", &loop->max_batch,
            "messages handled between offset commits (warta-store: per database transaction)");
  flags.Int("max_batch_wait_ms", &loop->max_batch_wait_ms,
            "how long a batch waits to fill once it has its first message (latency vs. throughput;\n"
            "      0: it takes only what is already fetched)");
  flags.Int("crash_before_commit_batch", &loop->crash_before_commit_batch,
            "tests only: die abruptly after handling batch N, before committing it (0: never)");
}

int RunConsumingServer(const std::vector<grpc::Service*>& services,
                       const ConsumingServerOptions& options) {
  auto metrics = MetricsServer::Start(options.metrics);
  if (!metrics.ok()) {
    LogError(metrics.status().message());
    return 1;
  }
  auto server = GrpcServer::Start(options.listen, services, options.port_file, options.tls);
  if (!server.ok()) {
    LogError(server.status().message());
    return 1;
  }
  const absl::Duration grace = absl::Seconds(options.shutdown_grace_s);
  int exit_code = 0;
  if (options.consume) {
    auto producer = kafka::Producer::Create({.brokers = options.consumer.brokers,
                                             .client_id = options.consumer.client_id,
                                             .transactional_id = options.transactional_id,
                                             .security = options.consumer.security,
                                             .linger_ms = options.linger_ms,
                                             .on_outcome = CountProducedMessages()});
    kafka::ConsumerOptions consumer_options = options.consumer;
    consumer_options.on_lag = RecordConsumerLag();
    auto consumer = kafka::Consumer::Create(consumer_options);
    if (!producer.ok() || !consumer.ok()) {
      LogError(!producer.ok() ? producer.status().message() : consumer.status().message());
      return 1;
    }
    kafka::MessageSource* source = consumer->get();
    std::unique_ptr<kafka::KafkaTransactions> transactions;
    std::unique_ptr<kafka::TransactionalSource> transactional;
    if (!options.transactional_id.empty()) {
      transactions = std::make_unique<kafka::KafkaTransactions>(**producer, **consumer,
                                                                absl::Seconds(30));
      transactional = std::make_unique<kafka::TransactionalSource>(**consumer, *transactions);
      absl::Status started = transactions->Init();
      if (started.ok()) started = transactional->Start();
      if (!started.ok()) {
        LogError("exactly-once mode: ", started.message());
        return 1;
      }
      LogInfo("exactly-once mode, transactional id ", options.transactional_id);
      source = transactional.get();
    }
    if (absl::Status loop = options.loop(*source, **producer); !loop.ok()) {
      LogError(loop.message());
      exit_code = 1;
    }
    // The loop committed its last batch; what is open now is empty.
    if (transactions) (void)transactions->Abort();
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
