#include "enrichment/text/unicode_normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

namespace warta::enrichment {
namespace {

enum class Action : uint8_t { kKeep, kSpace, kNewline, kDrop, kReplace };

struct Mapping {
  Action action;
  char ascii;  // for kReplace
};

// What to do with a non-ASCII code point.
Mapping MapCodePoint(UChar32 c) {
  switch (c) {
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x301D:
    case 0x301E: case 0xFF02:
      return {Action::kReplace, '"'};
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
    case 0xFF07:
      return {Action::kReplace, '\''};
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return {Action::kReplace, '-'};
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return {Action::kSpace, 0};
    case 0x0085: case 0x2028: case 0x2029:
      return {Action::kNewline, 0};
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
    case 0x200E: case 0x200F:
      return {Action::kDrop, 0};
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return {Action::kSpace, 0};
  if (c >= 0x80 && c <= 0x9F) return {Action::kDrop, 0};  // C1 controls
  return {Action::kKeep, 0};
}

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* nfc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfc;
}

// Pass 1: the character mappings above, with offsets. Returns false when
// the output holds only code points below U+0300, which NFC never changes
// (no combining marks, no Hangul, no compatibility singletons).
bool MapCharacters(std::string_view in, NormalizedText& out) {
  bool may_need_nfc = false;
  out.text.reserve(in.size());
  out.offsets.reserve(in.size() + 1);
  const int n = static_cast<int>(in.size());
  auto emit = [&out](char c, int origin) {
    out.text.push_back(c);
    out.offsets.push_back(origin);
  };
  auto emit_space = [&](int origin) {
    // Collapse runs, and no space at a line start.
    if (out.text.empty() || out.text.back() == ' ' || out.text.back() == '\n') return;
    emit(' ', origin);
  };
  auto emit_newline = [&](int origin) {
    if (!out.text.empty() && out.text.back() == ' ') {
      out.text.back() = '\n';  // trailing space of a line: becomes the break
      return;
    }
    emit('\n', origin);
  };
  int i = 0;
  while (i < n) {
    const unsigned char b = in[i];
    if (b > 0x20 && b < 0x7F) {
      // A run of visible ASCII: copied as is.
      int j = i + 1;
      while (j < n && static_cast<unsigned char>(in[j]) > 0x20 &&
             static_cast<unsigned char>(in[j]) < 0x7F) {
        ++j;
      }
      out.text.append(in.data() + i, j - i);
      const size_t old = out.offsets.size();
      out.offsets.resize(old + (j - i));
      for (int k = i; k < j; ++k) out.offsets[old + (k - i)] = k;
      i = j;
      continue;
    }
    if (b < 0x80) {
      if (b == ' ' || b == '\t') {
        emit_space(i);
      } else if (b == '\n') {
        emit_newline(i);
      } else if (b == '\r') {
        if (i + 1 < n && in[i + 1] == '\n') {
          ++i;
          continue;  // the '\n' is the break
        }
        emit_newline(i);
      } else if (b == '\f' || b == '\v') {
        emit_newline(i);
      } else if (b >= 0x20 && b != 0x7F) {
        emit(static_cast<char>(b), i);
      }
      ++i;
      continue;
    }
    const int start = i;
    UChar32 c;
    U8_NEXT(in.data(), i, n, c);
    if (c < 0) {
      // Ill-formed: U+FFFD for the maximal ill-formed subsequence.
      for (char r : {'\xEF', '\xBF', '\xBD'}) emit(r, start);
      continue;
    }
    const Mapping m = MapCodePoint(c);
    switch (m.action) {
      case Action::kKeep:
        may_need_nfc |= c >= 0x300;
        for (int k = start; k < i; ++k) emit(in[k], start);
        // Bytes after the first map to the code point start, so a span never
        // begins or ends inside a code point in the original.
        break;
      case Action::kReplace:
        emit(m.ascii, start);
        break;
      case Action::kSpace:
        emit_space(start);
        break;
      case Action::kNewline:
        emit_newline(start);
        break;
      case Action::kDrop:
        break;
    }
  }
  out.offsets.push_back(n);
  return may_need_nfc;
}

// Pass 2: NFC through ICU, composing offsets with its edit record. Text
// that is already NFC (almost all of it) is left alone.
void ComposeNfc(NormalizedText& nt) {
  const icu::Normalizer2* nfc = Nfc();
  if (nfc == nullptr) return;
  UErrorCode status = U_ZERO_ERROR;
  if (nfc->isNormalizedUTF8(nt.text, status) || U_FAILURE(status)) return;
  status = U_ZERO_ERROR;
  std::string composed;
  composed.reserve(nt.text.size());
  icu::StringByteSink<std::string> sink(&composed);
  icu::Edits edits;
  nfc->normalizeUTF8(0, nt.text, sink, &edits, status);
  if (U_FAILURE(status)) return;
  std::vector<int> offsets;
  offsets.reserve(composed.size() + 1);
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status) && U_SUCCESS(status)) {
    const int src = it.sourceIndex();
    if (it.hasChange()) {
      for (int k = 0; k < it.newLength(); ++k) offsets.push_back(nt.offsets[src]);
    } else {
      for (int k = 0; k < it.oldLength(); ++k) offsets.push_back(nt.offsets[src + k]);
    }
  }
  if (U_FAILURE(status) || offsets.size() != composed.size()) return;
  offsets.push_back(nt.offsets.back());
  nt.text = std::move(composed);
  nt.offsets = std::move(offsets);
}

}  // namespace

NormalizedText NormalizeText(std::string_view input) {
  NormalizedText out;
  if (MapCharacters(input, out)) ComposeNfc(out);
  return out;
}

}  // namespace warta::enrichment
