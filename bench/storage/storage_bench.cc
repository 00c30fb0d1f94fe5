// Storage speed: upserts per second into SQLite (single and batched), list
// and claim queries, and contested-claims grouping over many claims.
// Synthetic articles shaped like enriched news (a few entities and claims
// each), in memory and in a temporary file (WAL).
//
//   build-storage/bin/warta_storage_bench
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "storage/article_keys.h"
#include "storage/contested_claims.h"
#include "storage/sqlite/sqlite_store.h"

namespace warta::storage {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kStart = 1730419200;  // 1 Nov 2024

// Article i: 8 entities out of a pool of 200, 4 claims with one troop or
// people figure about two of them.
warta::v1::EnrichedArticle SyntheticArticle(int i) {
  warta::v1::EnrichedArticle a;
  a.mutable_article()->set_id(absl::StrCat("article-", i));
  a.mutable_article()->set_source(absl::StrCat("source-", i % 20));
  a.mutable_article()->mutable_published_at()->set_seconds(kStart + (i % 365) * kDay + i);
  a.mutable_article()->set_body(std::string(2000, 'x'));
  a.mutable_text()->set_body(std::string(1800, 'y'));
  a.mutable_language()->set_code(i % 5 == 0 ? "en" : "id");
  a.set_pipeline_version("1.0");
  for (int e = 0; e < 8; ++e) {
    auto* entity = a.add_entities();
    entity->set_id(absl::StrCat("ent-", (i * 7 + e * 13) % 200));
    entity->set_name(absl::StrCat("Entity ", (i * 7 + e * 13) % 200));
    entity->set_type(warta::v1::LOCATION);
    entity->add_mentions()->set_text(entity->name());
  }
  for (int c = 0; c < 4; ++c) {
    auto* claim = a.add_claims();
    claim->mutable_speaker()->set_entity_id(a.entities(c).id());
    claim->mutable_content()->set_text(std::string(200, 'z'));
    auto* q = claim->add_quantities();
    q->set_value(1000 * ((i + c) % 11 + 1));
    q->set_unit(c % 2 ? "tentara" : "orang");
    // Every tenth amount is vague ("ribuan"): listed, never a figure.
    q->set_exact_value((i + c) % 10 != 0);
    claim->add_subject_entity_ids(a.entities(c + 1).id());
    claim->add_subject_entity_ids(a.entities(c + 2).id());
  }
  return a;
}

std::unique_ptr<SqliteStore> OpenOrDie(const std::string& path) {
  auto store = SqliteStore::Open(path);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", std::string(store.status().message()).c_str());
    std::abort();
  }
  return *std::move(store);
}

std::string TempPath() {
  return (std::filesystem::temp_directory_path() /
          absl::StrCat("warta_storage_bench_", getpid(), ".db"))
      .string();
}

void RemoveDb(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

// state.range(0): articles per transaction; state.range(1): 1 = file, 0 = memory.
void BM_UpsertBatch(benchmark::State& state) {
  const int batch_size = static_cast<int>(state.range(0));
  const bool on_file = state.range(1) == 1;
  const std::string path = on_file ? TempPath() : ":memory:";
  if (on_file) RemoveDb(path);
  auto store = OpenOrDie(path);
  int next = 0;
  std::vector<warta::v1::EnrichedArticle> batch;
  for (auto _ : state) {
    state.PauseTiming();
    batch.clear();
    for (int i = 0; i < batch_size; ++i) batch.push_back(SyntheticArticle(next++));
    state.ResumeTiming();
    absl::Status s = store->UpsertBatch(batch, {{"articles.enriched", 0, next}}).status();
    if (!s.ok()) state.SkipWithError(std::string(s.message()).c_str());
  }
  state.SetItemsProcessed(state.iterations() * batch_size);
  store.reset();
  if (on_file) RemoveDb(path);
}
BENCHMARK(BM_UpsertBatch)->Args({1, 0})->Args({100, 0})->Args({1, 1})->Args({100, 1});

// A redelivered article: read, compare, skip.
void BM_UpsertRedelivery(benchmark::State& state) {
  auto store = OpenOrDie(":memory:");
  const auto article = SyntheticArticle(1);
  (void)store->Upsert(article, {});
  for (auto _ : state) benchmark::DoNotOptimize(store->Upsert(article, {}));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_UpsertRedelivery);

class FilledStore : public benchmark::Fixture {
 public:
  void SetUp(const benchmark::State&) override {
    if (store_) return;
    store_ = OpenOrDie(":memory:");
    std::vector<warta::v1::EnrichedArticle> batch;
    for (int i = 0; i < 10000; ++i) batch.push_back(SyntheticArticle(i));
    (void)store_->UpsertBatch(batch, {});
  }
  static std::unique_ptr<SqliteStore> store_;
};
std::unique_ptr<SqliteStore> FilledStore::store_;

BENCHMARK_F(FilledStore, ListArticlesPageOf50)(benchmark::State& state) {
  warta::v1::ArticleFilter filter;
  filter.set_language("id");
  for (auto _ : state) benchmark::DoNotOptimize(store_->ListArticles(filter, 50, ""));
}

BENCHMARK_F(FilledStore, ListArticlesByEntity)(benchmark::State& state) {
  warta::v1::ArticleFilter filter;
  filter.set_entity_id("ent-42");
  for (auto _ : state) benchmark::DoNotOptimize(store_->ListArticles(filter, 50, ""));
}

BENCHMARK_F(FilledStore, ListClaimsBySpeaker)(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(store_->ListClaims({"", "ent-42", ""}, 50, ""));
  }
}

BENCHMARK_F(FilledStore, ListContestedClaimsForEntity)(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(store_->ListContestedClaims("ent-42", 30, 50, ""));
  }
}

// The pure grouping over state.range(0) claims.
void BM_GroupContestedClaims(benchmark::State& state) {
  std::vector<warta::v1::StoredClaim> claims;
  for (int i = 0; claims.size() < static_cast<size_t>(state.range(0)); ++i) {
    for (auto& c : StoredClaimsOf(SyntheticArticle(i))) claims.push_back(std::move(c));
  }
  for (auto _ : state) benchmark::DoNotOptimize(GroupContestedClaims(claims, {}));
  state.SetItemsProcessed(state.iterations() * claims.size());
}
BENCHMARK(BM_GroupContestedClaims)->Arg(1000)->Arg(40000);

}  // namespace
}  // namespace warta::storage

BENCHMARK_MAIN();
