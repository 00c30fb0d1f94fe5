#include "services/common/process_metrics.h"

#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/files.h"

namespace warta::services {
namespace {

prometheus::MetricFamily OneValue(const char* name, const char* help, prometheus::MetricType type,
                                  double value) {
  prometheus::MetricFamily family{name, help, type, {prometheus::ClientMetric{}}};
  if (type == prometheus::MetricType::Counter) {
    family.metric[0].counter.value = value;
  } else {
    family.metric[0].gauge.value = value;
  }
  return family;
}

std::optional<int64_t> CountOpenFds() {
  std::error_code error;
  int64_t n = 0;
  for (std::filesystem::directory_iterator it("/proc/self/fd", error), end; !error && it != end;
       it.increment(error)) {
    ++n;
  }
  if (error) return std::nullopt;
  return n;
}

std::optional<int64_t> MaxFds() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return std::nullopt;
  return static_cast<int64_t>(limit.rlim_cur);
}

}  // namespace

absl::StatusOr<ProcessStats> ParseProcSelfStat(std::string_view text, int64_t boot_time_s,
                                               int64_t ticks_per_second, int64_t page_size) {
  const absl::string_view stat(text.data(), text.size());
  // The command name is in parentheses and may hold spaces and parentheses:
  // the fields start after the last ')'.
  size_t close = stat.rfind(')');
  if (close == absl::string_view::npos || ticks_per_second <= 0) {
    return absl::InvalidArgumentError("not a /proc/self/stat line");
  }
  std::vector<absl::string_view> fields =
      absl::StrSplit(stat.substr(close + 1), ' ', absl::SkipEmpty());
  // fields[0] is field 3 of proc(5) (state), so field N is fields[N - 3].
  auto field = [&](int n, int64_t* out) {
    return static_cast<int>(fields.size()) > n - 3 &&
           absl::SimpleAtoi(absl::StripAsciiWhitespace(fields[n - 3]), out);
  };
  int64_t utime, stime, threads, start_ticks, vsize, rss;
  if (!field(14, &utime) || !field(15, &stime) || !field(20, &threads) ||
      !field(22, &start_ticks) || !field(23, &vsize) || !field(24, &rss)) {
    return absl::InvalidArgumentError("not a /proc/self/stat line");
  }
  const double ticks = static_cast<double>(ticks_per_second);
  ProcessStats out;
  out.cpu_seconds = static_cast<double>(utime + stime) / ticks;
  out.resident_bytes = static_cast<double>(rss) * static_cast<double>(page_size);
  out.virtual_bytes = static_cast<double>(vsize);
  out.start_time_seconds = static_cast<double>(boot_time_s) + static_cast<double>(start_ticks) / ticks;
  out.threads = static_cast<int>(threads);
  return out;
}

std::optional<int64_t> ParseBootTime(std::string_view proc_stat) {
  for (absl::string_view line : absl::StrSplit(absl::string_view(proc_stat.data(), proc_stat.size()), '\n')) {
    int64_t btime;
    if (absl::ConsumePrefix(&line, "btime ") &&
        absl::SimpleAtoi(absl::StripAsciiWhitespace(line), &btime)) {
      return btime;
    }
  }
  return std::nullopt;
}

std::vector<prometheus::MetricFamily> ProcessMetricFamilies(const ProcessStats& stats,
                                                            std::optional<int64_t> open_fds,
                                                            std::optional<int64_t> max_fds) {
  using prometheus::MetricType;
  std::vector<prometheus::MetricFamily> out = {
      OneValue("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.",
               MetricType::Counter, stats.cpu_seconds),
      OneValue("process_resident_memory_bytes", "Resident memory size in bytes.",
               MetricType::Gauge, stats.resident_bytes),
      OneValue("process_virtual_memory_bytes", "Virtual memory size in bytes.",
               MetricType::Gauge, stats.virtual_bytes),
      OneValue("process_start_time_seconds",
               "Start time of the process since unix epoch in seconds.", MetricType::Gauge,
               stats.start_time_seconds),
      OneValue("process_threads", "Number of OS threads in the process.", MetricType::Gauge,
               stats.threads),
  };
  if (open_fds) {
    out.push_back(OneValue("process_open_fds", "Number of open file descriptors.",
                           MetricType::Gauge, static_cast<double>(*open_fds)));
  }
  if (max_fds) {
    out.push_back(OneValue("process_max_fds", "Maximum number of open file descriptors.",
                           MetricType::Gauge, static_cast<double>(*max_fds)));
  }
  return out;
}

std::vector<prometheus::MetricFamily> ProcessCollector::Collect() const {
  static const int64_t boot_time = [] {
    auto proc_stat = ReadFileToString("/proc/stat");
    return proc_stat.ok() ? ParseBootTime(*proc_stat).value_or(0) : 0;
  }();
  auto stat = ReadFileToString("/proc/self/stat");
  if (!stat.ok()) return {};
  auto stats = ParseProcSelfStat(*stat, boot_time, sysconf(_SC_CLK_TCK), sysconf(_SC_PAGESIZE));
  if (!stats.ok()) return {};
  return ProcessMetricFamilies(*stats, CountOpenFds(), MaxFds());
}

}  // namespace warta::services
