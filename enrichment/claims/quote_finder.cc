#include "enrichment/claims/quote_finder.h"

#include <optional>

namespace warta::enrichment {
namespace {

// The code point at text[pos] and its byte length (1 for an invalid byte,
// whose value is then returned as-is): quotes are paired by the characters
// around each mark, which needs no tokens.
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

enum class MarkKind { kOpen, kClose, kEither };

std::optional<MarkKind> QuoteMark(char32_t c) {
  switch (c) {
    case 0x201C:  // “
    case 0x201E:  // „
    case 0x00AB:  // «
      return MarkKind::kOpen;
    case 0x00BB:  // »
      return MarkKind::kClose;
    case 0x201D:  // ” (also used to open in Indonesian press)
    case '"':
      return MarkKind::kEither;
    default:
      return std::nullopt;
  }
}

bool IsOpeningPunct(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == 0x2014 || c == 0x2013 ||
         c == '-' || c == '/' || c == ':';
}

struct Mark {
  int begin;
  int end;
  MarkKind kind;
  bool can_open;   // left-flanking: a word follows
  bool can_close;  // right-flanking: a word or punctuation precedes
  bool newline_before;  // first thing on its line
};

Span Trim(std::string_view text, int begin, int end) {
  while (begin < end) {
    int len = 0;
    if (!IsSpace(DecodeUtf8(text, begin, &len))) break;
    begin += len;
  }
  while (end > begin) {
    // Step back one code point.
    int p = end - 1;
    while (p > begin && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) {
      --p;
    }
    int len = 0;
    if (!IsSpace(DecodeUtf8(text, p, &len)) || p + len != end) break;
    end = p;
  }
  return Span{begin, end};
}

}  // namespace

std::vector<QuoteSpan> FindQuotes(std::string_view text, int base) {
  // 1. Collect marks with their flanking.
  std::vector<Mark> marks;
  std::vector<int> paragraph_breaks;  // offsets of '\n'
  char32_t prev = ' ';
  bool newline_since = true;
  for (size_t i = 0; i < text.size();) {
    int len = 0;
    const char32_t c = DecodeUtf8(text, i, &len);
    if (c == '\n') {
      paragraph_breaks.push_back(static_cast<int>(i));
      newline_since = true;
    }
    if (auto kind = QuoteMark(c)) {
      char32_t next = ' ';
      if (i + len < text.size()) {
        int l2 = 0;
        next = DecodeUtf8(text, i + len, &l2);
      }
      Mark m;
      m.begin = static_cast<int>(i);
      m.end = static_cast<int>(i + len);
      m.kind = *kind;
      m.can_open = !IsSpace(next) && !QuoteMark(next) &&
                   (IsSpace(prev) || IsOpeningPunct(prev) || QuoteMark(prev));
      m.can_close = !IsSpace(prev) && (IsSpace(next) || !IsLetter(next));
      m.newline_before = newline_since;
      marks.push_back(m);
    }
    if (!IsSpace(c)) newline_since = false;
    prev = c;
    i += len;
  }

  // 2. Pair them left to right.
  std::vector<QuoteSpan> quotes;
  std::optional<Mark> open;
  auto next_break_after = [&](int pos) {
    for (int b : paragraph_breaks) {
      if (b > pos) return b;
    }
    return static_cast<int>(text.size());
  };
  auto emit = [&](const Mark& o, int close_begin, int close_end, bool closed) {
    QuoteSpan q;
    q.outer = Span{o.begin + base, close_end + base};
    const Span inner = Trim(text, o.end, close_begin);
    q.inner = Span{inner.begin + base, inner.end + base};
    q.closed = closed;
    if (inner.end > inner.begin) quotes.push_back(q);
  };
  for (const Mark& m : marks) {
    if (open) {
      // A paragraph break since the opener: the quote either continues in a
      // reopened paragraph (ends here) or the opener was spurious.
      const int brk = next_break_after(open->begin);
      if (brk < m.begin) {
        if (m.newline_before && m.can_open) {
          emit(*open, brk, brk, /*closed=*/false);
        }
        open.reset();
      } else if (m.begin - open->begin > kMaxQuoteBytes) {
        open.reset();
      }
    }
    if (!open) {
      const bool opens = m.kind == MarkKind::kOpen ||
                         (m.kind == MarkKind::kEither && (m.can_open || !m.can_close));
      if (opens) open = m;
      continue;
    }
    const bool closes = m.kind == MarkKind::kClose ||
                        (m.kind == MarkKind::kEither &&
                         (m.can_close || !m.can_open)) ||
                        (m.kind == MarkKind::kOpen && m.can_close && !m.can_open);
    if (closes) {
      emit(*open, m.begin, m.end, /*closed=*/true);
      open.reset();
    } else {
      // Another opener while one is open: the first was spurious.
      open = m;
    }
  }
  // A quote still open at the end never closed: no quote.
  return quotes;
}

}  // namespace warta::enrichment
