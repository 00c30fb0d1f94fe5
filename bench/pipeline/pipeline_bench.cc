// The whole enrichment pipeline (clean → segment → language → entities →
// dates → quantities → claims → EnrichedArticle) over the IndoSum news:
// articles/s and MB/s per core, i.e. what one warta-enrich instance can do
// before Kafka; and the same with every stage timed into its metrics
// histogram, as warta-enrich runs it (BM_EnrichArticlesTimed).
// Usage: bench_pipeline [indosum_articles.jsonl]
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "common/models_dir.h"
#include "services/common/model_files.h"
#include "services/enrich/stage_timer.h"
#include "warta/v1/article.pb.h"

namespace {

std::vector<warta::v1::Article>* g_articles = nullptr;
const warta::enrichment::Pipeline* g_pipeline = nullptr;
const warta::enrichment::Pipeline* g_timed_pipeline = nullptr;

std::string NewsPath(int argc, char** argv) {
  if (argc > 1) return argv[1];
  const char* shared = std::getenv("WARTA_SHARED_DATA");
  std::filesystem::path dir = shared && *shared
                                  ? std::filesystem::path(shared)
                                  : std::filesystem::path(WARTA_SOURCE_DIR) / ".." / "shared" / "data";
  return (dir / "news" / "indosum_articles.jsonl").string();
}

void Enrich(benchmark::State& state, const warta::enrichment::Pipeline& pipeline) {
  int64_t bytes = 0, articles = 0;
  for (auto _ : state) {
    for (const auto& a : *g_articles) {
      auto enriched = pipeline.Enrich(a, absl::FromUnixSeconds(0));
      benchmark::DoNotOptimize(enriched);
      bytes += a.body().size();
      ++articles;
    }
  }
  state.SetItemsProcessed(articles);
  state.SetBytesProcessed(bytes);
}

void BM_EnrichArticles(benchmark::State& state) { Enrich(state, *g_pipeline); }
BENCHMARK(BM_EnrichArticles)->Unit(benchmark::kMillisecond)->MinTime(3.0);

void BM_EnrichArticlesTimed(benchmark::State& state) { Enrich(state, *g_timed_pipeline); }
BENCHMARK(BM_EnrichArticlesTimed)->Unit(benchmark::kMillisecond)->MinTime(3.0);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  std::string path = NewsPath(argc, argv);
  std::ifstream in(path);
  if (!in) {
    std::printf("skipped: %s not found (give the IndoSum JSON lines file, or set WARTA_SHARED_DATA)\n",
                path.c_str());
    return 0;
  }
  static std::vector<warta::v1::Article> articles;
  std::string line;
  while (std::getline(in, line)) {
    google::protobuf::Struct row;
    if (!google::protobuf::util::JsonStringToMessage(line, &row).ok()) continue;
    warta::v1::Article a;
    a.set_id(row.fields().at("id").string_value());
    a.set_source(row.fields().at("source").string_value());
    a.set_body(row.fields().at("text").string_value());
    articles.push_back(std::move(a));
  }
  auto models = warta::services::LoadPipelineModels(warta::DefaultModelsDir(), "");
  if (!models.ok()) {
    std::fprintf(stderr, "%s\n", std::string(models.status().message()).c_str());
    return 1;
  }
  auto pipeline = warta::enrichment::Pipeline::Create(*models);
  if (!pipeline.ok()) return 1;
  const warta::services::StageTimer timer;
  models->observer = &timer;
  auto timed_pipeline = warta::enrichment::Pipeline::Create(*models);
  if (!timed_pipeline.ok()) return 1;
  g_articles = &articles;
  g_pipeline = pipeline->get();
  g_timed_pipeline = timed_pipeline->get();
  std::printf("%zu articles from %s\n", articles.size(), path.c_str());
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
