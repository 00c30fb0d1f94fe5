// Finds direct quotations in text: “…”, "…", «…», „…“ and the Indonesian
// press habit of opening with ” (”Saya minta …,” kata Presiden). A quote may
// span sentences; an unclosed quote continued in the next paragraph (the
// news convention of reopening each paragraph) ends at its paragraph end.
//
// Pure function over a string_view, thread-safe, total on any bytes (it is
// fuzzed).
#ifndef WARTA_ENRICHMENT_CLAIMS_QUOTE_FINDER_H_
#define WARTA_ENRICHMENT_CLAIMS_QUOTE_FINDER_H_

#include <string_view>
#include <vector>

#include "enrichment/document.h"

namespace warta::enrichment {

struct QuoteSpan {
  Span outer;  // including the quotation marks
  Span inner;  // the quoted words, without marks and surrounding spaces
  bool closed = true;  // false when it ended at a paragraph break
};

// Quotes longer than this many bytes are taken as a missed closing mark.
inline constexpr int kMaxQuoteBytes = 4000;

// Offsets are into `text` plus `base`. Quotes never overlap and come in
// text order; empty quotes are dropped.
std::vector<QuoteSpan> FindQuotes(std::string_view text, int base = 0);

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_CLAIMS_QUOTE_FINDER_H_
