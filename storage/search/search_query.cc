#include "storage/search/search_query.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace warta::storage {
namespace {

constexpr char kSyntaxHint[] =
    "; a query is words (all must match), \"quoted phrases\" and -exclusions, e.g. "
    "pasukan \"korea utara\" -ukraina";

SearchStemmer& ThreadStemmer() {
  thread_local SearchStemmer stemmer;
  return stemmer;
}

// One word or phrase as the user wrote it.
struct RawTerm {
  std::string_view text;
  bool excluded = false;
};

// Splits the query into words, "phrases" and -exclusions.
std::vector<RawTerm> SplitQuery(std::string_view q) {
  std::vector<RawTerm> terms;
  size_t i = 0;
  while (i < q.size()) {
    if (absl::ascii_isspace(q[i])) {
      ++i;
      continue;
    }
    RawTerm term;
    if (q[i] == '-' && i + 1 < q.size() && !absl::ascii_isspace(q[i + 1])) {
      term.excluded = true;
      ++i;
    }
    if (q[i] == '"') {
      const size_t close = q.find('"', i + 1);
      const size_t end = close == std::string_view::npos ? q.size() : close;
      term.text = q.substr(i + 1, end - i - 1);
      i = close == std::string_view::npos ? q.size() : close + 1;
    } else {
      size_t end = i;
      while (end < q.size() && !absl::ascii_isspace(q[end]) && q[end] != '"') ++end;
      term.text = q.substr(i, end - i);
      i = end;
    }
    terms.push_back(term);
  }
  return terms;
}

}  // namespace

SearchLanguage QueryLanguageOf(std::string_view language_filter) {
  return language_filter.empty() ? SearchLanguage::kAny : SearchLanguageOf(language_filter);
}

absl::StatusOr<ParsedSearch> ParseSearchQuery(std::string_view query_text,
                                              SearchLanguage language) {
  const absl::string_view query(query_text.data(), query_text.size());
  const std::string quoted = absl::StrCat("\"", query.substr(0, 80), query.size() > 80 ? "…" : "",
                                          "\"");
  if (absl::StripAsciiWhitespace(query).empty()) {
    return absl::InvalidArgumentError(absl::StrCat("the search query is empty", kSyntaxHint));
  }
  if (query.size() > static_cast<size_t>(kMaxSearchQueryBytes)) {
    return absl::InvalidArgumentError(absl::StrCat("the search query is too long (", query.size(),
                                                   " bytes; at most ", kMaxSearchQueryBytes, ")"));
  }
  ParsedSearch parsed;
  parsed.language = language;
  std::vector<std::string> stop_words;
  int words = 0;
  bool any_words = false;
  for (const RawTerm& raw : SplitQuery(query_text)) {
    SearchTerm term;
    for (SearchWord& word : SearchWords(raw.text)) {
      any_words = true;
      if (++words > kMaxSearchQueryWords) {
        return absl::InvalidArgumentError(absl::StrCat(
            "the search query has too many words (at most ", kMaxSearchQueryWords, ")"));
      }
      if (IsSearchStopWord(word.folded, language)) {
        stop_words.push_back(word.folded);
      } else {
        term.words.push_back(std::move(word.folded));
      }
    }
    if (term.words.empty()) continue;
    (raw.excluded ? parsed.excluded : parsed.required).push_back(std::move(term));
  }
  if (parsed.required.empty()) {
    if (!parsed.excluded.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the search query ", quoted,
          " only excludes words: add at least one word to find", kSyntaxHint));
    }
    if (!any_words) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the search query ", quoted, " has no words (letters or digits) to search for",
          kSyntaxHint));
    }
    return absl::InvalidArgumentError(absl::StrCat(
        "the search query ", quoted, " has only common words that are not indexed (",
        absl::StrJoin(stop_words, ", "), "): add a more specific word"));
  }
  return parsed;
}

