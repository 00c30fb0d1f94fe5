// `warta eval attribution FILE...`: scores the claims stage on quote
// attribution gold in the BILOU format of PFSA-ID (token<TAB>tag, blank line
// between sentences; PERSON, PERSONCOREF, CUE, CUECOREF, STATEMENT, ...).
//
// The tokens are joined back into article text (the gold spacing is lost;
// see RebuildArticles), the real stages run over it (segmenter, entity
// recogniser with its model when available), and the DIRECT_QUOTE claims
// are compared with the gold STATEMENT spans:
//   - exact / overlap precision, recall and F1 over statements (edge
//     punctuation and quotation marks ignored);
//   - speaker accuracy over gold statements matched by overlap whose gold
//     speaker is known.
// An adapter: reads files, then calls the pure enrichment core.
#ifndef WARTA_EVAL_ATTRIBUTION_ATTRIBUTION_EVAL_H_
#define WARTA_EVAL_ATTRIBUTION_ATTRIBUTION_EVAL_H_

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
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

struct AttributionScores {
  int articles = 0;
  int gold = 0;
  int predicted = 0;
  int exact_matches = 0;
  int overlap_gold_matched = 0;
  int overlap_pred_matched = 0;
  int speaker_evaluated = 0;
  int speaker_correct = 0;
  int gold_with_speaker = 0;
  void Add(const AttributionScores& o);
  std::string ToJson() const;
};

// args: FILE... [--models=DIR] [--no-ner] [--errors] (--errors prints
// missed and spurious statements and wrong speakers to stderr).
// models_dir is where models/ner/ner.model is looked for unless --models.
absl::Status RunAttributionEval(const std::vector<std::string>& args,
                                const std::filesystem::path& models_dir,
                                std::ostream& out);
absl::Status RunAttributionEval(const std::vector<std::string>& args,
                                std::ostream& out);

}  // namespace warta::eval

#endif  // WARTA_EVAL_ATTRIBUTION_ATTRIBUTION_EVAL_H_
