// Reading attribution gold in Warta's own JSON-lines format, for languages
// and sources without BILOU files (tests/data/attribution_en/): one article
// a line,
//   {"id": "en-001", "language": "en", "text": "...",
//    "statements": [{"content": "...", "speaker": "Antony Blinken"}, ...]}
// where each content is a substring found once in the text (direct quotes
// without their marks, reported speech without "that"), and speaker is the
// full name of who said it ("" when the text names nobody).
//
// Pure functions over file contents; thread-safe.
#ifndef WARTA_EVAL_ATTRIBUTION_JSONL_GOLD_H_
#define WARTA_EVAL_ATTRIBUTION_JSONL_GOLD_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "enrichment/document.h"

namespace warta::eval {

struct JsonlStatement {
  enrichment::Span content;  // byte offsets into JsonlArticle::text
  std::string speaker;
};

struct JsonlArticle {
  std::string id;
  std::string language;
  std::string text;
  std::vector<JsonlStatement> statements;
};

// Parses the lines of `contents`; a content not found exactly once in its
// text is an error naming the article.
absl::StatusOr<std::vector<JsonlArticle>> ParseJsonlGold(std::string_view contents);

}  // namespace warta::eval

#endif  // WARTA_EVAL_ATTRIBUTION_JSONL_GOLD_H_
