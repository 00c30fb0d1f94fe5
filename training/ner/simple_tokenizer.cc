#include "training/ner/simple_tokenizer.h"

#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace warta::training {

using enrichment::Sentence;
using enrichment::Token;
using enrichment::TokenKind;

namespace {

struct Char {
  int begin;
  int end;
  UChar32 c;
};

bool IsWordChar(UChar32 c) {
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK ||
         u_charType(c) == U_COMBINING_SPACING_MARK;
}

bool IsInnerJoiner(UChar32 c, UChar32 prev, UChar32 next) {
  if (!IsWordChar(prev) || !IsWordChar(next)) return false;
  switch (c) {
    case '-': case '\'': case 0x2019: case '.': case '_': case '&': return true;
    case ',': case '/': case ':': return u_isdigit(prev) && u_isdigit(next);
    default: return false;
  }
}

}  // namespace

SimpleSegmentation SimpleSegment(std::string_view text) {
  SimpleSegmentation out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t len = static_cast<int32_t>(text.size());
  std::vector<Char> chars;
  for (int32_t i = 0; i < len;) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    chars.push_back({begin, i, c < 0 ? 0xFFFD : c});
  }
  int sentence_first = 0;
  auto end_sentence = [&] {
    const int n = static_cast<int>(out.tokens.size());
    if (n > sentence_first) {
      out.sentences.push_back({{out.tokens[sentence_first].span.begin, out.tokens[n - 1].span.end},
                               sentence_first, n});
    }
    sentence_first = n;
  };
  bool pending_end = false;  // saw . ! ? ; closing quotes may follow
  const int n = static_cast<int>(chars.size());
  for (int i = 0; i < n;) {
    const UChar32 c = chars[i].c;
    if (u_isUWhiteSpace(c)) {
      if (c == '\n' || c == 0x2029) {
        pending_end = false;
        end_sentence();
      }
      ++i;
      continue;
    }
    if (pending_end && !(u_ispunct(c) && (u_charType(c) == U_FINAL_PUNCTUATION ||
                                          u_charType(c) == U_END_PUNCTUATION || c == '"' || c == '\''))) {
      pending_end = false;
      end_sentence();
    }
    Token token;
    token.span.begin = chars[i].begin;
    if (IsWordChar(c)) {
      int j = i + 1;
      while (j < n && (IsWordChar(chars[j].c) ||
                       (j + 1 < n && IsInnerJoiner(chars[j].c, chars[j - 1].c, chars[j + 1].c)))) {
        ++j;
      }
      token.span.end = chars[j - 1].end;
      token.kind = u_isdigit(c) ? TokenKind::kNumber : TokenKind::kWord;
      i = j;
    } else {
      token.span.end = chars[i].end;
      token.kind = u_ispunct(c) ? TokenKind::kPunctuation : TokenKind::kSymbol;
      if (c == '.' || c == '!' || c == '?') pending_end = true;
      ++i;
    }
    out.tokens.push_back(token);
  }
  end_sentence();
  return out;
}

}  // namespace warta::training
