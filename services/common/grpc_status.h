// The one mapping from absl::Status to grpc::Status, for every gRPC server in
// Warta. Header-only, part of warta_service_common (the gRPC adapters'
// library), so the common library stays free of gRPC. absl and gRPC status codes share their numbering, so the
// code carries over unchanged.
//
// Thread-safe (pure function).
#ifndef WARTA_SERVICES_COMMON_GRPC_STATUS_H_
#define WARTA_SERVICES_COMMON_GRPC_STATUS_H_

#include <string>

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace warta {

inline grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      std::string(status.message()));
}

}  // namespace warta

#endif  // WARTA_SERVICES_COMMON_GRPC_STATUS_H_
