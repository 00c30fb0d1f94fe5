// Segmenter: paragraphs, sentences and tokens of Document::text, with
// offsets, following Indonesian conventions:
//   - "10.000" (ten thousand), "3,5" (3.5), "04.28", "09:20" are one number;
//   - "kawan-kawan", "Rusia-Ukraina", "Jong-un", "U-22" are one word;
//   - "1/11/2024", and "27/3" inside parentheses, are one kDate token;
//   - "Suara.com", "TEMPO.CO" are one word;
//   - "Rp3,5" (any case) is "Rp" (kSymbol) + "3,5"; "$", "%", "€" are kSymbol;
//   - dotted abbreviations keep their period ("Jl.", "dr.", "Prof.", "S.H.",
//     single initials "S.") and do not end a sentence; "Menlu", "AS", "PBB"
//     have no period and never do.
// A paragraph is a non-empty line; a sentence never crosses a paragraph.
// Sentences end at '.', '!', '?', '...' (with closing quotes and brackets
// glued to them) when what follows does not start in lower case.
//
// Thread-safe: a Segmenter is immutable after Create; Process is const.
#ifndef WARTA_ENRICHMENT_SEGMENT_SEGMENTER_H_
#define WARTA_ENRICHMENT_SEGMENT_SEGMENTER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "enrichment/document.h"

namespace warta::enrichment {

struct SegmenterOptions {
  // A sentence longer than this many tokens is cut (at the token limit), so
  // a page without punctuation does not make one huge sentence for the
  // stages after this one.
  int max_sentence_tokens = 250;
};

class Segmenter {
 public:
  static absl::StatusOr<std::unique_ptr<Segmenter>> Create(const SegmenterOptions& options);

  // Fills doc.paragraphs, doc.sentences and doc.tokens from doc.text
  // (replacing what was there). Never fails on any text.
  absl::Status Process(Document& doc) const;

 private:
  explicit Segmenter(const SegmenterOptions& options) : options_(options) {}
  SegmenterOptions options_;
};

// The tokens of `text` by the same rules as Segmenter::Process, offsets
// into `text`: for the few strings that are not a Document's text (an
// entity's name, a numeral handed to the quantity parser, a gold speaker
// name in the eval), so there is one tokenisation rule. Stages working on
// an article read Document::tokens instead of calling this. Never fails.
std::vector<Token> TokenizeText(std::string_view text);

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_SEGMENT_SEGMENTER_H_
