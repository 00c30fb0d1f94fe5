// TermWeights: how much a word says about which story an article tells —
// inverse document frequencies learned from a news corpus (IndoSum for
// Indonesian) plus built-in stop words for Indonesian and English. A word
// the corpus never saw weighs the most, as in any IDF.
//
// The file (models/stories/idf.tsv, rebuilt by `make models`) is
//   warta-story-idf<TAB>1<TAB><documents>
//   <word><TAB><documents containing it>     (one line a word)
//
// Immutable after construction; thread-safe.
#ifndef WARTA_STORAGE_STORIES_TERM_WEIGHTS_H_
#define WARTA_STORAGE_STORIES_TERM_WEIGHTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"

namespace warta::storage {

// The words of `text` the story features use: lower-cased ASCII, non-ASCII
// letters kept as they are, split at everything else. Digits stay in words
// ("2017", "g20").
std::vector<std::string> StoryWords(std::string_view text);

class TermWeights {
 public:
  // No corpus statistics: every word weighs the same except stop words.
  TermWeights() = default;
  // INVALID_ARGUMENT naming the line when the file is malformed.
  static absl::StatusOr<TermWeights> Parse(std::string_view tsv);
  // The file for `documents` (each a list of words), keeping words seen in
  // at least `min_documents` of them.
  static std::string Build(const std::vector<std::vector<std::string>>& documents,
                           int min_documents);

  // log((N + 1) / (df + 1)) + 1; 0 for stop words and one-letter words.
  double Idf(std::string_view word) const;
  // The largest Idf() a word can get (a word never seen).
  double MaxIdf() const;
  int64_t documents() const { return documents_; }

 private:
  int64_t documents_ = 0;
  absl::flat_hash_map<std::string, int64_t> document_frequency_;
};

}  // namespace warta::storage

#endif  // WARTA_STORAGE_STORIES_TERM_WEIGHTS_H_
