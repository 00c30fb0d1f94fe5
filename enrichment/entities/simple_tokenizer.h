// A small tokeniser and sentence splitter for when a Document arrives
// without the segment stage's tokens (tools, benchmarks, tests of this stage
// alone). Words keep inner hyphens and apostrophes ("Jong-un"), numbers keep
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
