// The standard process_* metrics every Prometheus client exports (memory,
// CPU time, start time, file descriptors), read from /proc/self at scrape
// time. The parsing is a pure function over the files' text, so it is
// tested without a process to watch. Linux only.
#ifndef WARTA_SERVICES_COMMON_PROCESS_METRICS_H_
#define WARTA_SERVICES_COMMON_PROCESS_METRICS_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <prometheus/collectable.h>
#include <prometheus/metric_family.h>

#include "absl/status/statusor.h"

namespace warta::services {

struct ProcessStats {
  double cpu_seconds = 0;         // user + system
  double resident_bytes = 0;
  double virtual_bytes = 0;
  double start_time_seconds = 0;  // since the Unix epoch
  int threads = 0;
};

// From the text of /proc/self/stat, the boot time (btime in /proc/stat),
// clock ticks per second and the page size. INVALID_ARGUMENT when the text
// is not a stat line.
absl::StatusOr<ProcessStats> ParseProcSelfStat(std::string_view stat, int64_t boot_time_s,
                                               int64_t ticks_per_second, int64_t page_size);

// The btime line of /proc/stat, or nullopt.
std::optional<int64_t> ParseBootTime(std::string_view proc_stat);

// process_cpu_seconds_total, process_resident_memory_bytes,
// process_virtual_memory_bytes, process_start_time_seconds, process_threads,
// and process_open_fds / process_max_fds when given.
std::vector<prometheus::MetricFamily> ProcessMetricFamilies(const ProcessStats& stats,
                                                            std::optional<int64_t> open_fds,
                                                            std::optional<int64_t> max_fds);

// Reads /proc/self on every Collect. Thread-safe.
class ProcessCollector : public prometheus::Collectable {
 public:
  std::vector<prometheus::MetricFamily> Collect() const override;
};

}  // namespace warta::services

#endif  // WARTA_SERVICES_COMMON_PROCESS_METRICS_H_
