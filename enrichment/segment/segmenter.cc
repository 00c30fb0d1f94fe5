#include "enrichment/segment/segmenter.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace warta::enrichment {
namespace {

enum class CharClass : uint8_t { kSpace, kLetter, kDigit, kPunct, kSymbol, kOther };

struct Char {
  CharClass cls;
  int len;     // bytes
  UChar32 cp;  // code point (U+FFFD for ill-formed bytes)
};

constexpr CharClass ClassifyAscii(unsigned char c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    return CharClass::kSpace;
  }
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return CharClass::kLetter;
  if (c >= '0' && c <= '9') return CharClass::kDigit;
  if (c == '$' || c == '%' || c == '+' || c == '=' || c == '<' || c == '>' || c == '^' ||
      c == '|' || c == '~' || c == '`' || c == '#') {
    return CharClass::kSymbol;
  }
  if (c < 0x20 || c == 0x7F) return CharClass::kOther;
  return CharClass::kPunct;
}

constexpr std::array<CharClass, 128> kAsciiClass = [] {
  std::array<CharClass, 128> table{};
  for (int c = 0; c < 128; ++c) table[c] = ClassifyAscii(static_cast<unsigned char>(c));
  return table;
}();

[[gnu::noinline]] Char NonAsciiCharAt(std::string_view s, int i) {
  int j = i;
  UChar32 c;
  U8_NEXT(s.data(), j, static_cast<int>(s.size()), c);
  if (c < 0) return {CharClass::kOther, j - i, 0xFFFD};
  CharClass cls;
  if (u_isUWhiteSpace(c)) {
    cls = CharClass::kSpace;
  } else if (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0) {
    cls = CharClass::kLetter;
  } else if (u_isdigit(c)) {
    cls = CharClass::kDigit;
  } else if (u_ispunct(c)) {
    cls = CharClass::kPunct;
  } else if ((U_GET_GC_MASK(c) & U_GC_S_MASK) != 0) {
    cls = CharClass::kSymbol;
  } else {
    cls = CharClass::kOther;
  }
  return {cls, j - i, c};
}

// Almost all news text is ASCII: keep that path inline and table-driven.
inline Char CharAt(std::string_view s, int i) {
  const unsigned char b = s[i];
  if (b < 0x80) return {kAsciiClass[b], 1, b};
  return NonAsciiCharAt(s, i);
}

bool IsAlnum(CharClass c) { return c == CharClass::kLetter || c == CharClass::kDigit; }

// Abbreviations that keep their period and do not end a sentence.
constexpr std::array<std::string_view, 72> kAbbreviations = {
    "Jl",   "Jln",  "Gg",    "No",    "dr",     "Dr",    "drg",   "Prof", "Ir",   "H",
    "Hj",   "KH",   "Tn",    "Ny",    "Nn",     "Sdr",   "Sdri",  "Bpk",  "Kec",  "Kab",
    "Kel",  "Prov", "Kol",   "Jend",  "Kapt",   "Bp",    "Yth",   "hlm",  "tgl",  "Pol",
    "Moh",  "Muh",  "Mr",    "Mrs",   "Ms",     "Jr",    "Sr",    "St",   "Mt",   "Gen",
    "Gov",  "Sen",  "Rep",   "Lt",    "Col",    "Capt",  "Sgt",   "Inc",  "Ltd",  "Corp",
    "Co",   "vs",   "approx", "Vol",  "Fig",    "Jan",   "Feb",   "Mar",  "Apr",  "Jun",
    "Jul",  "Aug",  "Agu",   "Sep",   "Sept",   "Oct",   "Okt",   "Nov",  "Dec",  "Des",
    "Ust",  "Drs"};
// Abbreviations that often end a sentence too: they keep their period but
// a following capital starts a new sentence.
constexpr std::array<std::string_view, 7> kFinalAbbreviations = {"dll", "dsb", "dst", "dkk",
                                                                 "etc", "tsb", "sbb"};

