// How full-text search reads text, the same for both SQL backends: the
// words of a text (maximal runs of letters and digits; case and accents
// folded: "Pokémon" -> "pokemon"), the stop words left out (Indonesian and
// English lists in storage/search/*.stop, compiled in), and the term a word
// is indexed under: its Snowball stem in the article's language
// (Indonesian for "id" and "ms": "pembangunan" -> "bangun"; English
// "attacks" -> "attack"), the folded word itself in other languages and for
// words with digits ("g20", "2024").
//
// SQLite's FTS5 tokenizer (storage/sqlite/fts5_search.h) indexes these
// terms; PostgreSQL gets PostgresSearchText (the folded words without stop
// words) and stems them itself with its `indonesian` / `english` text search
// configurations (the same Snowball algorithms). Either way the index must
// be rebuilt when anything here changes (a new schema version).
//
// SearchWordScanner and the free functions are pure and thread-safe;
// SearchStemmer is not (one per thread or per connection).
#ifndef WARTA_STORAGE_SEARCH_SEARCH_TEXT_H_
#define WARTA_STORAGE_SEARCH_SEARCH_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "warta/v1/article.pb.h"

struct sb_stemmer;

namespace warta::storage {

// How a text is analysed.
enum class SearchLanguage {
  kOther,       // folded words, no stop words, no stemming
  kIndonesian,  // Indonesian stop words, Snowball "indonesian"
  kEnglish,     // English stop words, Snowball "english" (Porter2)
  // Queries only, when no language filter says which: a word matches its
  // Indonesian stem, its English stem or itself (see SearchStemmer::QueryTerms).
  kAny,
};

// "id", "ms" (and "id-ID", "ms_MY", any case) -> kIndonesian; "en..." ->
// kEnglish; anything else (also "") -> kOther.
SearchLanguage SearchLanguageOf(std::string_view language_code);

// The PostgreSQL text search configuration indexing `language`:
// "indonesian", "english" or "simple".
const char* PostgresSearchConfig(SearchLanguage language);

// Words longer than this (bytes, before folding) are not indexed: base64,
// URLs run together, garbage.
inline constexpr int kMaxSearchWordBytes = 128;

// One word of a text: folded, and where it is (UTF-8 byte offsets).
struct SearchWord {
  std::string folded;
  int start = 0;
  int end = 0;
};

// The words of a text, in order. Ill-formed UTF-8 separates words.
class SearchWordScanner {
 public:
  explicit SearchWordScanner(std::string_view text) : text_(text) {}
  // The next word into *word; false at the end.
  bool Next(SearchWord* word);

 private:
  std::string_view text_;
  int pos_ = 0;
};

// All words of `text`.
std::vector<SearchWord> SearchWords(std::string_view text);

// Whether the folded word is a stop word of `language` (never for kOther;
// for kAny: of Indonesian or English).
bool IsSearchStopWord(std::string_view folded, SearchLanguage language);

// The stop words of a language, as compiled in (for tests and docs).
const std::vector<std::string>& SearchStopWords(SearchLanguage language);

// FAILED_PRECONDITION when this libstemmer has no Indonesian or English
// stemmer (both are in every libstemmer since 2.0; Debian 12 has 2.2).
// SearchStemmer aborts without them: the index would silently differ.
absl::Status CheckSearchStemmers();

// Turns folded words into index terms. Owns two libstemmer stemmers.
class SearchStemmer {
 public:
  SearchStemmer();
  ~SearchStemmer();
  SearchStemmer(const SearchStemmer&) = delete;
  SearchStemmer& operator=(const SearchStemmer&) = delete;

  // The term `folded` is indexed under in a text of `language` (not
  // kAny): "" for a stop word; the word itself for kOther and for words with
  // digits; else its stem.
  std::string Term(std::string_view folded, SearchLanguage language);

  // The terms a query word matches, in a query of `language`: for a
  // language, Term(); for kAny, its Indonesian term, its English term and
  // the word itself (as indexed in kOther texts), without repeats. Empty
  // for a stop word (of either language, for kAny).
  //
  // Why all three when the query says no language: a short query gives no
  // reliable language of its own ("korea utara" could be either), and the
  // store holds both. The alternatives all come from the same surface word,
  // so the extra matches are the same word inflected the other language's
  // way (rare: Indonesian and English suffixes hardly overlap); restricting
  // each stem to articles of its language instead would need the language
  // inside the index and double the query.
  std::vector<std::string> QueryTerms(std::string_view folded, SearchLanguage language);

 private:
  std::string Stem(sb_stemmer* stemmer, std::string_view folded);

  sb_stemmer* indonesian_;
  sb_stemmer* english_;
};

// The text PostgreSQL's to_tsvector gets for `text` in `language`: the
// folded words without stop words, separated by spaces (so both backends
// split, fold and drop words alike; PostgreSQL only stems).
std::string PostgresSearchText(std::string_view text, SearchLanguage language);

// FTS5 hands its tokenizer the text alone, not the row it belongs to, so
// the SQLite index and its queries put the language to analyse a text in
// before it: "\x02" + one letter + "\x03". A text without the tag is kOther.
std::string TagSearchText(std::string_view text, SearchLanguage language);
struct UntaggedText {
  SearchLanguage language = SearchLanguage::kOther;
  size_t offset = 0;  // where the text starts after the tag
};
UntaggedText UntagSearchText(std::string_view tagged);

// What search reads of an article: the title (CleanText.title, else
// Article.title) and the body (CleanText.body, else Article.body).
const std::string& SearchTitleOf(const warta::v1::EnrichedArticle& article);
const std::string& SearchBodyOf(const warta::v1::EnrichedArticle& article);

}  // namespace warta::storage

#endif  // WARTA_STORAGE_SEARCH_SEARCH_TEXT_H_
