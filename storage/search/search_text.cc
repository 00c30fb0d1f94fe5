#include "storage/search/search_text.h"

#include <libstemmer.h>

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "unicode/normalizer2.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"
#include "unicode/utf8.h"

namespace warta::storage {

// The lists in storage/search/*.stop, compiled in (search_stop_words.cc is
// generated from them by CMake).
extern const char kIndonesianStopWords[];
extern const char kEnglishStopWords[];

namespace {

struct StopList {
  std::vector<std::string> words;
  absl::flat_hash_set<std::string> set;
};

StopList LoadStopList(const char* text) {
  StopList list;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (line.empty()) continue;
    if (list.set.insert(std::string(line)).second) list.words.emplace_back(line);
  }
  return list;
}

const StopList& IndonesianStops() {
  static const StopList* const list = new StopList(LoadStopList(kIndonesianStopWords));
  return *list;
}

const StopList& EnglishStops() {
  static const StopList* const list = new StopList(LoadStopList(kEnglishStopWords));
  return *list;
}

bool IsMark(UChar32 c) {
  const int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
         type == U_ENCLOSING_MARK;
}

// Lower case, diacritics removed (case fold, NFD, drop combining marks).
std::string FoldNonAscii(std::string_view word) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  in.foldCase();
  icu::UnicodeString decomposed = U_SUCCESS(status) ? nfd->normalize(in, status) : in;
  if (U_FAILURE(status)) decomposed = in;
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (!IsMark(c)) out.append(c);
  }
  std::string folded;
  out.toUTF8String(folded);
  return folded;
}

bool HasDigit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return absl::ascii_isdigit(c); });
}

}  // namespace

SearchLanguage SearchLanguageOf(std::string_view code) {
  const std::string_view primary_subtag = code.substr(0, std::min(code.find_first_of("-_"), code.size()));
  const std::string primary = absl::AsciiStrToLower(
      absl::string_view(primary_subtag.data(), primary_subtag.size()));
  if (primary == "id" || primary == "ms") return SearchLanguage::kIndonesian;
  if (primary == "en") return SearchLanguage::kEnglish;
  return SearchLanguage::kOther;
}

const char* PostgresSearchConfig(SearchLanguage language) {
  switch (language) {
    case SearchLanguage::kIndonesian:
      return "indonesian";
    case SearchLanguage::kEnglish:
      return "english";
    default:
      return "simple";
  }
}

bool SearchWordScanner::Next(SearchWord* word) {
  const auto* s = reinterpret_cast<const uint8_t*>(text_.data());
  const int32_t length = static_cast<int32_t>(text_.size());
  while (pos_ < length) {
    // Skip to the start of a word.
    int32_t i = pos_;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || !u_isalnum(c)) {
      pos_ = i;
      continue;
    }
    const int32_t start = pos_;
    bool ascii = c < 0x80;
    int32_t end = i;
    // Letters, digits and the marks combining with them.
    while (end < length) {
      int32_t next = end;
      U8_NEXT(s, next, length, c);
      if (c < 0 || !(u_isalnum(c) || IsMark(c))) break;
      ascii = ascii && c < 0x80;
      end = next;
    }
    pos_ = end;
    if (end - start > kMaxSearchWordBytes) continue;
    const std::string_view raw = text_.substr(start, end - start);
    word->folded = ascii ? absl::AsciiStrToLower(absl::string_view(raw.data(), raw.size()))
                         : FoldNonAscii(raw);
    if (word->folded.empty()) continue;
    word->start = start;
    word->end = end;
    return true;
  }
  return false;
}

std::vector<SearchWord> SearchWords(std::string_view text) {
  std::vector<SearchWord> words;
  SearchWordScanner scanner(text);
  SearchWord word;
  while (scanner.Next(&word)) words.push_back(word);
  return words;
}

bool IsSearchStopWord(std::string_view word, SearchLanguage language) {
  const absl::string_view folded(word.data(), word.size());
  switch (language) {
    case SearchLanguage::kIndonesian:
      return IndonesianStops().set.contains(folded);
    case SearchLanguage::kEnglish:
      return EnglishStops().set.contains(folded);
    case SearchLanguage::kAny:
      return IndonesianStops().set.contains(folded) || EnglishStops().set.contains(folded);
    case SearchLanguage::kOther:
      return false;
  }
  return false;
}

