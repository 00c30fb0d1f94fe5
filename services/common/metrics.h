// The Prometheus metrics of a Warta process. Every metric lives in one
// registry, MetricsRegistry(), which the metrics server (metrics_server.h)
// serves; each part of the service adapters registers its own families
// there on first use. Names follow Prometheus' conventions: warta_..._total
// counters, _seconds histograms, base units.
//
// prometheus-cpp's counters, gauges and histograms are thread-safe and cost
// an atomic operation (a histogram: a short lock) per update. Looking a
// labelled child up in a family takes the family's lock and hashes the
// labels, so hot paths keep the children they update (or a TopicCounters).
#ifndef WARTA_SERVICES_COMMON_METRICS_H_
#define WARTA_SERVICES_COMMON_METRICS_H_

#include <string>
#include <string_view>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"

namespace warta::services {

// The process's registry (created on first use, never destroyed).
prometheus::Registry& MetricsRegistry();

// Histogram buckets for durations in seconds: 1, 2.5 and 5 per decade from
// 10 µs to 10 s (an enrichment stage, a gRPC call, a batch).
const prometheus::Histogram::BucketBoundaries& DurationBuckets();

// Histogram buckets for counts of things (messages in a batch): 1 to 1000.
const prometheus::Histogram::BucketBoundaries& CountBuckets();

// The counters of a family labelled by topic, each looked up in the family
// once. Thread-safe; the family must outlive it.
class TopicCounters {
 public:
  explicit TopicCounters(prometheus::Family<prometheus::Counter>& family) : family_(family) {}

  prometheus::Counter& For(std::string_view topic);

 private:
  prometheus::Family<prometheus::Counter>& family_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, prometheus::Counter*> counters_ ABSL_GUARDED_BY(mu_);
};

}  // namespace warta::services

#endif  // WARTA_SERVICES_COMMON_METRICS_H_
