// Speed of the first enrichment stages on real articles: clean, segment,
// clean+segment and clean+segment+language, over the 3,463 IndoSum
// articles. One thread: items_per_second is articles/s per core,
// bytes_per_second MB/s of article text (CPU time; on a busy machine read
// the CPU column, not the wall-clock one).
//
//   bench_text [path/to/indosum_articles.jsonl] [--benchmark_... flags]
//
// Without a path: $WARTA_SHARED_DATA/news/..., else ../shared/data/news/...
// beside the source tree. Prints a message and exits 0 when absent.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/files.h"
#include "common/models_dir.h"
#include "enrichment/document.h"
#include "enrichment/segment/segmenter.h"
#include "enrichment/text/cleaner.h"
#include "enrichment/language/language_identifier.h"

namespace {

using warta::enrichment::Cleaner;
using warta::enrichment::Document;
using warta::enrichment::Segmenter;

struct Article {
  std::string text;
  std::string source;
};

void AppendUtf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The string value of "key" in one JSON object line (the corpus is flat
// JSON lines; no general JSON parser needed).
std::string JsonString(const std::string& line, const std::string& key) {
  const std::string needle = "\"" + key + "\": \"";
  size_t i = line.find(needle);
  if (i == std::string::npos) return "";
  i += needle.size();
  std::string out;
  while (i < line.size() && line[i] != '"') {
    if (line[i] != '\\' || i + 1 >= line.size()) {
      out.push_back(line[i++]);
      continue;
    }
    const char e = line[i + 1];
    i += 2;
    switch (e) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': out.push_back('\r'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'u': {
        if (i + 4 > line.size()) return out;
        uint32_t cp = std::strtoul(line.substr(i, 4).c_str(), nullptr, 16);
        i += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && i + 6 <= line.size() && line[i] == '\\' &&
            line[i + 1] == 'u') {
          const uint32_t lo = std::strtoul(line.substr(i + 2, 4).c_str(), nullptr, 16);
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          i += 6;
        }
        AppendUtf8(cp, out);
        break;
      }
      default: out.push_back(e); break;
    }
  }
  return out;
}

std::vector<Article> LoadArticles(const std::filesystem::path& path) {
  std::vector<Article> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    Article a{JsonString(line, "text"), JsonString(line, "source")};
    if (!a.text.empty()) out.push_back(std::move(a));
  }
  return out;
}

std::filesystem::path DefaultPath() {
  std::filesystem::path data;
  if (const char* env = std::getenv("WARTA_SHARED_DATA"); env && *env) {
    data = env;
  } else {
    data = std::filesystem::path(WARTA_SOURCE_DIR) / ".." / "shared" / "data";
  }
  return data / "news" / "indosum_articles.jsonl";
}

std::vector<Article>* g_articles = nullptr;
int64_t g_total_bytes = 0;

Document MakeDocument(const Article& a) {
  Document doc;
  doc.original = a.text;
  doc.source = a.source;
  return doc;
}

// Runs `stage` over the corpus in batches of kBatch articles per iteration.
// The batch's documents are built with timing paused (once per batch, so
// the pause itself costs little per article).
constexpr size_t kBatch = 128;

template <typename Stage>
void RunOverCorpus(benchmark::State& state, Stage stage) {
  const std::vector<Article>& articles = *g_articles;
  size_t next = 0;
  int64_t bytes = 0, items = 0;
  std::vector<Document> batch(kBatch);
  for (auto _ : state) {
    state.PauseTiming();
    for (Document& doc : batch) {
      doc = MakeDocument(articles[next]);
      bytes += static_cast<int64_t>(articles[next].text.size());
      next = (next + 1) % articles.size();
    }
    state.ResumeTiming();
    for (Document& doc : batch) {
      stage(doc);
      benchmark::DoNotOptimize(doc.text.data());
    }
    items += kBatch;
  }
  state.SetItemsProcessed(items);
  state.SetBytesProcessed(bytes);
}

void BM_Clean(benchmark::State& state) {
  auto cleaner = *Cleaner::Create({});
  RunOverCorpus(state, [&](Document& doc) { (void)cleaner->Process(doc); });
}

void BM_Segment(benchmark::State& state) {
  // Segment what the cleaner produced, pre-computed: only segmentation is timed.
  auto cleaner = *Cleaner::Create({});
  auto segmenter = *Segmenter::Create({});
  std::vector<Document> cleaned;
  cleaned.reserve(g_articles->size());
  for (const Article& a : *g_articles) {
    cleaned.push_back(MakeDocument(a));
    (void)cleaner->Process(cleaned.back());
  }
  size_t next = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    Document& doc = cleaned[next];
    bytes += static_cast<int64_t>(doc.original.size());
    next = (next + 1) % cleaned.size();
    (void)segmenter->Process(doc);
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
}

void BM_CleanSegment(benchmark::State& state) {
  auto cleaner = *Cleaner::Create({});
  auto segmenter = *Segmenter::Create({});
  RunOverCorpus(state, [&](Document& doc) {
    (void)cleaner->Process(doc);
    (void)segmenter->Process(doc);
  });
}

std::string g_language_model;
std::string g_confusable_model;  // optional reranker; empty: without

void BM_CleanSegmentLanguage(benchmark::State& state) {
  auto cleaner = *Cleaner::Create({});
  auto segmenter = *Segmenter::Create({});
  warta::enrichment::LanguageOptions options;
  options.model = g_language_model;
  options.confusable_model = g_confusable_model;
  auto language = warta::enrichment::LanguageIdentifier::Create(options);
  if (!language.ok()) {
    state.SkipWithError(std::string(language.status().message()).c_str());
    return;
  }
  RunOverCorpus(state, [&](Document& doc) {
    (void)cleaner->Process(doc);
    (void)segmenter->Process(doc);
    (void)(*language)->Process(doc);
  });
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  const std::filesystem::path path = argc > 1 ? std::filesystem::path(argv[1]) : DefaultPath();
  std::vector<Article> articles = LoadArticles(path);
  if (articles.empty()) {
    std::printf("bench_text: no articles in %s; skipped (pass the path or set "
                "WARTA_SHARED_DATA)\n",
                path.c_str());
    return 0;
  }
  g_articles = &articles;
  for (const Article& a : articles) g_total_bytes += static_cast<int64_t>(a.text.size());
  std::printf("bench_text: %zu articles, %.1f MB, mean %.0f bytes\n", articles.size(),
              g_total_bytes / 1e6, static_cast<double>(g_total_bytes) / articles.size());
  benchmark::RegisterBenchmark("clean", BM_Clean);
  benchmark::RegisterBenchmark("segment", BM_Segment);
  benchmark::RegisterBenchmark("clean+segment", BM_CleanSegment);
  const std::filesystem::path models = warta::DefaultModelsDir();
  const std::filesystem::path model = models / warta::kLangidModelFile;
  g_language_model = warta::ReadFileToString(model).value_or("");
  g_confusable_model =
      warta::ReadFileToString(models / warta::kLangidConfusableModelFile).value_or("");
  if (g_language_model.empty()) {
    std::printf("bench_text: %s missing; clean+segment+language skipped\n", model.c_str());
  } else {
    benchmark::RegisterBenchmark("clean+segment+language", BM_CleanSegmentLanguage);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
