// Unicode normalisation that keeps offsets back to the input: NFC (ICU),
// curly double quotes to '"', curly single quotes to '\'', dashes and the
// minus sign to '-', every kind of space (no-break, thin, ideographic,
// tab) to ' ' with runs collapsed, line and paragraph separators and CR/CRLF
// to '\n', zero-width and soft-hyphen characters and other controls dropped,
// ill-formed UTF-8 to U+FFFD. Guillemets («») are kept: they are quotes the
// claims stage reads as such.
//
// Thread-safe: the ICU normaliser instance is shared and immutable.
#ifndef WARTA_ENRICHMENT_TEXT_UNICODE_NORMALIZER_H_
#define WARTA_ENRICHMENT_TEXT_UNICODE_NORMALIZER_H_

#include <string>
#include <string_view>
#include <vector>

namespace warta::enrichment {

struct NormalizedText {
  std::string text;
  // offsets[i] = byte offset in the input of text[i]; size text.size() + 1,
  // the last entry is the input size. Non-decreasing.
  std::vector<int> offsets;
};

NormalizedText NormalizeText(std::string_view input);

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_TEXT_UNICODE_NORMALIZER_H_
