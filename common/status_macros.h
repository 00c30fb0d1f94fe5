// RETURN_IF_ERROR / ASSIGN_OR_RETURN for absl::Status, which the Debian
// abseil (20220623) does not ship.
#ifndef WARTA_COMMON_STATUS_MACROS_H_
#define WARTA_COMMON_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define WARTA_STATUS_CONCAT_INNER_(a, b) a##b
#define WARTA_STATUS_CONCAT_(a, b) WARTA_STATUS_CONCAT_INNER_(a, b)

// Returns from the enclosing function when `expr` is not OK.
#define RETURN_IF_ERROR(expr)                       \
  do {                                              \
    ::absl::Status warta_status_ = (expr);          \
    if (!warta_status_.ok()) return warta_status_;  \
  } while (0)

// `ASSIGN_OR_RETURN(auto x, MakeX());` declares x from the value of an OK
// StatusOr, or returns its status from the enclosing function.
#define ASSIGN_OR_RETURN(lhs, rexpr)                                        \
  ASSIGN_OR_RETURN_IMPL_(WARTA_STATUS_CONCAT_(warta_statusor_, __LINE__), \
                         lhs, rexpr)

#define ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                           \
  if (!statusor.ok()) return statusor.status();      \
  lhs = std::move(statusor).value()

#endif  // WARTA_COMMON_STATUS_MACROS_H_
