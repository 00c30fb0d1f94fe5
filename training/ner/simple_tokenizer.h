// The tokeniser and sentence splitter the NER trainer reads its unlabelled
// news with (news_corpus.h): the committed models/ner/ner.model was trained
// on its statistics. No enrichment stage uses it; they all read the segment
// stage's Document::tokens (enrichment/segment/README.md). Training on the
// segmenter's tokens instead was measured and not adopted
// (enrichment/entities/README.md, "Training on the run time's tokens").
// Words keep inner hyphens and apostrophes ("Jong-un"), numbers keep inner
// separators ("10.000", "3,5"); a newline or ". ! ?" ends a sentence.
//
// Pure and thread-safe.
#ifndef WARTA_TRAINING_NER_SIMPLE_TOKENIZER_H_
#define WARTA_TRAINING_NER_SIMPLE_TOKENIZER_H_

#include <string_view>
#include <vector>

#include "enrichment/document.h"

namespace warta::training {

struct SimpleSegmentation {
  std::vector<enrichment::Token> tokens;
  std::vector<enrichment::Sentence> sentences;
};

SimpleSegmentation SimpleSegment(std::string_view text);

}  // namespace warta::training

#endif  // WARTA_TRAINING_NER_SIMPLE_TOKENIZER_H_
