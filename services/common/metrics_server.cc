#include "services/common/metrics_server.h"

#include <httplib.h>

#include <sstream>
#include <utility>

#include <prometheus/text_serializer.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "common/files.h"
#include "common/logging.h"
#include "services/common/metrics.h"
#include "services/common/process_metrics.h"

namespace warta::services {
namespace {

// "host:port", "[::1]:port" → host and port.
absl::StatusOr<std::pair<std::string, int>> SplitHostPort(absl::string_view address) {
  size_t colon = address.rfind(':');
  int port = -1;
  if (colon == absl::string_view::npos || !absl::SimpleAtoi(address.substr(colon + 1), &port) ||
      port < 0 || port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("metrics address \"", address, "\" is not host:port"));
  }
  absl::string_view host = address.substr(0, colon);
  if (absl::ConsumePrefix(&host, "[")) absl::ConsumeSuffix(&host, "]");
  return std::make_pair(std::string(host.empty() ? "0.0.0.0" : host), port);
}

}  // namespace

void RegisterMetricsFlags(FlagSet& flags, MetricsServerOptions* options) {
  flags.String("metrics_listen", &options->listen,
               "Prometheus metrics over HTTP (GET /metrics) on host:port (port 0 picks a free "
               "one; empty: off)");
  flags.String("metrics_port_file", &options->port_file,
               "write the bound metrics port to this file once listening");
}

std::string RenderMetrics(const std::vector<prometheus::MetricFamily>& families) {
  std::ostringstream out;
  prometheus::TextSerializer().Serialize(out, families);
  return out.str();
}

std::vector<prometheus::MetricFamily> CollectMetrics(
    const std::vector<const prometheus::Collectable*>& sources) {
  std::vector<prometheus::MetricFamily> out;
  for (const prometheus::Collectable* source : sources) {
    for (prometheus::MetricFamily& family : source->Collect()) out.push_back(std::move(family));
  }
  return out;
}

absl::StatusOr<std::unique_ptr<MetricsServer>> MetricsServer::Start(
    const MetricsServerOptions& options) {
  if (options.listen.empty()) return nullptr;
  auto host_port = SplitHostPort(options.listen);
  if (!host_port.ok()) return host_port.status();
  const auto& [host, port] = *host_port;

  std::unique_ptr<MetricsServer> server(new MetricsServer());
  server->http_ = std::make_unique<httplib::Server>();
  httplib::Server& http = *server->http_;
  // Scrapes are few: two threads, not one per core.
  http.new_task_queue = [] { return new httplib::ThreadPool(2); };
  http.Get("/metrics", [](const httplib::Request&, httplib::Response& response) {
    static const ProcessCollector* process = new ProcessCollector();
    response.set_content(RenderMetrics(CollectMetrics({&MetricsRegistry(), process})),
                         kMetricsContentType);
  });
  server->port_ = port == 0 ? http.bind_to_any_port(host) : (http.bind_to_port(host, port) ? port : -1);
  if (server->port_ <= 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen for metrics on ", options.listen, " (in use?)"));
  }
  server->thread_ = std::thread([&http] { http.listen_after_bind(); });
  // stop() is a no-op until the server runs: wait for it, so that the
  // destructor always ends the thread.
  for (int i = 0; i < 5000 && !http.is_running(); ++i) absl::SleepFor(absl::Milliseconds(1));
  if (!options.port_file.empty()) {
    if (absl::Status written = WritePortFile(options.port_file, server->port_); !written.ok()) {
      return written;
    }
  }
  LogInfo("metrics on http://", host, ":", server->port_, "/metrics");
  return server;
}

MetricsServer::~MetricsServer() {
  if (http_) http_->stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace warta::services
