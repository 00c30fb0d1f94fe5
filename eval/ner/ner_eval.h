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
#include "absl/status/statusor.h"
#include "enrichment/entities/entity_recognizer.h"
#include "enrichment/entities/ner_model.h"
#include "eval/ner/conll.h"

namespace warta::eval {

// args: FILE... and optionally --model=PATH (default
// <models_dir>/ner/ner.model) and --variant=NAME (a weight set of the model,
// e.g. "news" or "caseless"; default: chosen per sentence by its case, as
// the entities stage does) and --errors (before the report, "# " lines
// with each sentence the model gets wrong: its gold and its tagged names)
// and --stage (score the whole entity stage instead of the model alone:
// EntityRecognizer::Process over each -DOCSTART- document, or each
// sentence of a file without -DOCSTART- lines, so its
// document-level steps count too — a name found once and repeated where
// the model missed it, trimmed titles, known places; the weights follow
// the language, English for --variant=en).
// --known_places_as_locations relabels the files' unlabelled country and
// city names LOCATION (label_conventions.h): scores a set that leaves
// them O, like idner_news_2k, by Warta's convention. Writes the JSON
// report to `out`.
absl::Status RunNerEval(const std::vector<std::string>& args,
                        const std::filesystem::path& models_dir, std::ostream& out);

// The model's spans for each sentence.
std::vector<std::vector<enrichment::ner::TaggedSpan>> PredictNer(const enrichment::ner::NerModel& model,
                                                                 const std::vector<ConllSentence>& sentences,
                                                                 std::string_view variant = {});

// The entity stage's PERSON / ORGANIZATION / LOCATION mentions for each
// sentence, running `recognizer` once per document (ConllSentence::document,
// or once per sentence when `sentences_are_documents`) whose language is
// `language`.
absl::StatusOr<std::vector<std::vector<enrichment::ner::TaggedSpan>>> PredictNerStage(
    const enrichment::EntityRecognizer& recognizer, const std::vector<ConllSentence>& sentences,
    std::string_view language, bool sentences_are_documents = false);

// Exact-span counts of `predicted` (one entry per sentence) against gold.
NerCounts CountNer(const std::vector<ConllSentence>& sentences,
                   const std::vector<std::vector<enrichment::ner::TaggedSpan>>& predicted);

// Scores `model` on parsed sentences.
NerCounts EvaluateNer(const enrichment::ner::NerModel& model,
                      const std::vector<ConllSentence>& sentences, std::string_view variant = {});

}  // namespace warta::eval

#endif  // WARTA_EVAL_NER_NER_EVAL_H_
