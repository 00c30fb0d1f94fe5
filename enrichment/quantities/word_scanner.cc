#include "enrichment/quantities/word_scanner.h"

namespace warta::enrichment {

char32_t DecodeUtf8(std::string_view text, size_t pos, int* length) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) {
    *length = 1;
    return b0;
  }
  int n = 0;
  char32_t c = 0;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2;
    c = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3;
    c = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4;
    c = b0 & 0x07;
  } else {
    *length = 1;
    return b0;
  }
  if (pos + n > text.size()) {
    *length = 1;
    return b0;
  }
  for (int i = 1; i < n; ++i) {
    const auto b = static_cast<unsigned char>(text[pos + i]);
    if ((b & 0xC0) != 0x80) {
      *length = 1;
      return b0;
    }
    c = (c << 6) | (b & 0x3F);
  }
  *length = n;
  return c;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  // Latin-1 punctuation and symbols, General Punctuation, currency and
  // letter-like symbol blocks are not letters; everything else non-ASCII
  // (Latin extended, Cyrillic, CJK, ...) is treated as one.
  if (c <= 0xBF) return false;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xFE30 && c <= 0xFE6F) return false;
  if (c >= 0xFF00 && c <= 0xFF20) return false;
  return c <= 0x10FFFF;
}

namespace {

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

// Characters that may join two letters inside one word.
bool IsWordJoiner(char32_t c) {
  return c == '-' || c == '\'' || c == 0x2019 || c == 0x2010 || c == 0x2011;
}

}  // namespace

std::vector<Piece> ScanPieces(std::string_view text, int base) {
  std::vector<Piece> pieces;
  size_t i = 0;
  bool space_before = true;
  while (i < text.size()) {
    int len = 0;
    const char32_t c = DecodeUtf8(text, i, &len);
    if (IsSpace(c)) {
      space_before = true;
      i += len;
      continue;
    }
    Piece p;
    p.begin = static_cast<int>(i);
    p.space_before = space_before;
    space_before = false;
    if (IsLetter(c) || IsDigit(c)) {
      // A run of letters and digits; kNumber when it starts with a digit and
      // has no letters. Separators stay inside when a digit (for numbers) or
      // a letter (for words) follows.
      bool has_letter = IsLetter(c);
      const bool starts_digit = IsDigit(c);
      size_t j = i + len;
      while (j < text.size()) {
        int l2 = 0;
        const char32_t d = DecodeUtf8(text, j, &l2);
        if (IsLetter(d) || IsDigit(d)) {
          // "Rp10.000": the currency sign ends before the amount.
          if (IsDigit(d) && j - i == 2 && (text[i] == 'R' || text[i] == 'r') &&
              (text[i + 1] == 'p' || text[i + 1] == 'P')) {
            break;
          }
          has_letter |= IsLetter(d);
          j += l2;
          continue;
        }
        if (j + l2 < text.size()) {
          int l3 = 0;
          const char32_t e = DecodeUtf8(text, j + l2, &l3);
          if (starts_digit && !has_letter && (d == '.' || d == ',') &&
              IsDigit(e)) {
            j += l2 + l3;
            continue;
          }
          if (IsWordJoiner(d) && (IsLetter(e) || (IsDigit(e) && has_letter))) {
            has_letter = true;
            j += l2 + l3;
            continue;
          }
        }
        break;
      }
      p.end = static_cast<int>(j);
      p.kind = (starts_digit && !has_letter) ? PieceKind::kNumber
                                             : PieceKind::kWord;
      i = j;
    } else {
      p.end = static_cast<int>(i + len);
      p.kind = (len == 1 && c < 0x20) || (len == 1 && c >= 0x80)
                   ? PieceKind::kOther
                   : PieceKind::kPunct;
      i += len;
    }
    p.begin += base;
    p.end += base;
    pieces.push_back(p);
  }
  return pieces;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

}  // namespace warta::enrichment
