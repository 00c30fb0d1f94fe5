#include "services/web/web_server.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <utility>

#include <httplib.h>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/files.h"
#include "common/logging.h"
#include "google/protobuf/struct.pb.h"
#include "services/web/article_watch.h"
#include "services/web/web_api.h"

namespace warta::web {
namespace {

constexpr char kJson[] = "application/json; charset=utf-8";
// How often a waiting event stream checks whether the server is stopping.
constexpr absl::Duration kStopPoll = absl::Milliseconds(200);
// Reconnecting browsers get the articles of this long before their last
// event again (the store stamps an article before warta-web forwards it).
constexpr absl::Duration kResumeMargin = absl::Seconds(5);

void Fail(const absl::Status& status, httplib::Response& response) {
  response.status = HttpStatusFor(status.code());
  response.set_header("Cache-Control", "no-store");
  response.set_content(ErrorJson(status), kJson);
}

absl::Status FromGrpc(const grpc::Status& status) {
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
}

// "host:port" → (host, port); port 0 asks for a free one.
absl::StatusOr<std::pair<std::string, int>> SplitHostPort(const std::string& address) {
  const size_t colon = address.rfind(':');
  int port = -1;
  if (colon == std::string::npos || colon == 0 ||
      !absl::SimpleAtoi(address.substr(colon + 1), &port) || port < 0 || port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("--listen must be HOST:PORT (port 0 for a free one), not \"", address, "\""));
  }
  std::string host = address.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return std::make_pair(host, port);
}

bool Write(httplib::DataSink& sink, const std::string& text) {
  return sink.write(text.data(), text.size());
}

// Tells the browser why its stream ends; it reconnects after the retry delay.
bool EndWithError(const ArticleWatch& watch, httplib::DataSink& sink) {
  absl::Status status = watch.status();
  if (status.ok()) status = absl::UnavailableError("the store did not answer the watch");
  Write(sink, SseEvent("store-error", "", ErrorJson(status)));
  sink.done();
  return true;
}

}  // namespace

// What one browser's event stream holds: its slot among the live clients
// and its Watch call, both released when httplib drops the response.
struct WebServer::LiveStream {
  std::shared_ptr<void> slot;
  std::unique_ptr<ArticleWatch> watch;
  bool started = false;
  absl::Time last_write;
};

absl::StatusOr<std::unique_ptr<WebServer>> WebServer::Start(
    std::unique_ptr<warta::v1::StoreService::StubInterface> store, WebServerOptions options) {
  auto address = SplitHostPort(options.listen);
  if (!address.ok()) return address.status();
  if (!std::filesystem::is_regular_file(std::filesystem::path(options.static_dir) / "index.html")) {
    return absl::NotFoundError(absl::StrCat("no index.html in the static folder \"",
                                            options.static_dir, "\" (see --static_dir)"));
  }
  std::unique_ptr<WebServer> server(new WebServer(std::move(store), std::move(options)));
  server->AddRoutes();
  const auto& [host, port] = *address;
  server->port_ = port == 0 ? server->http_->bind_to_any_port(host)
                            : (server->http_->bind_to_port(host, port) ? port : -1);
  if (server->port_ <= 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", server->options_.listen, " (in use?)"));
  }
  server->listener_ = std::thread([s = server.get()] { s->http_->listen_after_bind(); });
  if (!server->options_.port_file.empty()) {
    absl::Status written = WritePortFile(server->options_.port_file, server->port_);
    if (!written.ok()) return written;
  }
  LogInfo("HTTP listening on port ", server->port_, ", page from ", server->options_.static_dir,
          server->chart_js_served_ ? "" : " (Chart.js not found: figures as tables only)");
  return server;
}

WebServer::WebServer(std::unique_ptr<warta::v1::StoreService::StubInterface> store,
                     WebServerOptions options)
    : store_(std::move(store)),
      options_(std::move(options)),
      http_(std::make_unique<httplib::Server>()),
      live_slots_(options_.max_live_clients) {}

WebServer::~WebServer() { Shutdown(); }

void WebServer::Shutdown() {
  if (stopping_.exchange(true)) return;
  http_->stop();
  if (listener_.joinable()) listener_.join();
}

template <typename Request, typename Reply>
void WebServer::Answer(const absl::StatusOr<Request>& request,
                       grpc::Status (warta::v1::StoreService::StubInterface::*call)(
                           grpc::ClientContext*, const Request&, Reply*),
                       httplib::Response& response) {
  if (!request.ok()) return Fail(request.status(), response);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       absl::ToChronoMilliseconds(options_.store_timeout));
  Reply reply;
  const grpc::Status status = (store_.get()->*call)(&context, *request, &reply);
  if (!status.ok()) return Fail(FromGrpc(status), response);
  response.set_header("Cache-Control", "no-store");
  response.set_content(ToJson(reply), kJson);
}

