// The enrichment pipeline's stages seen from a StageObserver: each runs
// once per article, in order, and the services' StageTimer times each into
// its histogram.
#include "services/enrich/stage_timer.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include <prometheus/registry.h>

#include "absl/synchronization/mutex.h"
#include "services/common/model_files.h"
#include "tests/testing/shared_data.h"
#include "tests/unit/services/metric_values.h"

namespace warta::services {
namespace {

// Remembers the stages it saw run.
class RecordingObserver final : public enrichment::StageObserver {
 public:
  absl::Status Observe(enrichment::Stage stage,
                       absl::FunctionRef<absl::Status()> run) const override {
    {
      absl::MutexLock lock(&mu_);
      seen_.emplace_back(enrichment::StageName(stage));
    }
    return run();
  }
  std::vector<std::string> seen() const {
    absl::MutexLock lock(&mu_);
    return seen_;
  }

 private:
  mutable absl::Mutex mu_;
  mutable std::vector<std::string> seen_;
};

std::unique_ptr<enrichment::Pipeline> PipelineWith(const enrichment::StageObserver* observer) {
  auto models = LoadPipelineModels((testing::SourceDir() / "models").string(), "");
  EXPECT_TRUE(models.ok()) << models.status();
  models->observer = observer;
  auto pipeline = enrichment::Pipeline::Create(*models);
  EXPECT_TRUE(pipeline.ok()) << pipeline.status();
  return *std::move(pipeline);
}

warta::v1::Article Article() {
  warta::v1::Article article;
  article.set_id("a1");
  article.set_body(
      "Menteri Luar Negeri Korea Utara Choe Son Hui bertemu Presiden Vladimir Putin di Moskow. "
      "\"Sekitar 10.000 tentara sudah tiba,\" kata seorang pejabat.");
  return article;
}

TEST(StageObserverTest, SeesEveryStageOnceInOrder) {
  RecordingObserver observer;
  auto pipeline = PipelineWith(&observer);
  ASSERT_TRUE(pipeline->Enrich(Article(), absl::FromUnixSeconds(0)).ok());
  EXPECT_EQ(observer.seen(), (std::vector<std::string>{"clean", "segment", "language", "entities",
                                                        "dates", "quantities", "claims"}));
}

TEST(StageObserverTest, AnObserverDoesNotChangeTheResult) {
  RecordingObserver observer;
  auto observed = PipelineWith(&observer)->Enrich(Article(), absl::FromUnixSeconds(0));
  auto plain = PipelineWith(nullptr)->Enrich(Article(), absl::FromUnixSeconds(0));
  ASSERT_TRUE(observed.ok() && plain.ok());
  EXPECT_EQ(observed->SerializeAsString(), plain->SerializeAsString());
}

TEST(StageTimerTest, TimesEachStageIntoItsHistogram) {
  prometheus::Registry registry;
  StageTimer timer(registry);
  auto pipeline = PipelineWith(&timer);
  ASSERT_TRUE(pipeline->Enrich(Article(), absl::FromUnixSeconds(0)).ok());
  ASSERT_TRUE(pipeline->Enrich(Article(), absl::FromUnixSeconds(0)).ok());
  auto families = registry.Collect();
  for (const char* stage :
       {"clean", "segment", "language", "entities", "dates", "quantities", "claims"}) {
    EXPECT_EQ(testing::MetricValue(families, "warta_enrich_stage_duration_seconds",
                                   {{"stage", stage}}),
              2)
        << stage;
  }
}

}  // namespace
}  // namespace warta::services
