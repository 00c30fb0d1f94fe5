// `warta eval ner [--model=PATH] FILE...`: tags the sentences of CoNLL NER
// files with the NER model and prints entity-level precision, recall and F1
// (exact span match, CoNLL-style) per type and overall, per file and for
// all files together, as one JSON object.
//
// An adapter: reads files, then calls the pure enrichment core.
#ifndef WARTA_EVAL_NER_NER_EVAL_H_
#define WARTA_EVAL_NER_NER_EVAL_H_

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "enrichment/entities/ner_model.h"
#include "eval/ner/conll.h"

namespace warta::eval {

// args: FILE... and optionally --model=PATH (default
// <models_dir>/ner/ner.model) and --variant=NAME (a weight set of the model,
// e.g. "news" or "caseless"; default: chosen per sentence by its case, as
// the entities stage does) and --errors (before the report, "# " lines
// with each sentence the model gets wrong: its gold and its tagged names).
// Writes the JSON report to `out`.
absl::Status RunNerEval(const std::vector<std::string>& args,
                        const std::filesystem::path& models_dir, std::ostream& out);

// Scores `model` on parsed sentences.
NerCounts EvaluateNer(const enrichment::ner::NerModel& model,
                      const std::vector<ConllSentence>& sentences, std::string_view variant = {});

}  // namespace warta::eval

#endif  // WARTA_EVAL_NER_NER_EVAL_H_
