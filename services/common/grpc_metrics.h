// Counts and times every call a gRPC server handles, for operators:
// warta_grpc_requests_total{method, code} and the histogram
// warta_grpc_request_duration_seconds{method} (a stream's duration is the
// whole stream's), in MetricsRegistry(). `method` is the full name without
// the leading slash ("warta.v1.StoreService/GetArticle"), `code` the status
// code's name ("OK", "INVALID_ARGUMENT"). GrpcServer::Start installs it on
// every server, the health and reflection services included.
#ifndef WARTA_SERVICES_COMMON_GRPC_METRICS_H_
#define WARTA_SERVICES_COMMON_GRPC_METRICS_H_

#include <memory>

#include <grpcpp/support/server_interceptor.h>

namespace warta::services {

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
NewGrpcMetricsInterceptorFactory();

}  // namespace warta::services

#endif  // WARTA_SERVICES_COMMON_GRPC_METRICS_H_
