#include "services/common/metrics.h"

namespace warta::services {

prometheus::Registry& MetricsRegistry() {
  static auto* registry = new prometheus::Registry();
  return *registry;
}

const prometheus::Histogram::BucketBoundaries& DurationBuckets() {
  static const auto* buckets = new prometheus::Histogram::BucketBoundaries{
      0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
      0.025,   0.05,     0.1,     0.25,   0.5,     1,      2.5,   5,      10};
  return *buckets;
}

const prometheus::Histogram::BucketBoundaries& CountBuckets() {
  static const auto* buckets =
      new prometheus::Histogram::BucketBoundaries{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
  return *buckets;
}

prometheus::Counter& TopicCounters::For(std::string_view topic) {
  absl::MutexLock lock(&mu_);
  // Debian's abseil has its own string_view.
  auto [it, inserted] = counters_.try_emplace(absl::string_view(topic.data(), topic.size()), nullptr);
  if (inserted) it->second = &family_.Add({{"topic", std::string(topic)}});
  return *it->second;
}

}  // namespace warta::services
