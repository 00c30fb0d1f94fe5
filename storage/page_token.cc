#include "storage/page_token.h"

#include <cstring>
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
constexpr std::string_view kSearchFormat = "s1";

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

std::string EncodeSearchPageToken(const SearchPageKey& key) {
  const std::string sep(1, kSeparator);
  uint64_t score_bits = 0;
  static_assert(sizeof(score_bits) == sizeof(key.score));
  std::memcpy(&score_bits, &key.score, sizeof(score_bits));  // exact, unlike text
  return absl::WebSafeBase64Escape(absl::StrCat(
      std::string(kSearchFormat), sep, absl::Hex(key.fingerprint), sep, key.reference_time, sep,
      absl::Hex(score_bits), sep, key.position));
}

absl::StatusOr<SearchPageKey> DecodeSearchPageToken(std::string_view token,
                                                    uint64_t fingerprint) {
  const absl::Status bad = absl::InvalidArgumentError(absl::StrCat(
      "invalid page_token \"", std::string(token.substr(0, 100)),
      "\": pass the next_page_token of the previous SearchArticles response"));
  std::string raw;
  if (!absl::WebSafeBase64Unescape(absl::string_view(token.data(), token.size()), &raw)) {
    return bad;
  }
  std::vector<std::string> parts = absl::StrSplit(raw, kSeparator);
  SearchPageKey key;
  uint64_t score_bits = 0;
  if (parts.size() != 5 || parts[0] != kSearchFormat ||
      !absl::SimpleHexAtoi(parts[1], &key.fingerprint) ||
      !absl::SimpleAtoi(parts[2], &key.reference_time) ||
      !absl::SimpleHexAtoi(parts[3], &score_bits) ||
      !absl::SimpleAtoi(parts[4], &key.position)) {
    return bad;
  }
  if (key.fingerprint != fingerprint) {
    return absl::InvalidArgumentError(
        "page_token belongs to another search (the query or the filter changed): "
        "ask again without a page_token");
  }
  std::memcpy(&key.score, &score_bits, sizeof(score_bits));
  return key;
}

absl::StatusOr<int> EffectiveSearchPageSize(int requested) {
  if (requested < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size must not be negative, got ", requested));
  }
  if (requested == 0) return kDefaultSearchPageSize;
  return requested > kMaxSearchPageSize ? kMaxSearchPageSize : requested;
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
