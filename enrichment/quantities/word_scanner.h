// A small UTF-8 word scanner shared by the quantity parser and the claim
// extractor. It splits a text into words, numbers and single punctuation
// marks with byte offsets, so both stages can work on any span of
// Document::text without depending on how the segment stage tokenised it
// (and so their parsers can be fuzzed on raw bytes).
//
// Invalid UTF-8 never fails: a broken byte becomes a one-byte kOther piece.
// Pure functions, thread-safe.
#ifndef WARTA_ENRICHMENT_QUANTITIES_WORD_SCANNER_H_
#define WARTA_ENRICHMENT_QUANTITIES_WORD_SCANNER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace warta::enrichment {

enum class PieceKind : uint8_t {
  kWord,    // letters, inner hyphens/apostrophes: "kawan-kawan", "Ma’ruf"
  kNumber,  // digits with inner separators: "10.000", "3,5", "1,234.5"
  kPunct,   // one punctuation or symbol code point: "“", ",", "$", "€"
  kOther,   // an invalid byte or a control character
};

struct Piece {
  int begin = 0;  // byte offsets into the scanned text (plus base offset)
  int end = 0;
  PieceKind kind = PieceKind::kWord;
  // True when whitespace (or the start of the text) comes right before.
  bool space_before = false;
};

// Decodes the code point at text[pos]; sets *length to its byte length
// (1 for an invalid byte, whose value is then returned as-is).
char32_t DecodeUtf8(std::string_view text, size_t pos, int* length);

bool IsLetter(char32_t c);
bool IsSpace(char32_t c);

// Scans `text`; every offset in the result is shifted by `base`.
std::vector<Piece> ScanPieces(std::string_view text, int base = 0);

// ASCII lower-casing (enough for cue words and units: they are ASCII in the
// languages we handle). Non-ASCII bytes are kept.
std::string AsciiLower(std::string_view s);

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_QUANTITIES_WORD_SCANNER_H_
