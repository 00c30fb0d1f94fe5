// Reading quote-attribution gold in the BILOU format of PFSA-ID
// (token<TAB>tag, a blank line between sentences; PERSON, PERSONCOREF,
// CUE, CUECOREF, STATEMENT, ...) into articles: the tokens joined back into
// text, the gold sentences, and the statements with the speaker the
// annotation implies.
//
// Pure functions over file contents; thread-safe.
#ifndef WARTA_EVAL_ATTRIBUTION_BILOU_GOLD_H_
#define WARTA_EVAL_ATTRIBUTION_BILOU_GOLD_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "enrichment/document.h"

namespace warta::eval {

// One gold token with its place in the rebuilt text.
struct GoldToken {
  std::string text;
  std::string tag;  // "O", "B-STATEMENT", ...
  enrichment::Span span;  // in GoldArticle::text
};

struct GoldStatement {
  int first_token = 0;  // [first_token, end_token) into GoldArticle::tokens
  int end_token = 0;
  // The speaker the annotation implies: the PERSON next to the statement's
  // cue, or for a coreferent cue/mention ("katanya", "Presiden") the last
  // PERSON before it in the article. Empty when unknown.
  std::string speaker;
  // The local words naming the speaker (PERSON, PERSONCOREF or the
  // CUECOREF word), for crediting a prediction that points at them.
  std::vector<enrichment::Span> speaker_spans;
};

struct GoldArticle {
  std::string text;
  std::vector<GoldToken> tokens;
  std::vector<enrichment::Span> sentences;  // the gold sentence split
  std::vector<GoldStatement> statements;
};

// Parses BILOU text into articles. A new article starts at a sentence that
// opens with a KOMPAS dateline ("JAKARTA, KOMPAS —"). Quotation marks are
// glued to the side they belong to by surface cues only (a mark ending a
// sentence opens the next one; a mark after punctuation closes), never by
// the gold tags.
absl::StatusOr<std::vector<GoldArticle>> ParseAttributionGold(std::string_view contents);

// The gold tokens [first, end) of an article as text.
std::string TokensText(const GoldArticle& a, int first, int end);

// Whether a token has a letter or a digit (is not only punctuation).
bool HasAlnum(std::string_view token);

}  // namespace warta::eval

#endif  // WARTA_EVAL_ATTRIBUTION_BILOU_GOLD_H_
