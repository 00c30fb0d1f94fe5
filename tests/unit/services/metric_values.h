// Reads samples out of Prometheus metric families, for tests that check
// what a part of the services counted.
#ifndef WARTA_TESTS_UNIT_SERVICES_METRIC_VALUES_H_
#define WARTA_TESTS_UNIT_SERVICES_METRIC_VALUES_H_

#include <map>
#include <string>
#include <vector>

#include <prometheus/metric_family.h>
#include <prometheus/registry.h>

#include "services/common/metrics.h"

namespace warta::testing {

// The child of `name` with exactly `labels`, or null.
inline const prometheus::ClientMetric* FindMetric(
    const std::vector<prometheus::MetricFamily>& families, const std::string& name,
    const std::map<std::string, std::string>& labels, prometheus::MetricType* type = nullptr) {
  for (const prometheus::MetricFamily& family : families) {
    if (family.name != name) continue;
    for (const prometheus::ClientMetric& metric : family.metric) {
      std::map<std::string, std::string> have;
      for (const auto& label : metric.label) have[label.name] = label.value;
      if (have != labels) continue;
      if (type != nullptr) *type = family.type;
      return &metric;
    }
  }
  return nullptr;
}

// A counter's or gauge's value, or a histogram's sample count, for the
// child with exactly `labels`; 0 when there is none.
inline double MetricValue(const std::vector<prometheus::MetricFamily>& families,
                          const std::string& name,
                          const std::map<std::string, std::string>& labels = {}) {
  prometheus::MetricType type;
  const prometheus::ClientMetric* metric = FindMetric(families, name, labels, &type);
  if (metric == nullptr) return 0;
  switch (type) {
    case prometheus::MetricType::Counter: return metric->counter.value;
    case prometheus::MetricType::Gauge: return metric->gauge.value;
    case prometheus::MetricType::Histogram: return static_cast<double>(metric->histogram.sample_count);
    default: return metric->untyped.value;
  }
}

// The same, read from the process's registry now.
inline double MetricValue(const std::string& name,
                          const std::map<std::string, std::string>& labels = {}) {
  return MetricValue(services::MetricsRegistry().Collect(), name, labels);
}

// Whether the process's registry has a child of `name` with exactly `labels`.
inline bool HasMetric(const std::string& name, const std::map<std::string, std::string>& labels) {
  return FindMetric(services::MetricsRegistry().Collect(), name, labels) != nullptr;
}

}  // namespace warta::testing

#endif  // WARTA_TESTS_UNIT_SERVICES_METRIC_VALUES_H_
