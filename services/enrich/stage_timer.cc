#include "services/enrich/stage_timer.h"

#include <chrono>
#include <string>

#include "services/common/metrics.h"

namespace warta::services {

StageTimer::StageTimer(prometheus::Registry& registry) {
  auto& family = prometheus::BuildHistogram()
                     .Name("warta_enrich_stage_duration_seconds")
                     .Help("Time one enrichment stage takes over one article, by stage.")
                     .Register(registry);
  for (int i = 0; i < enrichment::kStageCount; ++i) {
    const auto stage = static_cast<enrichment::Stage>(i);
    histograms_[i] =
        &family.Add({{"stage", std::string(enrichment::StageName(stage))}}, DurationBuckets());
  }
}

StageTimer::StageTimer() : StageTimer(MetricsRegistry()) {}

absl::Status StageTimer::Observe(enrichment::Stage stage,
                                 absl::FunctionRef<absl::Status()> run) const {
  const auto start = std::chrono::steady_clock::now();
  absl::Status status = run();
  histograms_[static_cast<int>(stage)]->Observe(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return status;
}

}  // namespace warta::services
