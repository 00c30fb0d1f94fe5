// Opaque page tokens for the store's List* calls, shared by all backends:
// a token is the web-safe base64 of the key of the last item on the
// previous page plus the kind of list it belongs to, so a token from one
// list is refused by another.
//
// Pure functions; thread-safe.
#ifndef WARTA_STORAGE_PAGE_TOKEN_H_
#define WARTA_STORAGE_PAGE_TOKEN_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace warta::storage {

// Where the previous page ended, in the list's ordering.
struct PageKey {
  int64_t published_at = 0;  // nanoseconds since the epoch
  std::string id;            // article id
  int64_t index = 0;         // claim position, or a plain offset
};

std::string EncodePageToken(std::string_view kind, const PageKey& key);

// INVALID_ARGUMENT when `token` was not made by EncodePageToken(kind, ...).
absl::StatusOr<PageKey> DecodePageToken(std::string_view kind,
                                        std::string_view token);

// 0 -> kDefaultPageSize, above kMaxPageSize -> kMaxPageSize; INVALID_ARGUMENT
// when negative.
absl::StatusOr<int> EffectivePageSize(int requested);

}  // namespace warta::storage

#endif  // WARTA_STORAGE_PAGE_TOKEN_H_
