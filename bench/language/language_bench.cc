// bench_language: sentences/s, articles/s and MB/s of the language stage on
// ../shared/data/news (IndoSum), next to plain CLD2 on the same texts.
//   bench_language [--benchmark_filter=...]   ($WARTA_SHARED_DATA overrides
//   the data folder; without it a small built-in text is used)
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "common/files.h"
#include "common/models_dir.h"
#include "enrichment/document.h"
#include "enrichment/language/cld2_detector.h"
#include "enrichment/language/language_identifier.h"
#include "eval/langid/langid_data.h"

namespace {

using warta::enrichment::Document;
using warta::enrichment::LanguageIdentifier;

struct Corpus {
  std::vector<std::string> articles;
  std::vector<std::string> sentences;
  size_t article_bytes = 0;
  size_t sentence_bytes = 0;
};

const Corpus& GetCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    std::filesystem::path data = WARTA_SOURCE_DIR "/../shared/data";
    if (const char* env = std::getenv("WARTA_SHARED_DATA"); env && *env) data = env;
    auto news = warta::eval::ReadNewsJsonl(data / "news" / "indosum_articles.jsonl");
    if (news.ok()) {
      for (auto& t : *news) c->articles.push_back(std::move(t.text));
    } else {
      std::cerr << "news data absent (" << news.status().message()
                << "); using a built-in article\n";
      c->articles.assign(
          200,
          "Jakarta, CNN Indonesia -- Pemerintah akan memperkenalkan kebijakan "
          "baru untuk membantu masyarakat berpenghasilan rendah, kata Presiden "
          "kemarin.\n\nPolisi telah menangkap tiga pria yang diduga terlibat "
          "dalam kasus perampokan di sebuah toko emas di Surabaya.");
    }
    for (const std::string& a : c->articles) {
      c->article_bytes += a.size();
      size_t start = 0;
      for (size_t i = 0; i <= a.size(); ++i) {
        if (i == a.size() || a[i] == '\n' ||
            (a[i] == '.' && i + 1 < a.size() && a[i + 1] == ' ')) {
          if (i > start + 20) {
            c->sentences.push_back(a.substr(start, i - start + (i < a.size())));
            c->sentence_bytes += c->sentences.back().size();
          }
          start = i + 1;
        }
      }
    }
    return c;
  }();
  return *corpus;
}

std::unique_ptr<LanguageIdentifier> MakeIdentifier(int article_sample_bytes) {
  const std::filesystem::path models = warta::DefaultModelsDir();
  auto model = warta::ReadFileToString(models / warta::kLangidModelFile);
    if (!model.ok()) {
      std::cerr << model.status().message() << "\n";
      std::exit(1);
    }
    warta::enrichment::LanguageOptions options;
    options.model = std::move(*model);
    auto confusable = warta::ReadFileToString(models / warta::kLangidConfusableModelFile);
    if (confusable.ok()) options.confusable_model = std::move(*confusable);
    if (article_sample_bytes >= 0) options.article_sample_bytes = article_sample_bytes;
    auto created = LanguageIdentifier::Create(options);
    if (!created.ok()) {
      std::cerr << created.status().message() << "\n";
      std::exit(1);
    }
    return std::move(*created);
}

const LanguageIdentifier& Identifier() {
  static const LanguageIdentifier* identifier = MakeIdentifier(-1).release();
  return *identifier;
}

template <typename F>
void Run(benchmark::State& state, const std::vector<std::string>& texts,
         size_t bytes, F f) {
  size_t items = 0, done_bytes = 0;
  for (auto _ : state) {
    for (const std::string& t : texts) f(t);
    items += texts.size();
    done_bytes += bytes;
  }
  state.SetItemsProcessed(static_cast<int64_t>(items));
  state.SetBytesProcessed(static_cast<int64_t>(done_bytes));
}

void BM_Cld2Sentences(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  Run(state, c.sentences, c.sentence_bytes, [](const std::string& t) {
    benchmark::DoNotOptimize(warta::enrichment::DetectWithCld2(t));
  });
}
BENCHMARK(BM_Cld2Sentences)->Unit(benchmark::kMillisecond);

void BM_IdentifySentences(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  const LanguageIdentifier& id = Identifier();
  Run(state, c.sentences, c.sentence_bytes, [&id](const std::string& t) {
    benchmark::DoNotOptimize(id.Identify(t));
  });
}
BENCHMARK(BM_IdentifySentences)->Unit(benchmark::kMillisecond);

void BM_Cld2Articles(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  Run(state, c.articles, c.article_bytes, [](const std::string& t) {
    benchmark::DoNotOptimize(warta::enrichment::DetectWithCld2(t));
  });
}
BENCHMARK(BM_Cld2Articles)->Unit(benchmark::kMillisecond);

// The stage as the pipeline runs it: article language plus paragraphs.
// Argument: LanguageOptions::article_sample_bytes (-1: the default).
void BM_ProcessArticles(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  const std::unique_ptr<LanguageIdentifier> owned =
      MakeIdentifier(static_cast<int>(state.range(0)));
  const LanguageIdentifier& id = *owned;
  Document doc;
  Run(state, c.articles, c.article_bytes, [&](const std::string& t) {
    doc.text = t;
    doc.language = {};
    benchmark::DoNotOptimize(id.Process(doc));
  });
}
BENCHMARK(BM_ProcessArticles)->Arg(-1)->Arg(0)->Arg(500)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
