// warta-enrich: consumes articles.raw, enriches, produces articles.enriched
// (bad messages to articles.dlq); also serves warta.v1.EnrichService.
#include <cstdio>

#include "common/flags.h"
#include "common/logging.h"
#include "common/shutdown.h"
#include "services/common/consuming_server.h"
#include "services/common/model_files.h"
#include "services/enrich/enrich_loop.h"
#include "services/enrich/enrich_service.h"

int main(int argc, char** argv) {
  using namespace warta;
  SetLogProgramName("warta-enrich");
  std::string brokers = "127.0.0.1:9092", listen = "0.0.0.0:50052", port_file;
  std::string raw_topic = "articles.raw", enriched_topic = "articles.enriched";
  std::string dlq_topic = "articles.dlq", group_id = "warta-enrich", client_id = "warta-enrich";
  std::string models_dir = services::DefaultModelsDir(), kb;
  int max_batch = 64, shutdown_grace_s = 10, crash_before_commit_batch = 0;
  bool consume = true;
  FlagSet flags("warta-enrich [flags]",
                "Consumes raw articles (protobuf or protobuf-JSON) from Kafka, enriches them\n"
                "(clean, language, entities, claims) and produces warta.v1.EnrichedArticle;\n"
                "undecodable or invalid messages go to the dead-letter topic with the reason.\n"
                "Also serves warta.v1.EnrichService over gRPC.");
  flags.String("brokers", &brokers, "Kafka bootstrap servers (host:port,...)");
  flags.String("raw_topic", &raw_topic, "topic to consume articles from");
  flags.String("enriched_topic", &enriched_topic, "topic enriched articles are produced to");
  flags.String("dlq_topic", &dlq_topic, "dead-letter topic for bad messages");
  flags.String("group_id", &group_id, "Kafka consumer group id");
  flags.String("client_id", &client_id, "Kafka client id");
  flags.String("listen", &listen, "gRPC listen address host:port (port 0 picks a free one)");
  flags.String("port_file", &port_file, "write the bound gRPC port to this file once listening");
  flags.String("models_dir", &models_dir, "folder holding the trained models");
  flags.String("kb", &kb, "optional knowledge-base file linking entities (see README)");
  flags.Int("max_batch", &max_batch, "messages processed between offset commits");
  flags.Int("shutdown_grace_s", &shutdown_grace_s, "seconds in-flight calls get on SIGTERM");
  flags.Int("crash_before_commit_batch", &crash_before_commit_batch,
            "tests only: die abruptly before committing batch N (0: never)");
  flags.Bool("consume", &consume, "consume from Kafka (--noconsume: serve gRPC only)");
  if (!flags.ParseOrExit(argc, argv).empty()) {
    std::fputs("warta-enrich takes no positional arguments (see --help)\n", stderr);
    return 2;
  }
  InstallShutdownSignalHandlers();

  auto models = services::LoadPipelineModels(models_dir, kb);
  if (!models.ok()) {
    LogError(models.status().message());
    return 1;
  }
  auto pipeline = enrichment::Pipeline::Create(*models);
  if (!pipeline.ok()) {
    LogError("cannot load the pipeline: ", pipeline.status().message());
    return 1;
  }
  services::EnrichServiceImpl service(pipeline->get());
  services::RawMessageProcessor processor(pipeline->get());
  services::EnrichLoopOptions loop_options;
  loop_options.enriched_topic = enriched_topic;
  loop_options.dlq_topic = dlq_topic;
  loop_options.consume.max_batch = max_batch;
  loop_options.consume.crash_before_commit_batch = crash_before_commit_batch;

  services::ConsumingServerOptions options;
  options.listen = listen;
  options.port_file = port_file;
  options.shutdown_grace_s = shutdown_grace_s;
  options.consume = consume;
  options.consumer = {
      .brokers = brokers, .group_id = group_id, .client_id = client_id, .topics = {raw_topic}};
  options.loop = [&](kafka::Consumer& consumer, kafka::Producer& producer) {
    return services::RunEnrichLoop(consumer, producer, processor, loop_options,
                                   ShutdownRequested);
  };
  return services::RunConsumingServer({&service}, options);
}