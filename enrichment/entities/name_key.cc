#include "enrichment/entities/name_key.h"

#include <cctype>
#include <cstdio>
#include <memory>

#include "unicode/normalizer2.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"

namespace warta::enrichment {
namespace {

// Lower-cased, diacritics removed (NFD, then drop combining marks).
icu::UnicodeString Fold(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  in.foldCase();
  icu::UnicodeString decomposed = U_SUCCESS(status) ? nfd->normalize(in, status) : in;
  if (U_FAILURE(status)) decomposed = in;
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    out.append(c);
  }
  return out;
}

}  // namespace

namespace {

bool IsNameSeparator(UChar32 c) {
  return u_isspace(c) || c == '-' || c == 0x2010 || c == 0x2011 || c == '\'' || c == 0x2019;
}

// For each token of `name` (split as NameTokens splits), whether it is a
// short acronym: two to five letters, all capitals ("PSSI", "PPP", "PBB").
// Its doubled letters are no spelling variant: PSSI, the football
// association, is not PSI, a party.
std::vector<bool> ShortAcronyms(std::string_view name) {
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  std::vector<bool> out;
  int letters = 0;
  bool all_upper = true, open = false;
  auto flush = [&] {
    if (open) out.push_back(all_upper && letters >= 2 && letters <= 5);
    letters = 0;
    all_upper = true;
    open = false;
  };
  for (int32_t i = 0; i < in.length();) {
    const UChar32 c = in.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalnum(c)) {
      open = true;
      if (u_isalpha(c)) {
        ++letters;
        all_upper = all_upper && u_isupper(c);
      }
    } else if (IsNameSeparator(c)) {
      flush();
    }
  }
  flush();
  return out;
}

// Indonesian names keep their pre-1972 spellings beside the current ones
// ("Soekarno" / "Sukarno", "Gadjah" / "Gajah", "Tjahjo" / "Cahjo") and
// transcriptions of Arabic "sh" vary ("Syihab" / "Shihab"); the news demo
// had 20 people and places split that way. `token` is lower case, its
// doubled letters squeezed. "oe" folds only before a consonant, where the
// old spelling has it: "Choe" and "Boeing" keep theirs.
std::string FoldOldSpelling(const std::string& token) {
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  std::string out;
  for (size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    const char next = i + 1 < token.size() ? token[i + 1] : '\0';
    if ((c == 'd' || c == 't') && next == 'j') {
      out += c == 'd' ? 'j' : 'c';
      ++i;
    } else if (c == 'o' && next == 'e' && i + 2 < token.size() &&
               std::isalpha(static_cast<unsigned char>(token[i + 2])) && !vowel(token[i + 2])) {
      out += 'u';
      ++i;
    } else if (c == 's' && next == 'y') {
      out += "sh";
      ++i;
    } else {
      out += c;
    }
    // A fold can double a letter ("Asyhari" -> "ashhari"): squeeze it, as
    // the rest of the key is ("Ashari").
    if (out.size() >= 2 && out.back() == out[out.size() - 2] &&
        !std::isdigit(static_cast<unsigned char>(out.back()))) {
      out.pop_back();
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> NameTokens(std::string_view name) {
  const icu::UnicodeString folded = Fold(name);
  const std::vector<bool> acronyms = ShortAcronyms(name);
  std::vector<std::string> tokens;
  icu::UnicodeString current;
  UChar32 last = 0;
  auto flush = [&] {
    if (!current.isEmpty()) {
      std::string t;
      current.toUTF8String(t);
      const bool acronym = tokens.size() < acronyms.size() && acronyms[tokens.size()];
      tokens.push_back(acronym ? std::move(t) : FoldOldSpelling(t));
    }
    current.remove();
    last = 0;
  };
  for (int32_t i = 0; i < folded.length();) {
    const UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalnum(c)) {
      const bool acronym = tokens.size() < acronyms.size() && acronyms[tokens.size()];
      if (c != last || u_isdigit(c) || acronym) current.append(c);  // squeeze "yy", "ss"
      last = c;
    } else if (IsNameSeparator(c)) {
      flush();
    }
    // Other punctuation ("A.S.", "Sr.") is dropped within the token.
  }
  flush();
  return tokens;
}

std::string NameKey(const std::vector<std::string>& tokens) {
  std::string key;
  for (const std::string& t : tokens) key += t;
  return key;
}

std::string EntityId(EntityType type, std::string_view key) {
  static constexpr const char* kPrefix[] = {"per", "org", "loc", "date", "money", "qty"};
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : key) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%s:%016llx", kPrefix[static_cast<int>(type)],
                static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace warta::enrichment
