#include "enrichment/segment/token_pieces.h"

#include "enrichment/segment/segmenter.h"

namespace warta::enrichment {
namespace {

bool IsAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

bool CutsNumber(char c) { return c == '-' || c == '/' || c == ':'; }

// Appends [b, e) cut before and after every byte `cut` accepts; the cut
// bytes become kPunct pieces, the parts between them `kind` pieces.
template <typename Cut>
void AddCut(std::string_view text, int b, int e, PieceKind kind, bool space_before, Cut cut,
            std::vector<Piece>& out) {
  int start = b;
  for (int i = b; i < e; ++i) {
    if (!cut(text[i])) continue;
    if (i > start) {
      out.push_back({start, i, kind, space_before});
      space_before = false;
    }
    out.push_back({i, i + 1, PieceKind::kPunct, space_before});
    space_before = false;
    start = i + 1;
  }
  if (start < e) out.push_back({start, e, kind, space_before});
}

}  // namespace

std::vector<Piece> PiecesOfTokens(std::string_view text, const std::vector<Token>& tokens,
                                  int base) {
  std::vector<Piece> out;
  out.reserve(tokens.size() + tokens.size() / 8);
  int prev_end = -1;
  for (const Token& t : tokens) {
    const int b = t.span.begin;
    const int e = t.span.end;
    const bool space_before = prev_end < 0 || b > prev_end;
    prev_end = e;
    switch (t.kind) {
      case TokenKind::kWord: {
        // "@akun", "#tagar": the mark, then the word.
        int w = b;
        if (text[b] == '@' || text[b] == '#') {
          out.push_back({b, b + 1, PieceKind::kPunct, space_before});
          ++w;
        }
        AddCut(text, w, e, PieceKind::kWord, space_before && w == b,
               [](char c) { return c == '.'; }, out);
        break;
      }
      case TokenKind::kNumber:
      case TokenKind::kDate:
        AddCut(text, b, e, PieceKind::kNumber, space_before, CutsNumber, out);
        break;
      case TokenKind::kPunctuation:
        // Runs of one ASCII mark ("...", "--") are one mark each; any
        // other punctuation token is one code point.
        if (static_cast<unsigned char>(text[b]) < 0x80) {
          AddCut(text, b, e, PieceKind::kPunct, space_before, [](char) { return true; }, out);
        } else {
          out.push_back({b, e, PieceKind::kPunct, space_before});
        }
        break;
      case TokenKind::kSymbol:
        out.push_back({b, e, IsAsciiLetter(text[b]) ? PieceKind::kWord : PieceKind::kPunct,
                       space_before});
        break;
      case TokenKind::kOther:
        out.push_back({b, e, PieceKind::kOther, space_before});
        break;
    }
  }
  if (base != 0) {
    for (Piece& p : out) {
      p.begin += base;
      p.end += base;
    }
  }
  return out;
}

std::vector<Piece> PiecesOf(std::string_view text, int base) {
  return PiecesOfTokens(text, TokenizeText(text), base);
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace warta::enrichment
