// warta-store: consumes articles.enriched into the store (SQLite or
// PostgreSQL), puts each new article into a story, and serves
// warta.v1.StoreService.
#include <algorithm>
#include <cstdio>

#include "absl/strings/match.h"
#include "common/flags.h"
#include "common/logging.h"
#include "common/models_dir.h"
#include "common/shutdown.h"
#include "services/common/consuming_server.h"
#include "services/common/model_files.h"
#include "services/store/store_loop.h"
#include "services/store/store_service.h"
#include "storage/postgres/postgres_store.h"
#include "storage/sqlite/sqlite_store.h"

namespace {

// SQLite by default; PostgreSQL when several stores share one database.
absl::StatusOr<std::unique_ptr<warta::storage::ArticleStore>> OpenStore(
    const std::string& db, const warta::storage::StoryStoreOptions& stories,
    int story_cache_mb) {
  using namespace warta::storage;
  std::string conninfo;
  if (absl::StartsWith(db, "postgresql://") || absl::StartsWith(db, "postgres://")) {
    conninfo = db;
  } else if (absl::StartsWith(db, "postgres:")) {
    conninfo = db.substr(std::string("postgres:").size());
  }
  if (!conninfo.empty()) {
    PostgresStoreOptions options;
    options.stories = stories;
    auto pg = PostgresStore::Open(conninfo, options);
    if (!pg.ok()) return pg.status();
    return std::unique_ptr<ArticleStore>(std::move(*pg));
  }
  SqliteStoreOptions options;
  options.stories = stories;
  options.story_cache_bytes = static_cast<size_t>(std::max(0, story_cache_mb)) << 20;
  auto sqlite = SqliteStore::Open(db, options);
  if (!sqlite.ok()) return sqlite.status();
  return std::unique_ptr<ArticleStore>(std::move(*sqlite));
}

}  // namespace

int main(int argc, char** argv) {
  using namespace warta;
  SetLogProgramName("warta-store");
  services::ConsumingServerOptions options;
  options.listen = "0.0.0.0:50053";
  options.consumer.group_id = options.consumer.client_id = "warta-store";
  services::StoreLoopOptions loop_options;
  loop_options.consume.max_batch = 200;
  std::string enriched_topic = "articles.enriched", db = "warta.db";
  std::string models_dir = DefaultModelsDir();
  int story_cache_mb = 64;
  FlagSet flags("warta-store [flags]",
                "Consumes warta.v1.EnrichedArticle from Kafka into SQLite or PostgreSQL\n"
                "(idempotent upserts by article id, Kafka offsets kept in the same transaction)\n"
                "and serves warta.v1.StoreService over gRPC.");
  services::RegisterConsumingServerFlags(flags, &options, &loop_options.consume);
  flags.String("enriched_topic", &enriched_topic, "topic to consume enriched articles from");
  flags.String("dlq_topic", &loop_options.dlq_topic, "dead-letter topic for undecodable messages");
  flags.String("db", &db,
               "SQLite database file (created when absent), or a PostgreSQL database:\n"
               "      postgresql://user@host:port/dbname, or postgres:<libpq conninfo>");
  flags.String("models_dir", &models_dir,
               "folder holding the trained models (stories/idf.tsv: the story clusterer's "
               "word weights)");
  flags.Int("story_cache_mb", &story_cache_mb,
            "SQLite: memory for the parsed stories new articles are compared with, kept\n"
            "      between writes (0: read them from the file each time)");
  if (!flags.ParseOrExit(argc, argv).empty()) {
    std::fputs("warta-store takes no positional arguments (see --help)\n", stderr);
    return 2;
  }
  InstallShutdownSignalHandlers();

  absl::StatusOr<storage::TermWeights> weights = services::LoadStoryWeights(models_dir);
  if (!weights.ok()) {
    LogError("cannot load the story model: ", weights.status().message());
    return 1;
  }
  storage::StoryStoreOptions stories;
  stories.weights = std::make_shared<const storage::TermWeights>(*std::move(weights));
  absl::StatusOr<std::unique_ptr<storage::ArticleStore>> store = OpenStore(db, stories, story_cache_mb);
  if (!store.ok()) {
    LogError("cannot open the store: ", store.status().message());
    return 1;
  }
  services::StoreServiceImpl service(store->get());
  storage::ArticleStore* s = store->get();
  options.consumer.topics = {enriched_topic};
  // Each message lands once: partitions resume from the offsets stored with
  // the rows.
  options.consumer.starting_offsets = [s](const std::vector<kafka::PartitionOffset>& assigned) {
    return services::StartingOffsetsFromStore(*s, assigned);
  };
  options.loop = [&](kafka::MessageSource& consumer, kafka::Producer& producer) {
    return services::RunStoreLoop(consumer, &producer, *s, loop_options, ShutdownRequested);
  };
  options.before_grpc_shutdown = [&] { service.Shutdown(); };  // ends Watch streams
  return services::RunConsumingServer({&service}, options);
}