// Pieces: the segment stage's tokens at the grain the rule-based stages
// (quantities, claims) match on. Not a second tokeniser: every piece is a
// token, or part of one cut at its inner marks, so token boundaries stay
// the segmenter's (one tokenisation rule):
//   - a word is cut at its periods: "Nov." -> "Nov" "." (the lexicons look
//     up "nov"), "Suara.com" -> "Suara" "." "com", "S.H." -> "S" "." "H" ".";
//     and after a leading "@" or "#": "@akun" -> "@" "akun" (an account
//     is not a speaker's name: "Akun instagram @tmcpoldametro menyebutkan");
//   - a number or date is cut at "-", "/" and ":": "3.000-5.000" -> "3.000"
//     "-" "5.000" (a range), "27/3" -> "27" "/" "3", "09:20" -> "09" ":" "20";
//     "." and "," stay inside ("10.000", "3,5": ParseNumeral reads them);
//   - a run of one mark ("...", "--") is one piece per mark;
//   - "Rp" before an amount (a kSymbol token) is a word; other symbols are
//     marks; URLs and dates' kOther tokens are kOther.
//
// Pure functions, thread-safe.
#ifndef WARTA_ENRICHMENT_SEGMENT_TOKEN_PIECES_H_
#define WARTA_ENRICHMENT_SEGMENT_TOKEN_PIECES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "enrichment/document.h"

namespace warta::enrichment {

enum class PieceKind : uint8_t {
  kWord,    // letters (digits, inner hyphens/apostrophes): "kawan-kawan", "G20"
  kNumber,  // digits with "." / "," inside: "10.000", "3,5", "1,234.5"
  kPunct,   // one punctuation mark or symbol: "\"", ",", "$", "%"
  kOther,   // a URL, an ill-formed byte, a control character
};

struct Piece {
  int begin = 0;  // byte offsets into the text the tokens are of (plus base)
  int end = 0;
  PieceKind kind = PieceKind::kWord;
  // True when whitespace (or the start of the text) comes right before.
  bool space_before = false;
};

// The pieces of `tokens`, the segmenter's tokens of `text` (in order);
// every offset in the result is shifted by `base`.
std::vector<Piece> PiecesOfTokens(std::string_view text, const std::vector<Token>& tokens,
                                  int base = 0);

// The pieces of a text that is not a Document's (an entity's name, a
// numeral string): PiecesOfTokens over TokenizeText(text).
std::vector<Piece> PiecesOf(std::string_view text, int base = 0);

// ASCII lower-casing (enough for cue words and units: they are ASCII in the
// languages we handle). Non-ASCII bytes are kept.
std::string AsciiLower(std::string_view s);

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_SEGMENT_TOKEN_PIECES_H_
