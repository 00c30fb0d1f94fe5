// `warta eval langid`: scores language identification on labelled text and
// prints the figures as JSON.
//
//   warta eval langid DIR [--half=all|train|heldout]   lingua layout:
//                                      DIR/<code>.txt, one text a line
//   warta eval langid --nusax FILE.csv   NusaX: id/en/jv/su columns
//   warta eval langid --news FILE.jsonl  article level (IndoSum "lang")
// Flags, any form:
//   --engine=warta|cld2     warta (default): LanguageIdentifier; cld2: plain
//                           CLD2 on the same texts, for comparison
//   --models_dir=DIR        where langid/nusantara-v1.bin is (default: the
//                           repository's models/)
//   --model=FILE            the model file itself (overrides --models_dir)
//   --errors=N              also list up to N misidentified texts
//   --half=all|train|heldout  lingua lines / news articles by 0-based index:
//                           train = even (what the model learnt from),
//                           heldout = odd
//   --cld2_prior, --temperature, --sample_bytes  override LanguageOptions
//                           (cld2_prior, model_temperature,
//                           article_sample_bytes) to study them
// Sentences are scored with LanguageIdentifier::Identify, --news articles
// with Process (as the pipeline runs them).
//
// Thread-safety: RunLangidEval keeps no state between calls.
#ifndef WARTA_EVAL_LANGID_LANGID_EVAL_H_
#define WARTA_EVAL_LANGID_LANGID_EVAL_H_

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "eval/langid/langid_data.h"

namespace warta::eval {

// args = what follows `warta eval langid`. Writes JSON to `out`; returns
// InvalidArgument / NotFound with a message a user can act on.
absl::Status RunLangidEval(const std::vector<std::string>& args,
                           std::ostream& out);

// Scores `identify` on `texts` and writes the JSON report (per-language and
// overall accuracy, accuracy over the languages CLD2 supports, the id/ms
// confusion). `label` names the data set in the output.
void WriteLangidReport(
    const std::vector<LabeledText>& texts,
    const std::function<std::string(std::string_view)>& identify,
    std::string_view engine, std::string_view label, int max_errors,
    std::ostream& out);

// Whether plain CLD2 (Debian's libcld2 tables) can output `code` at all;
// the "supported" accuracy is over these languages only.
bool Cld2Supports(std::string_view code);

}  // namespace warta::eval

#endif  // WARTA_EVAL_LANGID_LANGID_EVAL_H_
