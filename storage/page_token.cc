#include "storage/page_token.h"

#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "storage/store.h"

namespace warta::storage {
namespace {

// Separates the fields; the id comes last so it may contain anything.
constexpr char kSeparator = '\x1f';
constexpr std::string_view kFormat = "p1";

}  // namespace

std::string EncodePageToken(std::string_view kind, const PageKey& key) {
  const std::string sep(1, kSeparator);
  return absl::WebSafeBase64Escape(absl::StrCat(
      std::string(kFormat), sep, std::string(kind), sep, key.published_at, sep,
      key.index, sep, key.id));
}

absl::StatusOr<PageKey> DecodePageToken(std::string_view kind,
                                        std::string_view token) {
  const absl::Status bad = absl::InvalidArgumentError(absl::StrCat(
      "invalid page_token \"", std::string(token),
      "\": pass the next_page_token of a previous response to the same call"));
  std::string raw;
  if (!absl::WebSafeBase64Unescape(absl::string_view(token.data(), token.size()),
                                   &raw)) {
    return bad;
  }
  std::vector<std::string> parts =
      absl::StrSplit(raw, absl::MaxSplits(kSeparator, 4));
  PageKey key;
  if (parts.size() != 5 || parts[0] != kFormat || parts[1] != kind ||
      !absl::SimpleAtoi(parts[2], &key.published_at) ||
      !absl::SimpleAtoi(parts[3], &key.index)) {
    return bad;
  }
  key.id = std::move(parts[4]);
  return key;
}

absl::StatusOr<int> EffectivePageSize(int requested) {
  if (requested < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size must not be negative, got ", requested));
  }
  if (requested == 0) return kDefaultPageSize;
  return requested > kMaxPageSize ? kMaxPageSize : requested;
}

}  // namespace warta::storage
