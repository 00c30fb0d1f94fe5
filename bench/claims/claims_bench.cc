// Throughput of the claims stage on real news text: up to 500 IndoSum
// articles plus the five sample pages from ../shared/data. The articles go
// through clean + segment + entities once;
// BM_ClaimExtractor then times the claims stage alone, BM_QuantityTagger
// the quantity tagger, and BM_CleanSegmentEntities the stages before it, so
// the claims stage's share of the enrichment time can be read off.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "common/files.h"
#include "common/models_dir.h"
#include "enrichment/claims/claim_extractor.h"
#include "enrichment/entities/entity_recognizer.h"
#include "enrichment/quantities/quantity_parser.h"
#include "enrichment/segment/segmenter.h"
#include "enrichment/text/cleaner.h"

namespace {

using warta::enrichment::Document;

std::string ReadFile(const std::filesystem::path& p) {
  return warta::ReadFileToString(p).value_or("");
}

std::filesystem::path DataDir() {
  if (const char* env = std::getenv("WARTA_SHARED_DATA"); env && *env) return env;
  return std::filesystem::path(WARTA_SOURCE_DIR) / ".." / "shared" / "data";
}

// The "text" field of one JSON line (enough JSON for IndoSum).
std::string JsonText(const std::string& line) {
  const std::string key = "\"text\": \"";
  size_t i = line.find(key);
  if (i == std::string::npos) return "";
  std::string out;
  for (i += key.size(); i < line.size() && line[i] != '"'; ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      const char c = line[++i];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
      if (c == 'u') out.pop_back();  // drop \uXXXX escapes
      if (c == 'u') i += 4;
    } else {
      out += line[i];
    }
  }
  return out;
}

std::vector<std::string> LoadPages() {
  std::vector<std::string> pages;
  const auto dir = DataDir();
  std::error_code ec;
  for (const auto& f : std::filesystem::directory_iterator(dir / "samples", ec)) {
    pages.push_back(ReadFile(f.path()));
  }
  std::ifstream in(dir / "news" / "indosum_articles.jsonl");
  std::string line;
  while (pages.size() < 505 && std::getline(in, line)) {
    std::string text = JsonText(line);
    if (!text.empty()) pages.push_back(std::move(text));
  }
  if (pages.empty()) {
    std::fprintf(stderr, "bench_claims: no data under %s\n", dir.c_str());
  }
  return pages;
}

struct Corpus {
  std::vector<Document> docs;  // after the stages before claims
  size_t bytes = 0;
  std::unique_ptr<warta::enrichment::Cleaner> cleaner;
  std::unique_ptr<warta::enrichment::Segmenter> segmenter;
  std::unique_ptr<warta::enrichment::EntityRecognizer> entities;
  std::vector<std::string> pages;
};

Document Prepare(const Corpus& c, const std::string& page) {
  Document doc;
  doc.original = page;
  doc.language.code = "id";
  (void)c.cleaner->Process(doc);
  (void)c.segmenter->Process(doc);
  (void)c.entities->Process(doc);
  return doc;
}

const Corpus& GetCorpus() {
  static Corpus* corpus = [] {
    auto* c = new Corpus;
    c->pages = LoadPages();
    c->cleaner = std::move(warta::enrichment::Cleaner::Create({}).value());
    c->segmenter = std::move(warta::enrichment::Segmenter::Create({}).value());
    warta::enrichment::EntityOptions options;
    options.model = ReadFile(std::filesystem::path(warta::DefaultModelsDir()) / warta::kNerModelFile);
    c->entities = std::move(warta::enrichment::EntityRecognizer::Create(options).value());
    for (const auto& p : c->pages) {
      c->docs.push_back(Prepare(*c, p));
      c->bytes += c->docs.back().text.size();
    }
    return c;
  }();
  return *corpus;
}

void BM_ClaimExtractor(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  auto extractor = std::move(warta::enrichment::ClaimExtractor::Create({}).value());
  std::vector<Document> docs = c.docs;
  size_t claims = 0;
  for (auto _ : state) {
    for (Document& d : docs) {
      (void)extractor->Process(d);
      claims += d.claims.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs.size()));
  state.counters["claims_per_doc"] =
      static_cast<double>(claims) / (state.iterations() * std::max<size_t>(docs.size(), 1));
}
BENCHMARK(BM_ClaimExtractor)->Unit(benchmark::kMillisecond);

void BM_QuantityTagger(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  auto tagger = std::move(warta::enrichment::QuantityTagger::Create().value());
  for (auto _ : state) {
    for (const Document& d : c.docs) {
      Document copy;
      copy.text = d.text;
      copy.tokens = d.tokens;  // the stage reads the segment stage's tokens
      copy.language.code = d.language.code;
      (void)tagger->Process(copy);
      benchmark::DoNotOptimize(copy.entities.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.docs.size()));
}
BENCHMARK(BM_QuantityTagger)->Unit(benchmark::kMillisecond);

void BM_CleanSegmentEntities(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  for (auto _ : state) {
    for (const std::string& p : c.pages) {
      Document d = Prepare(c, p);
      benchmark::DoNotOptimize(d.entities.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.pages.size()));
}
BENCHMARK(BM_CleanSegmentEntities)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