// Host suffixes joined to the word before ("Suara.com", "TEMPO.CO").
constexpr std::array<std::string_view, 9> kHostSuffixes = {"com", "co",  "id",   "net", "org",
                                                           "tv",  "go", "info", "news"};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  }
  return true;
}

template <size_t N>
bool InList(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

class Scanner {
 public:
  // With `sentences` false only doc.tokens is filled (TokenizeText).
  Scanner(std::string_view text, Document& doc, const SegmenterOptions& options,
          bool sentences = true)
      : s_(text),
        n_(static_cast<int>(text.size())),
        doc_(doc),
        options_(options),
        sentences_(sentences) {}

  void Run() {
    int i = 0;
    while (i < n_) {
      while (i < n_ && (s_[i] == '\n' || s_[i] == '\r')) ++i;
      int e = i;
      while (e < n_ && s_[e] != '\n' && s_[e] != '\r') ++e;
      Paragraph(i, e);
      i = e;
    }
  }

 private:
  Char At(int i) const { return CharAt(s_, i); }
  CharClass ClassAt(int i) const { return i >= 0 && i < n_ ? At(i).cls : CharClass::kSpace; }
  char ByteAt(int i) const { return i >= 0 && i < n_ ? s_[i] : '\0'; }

  void Paragraph(int b, int e) {
    const int first_token = static_cast<int>(doc_.tokens.size());
    int i = b;
    while (i < e) {
      const Char c = At(i);
      if (c.cls == CharClass::kSpace) {
        i += c.len;
        continue;
      }
      i = NextToken(i, e, c);
    }
    const int end_token = static_cast<int>(doc_.tokens.size());
    if (end_token == first_token || !sentences_) return;
    doc_.paragraphs.push_back(
        {Span{doc_.tokens[first_token].span.begin, doc_.tokens[end_token - 1].span.end}});
    Sentences(first_token, end_token);
  }

  void Emit(int b, int e, TokenKind kind) {
    doc_.tokens.push_back(Token{Span{b, e}, kind});
  }

  // Letters of 1-3 bytes separated by '.', at least two: "S.H.", "a.n.",
  // "U.S.", "M.Si.". Returns the end (after the last '.') or -1.
  int DottedAbbreviation(int b, int e) const {
    int i = b, segments = 0;
    while (i < e) {
      int j = i;
      while (j < e && ClassAt(j) == CharClass::kLetter && j - i < 3) ++j;
      if (j == i || ByteAt(j) != '.' || (j < e && ClassAt(j) == CharClass::kLetter)) break;
      ++segments;
      i = j + 1;
      if (ClassAt(i) != CharClass::kLetter) break;
    }
    return segments >= 2 ? i : -1;
  }

  // "https://...", "www.x.com/...": up to the next space, minus trailing
  // sentence punctuation. Returns the end or -1.
  int Url(int b, int e) const {
    const std::string_view rest = s_.substr(b, e - b);
    if (!(rest.starts_with("http://") || rest.starts_with("https://") ||
          rest.starts_with("www."))) {
      return -1;
    }
    int j = b;
    while (j < e && ClassAt(j) != CharClass::kSpace) ++j;
    while (j > b && (s_[j - 1] == '.' || s_[j - 1] == ',' || s_[j - 1] == ')' ||
                     s_[j - 1] == '"' || s_[j - 1] == '!' || s_[j - 1] == '?')) {
      --j;
    }
    return j;
  }

  int NextToken(int b, int e, Char c) {
    if (c.cls == CharClass::kLetter && (s_[b] == 'h' || s_[b] == 'w')) {
      if (int u = Url(b, e); u > b) {
        Emit(b, u, TokenKind::kOther);
        return u;
      }
    }
    // "@tabloidbola", "#PilkadaDKI": one word with its mark.
    if ((s_[b] == '@' || s_[b] == '#') && ClassAt(b + 1) == CharClass::kLetter) {
      int j = b + 1;
      while (j < e && (IsAlnum(ClassAt(j)) || s_[j] == '_')) j += At(j).len;
      Emit(b, j, TokenKind::kWord);
      return j;
    }
    if (IsAlnum(c.cls)) return Word(b, e);
    if (c.cls == CharClass::kPunct) {
      // Runs of the same mark: "...", "--", "!!".
      int j = b + c.len;
      if (c.cp < 0x80) {
        while (j < e && s_[j] == s_[b] && (s_[b] == '.' || s_[b] == '-' || s_[b] == '!' ||
                                           s_[b] == '?' || s_[b] == '*')) {
          ++j;
        }
      }
      Emit(b, j, TokenKind::kPunctuation);
      return j;
    }
    Emit(b, b + c.len, c.cls == CharClass::kSymbol ? TokenKind::kSymbol : TokenKind::kOther);
    return b + c.len;
  }

  int Word(int b, int e) {
    if (int d = DottedAbbreviation(b, e); d > 0) {
      Emit(b, d, TokenKind::kWord);
      return d;
    }
    // "Rp3,5 juta" (also "RP194,3"): the currency is its own token.
    if (b + 2 < e && (s_[b] | 0x20) == 'r' && (s_[b + 1] | 0x20) == 'p' &&
        ClassAt(b + 2) == CharClass::kDigit) {
      Emit(b, b + 2, TokenKind::kSymbol);
      return b + 2;
    }
    bool letters = false;
    CharClass prev = CharClass::kSpace;
    int slashes = 0;
    int i = b;
    while (i < e) {
      const Char c = At(i);
      if (IsAlnum(c.cls)) {
        letters |= c.cls == CharClass::kLetter;
        prev = c.cls;
        i += c.len;
        continue;
      }
      if (c.cls != CharClass::kPunct || i + 1 >= e) break;
      const char j = s_[i];
      const CharClass next = ClassAt(i + 1);
      bool join = false;
      if (j == '-') {
        join = IsAlnum(next);
      } else if (j == '\'') {
        join = prev == CharClass::kLetter && next == CharClass::kLetter;
      } else if (j == '.' || j == ',') {
        if (prev == CharClass::kDigit && next == CharClass::kDigit && !letters) {
          join = true;
        } else if (j == '.' && prev == CharClass::kLetter && next == CharClass::kLetter) {
          int k = i + 1;
          while (k < e && ClassAt(k) == CharClass::kLetter) ++k;
          const std::string_view suffix = s_.substr(i + 1, k - i - 1);
          for (std::string_view h : kHostSuffixes) join |= EqualsIgnoreCase(suffix, h);
        }
      } else if (j == '/' || j == ':') {
        join = prev == CharClass::kDigit && next == CharClass::kDigit && !letters;
        if (join && j == '/') ++slashes;
      }
      if (!join) break;
      prev = CharClass::kPunct;
      i += 1;
    }
    const std::string_view word = s_.substr(b, i - b);
    TokenKind kind = letters ? TokenKind::kWord : TokenKind::kNumber;
    if (!letters && slashes > 0 && IsDate(b, i, slashes)) kind = TokenKind::kDate;
    // The period of an abbreviation or an initial belongs to it.
    if (letters && ByteAt(i) == '.' && i < e) {
      const bool initial = word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z';
      if (initial || InList(kAbbreviations, word)) {
        Emit(b, i + 1, kind);
        return i + 1;
      }
      if (InList(kFinalAbbreviations, word)) {
        Emit(b, i + 1, kind);
        return i + 1;
      }
    }
    Emit(b, i, kind);
    return i;
  }

  // "1/11/2024" anywhere; "27/3" only inside parentheses.
  bool IsDate(int b, int e, int slashes) const {
    int parts[3] = {0, 0, 0};
    int p = 0;
    for (int i = b; i < e && p < 3; ++i) {
      if (s_[i] == '/') {
        ++p;
      } else if (s_[i] >= '0' && s_[i] <= '9') {
        parts[p] = parts[p] * 10 + (s_[i] - '0');
        if (parts[p] > 9999) return false;
      } else {
        return false;  // "1.000/2"
      }
    }
    if (parts[0] < 1 || parts[0] > 31 || parts[1] < 1 || parts[1] > 12) return false;
    if (slashes == 2) return parts[2] >= 1900 || (parts[2] < 100 && e - b <= 8);
    return slashes == 1 && ByteAt(b - 1) == '(' && ByteAt(e) == ')';
  }

  bool IsTerminal(const Token& t) const {
    const char c = s_[t.span.begin];
    if (t.kind != TokenKind::kPunctuation) return false;
    if (c == '.' || c == '!' || c == '?') return true;
    return s_.substr(t.span.begin, t.span.size()) == "\xE2\x80\xA6";  // "…"
  }

  bool IsClosing(const Token& t, int prev_end) const {
    if (t.kind != TokenKind::kPunctuation || t.span.size() > 3) return false;
    std::string_view p = s_.substr(t.span.begin, t.span.size());
    // A quote glued to the end mark closes; after a space it opens the next.
    if (p == "\"" || p == "'") return t.span.begin == prev_end;
    return p == ")" || p == "]" || p == "\xC2\xBB" /* » */ || p == "\xE2\x80\x9D";
  }

  bool StartsLower(const Token& t) const {
    const Char c = At(t.span.begin);
    if (c.cls != CharClass::kLetter) return false;
    return u_islower(c.cp);
  }

  void Sentences(int first, int end) {
    const std::vector<Token>& toks = doc_.tokens;
    int start = first;
    for (int t = first; t < end; ++t) {
      bool cut = t + 1 - start >= options_.max_sentence_tokens;
      int last = t;
      const bool final_abbrev = toks[t].kind == TokenKind::kWord &&
                                s_[toks[t].span.end - 1] == '.' &&
                                InList(kFinalAbbreviations,
                                       s_.substr(toks[t].span.begin, toks[t].span.size() - 1));
      if (IsTerminal(toks[t]) || final_abbrev) {
        while (last + 1 < end &&
               (IsClosing(toks[last + 1], toks[last].span.end) || IsTerminal(toks[last + 1]))) {
          ++last;
        }
        if (last + 1 >= end) {
          cut = true;
        } else {
          const Token& next = toks[last + 1];
          const bool spaced = next.span.begin > toks[last].span.end;
          if (final_abbrev) {
            cut = spaced && At(next.span.begin).cls == CharClass::kLetter && !StartsLower(next);
          } else {
            cut = cut || (spaced && !StartsLower(next));
          }
        }
      }
      if (cut || last + 1 >= end) {
        doc_.sentences.push_back(
            Sentence{Span{toks[start].span.begin, toks[last].span.end}, start, last + 1});
        start = last + 1;
        t = last;
      }
    }
  }

  std::string_view s_;
  int n_;
  Document& doc_;
  const SegmenterOptions& options_;
  const bool sentences_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Segmenter>> Segmenter::Create(const SegmenterOptions& options) {
  if (options.max_sentence_tokens < 1) {
    return absl::InvalidArgumentError("SegmenterOptions: max_sentence_tokens must be >= 1");
  }
  return std::unique_ptr<Segmenter>(new Segmenter(options));
}

absl::Status Segmenter::Process(Document& doc) const {
  doc.paragraphs.clear();
  doc.sentences.clear();
  doc.tokens.clear();
  doc.tokens.reserve(doc.text.size() / 5);
  Scanner(doc.text, doc, options_).Run();
  return absl::OkStatus();
}

std::vector<Token> TokenizeText(std::string_view text) {
  static const SegmenterOptions kOptions;
  Document tokens_only;
  Scanner(text, tokens_only, kOptions, /*sentences=*/false).Run();
  return std::move(tokens_only.tokens);
}

}  // namespace warta::enrichment
