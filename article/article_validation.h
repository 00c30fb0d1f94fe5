// What makes a warta.v1.Article acceptable, shared by every door an article
// comes in through (IngestService, the raw Kafka topic, EnrichService, the
// CLI): decoding from protobuf or protobuf-JSON, validation with messages a
// user can act on, and the content-derived id. Pure functions, thread-safe.
#ifndef WARTA_ARTICLE_ARTICLE_VALIDATION_H_
#define WARTA_ARTICLE_ARTICLE_VALIDATION_H_

#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "warta/v1/article.pb.h"

namespace warta::article {

struct ArticleLimits {
  // Kafka's default message limit is 1 MiB and the enriched article carries
  // the body twice (original and cleaned), so bodies stay well under that.
  size_t max_body_bytes = 256 * 1024;
  size_t max_title_bytes = 2048;
  size_t max_url_bytes = 4096;
  size_t max_id_bytes = 256;
  size_t max_metadata_entries = 64;
  size_t max_metadata_bytes = 16 * 1024;
};

// Decodes a raw message: a JSON article (ArticleFromJson: protobuf-JSON or
// crawler names) when it starts with '{' (after whitespace), binary protobuf
// otherwise.
absl::StatusOr<warta::v1::Article> DecodeArticle(absl::string_view bytes);

// INVALID_ARGUMENT naming the field and the limit when the article is not
// acceptable. Fills `id` from the content when it is empty.
absl::Status ValidateArticle(warta::v1::Article& article, const ArticleLimits& limits = {});

// A stable id from the content: hex SHA-256 (first 128 bits) of source,
// title and body. The same article resubmitted gets the same id.
std::string DeriveArticleId(const warta::v1::Article& article);

bool IsValidUtf8(absl::string_view text);

}  // namespace warta::article

#endif  // WARTA_ARTICLE_ARTICLE_VALIDATION_H_
