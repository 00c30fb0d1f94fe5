// warta-web's HTTP side: the JSON API over StoreService (each route parses
// its query with web_api.h, makes one gRPC call with a deadline, answers the
// response as JSON or the status as {error, code} with the matching HTTP
// code), the live event stream (/api/events: one StoreService.Watch per
// browser, see article_watch.h and sse.h) and the page's static files.
//
// Routes:
//   GET /api/stories            ListStories   (web_api.h: ParseStoriesQuery)
//   GET /api/stories/{id}       GetStory
//   GET /api/entities?q=        ListEntities
//   GET /api/entities/{id}      GetEntity
//   GET /api/articles/{id}      GetArticle
//   GET /api/search?q=          SearchArticles
//   GET /api/events             text/event-stream of stored articles
//   GET /api/status             live clients, whether Chart.js is served
//   GET /vendor/chart.js/...    Debian's libjs-chart.js files
//   GET /...                    the page (static_dir)
//
// Owns the HTTP server and its threads; does not own the channel's peer.
// Thread-safe; Shutdown() (also run by the destructor) ends live streams
// and waits for the server's threads.
#ifndef WARTA_SERVICES_WEB_WEB_SERVER_H_
#define WARTA_SERVICES_WEB_WEB_SERVER_H_

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include <grpcpp/grpcpp.h>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/web/sse.h"
#include "warta/v1/services.grpc.pb.h"

namespace httplib {
class DataSink;
class Server;
class Request;
class Response;
}  // namespace httplib

namespace warta::web {

struct WebServerOptions {
  // host:port to listen on; port 0 picks a free one.
  std::string listen = "0.0.0.0:8080";
  // When set, receives the bound port once the server listens.
  std::string port_file;
  // The page: index.html, app.js, style.css.
  std::string static_dir;
  // Chart.js (Debian libjs-chart.js); the page works without it (tables).
  std::string chart_js_dir = "/usr/share/javascript/chart.js";
  // Deadline of each StoreService call an API request makes.
  absl::Duration store_timeout = absl::Seconds(10);
  // A comment line on a quiet event stream this often: keeps proxies from
  // closing it and lets the server notice a browser that has gone.
  absl::Duration heartbeat = absl::Seconds(15);
  // How long a browser waits before reconnecting a dropped event stream.
  absl::Duration reconnect_delay = absl::Seconds(2);
  // Live event streams served at once; one more is answered 503.
  int max_live_clients = 32;
  // Threads for everything else (API calls and files).
  int api_threads = 8;
};

class WebServer {
 public:
  // Binds and starts serving in its own threads.
  static absl::StatusOr<std::unique_ptr<WebServer>> Start(
      std::unique_ptr<warta::v1::StoreService::StubInterface> store, WebServerOptions options);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  int port() const { return port_; }
  void Shutdown();

 private:
  WebServer(std::unique_ptr<warta::v1::StoreService::StubInterface> store,
            WebServerOptions options);
  void AddRoutes();
  struct LiveStream;
  void ServeEvents(const httplib::Request& request, httplib::Response& response);
  bool WriteNextEvent(LiveStream& live, httplib::DataSink& sink);
  void ServeStatus(httplib::Response& response);
  template <typename Request, typename Reply>
  void Answer(const absl::StatusOr<Request>& request,
              grpc::Status (warta::v1::StoreService::StubInterface::*call)(
                  grpc::ClientContext*, const Request&, Reply*),
              httplib::Response& response);

  const std::unique_ptr<warta::v1::StoreService::StubInterface> store_;
  const WebServerOptions options_;
  const std::unique_ptr<httplib::Server> http_;
  SseSlots live_slots_;
  bool chart_js_served_ = false;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread listener_;
};

}  // namespace warta::web

#endif  // WARTA_SERVICES_WEB_WEB_SERVER_H_
