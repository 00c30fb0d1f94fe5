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
#include "eval/attribution/bilou_gold.h"
#include "eval/attribution/jsonl_gold.h"

namespace warta::eval {

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

// Scores one article's DIRECT_QUOTE claims (doc.claims, the stages already
// run over a.text) against its gold statements; with `errors`, prints what
// was missed, partial, spurious or given the wrong speaker there.
AttributionScores ScoreAttribution(const GoldArticle& a, const enrichment::Document& doc,
                                   std::ostream* errors = nullptr);

// The same scores for an article of the JSON-lines format (jsonl_gold.h):
// every claim, quote or reported, is matched to the gold statement it
// overlaps most (characters; exact when equal up to edge punctuation and
// quote marks); a statement with no named speaker ("") counts as right
// only when the claim names nobody either.
AttributionScores ScoreJsonlAttribution(const JsonlArticle& a, const enrichment::Document& doc,
                                        std::ostream* errors = nullptr);

// args: FILE... [--models=DIR] [--no-ner] [--errors]; FILE.jsonl is read
// as JSON lines (jsonl_gold.h), anything else as BILOU (--errors prints
// missed and spurious statements and wrong speakers to stderr).
// models_dir is where models/ner/ner.model is looked for unless --models.
absl::Status RunAttributionEval(const std::vector<std::string>& args,
                                const std::filesystem::path& models_dir,
                                std::ostream& out);
absl::Status RunAttributionEval(const std::vector<std::string>& args,
                                std::ostream& out);

}  // namespace warta::eval

#endif  // WARTA_EVAL_ATTRIBUTION_ATTRIBUTION_EVAL_H_
