// Starts a gRPC server the way every Warta service needs it: the given
// services plus grpc.health.v1 and server reflection (so grpcurl can list and
// call every method), every call counted and timed (grpc_metrics.h), on a
// host:port that may use port 0, and a graceful Shutdown(deadline) for
// SIGTERM; plaintext, or TLS / mutual TLS when the options name certificate
// files. Thread-safe after Start.
#ifndef WARTA_SERVICES_COMMON_GRPC_SERVER_H_
#define WARTA_SERVICES_COMMON_GRPC_SERVER_H_

#include <memory>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/common/grpc_tls.h"

namespace warta::services {

class GrpcServer {
 public:
  // `address` like "0.0.0.0:50051" or "127.0.0.1:0". `port_file`, when set,
  // receives the bound port once the server is listening (tests use port 0).
  // A TLS file that cannot be read is an error naming its flag.
  static absl::StatusOr<std::unique_ptr<GrpcServer>> Start(
      const std::string& address, const std::vector<grpc::Service*>& services,
      const std::string& port_file = "", const ServerTlsOptions& tls = {});

  int port() const { return port_; }
  // Marks every service SERVING / NOT_SERVING in the health service.
  void SetServing(bool serving);
  // Stops accepting calls and waits up to `grace` for in-flight ones.
  void Shutdown(absl::Duration grace);

 private:
  GrpcServer() = default;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  bool shut_down_ = false;
};

}  // namespace warta::services

#endif  // WARTA_SERVICES_COMMON_GRPC_SERVER_H_
