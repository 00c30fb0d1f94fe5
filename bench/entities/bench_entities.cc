// bench_entities: speed and memory of the entities stage on
// ../shared/data/news/ (Indonesian news, ~1M words).
//   BM_LoadModel        model parse + precompute (ms per load)
//   BM_TagSentences     the NER model alone on pre-tokenised sentences
//   BM_TagEnglish       the same with the English weights ("en") on the
//                       GUM dev sentences (training/ner/gum/dev.txt)
//   BM_ProcessArticles  the whole stage (tagging, roles, canonical entities)
// Counters: tokens/s and articles/s per core (one thread), rss_mb after
// loading the model (resident memory of the process).
#include <fstream>
#include <iostream>

#include "benchmark/benchmark.h"
#include "common/files.h"
#include "common/models_dir.h"
#include "enrichment/entities/entity_recognizer.h"
#include "enrichment/segment/segmenter.h"
#include "eval/ner/conll.h"
#include "training/ner/ner_trainer.h"

namespace {

using warta::enrichment::Document;

std::string ReadOrDie(const std::filesystem::path& p) {
  auto bytes = warta::ReadFileToString(p);
  if (!bytes.ok()) {
    std::cerr << bytes.status().message() << "\n";
    std::exit(1);
  }
  return *std::move(bytes);
}

double RssMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0;
}

const std::string& ModelBytes() {
  static const std::string bytes =
      ReadOrDie(std::filesystem::path(warta::DefaultModelsDir()) / warta::kNerModelFile);
  return bytes;
}

// The news articles, segmented once (segmentation is not this stage's cost).
const std::vector<Document>& Articles() {
  static const std::vector<Document> docs = [] {
    auto texts = warta::training::ReadNewsTexts(std::filesystem::path(WARTA_SOURCE_DIR) /
                                                "../shared/data/news/indosum_articles.jsonl");
    if (!texts.ok()) {
      std::cerr << texts.status() << "\n";
      std::exit(1);
    }
    auto segmenter = warta::enrichment::Segmenter::Create(warta::enrichment::SegmenterOptions());
    if (!segmenter.ok()) {
      std::cerr << segmenter.status() << "\n";
      std::exit(1);
    }
    std::vector<Document> out;
    for (std::string& t : *texts) {
      Document d;
      d.text = std::move(t);
      d.language.code = "id";
      (void)(*segmenter)->Process(d);  // never fails
      out.push_back(std::move(d));
    }
    return out;
  }();
  return docs;
}

const warta::enrichment::EntityRecognizer& Recognizer() {
  static const auto* r = [] {
    warta::enrichment::EntityOptions options;
    options.model = ModelBytes();
    auto created = warta::enrichment::EntityRecognizer::Create(options);
    if (!created.ok()) {
      std::cerr << created.status() << "\n";
      std::exit(1);
    }
    return created->release();
  }();
  return *r;
}

void BM_LoadModel(benchmark::State& state) {
  const double before = RssMb();
  for (auto _ : state) {
    auto model = warta::enrichment::ner::NerModel::Create(ModelBytes());
    benchmark::DoNotOptimize(model);
  }
  state.counters["model_mb"] = ModelBytes().size() / 1048576.0;
  Recognizer();
  // What one loaded recognizer adds to the process.
  state.counters["recognizer_rss_mb"] = RssMb() - before;
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_TagSentences(benchmark::State& state) {
  const auto& docs = Articles();
  const auto& model = Recognizer().model();
  std::vector<std::vector<std::string_view>> sentences;
  for (const Document& d : docs) {
    for (const auto& s : d.sentences) {
      std::vector<std::string_view> words;
      for (int t = s.first_token; t < s.end_token; ++t) words.push_back(d.Text(d.tokens[t].span));
      sentences.push_back(std::move(words));
    }
  }
  long tokens = 0;
  for (auto _ : state) {
    for (const auto& s : sentences) {
      benchmark::DoNotOptimize(model.Tag(s));
      tokens += static_cast<long>(s.size());
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagSentences)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_TagEnglish(benchmark::State& state) {
  const auto sentences = warta::eval::ParseConll(
      ReadOrDie(std::filesystem::path(WARTA_SOURCE_DIR) / "training/ner/gum/dev.txt"));
  if (!sentences.ok()) {
    state.SkipWithError("training/ner/gum/dev.txt does not parse");
    return;
  }
  const auto& model = Recognizer().model();
  const std::string_view variant = Recognizer().VariantFor("en");
  std::vector<std::vector<std::string_view>> words;
  for (const auto& s : *sentences) words.emplace_back(s.tokens.begin(), s.tokens.end());
  long tokens = 0;
  for (auto _ : state) {
    for (const auto& s : words) {
      benchmark::DoNotOptimize(model.Tag(s, variant));
      tokens += static_cast<long>(s.size());
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagEnglish)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_ProcessArticles(benchmark::State& state) {
  std::vector<Document> docs = Articles();
  const auto& recognizer = Recognizer();
  long tokens = 0, articles = 0;
  for (auto _ : state) {
    for (Document& d : docs) {
      if (!recognizer.Process(d).ok()) std::abort();
      tokens += static_cast<long>(d.tokens.size());
      ++articles;
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(articles), benchmark::Counter::kIsRate);
  state.counters["rss_mb"] = RssMb();  // includes the articles held in memory
}
BENCHMARK(BM_ProcessArticles)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
