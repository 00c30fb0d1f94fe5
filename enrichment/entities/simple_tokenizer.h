// The tokeniser and sentence splitter the NER trainer reads the unlabelled
// news with (training/ner/news_corpus.h): the committed models/ner/ner.model
// was trained on its statistics, so it stays as it is. No enrichment stage
// uses it: they read the segment stage's Document::tokens. Words keep inner hyphens and apostrophes ("Jong-un"), numbers keep
// inner separators ("10.000", "3,5"); a newline or ". ! ?" ends a sentence.
// The segment stage (enrichment/segment) is the real thing.
//
// Pure and thread-safe.
#ifndef WARTA_ENRICHMENT_ENTITIES_SIMPLE_TOKENIZER_H_
#define WARTA_ENRICHMENT_ENTITIES_SIMPLE_TOKENIZER_H_

#include <string_view>
#include <vector>

#include "enrichment/document.h"

namespace warta::enrichment {

struct SimpleSegmentation {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
};

SimpleSegmentation SimpleSegment(std::string_view text);

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_ENTITIES_SIMPLE_TOKENIZER_H_
