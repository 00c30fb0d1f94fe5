// libFuzzer target for the store's page tokens, which arrive from any
// client: a token either decodes to a key whose own token decodes to the
// same key (and is refused by every other list), or is refused with
// INVALID_ARGUMENT. Any key a page can end on round-trips.
//
// Input: the first byte picks the list; the rest is the token, and also
// the raw material of a key for the round trip.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "storage/page_token.h"
#include "fuzz/fuzz_check.h"

namespace {

using warta::storage::DecodePageToken;
using warta::storage::EncodePageToken;
using warta::storage::PageKey;

// The lists that page (storage/sql_backend.cc).
constexpr std::string_view kKinds[] = {"articles", "claims", "contested"};

using warta::fuzz::Check;

bool SameKey(const PageKey& a, const PageKey& b) {
  return a.published_at == b.published_at && a.index == b.index && a.id == b.id;
}

// Decodes as `kind` only.
void CheckRoundTrip(std::string_view kind, const PageKey& key) {
  const std::string token = EncodePageToken(kind, key);
  absl::StatusOr<PageKey> back = DecodePageToken(kind, token);
  Check(back.ok() && SameKey(*back, key));
  for (std::string_view other : kKinds) {
    if (other != kind) Check(!DecodePageToken(other, token).ok());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view kind = kKinds[data[0] % 3];
  const std::string_view token(reinterpret_cast<const char*>(data) + 1, size - 1);

  absl::StatusOr<PageKey> key = DecodePageToken(kind, token);
  if (key.ok()) {
    CheckRoundTrip(kind, *key);
  } else {
    Check(key.status().code() == absl::StatusCode::kInvalidArgument);
  }

  PageKey made;
  if (token.size() >= 16) {
    std::memcpy(&made.published_at, token.data(), 8);
    std::memcpy(&made.index, token.data() + 8, 8);
    made.id = std::string(token.substr(16));
  }
  CheckRoundTrip(kind, made);
  return 0;
}
