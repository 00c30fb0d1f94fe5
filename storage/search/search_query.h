// The search query language and the snippets, the same for every backend.
//
// Query syntax (SearchArticlesRequest.query):
//   pasukan              a word: the article must contain it (stemmed:
//                        "pasukan" also finds "pasukannya")
//   "korea utara"        a phrase: these words, next to each other
//   -ukraina  -"kim jong un"   an exclusion: articles containing it are left out
// Every word and phrase must match (AND). A word with punctuation inside
// ("covid-19", "u.s.") is a phrase of its parts. Stop words ("yang",
// "the") are left out of words and phrases, as they are left out of the
// index. An unclosed quote runs to the end of the query. Anything else
// (operators, parentheses, prefixes) is just text: nothing a user types can
// reach the database's own query syntax.
//
// Pure; thread-safe (each thread gets its own stemmer).
#ifndef WARTA_STORAGE_SEARCH_SEARCH_QUERY_H_
#define WARTA_STORAGE_SEARCH_SEARCH_QUERY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "storage/search/search_text.h"
#include "warta/v1/services.pb.h"

namespace warta::storage {

// Limits: longer queries are INVALID_ARGUMENT.
inline constexpr int kMaxSearchQueryBytes = 1000;
inline constexpr int kMaxSearchQueryWords = 32;

// How hits mark the matched words in snippets (SearchArticlesResponse
// snippet_mark_start / snippet_mark_end). Brackets already in the text show
// as parentheses in snippets, so a client can split on the marks safely.
inline constexpr char kSnippetMarkStart[] = "[";
inline constexpr char kSnippetMarkEnd[] = "]";
// About how many words a body snippet shows.
inline constexpr int kSnippetWords = 30;

// A word or a phrase: its folded words, stop words left out, in order.
struct SearchTerm {
  std::vector<std::string> words;
};

struct ParsedSearch {
  // The language the query's words are stemmed for: the language filter's,
  // or kAny without one.
  SearchLanguage language = SearchLanguage::kAny;
  std::vector<SearchTerm> required;
  std::vector<SearchTerm> excluded;
};

// The query language for a language filter ("" -> kAny).
SearchLanguage QueryLanguageOf(std::string_view language_filter);

// INVALID_ARGUMENT with a message saying what is wrong and how to write a
// query: empty, no letters or digits, only stop words, only exclusions,
// too long.
absl::StatusOr<ParsedSearch> ParseSearchQuery(std::string_view query, SearchLanguage language);

// A fingerprint of the query and filter a page token belongs to.
uint64_t SearchFingerprint(std::string_view query, const warta::v1::ArticleFilter& filter);

// Marks the words of a text that match a query's required words and
// phrases (every word of a phrase, wherever it is: a snippet shows why an
// article matched, it does not re-check adjacency).
class SearchHighlighter {
 public:
  explicit SearchHighlighter(const ParsedSearch& search);

  // The whole text (whitespace runs as one space) with matches marked.
  std::string Highlight(std::string_view text, SearchLanguage language) const;
  // About kSnippetWords words of `text` around its densest matches (the
  // most distinct query words, then the most matches; the earliest of
  // equals), matches marked, "…" where the text goes on. Without a match:
  // the start of the text.
  std::string Snippet(std::string_view text, SearchLanguage language) const;

 private:
  // For each word of `text`: the index of the query term it matches
  // (-1: none).
  std::vector<int> Matches(const std::vector<SearchWord>& words, SearchLanguage language) const;
  std::string Render(std::string_view text, const std::vector<SearchWord>& words,
                     const std::vector<int>& matches, size_t first, size_t last) const;

  // Index term -> the query word it came from (for "distinct words").
  std::vector<std::pair<std::string, int>> terms_;
};

}  // namespace warta::storage

#endif  // WARTA_STORAGE_SEARCH_SEARCH_QUERY_H_
