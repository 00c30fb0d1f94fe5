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

// Search pages are ranked, not listed: a token holds where the previous
// page ended in the ranking (its last hit's score and stored position, the
// tie-break; the next page starts below it), the time recency was measured
// from (kept, so the same article scores the same on every page), and a
// fingerprint of the query and filter it belongs to. Pages of an unchanged
// store never repeat or skip a hit; articles stored meanwhile change the
// candidates (the newest matches), and so the pages after.
struct SearchPageKey {
  uint64_t fingerprint = 0;      // SearchFingerprint(query, filter)
  int64_t reference_time = 0;    // nanoseconds since the epoch
  double score = 0;
  int64_t position = 0;          // the backend's stored-order key of the hit
};

std::string EncodeSearchPageToken(const SearchPageKey& key);
// INVALID_ARGUMENT when `token` is not a search token, or belongs to
// another query or filter than `fingerprint`.
absl::StatusOr<SearchPageKey> DecodeSearchPageToken(std::string_view token,
                                                    uint64_t fingerprint);

// Search page sizes: 0 -> 20, above 100 -> 100; INVALID_ARGUMENT when
// negative.
inline constexpr int kDefaultSearchPageSize = 20;
inline constexpr int kMaxSearchPageSize = 100;
absl::StatusOr<int> EffectiveSearchPageSize(int requested);

}  // namespace warta::storage

#endif  // WARTA_STORAGE_PAGE_TOKEN_H_
