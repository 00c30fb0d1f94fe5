// The unlabelled news the NER trainer learns word clusters and
// capitalisation statistics from (../shared/data/news/
// indosum_articles.jsonl): the article texts, and their sentences as
// lower-cased word ids with per-word counts.
//
// The sentences come from SimpleSegment (training/ner/simple_tokenizer.h), the
// tokenisation the committed models/ner/ner.model was trained with: the
// pipeline's segmenter cuts some words differently ("Suara.com", dates),
// which would change the statistics and so the model's bytes.
//
// Pure functions over files; thread-safe.
#ifndef WARTA_TRAINING_NER_NEWS_CORPUS_H_
#define WARTA_TRAINING_NER_NEWS_CORPUS_H_

#include <filesystem>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"

namespace warta::training {

// The "text" of every article in a news JSON-lines file; lines without a
// "text" string, or with an empty one, are skipped. Fails on a line that is
// not a JSON object (with its line number) or an unreadable file.
absl::StatusOr<std::vector<std::string>> ReadNewsTexts(const std::filesystem::path& jsonl);

struct WordStats {
  long count = 0;
  long inner = 0;      // occurrences not at the start of a sentence
  long inner_cap = 0;  // ... of which written with an initial capital
};

// Sentences of the news corpus as lower-cased token ids, plus statistics.
struct NewsCorpus {
  std::vector<std::string> vocab;
  absl::flat_hash_map<std::string, int> index;
  std::vector<WordStats> stats;  // per vocab id
  std::vector<std::vector<int>> sentences;
};

// Reads data_dir/news/indosum_articles.jsonl into a NewsCorpus.
absl::StatusOr<NewsCorpus> ReadNewsCorpus(const std::filesystem::path& data_dir);

// A corpus of sentences that are already tokenised (the English training
// text: there is no unlabelled English news to learn from). Same counting
// as for the news: a word at the start of a sentence or after a
// punctuation token does not count for the capitalisation statistic.
NewsCorpus CorpusFromTokens(const std::vector<std::vector<std::string>>& sentences);

}  // namespace warta::training

#endif  // WARTA_TRAINING_NER_NEWS_CORPUS_H_
