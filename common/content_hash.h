// A stable content hash for ids and versions: SHA-256 over the parts, each
// followed by a NUL so ("ab","c") and ("a","bc") differ, as lower-case hex of
// the first `bytes` bytes. The same input gives the same text in every run
// and on every machine (unlike absl::Hash).
#ifndef WARTA_COMMON_CONTENT_HASH_H_
#define WARTA_COMMON_CONTENT_HASH_H_

#include <initializer_list>
#include <string>

#include "absl/strings/string_view.h"

namespace warta {

// `bytes` is at most 32.
std::string ContentHashHex(std::initializer_list<absl::string_view> parts, size_t bytes);

}  // namespace warta

#endif  // WARTA_COMMON_CONTENT_HASH_H_