uint64_t SearchFingerprint(std::string_view query, const warta::v1::ArticleFilter& filter) {
  // FNV-1a over the fields, each followed by a separator.
  uint64_t h = 0xcbf29ce484222325ULL;
  auto add = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 0x100000001b3ULL;
    }
    h ^= 0x1f;
    h *= 0x100000001b3ULL;
  };
  add(query);
  add(filter.language());
  add(filter.source());
  add(filter.entity_id());
  add(filter.story_id());
  add(filter.has_published_after()
          ? absl::StrCat(filter.published_after().seconds(), ".", filter.published_after().nanos())
          : "-");
  add(filter.has_published_before()
          ? absl::StrCat(filter.published_before().seconds(), ".",
                         filter.published_before().nanos())
          : "-");
  return h;
}

SearchHighlighter::SearchHighlighter(const ParsedSearch& search) {
  SearchStemmer& stemmer = ThreadStemmer();
  int index = 0;
  for (const SearchTerm& term : search.required) {
    for (const std::string& word : term.words) {
      for (std::string& t : stemmer.QueryTerms(word, search.language)) {
        terms_.emplace_back(std::move(t), index);
      }
      ++index;
    }
  }
}

std::vector<int> SearchHighlighter::Matches(const std::vector<SearchWord>& words,
                                            SearchLanguage language) const {
  SearchStemmer& stemmer = ThreadStemmer();
  std::vector<int> matches(words.size(), -1);
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string term = stemmer.Term(words[i].folded, language);
    if (term.empty()) continue;
    for (const auto& [t, index] : terms_) {
      if (t == term) {
        matches[i] = index;
        break;
      }
    }
  }
  return matches;
}

std::string SearchHighlighter::Render(std::string_view text, const std::vector<SearchWord>& words,
                                      const std::vector<int>& matches, size_t first,
                                      size_t last) const {
  std::string out;
  // Copies text between words: whitespace runs as one space, brackets as
  // parentheses (the marks must stay unambiguous).
  auto gap = [&out](std::string_view s) {
    for (char c : s) {
      if (absl::ascii_isspace(c)) {
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
      } else if (c == '[') {
        out.push_back('(');
      } else if (c == ']') {
        out.push_back(')');
      } else {
        out.push_back(c);
      }
    }
  };
  size_t pos = first == 0 ? 0 : words[first].start;
  for (size_t i = first; i <= last; ++i) {
    gap(text.substr(pos, words[i].start - pos));
    const absl::string_view word(text.data() + words[i].start, words[i].end - words[i].start);
    if (matches[i] >= 0) {
      absl::StrAppend(&out, kSnippetMarkStart, word, kSnippetMarkEnd);
    } else {
      out.append(word.data(), word.size());
    }
    pos = words[i].end;
  }
  if (last + 1 == words.size()) gap(text.substr(pos));  // closing punctuation
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string SearchHighlighter::Highlight(std::string_view text, SearchLanguage language) const {
  const std::vector<SearchWord> words = SearchWords(text);
  if (words.empty()) return std::string(absl::StripAsciiWhitespace(absl::string_view(text.data(), text.size())));
  return Render(text, words, Matches(words, language), 0, words.size() - 1);
}

std::string SearchHighlighter::Snippet(std::string_view text, SearchLanguage language) const {
  const std::vector<SearchWord> words = SearchWords(text);
  if (words.empty()) return "";
  const std::vector<int> matches = Matches(words, language);
  const size_t n = words.size();
  const size_t span = std::min<size_t>(kSnippetWords, n);
  // Candidate windows start a few words before each match.
  size_t best = 0;
  std::pair<int, int> best_score = {-1, -1};
  for (size_t m = 0; m < n; ++m) {
    if (matches[m] < 0) continue;
    const size_t start = std::min(m >= 3 ? m - 3 : 0, n - span);
    std::vector<bool> seen(terms_.empty() ? 0 : terms_.back().second + 1, false);
    int distinct = 0, count = 0;
    for (size_t i = start; i < start + span; ++i) {
      if (matches[i] < 0) continue;
      ++count;
      if (!seen[matches[i]]) {
        seen[matches[i]] = true;
        ++distinct;
      }
    }
    if (std::make_pair(distinct, count) > best_score) {
      best_score = {distinct, count};
      best = start;
    }
  }
  std::string out = Render(text, words, matches, best, best + span - 1);
  if (best > 0) out = absl::StrCat("… ", out);
  if (best + span < n) absl::StrAppend(&out, " …");
  return out;
}

}  // namespace warta::storage
