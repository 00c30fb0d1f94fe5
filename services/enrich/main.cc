// warta-enrich: consumes articles.raw, enriches, produces articles.enriched
// (bad messages to articles.dlq); also serves warta.v1.EnrichService.
#include <unistd.h>

#include <cstdio>
#include <string>

#include "common/flags.h"
#include "common/logging.h"
#include "common/shutdown.h"
#include "services/common/consuming_server.h"
#include "common/models_dir.h"
#include "services/common/model_files.h"
#include "services/enrich/enrich_loop.h"
#include "services/enrich/enrich_service.h"
#include "services/enrich/stage_timer.h"

namespace {

// GROUP_ID-HOSTNAME: stable across restarts of an instance, so a restarted
// instance fences its predecessor and aborts what it left open at once.
std::string DefaultTransactionalId(const std::string& group_id) {
  char host[256] = {};
  if (gethostname(host, sizeof(host) - 1) != 0) return group_id;
  return group_id + "-" + host;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace warta;
  SetLogProgramName("warta-enrich");
  services::ConsumingServerOptions options;
  options.listen = "0.0.0.0:50052";
  options.consumer.group_id = options.consumer.client_id = "warta-enrich";
  services::EnrichLoopOptions loop_options;
  std::string raw_topic = "articles.raw";
  std::string models_dir = DefaultModelsDir(), kb;
  FlagSet flags("warta-enrich [flags]",
                "Consumes raw articles (protobuf or protobuf-JSON) from Kafka, enriches them\n"
                "(clean, language, entities, claims) and produces warta.v1.EnrichedArticle;\n"
                "undecodable or invalid messages go to the dead-letter topic with the reason.\n"
                "Also serves warta.v1.EnrichService over gRPC.");
  services::RegisterConsumingServerFlags(flags, &options, &loop_options.consume);
  flags.String("raw_topic", &raw_topic, "topic to consume articles from");
  flags.String("enriched_topic", &loop_options.enriched_topic,
               "topic enriched articles are produced to");
  flags.String("dlq_topic", &loop_options.dlq_topic, "dead-letter topic for bad messages");
  flags.String("models_dir", &models_dir, "folder holding the trained models");
  flags.String("kb", &kb, "optional knowledge-base file linking entities (see README)");
  bool exactly_once = false;
  std::string transactional_id;
  flags.Bool("exactly_once", &exactly_once,
             "one Kafka transaction per batch (outputs + offsets): read_committed readers "
             "see each article once");
  flags.String("transactional_id", &transactional_id,
               "with --exactly_once: stable per instance, distinct between instances "
               "(default GROUP_ID-HOSTNAME)");
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
  const services::StageTimer stage_timer;
  models->observer = &stage_timer;
  auto pipeline = enrichment::Pipeline::Create(*models);
  if (!pipeline.ok()) {
    LogError("cannot load the pipeline: ", pipeline.status().message());
    return 1;
  }
  services::EnrichServiceImpl service(pipeline->get());
  services::RawMessageProcessor processor(pipeline->get());
  options.consumer.topics = {raw_topic};
  if (exactly_once) {
    options.transactional_id = !transactional_id.empty()
                                   ? transactional_id
                                   : DefaultTransactionalId(options.consumer.group_id);
  }
  options.loop = [&](kafka::MessageSource& consumer, kafka::Producer& producer) {
    return services::RunEnrichLoop(consumer, producer, processor, loop_options,
                                   ShutdownRequested);
  };
  return services::RunConsumingServer({&service}, options);
}