const std::vector<std::string>& SearchStopWords(SearchLanguage language) {
  static const std::vector<std::string> kNone;
  switch (language) {
    case SearchLanguage::kIndonesian:
      return IndonesianStops().words;
    case SearchLanguage::kEnglish:
      return EnglishStops().words;
    default:
      return kNone;
  }
}

absl::Status CheckSearchStemmers() {
  for (const char* language : {"indonesian", "english"}) {
    sb_stemmer* stemmer = sb_stemmer_new(language, "UTF_8");
    if (stemmer == nullptr) {
      return absl::FailedPreconditionError(absl::StrCat(
          "libstemmer has no \"", language,
          "\" stemmer; full-text search needs libstemmer 2.0 or later (Debian: libstemmer0d)"));
    }
    sb_stemmer_delete(stemmer);
  }
  return absl::OkStatus();
}

SearchStemmer::SearchStemmer()
    : indonesian_(sb_stemmer_new("indonesian", "UTF_8")),
      english_(sb_stemmer_new("english", "UTF_8")) {
  // Both algorithms are in every libstemmer since 2.0; without them the
  // index would silently differ.
  if (indonesian_ == nullptr || english_ == nullptr) std::abort();
}

SearchStemmer::~SearchStemmer() {
  sb_stemmer_delete(indonesian_);
  sb_stemmer_delete(english_);
}

std::string SearchStemmer::Stem(sb_stemmer* stemmer, std::string_view folded) {
  const sb_symbol* stem = sb_stemmer_stem(
      stemmer, reinterpret_cast<const sb_symbol*>(folded.data()), static_cast<int>(folded.size()));
  if (stem == nullptr) return std::string(folded);  // out of memory: index the word
  return std::string(reinterpret_cast<const char*>(stem), sb_stemmer_length(stemmer));
}

std::string SearchStemmer::Term(std::string_view folded, SearchLanguage language) {
  if (language == SearchLanguage::kOther || language == SearchLanguage::kAny) {
    return std::string(folded);
  }
  if (IsSearchStopWord(folded, language)) return "";
  if (HasDigit(folded)) return std::string(folded);
  return Stem(language == SearchLanguage::kIndonesian ? indonesian_ : english_, folded);
}

std::vector<std::string> SearchStemmer::QueryTerms(std::string_view folded,
                                                   SearchLanguage language) {
  if (IsSearchStopWord(folded, language)) return {};
  if (language != SearchLanguage::kAny) return {Term(folded, language)};
  std::vector<std::string> terms;
  for (std::string term : {Term(folded, SearchLanguage::kIndonesian),
                           Term(folded, SearchLanguage::kEnglish), std::string(folded)}) {
    if (std::find(terms.begin(), terms.end(), term) == terms.end()) {
      terms.push_back(std::move(term));
    }
  }
  return terms;
}

std::string PostgresSearchText(std::string_view text, SearchLanguage language) {
  std::string out;
  SearchWordScanner scanner(text);
  SearchWord word;
  while (scanner.Next(&word)) {
    if (IsSearchStopWord(word.folded, language)) continue;
    if (!out.empty()) out.push_back(' ');
    out += word.folded;
  }
  return out;
}

namespace {
constexpr char kTagStart = '\x02';
constexpr char kTagEnd = '\x03';
constexpr std::pair<SearchLanguage, char> kTagLetters[] = {
    {SearchLanguage::kOther, 'o'},
    {SearchLanguage::kIndonesian, 'i'},
    {SearchLanguage::kEnglish, 'e'},
    {SearchLanguage::kAny, 'a'},
};
}  // namespace

std::string TagSearchText(std::string_view text, SearchLanguage language) {
  char letter = 'o';
  for (const auto& [l, c] : kTagLetters) {
    if (l == language) letter = c;
  }
  std::string tagged = {kTagStart, letter, kTagEnd};
  tagged.append(text);
  return tagged;
}

UntaggedText UntagSearchText(std::string_view tagged) {
  UntaggedText out;
  if (tagged.size() < 3 || tagged[0] != kTagStart || tagged[2] != kTagEnd) return out;
  for (const auto& [l, c] : kTagLetters) {
    if (c == tagged[1]) {
      out.language = l;
      out.offset = 3;
    }
  }
  return out;
}

const std::string& SearchTitleOf(const warta::v1::EnrichedArticle& article) {
  return article.text().title().empty() ? article.article().title() : article.text().title();
}

const std::string& SearchBodyOf(const warta::v1::EnrichedArticle& article) {
  return article.text().body().empty() ? article.article().body() : article.text().body();
}

}  // namespace warta::storage