void WebServer::AddRoutes() {
  using v1::StoreService;
  const int threads = options_.max_live_clients + options_.api_threads;
  http_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };

  auto id_request = [](const httplib::Request& req, auto request) -> absl::StatusOr<decltype(request)> {
    const std::string id = req.matches[1];
    if (absl::Status valid = ValidateId(id); !valid.ok()) return valid;
    request.set_id(id);
    return request;
  };
  http_->Get("/api/stories", [this](const httplib::Request& req, httplib::Response& res) {
    Answer(ParseStoriesQuery(req.params, absl::Now()), &StoreService::StubInterface::ListStories,
           res);
  });
  http_->Get(R"(/api/stories/([^/]+))", [this, id_request](const httplib::Request& req, httplib::Response& res) {
    Answer(id_request(req, v1::GetStoryRequest()), &StoreService::StubInterface::GetStory, res);
  });
  http_->Get("/api/entities", [this](const httplib::Request& req, httplib::Response& res) {
    Answer(ParseEntitiesQuery(req.params, absl::Now()), &StoreService::StubInterface::ListEntities,
           res);
  });
  http_->Get(R"(/api/entities/([^/]+))", [this, id_request](const httplib::Request& req, httplib::Response& res) {
    Answer(id_request(req, v1::GetEntityRequest()), &StoreService::StubInterface::GetEntity, res);
  });
  http_->Get(R"(/api/articles/([^/]+))", [this, id_request](const httplib::Request& req, httplib::Response& res) {
    Answer(id_request(req, v1::GetArticleRequest()), &StoreService::StubInterface::GetArticle,
           res);
  });
  http_->Get("/api/search", [this](const httplib::Request& req, httplib::Response& res) {
    Answer(ParseSearchQuery(req.params), &StoreService::StubInterface::SearchArticles, res);
    if (res.status == HttpStatusFor(absl::StatusCode::kUnimplemented)) {
      Fail(absl::UnimplementedError(
               "full-text search is not available yet: the store does not implement "
               "StoreService.SearchArticles"),
           res);
    }
  });
  http_->Get("/api/events", [this](const httplib::Request& req, httplib::Response& res) {
    ServeEvents(req, res);
  });
  http_->Get("/api/status", [this](const httplib::Request&, httplib::Response& res) {
    ServeStatus(res);
  });

  chart_js_served_ = http_->set_mount_point("/vendor/chart.js", options_.chart_js_dir);
  http_->set_mount_point("/", options_.static_dir);
  // Unknown API paths answer JSON like every other API error; a response
  // that already has its body keeps it.
  http_->set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty() || !absl::StartsWith(req.path, "/api/")) {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        Fail(absl::Status(res.status == 404 ? absl::StatusCode::kNotFound
                                            : absl::StatusCode::kInvalidArgument,
                          absl::StrCat("no such API endpoint: ", req.method, " ", req.path)),
             res);
        return httplib::Server::HandlerResponse::Handled;
      }));
}

void WebServer::ServeStatus(httplib::Response& response) {
  google::protobuf::Struct status;
  auto& fields = *status.mutable_fields();
  fields["liveClients"].set_number_value(live_slots_.in_use());
  fields["maxLiveClients"].set_number_value(live_slots_.capacity());
  fields["chartJs"].set_bool_value(chart_js_served_);
  response.set_header("Cache-Control", "no-store");
  response.set_content(ToJson(status), kJson);
}

void WebServer::ServeEvents(const httplib::Request& request, httplib::Response& response) {
  auto live = std::make_shared<LiveStream>();
  live->slot = live_slots_.TryAcquire();
  if (live->slot == nullptr) {
    response.set_header("Retry-After", "10");
    return Fail(absl::UnavailableError(absl::StrCat(
                    "too many live connections (", live_slots_.capacity(), "); try again later")),
                response);
  }
  v1::WatchRequest watch;
  std::string last_id = request.get_header_value("Last-Event-ID");
  if (last_id.empty()) last_id = request.get_param_value("last_event_id");
  if (std::optional<absl::Time> since = ResumeTime(last_id, kResumeMargin)) {
    const int64_t micros = absl::ToUnixMicros(*since);
    watch.mutable_since()->set_seconds(micros / 1000000);
    watch.mutable_since()->set_nanos(static_cast<int32_t>(micros % 1000000) * 1000);
  }
  live->watch = std::make_unique<ArticleWatch>(store_.get(), std::move(watch));
  response.set_header("Cache-Control", "no-store");
  response.set_header("X-Accel-Buffering", "no");  // nginx: do not buffer the stream
  response.set_chunked_content_provider(
      "text/event-stream",
      [this, live](size_t, httplib::DataSink& sink) { return WriteNextEvent(*live, sink); },
      [live](bool) { live->watch->Cancel(); });
}

// httplib calls this again as long as it returns true and the browser is
// there: the first call sends the retry delay and, once the store has
// subscribed the watch, "ready"; later calls send the next article or, after
// a quiet --heartbeat_s, a heartbeat comment.
bool WebServer::WriteNextEvent(LiveStream& live, httplib::DataSink& sink) {
  if (!live.started) {
    live.started = true;
    live.last_write = absl::Now();
    if (!Write(sink, SseRetry(options_.reconnect_delay))) return false;
    if (!live.watch->WaitSubscribed(options_.store_timeout)) return EndWithError(*live.watch, sink);
    return Write(sink, SseEvent("ready", "", "{}"));
  }
  const absl::Time heartbeat_at = live.last_write + options_.heartbeat;
  while (!stopping_) {
    ArticleWatch::Next next = live.watch->Take(std::min(kStopPoll, heartbeat_at - absl::Now()));
    const absl::Time now = absl::Now();
    if (next.article) {
      live.last_write = now;
      return Write(sink, SseEvent("article", SseEventId(now), ArticleEventJson(*next.article)));
    }
    if (next.ended) return EndWithError(*live.watch, sink);
    if (now >= heartbeat_at) {
      live.last_write = now;
      return Write(sink, SseComment("heartbeat"));
    }
  }
  return false;  // shutting down
}

}  // namespace warta::web
