// The one reading of a JSON article, for every door an article comes in
// through (`warta publish` files, kcat on articles.raw, IngestService's
// article_json): warta.v1.Article's own names (protobuf JSON, camelCase or
// snake_case) and common crawler names (text, content, source_url, link,
// lang, date, headline, outlet). Unknown scalar fields go to metadata.
#ifndef WARTA_ARTICLE_ARTICLE_JSON_H_
#define WARTA_ARTICLE_ARTICLE_JSON_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "warta/v1/article.pb.h"

namespace warta::article {

// One JSON object -> Article. INVALID_ARGUMENT naming the problem for text
// that is not a JSON object, a known field holding an object or a list, or
// a date that is not RFC 3339 / YYYY-MM-DD. Does not validate the article
// (ValidateArticle does: body required, sizes, UTF-8).
absl::StatusOr<warta::v1::Article> ArticleFromJson(absl::string_view json);

}  // namespace warta::article

#endif  // WARTA_ARTICLE_ARTICLE_JSON_H_
