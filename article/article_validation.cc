#include "article/article_validation.h"

#include "article/article_json.h"

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/content_hash.h"

namespace warta::article {
namespace {

absl::Status CheckText(absl::string_view field, absl::string_view value, size_t max_bytes) {
  if (value.size() > max_bytes) {
    return absl::InvalidArgumentError(absl::StrCat("article.", field, " is ", value.size(),
                                                   " bytes; the limit is ", max_bytes));
  }
  if (!IsValidUtf8(value)) {
    return absl::InvalidArgumentError(
        absl::StrCat("article.", field, " is not valid UTF-8; re-encode the text as UTF-8"));
  }
  return absl::OkStatus();
}

}  // namespace

bool IsValidUtf8(absl::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size(), i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) { ++i; continue; }
    int len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > n) return false;
    for (int k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      return false;
    }
    i += len;
  }
  return true;
}

absl::StatusOr<warta::v1::Article> DecodeArticle(absl::string_view bytes) {
  warta::v1::Article article;
  absl::string_view trimmed = absl::StripLeadingAsciiWhitespace(bytes);
  if (trimmed.empty()) return absl::InvalidArgumentError("empty message: expected an article");
  if (trimmed.front() == '{') return ArticleFromJson(trimmed);
  if (!article.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return absl::InvalidArgumentError(
        "neither protobuf-JSON (it does not start with '{') nor a binary warta.v1.Article");
  }
  return article;
}

absl::Status ValidateArticle(warta::v1::Article& article, const ArticleLimits& limits) {
  if (absl::StripAsciiWhitespace(article.body()).empty()) {
    return absl::InvalidArgumentError("article.body is required and must not be blank");
  }
  absl::Status s;
  if (!(s = CheckText("body", article.body(), limits.max_body_bytes)).ok()) return s;
  if (!(s = CheckText("title", article.title(), limits.max_title_bytes)).ok()) return s;
  if (!(s = CheckText("url", article.url(), limits.max_url_bytes)).ok()) return s;
  if (!(s = CheckText("id", article.id(), limits.max_id_bytes)).ok()) return s;
  if (!(s = CheckText("source", article.source(), limits.max_title_bytes)).ok()) return s;
  if (!(s = CheckText("language_hint", article.language_hint(), 64)).ok()) return s;
  if (article.metadata_size() > static_cast<int>(limits.max_metadata_entries)) {
    return absl::InvalidArgumentError(absl::StrCat("article.metadata has ", article.metadata_size(),
                                                   " entries; the limit is ",
                                                   limits.max_metadata_entries));
  }
  size_t metadata_bytes = 0;
  for (const auto& [k, v] : article.metadata()) {
    metadata_bytes += k.size() + v.size();
    if (!IsValidUtf8(k) || !IsValidUtf8(v)) {
      return absl::InvalidArgumentError("article.metadata holds text that is not valid UTF-8");
    }
  }
  if (metadata_bytes > limits.max_metadata_bytes) {
    return absl::InvalidArgumentError(absl::StrCat("article.metadata is ", metadata_bytes,
                                                   " bytes; the limit is ",
                                                   limits.max_metadata_bytes));
  }
  if (article.has_published_at()) {
    int64_t seconds = article.published_at().seconds();
    // Timestamp's own valid range: 0001-01-01 to 9999-12-31.
    if (seconds < -62135596800LL || seconds > 253402300799LL || article.published_at().nanos() < 0 ||
        article.published_at().nanos() > 999999999) {
      return absl::InvalidArgumentError("article.published_at is out of range");
    }
  }
  for (char c : article.id()) {
    if (static_cast<unsigned char>(c) < 0x20) {
      return absl::InvalidArgumentError("article.id must not contain control characters");
    }
  }
  if (article.id().empty()) article.set_id(DeriveArticleId(article));
  return absl::OkStatus();
}

std::string DeriveArticleId(const warta::v1::Article& article) {
  return ContentHashHex({article.source(), article.title(), article.body()}, 16);
}

}  // namespace warta::article
