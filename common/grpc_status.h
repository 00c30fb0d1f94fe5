// The one mapping from absl::Status to grpc::Status, for every gRPC server in
// Warta. Header-only (no CMake target of its own): link gRPC::grpc++ and
// warta_common. absl and gRPC status codes share their numbering, so the
// code carries over unchanged.
//
// Thread-safe (pure function).
#ifndef WARTA_COMMON_GRPC_STATUS_H_
#define WARTA_COMMON_GRPC_STATUS_H_

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

#endif  // WARTA_COMMON_GRPC_STATUS_H_
