// warta-web: the dashboard. Serves a JSON API and the page over HTTP,
// reading everything from StoreService over gRPC.
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "common/flags.h"
#include "common/logging.h"
#include "common/shutdown.h"
#include "services/common/grpc_tls.h"
#include "services/common/metrics_server.h"
#include "services/web/web_server.h"

namespace {

// The page's folder: next to an installed binary (PREFIX/bin/warta-web →
// PREFIX/share/warta/web, what deploy/Dockerfile installs), else the source
// tree's services/web/static (a build tree's binary).
std::string DefaultStaticDir() {
  std::error_code error;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    const std::filesystem::path installed = exe.parent_path().parent_path() / "share/warta/web";
    if (std::filesystem::is_regular_file(installed / "index.html", error)) return installed;
  }
  return WARTA_WEB_STATIC_DIR;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace warta;
  SetLogProgramName("warta-web");
  web::WebServerOptions options;
  std::string store = "127.0.0.1:50053";
  options.static_dir = DefaultStaticDir();
  int store_timeout_ms = 10000, heartbeat_s = 15;
  services::MetricsServerOptions metrics_options;  // off unless --metrics_listen
  services::ClientTlsOptions store_tls;
  FlagSet flags("warta-web [flags]",
                "The dashboard: a JSON HTTP API over warta.v1.StoreService (stories, entities,\n"
                "search, live events as Server-Sent Events) and the page that shows it.");
  flags.String("store", &store, "StoreService gRPC address host:port");
  services::RegisterClientTlsFlags(flags, &store_tls);
  flags.String("listen", &options.listen, "HTTP listen address host:port (port 0 picks a free one)");
  flags.String("port_file", &options.port_file, "write the bound HTTP port to this file once listening");
  services::RegisterMetricsFlags(flags, &metrics_options);
  flags.String("static_dir", &options.static_dir, "folder holding the page (index.html, app.js, style.css)");
  flags.String("chart_js_dir", &options.chart_js_dir,
               "folder holding Chart.js (Debian libjs-chart.js), served under /vendor/chart.js/;\n"
               "      without it the page shows figures as tables only");
  flags.Int("store_timeout_ms", &store_timeout_ms, "deadline of each StoreService call");
  flags.Int("heartbeat_s", &heartbeat_s, "seconds between heartbeats on a quiet live event stream");
  flags.Int("max_live_clients", &options.max_live_clients,
            "live event streams served at once (more are answered 503)");
  if (!flags.ParseOrExit(argc, argv).empty()) {
    std::fputs("warta-web takes no positional arguments (see --help)\n", stderr);
    return 2;
  }
  if (store_timeout_ms <= 0 || heartbeat_s <= 0 || options.max_live_clients <= 0) {
    std::fputs("warta-web: --store_timeout_ms, --heartbeat_s and --max_live_clients must be > 0\n",
               stderr);
    return 2;
  }
  options.store_timeout = absl::Milliseconds(store_timeout_ms);
  options.heartbeat = absl::Seconds(heartbeat_s);
  InstallShutdownSignalHandlers();

  auto metrics = services::MetricsServer::Start(metrics_options);
  if (!metrics.ok()) {
    LogError(metrics.status().message());
    return 1;
  }
  auto channel = services::CreateChannel(store, store_tls);
  if (!channel.ok()) {
    LogError("--store ", store, ": ", channel.status().message());
    return 2;
  }
  auto server = web::WebServer::Start(v1::StoreService::NewStub(*channel), options);
  if (!server.ok()) {
    LogError(server.status().message());
    return 1;
  }
  while (!ShutdownRequested()) absl::SleepFor(absl::Milliseconds(100));
  LogInfo("SIGTERM: closing live streams and stopping");
  (*server)->Shutdown();
  LogInfo("stopped");
  return 0;
}
