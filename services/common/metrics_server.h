// Serves a process's Prometheus metrics over HTTP: GET /metrics answers
// with MetricsRegistry() and the process_* metrics in the text exposition
// format 0.0.4. One call gives a service its metrics endpoint:
//
//   services::MetricsServerOptions metrics;           // off by default
//   services::RegisterMetricsFlags(flags, &metrics);  // --metrics_listen, --metrics_port_file
//   ...
//   auto metrics_server = services::MetricsServer::Start(metrics);
//
// The server runs on its own two threads (cpp-httplib) until destroyed.
#ifndef WARTA_SERVICES_COMMON_METRICS_SERVER_H_
#define WARTA_SERVICES_COMMON_METRICS_SERVER_H_

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <prometheus/collectable.h>
#include <prometheus/metric_family.h>

#include "absl/status/statusor.h"
#include "common/flags.h"

namespace httplib {
class Server;
}

namespace warta::services {

struct MetricsServerOptions {
  // host:port; port 0 picks a free one; empty: no metrics server.
  std::string listen;
  // Receives the bound port once the server is listening (tests use port 0).
  std::string port_file;
};

// --metrics_listen and --metrics_port_file, on `options`' fields (their
// current values are the defaults).
void RegisterMetricsFlags(FlagSet& flags, MetricsServerOptions* options);

// The Prometheus text exposition format (0.0.4) of `families`.
std::string RenderMetrics(const std::vector<prometheus::MetricFamily>& families);

// What every collectable in `sources` holds now, in order.
std::vector<prometheus::MetricFamily> CollectMetrics(
    const std::vector<const prometheus::Collectable*>& sources);

inline constexpr char kMetricsContentType[] = "text/plain; version=0.0.4; charset=utf-8";

class MetricsServer {
 public:
  // Listens on options.listen and serves MetricsRegistry() and the process
  // metrics. nullptr when options.listen is empty; UNAVAILABLE when the
  // address cannot be bound.
  static absl::StatusOr<std::unique_ptr<MetricsServer>> Start(const MetricsServerOptions& options);

  // Stops serving (waits for a scrape in progress).
  ~MetricsServer();
  MetricsServer(const MetricsServer&) = delete;
  MetricsServer& operator=(const MetricsServer&) = delete;

  int port() const { return port_; }

 private:
  MetricsServer() = default;

  std::unique_ptr<httplib::Server> http_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace warta::services

#endif  // WARTA_SERVICES_COMMON_METRICS_SERVER_H_
