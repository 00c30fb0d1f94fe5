#include "common/content_hash.h"

#include <openssl/sha.h>

#include <algorithm>

#include "absl/strings/escaping.h"

namespace warta {

std::string ContentHashHex(std::initializer_list<absl::string_view> parts, size_t bytes) {
  SHA256_CTX ctx;
  SHA256_Init(&ctx);
  for (absl::string_view part : parts) {
    SHA256_Update(&ctx, part.data(), part.size());
    SHA256_Update(&ctx, "\0", 1);
  }
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256_Final(digest, &ctx);
  return absl::BytesToHexString(absl::string_view(
      reinterpret_cast<const char*>(digest), std::min<size_t>(bytes, SHA256_DIGEST_LENGTH)));
}

}  // namespace warta
