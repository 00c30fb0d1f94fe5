#include "services/common/grpc_metrics.h"

#include <atomic>
#include <chrono>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/strip.h"
#include "services/common/metrics.h"

namespace warta::services {
namespace {

using grpc::experimental::InterceptionHookPoints;

struct GrpcMetrics {
  prometheus::Family<prometheus::Counter>& requests;
  prometheus::Family<prometheus::Histogram>& durations;

  static const GrpcMetrics& Get() {
    static const auto* metrics = new GrpcMetrics{
        prometheus::BuildCounter()
            .Name("warta_grpc_requests_total")
            .Help("gRPC calls handled, by method and status code.")
            .Register(MetricsRegistry()),
        prometheus::BuildHistogram()
            .Name("warta_grpc_request_duration_seconds")
            .Help("Time from a gRPC call's start to its status, by method (streams: the whole "
                  "stream).")
            .Register(MetricsRegistry()),
    };
    return *metrics;
  }
};

// One per call: created when the call starts, records when the status goes
// out (or, for a call that ends without one, when it is destroyed).
class MetricsInterceptor final : public grpc::experimental::Interceptor {
 public:
  explicit MetricsInterceptor(const char* method)
      : method_(absl::StripPrefix(method, "/")), start_(std::chrono::steady_clock::now()) {}

  ~MetricsInterceptor() override {
    if (!recorded_.exchange(true)) Record(grpc::StatusCode::CANCELLED);
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS) &&
        !recorded_.exchange(true)) {
      Record(methods->GetSendStatus().error_code());
    }
    methods->Proceed();
  }

 private:
  void Record(grpc::StatusCode code) {
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start_;
    const GrpcMetrics& metrics = GrpcMetrics::Get();
    // absl and gRPC share the status codes' numbering.
    metrics.requests
        .Add({{"method", method_},
              {"code", absl::StatusCodeToString(static_cast<absl::StatusCode>(code))}})
        .Increment();
    metrics.durations.Add({{"method", method_}}, DurationBuckets()).Observe(seconds.count());
  }

  std::string method_;
  std::chrono::steady_clock::time_point start_;
  // gRPC may run the hooks of one call's batches (the handler's status, its
  // own close notification) on different threads at the same time.
  std::atomic<bool> recorded_{false};
};

class MetricsInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new MetricsInterceptor(info->method() != nullptr ? info->method() : "unknown");
  }
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
NewGrpcMetricsInterceptorFactory() {
  return std::make_unique<MetricsInterceptorFactory>();
}

}  // namespace warta::services
