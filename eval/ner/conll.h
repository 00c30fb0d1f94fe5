// Reading CoNLL-style NER files: one token a line, the tag in the last
// column ("token<TAB>tag" or "token POS tag"), a blank line between
// sentences; IOB1, IOB2 or BILOU; the label names of every set in
// ../shared/data/ner/ map onto PERSON / ORGANIZATION / LOCATION (anything
// else, e.g. NERP's EVT and FNB, is O). Also the entity-level scorer.
//
// Pure functions over file contents; thread-safe.
#ifndef WARTA_EVAL_NER_CONLL_H_
#define WARTA_EVAL_NER_CONLL_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "enrichment/entities/ner_model.h"

namespace warta::eval {

struct ConllSentence {
  std::vector<std::string> tokens;
  std::vector<std::string> labels;  // as written in the file
  // Count of "-DOCSTART-" lines before the sentence, not counting those
  // before the first sentence: 0 throughout in a file without them.
  int document = 0;
};

absl::StatusOr<std::vector<ConllSentence>> ParseConll(std::string_view contents);

// 0 PERSON, 1 ORGANIZATION, 2 LOCATION, -1 for anything else.
int MapEntityType(std::string_view label);

// Gold spans of a sentence, CoNLL-style (conlleval): B/S/U start a chunk,
// I/L/E continue one of the same type or else start one.
std::vector<enrichment::ner::TaggedSpan> LabelsToSpans(const std::vector<std::string>& labels);
// The same spans as model tags (BIO over the three types).
std::vector<int> SpansToTags(const std::vector<enrichment::ner::TaggedSpan>& spans, int n);

// Exact-span entity counts per type (index = type) .
struct NerCounts {
  std::array<long, enrichment::ner::kNumTypes> tp{}, fp{}, fn{};
  void Add(const std::vector<enrichment::ner::TaggedSpan>& gold,
           const std::vector<enrichment::ner::TaggedSpan>& predicted);
  void Merge(const NerCounts& other);
  double F1() const;  // micro-averaged over types
};

// {"precision":..,"recall":..,"f1":..,"tp":..,"fp":..,"fn":..} overall and
// per type.
std::string NerCountsJson(const NerCounts& counts);

}  // namespace warta::eval

#endif  // WARTA_EVAL_NER_CONLL_H_
