// The small discriminative model that tells apart the languages general
// detectors confuse: Indonesian, Malay, Javanese and Sundanese. CLD2 calls
// most Malay (and much Javanese/Sundanese) Indonesian; this multinomial
// logistic regression over hashed words, word pairs and character n-grams
// decides within that family once CLD2 has said "this is the family".
//
// The model is a data file (models/langid/nusantara-v1.bin) passed in as
// bytes; training/langid/ rebuilds it. The same feature extractor is used by
// the trainer and at run time, so they cannot drift apart.
//
// Thread-safety: NusantaraModel is immutable after Create; Score is const
// and safe to call from many threads.
#ifndef WARTA_ENRICHMENT_LANGUAGE_NUSANTARA_MODEL_H_
#define WARTA_ENRICHMENT_LANGUAGE_NUSANTARA_MODEL_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace warta::enrichment {

// Which features the model hashes. Stored in the model file so a model is
// always scored with the features it was trained on.
struct NusantaraFeatureConfig {
  int bucket_bits = 18;   // 2^bucket_bits hashed feature buckets
  int min_ngram = 3;      // character n-grams over "_word_", bytes
  int max_ngram = 5;
  bool word_unigrams = true;
  bool word_bigrams = true;
  // Texts longer than this many words are scored on their first words only:
  // an article's language is settled long before, and it keeps the stage
  // fast on long articles.
  int max_words = 120;
};

// One word of a text as the model's word table sees it.
struct NusantaraWordKey {
  uint32_t key = 0;   // NusantaraWordTableKey of the lower-cased word
  bool name = false;  // capitalised and not the first word of a sentence
};

// Appends the hashed feature buckets of `text` (with repeats: a feature
// seen twice counts twice) to `features`, and, when `words` is not null,
// its words to `words`.
void ExtractNusantaraFeatures(std::string_view text,
                              const NusantaraFeatureConfig& config,
                              std::vector<uint32_t>& features,
                              std::vector<NusantaraWordKey>* words = nullptr);

// The word table's key of `word` (lower-case letters).
uint32_t NusantaraWordTableKey(std::string_view word);

// The bucket of the whole-word feature of `word` (lower-case letters), for
// the trainer to set weights of hand-picked marker words.
uint32_t NusantaraWordFeature(std::string_view word,
                              const NusantaraFeatureConfig& config);

// Tags of a word-table entry: what the word says about whether a text is in
// one of the model's languages at all.
inline constexpr uint8_t kFamilyVocabulary = 1;   // common there, rare elsewhere
inline constexpr uint8_t kEnglishVocabulary = 2;  // common in English, rare there

// A word the model knows by name rather than through a shared hash bucket,
// so a push on it (a marker word, a wordfreq ratio) cannot leak into the
// character n-grams that share its bucket.
struct NusantaraWord {
  std::string word;          // lower case
  std::vector<float> delta;  // added to each class's logit, per occurrence
  uint8_t tags = 0;
};

// What the trainer produces and the file holds.
struct NusantaraModelData {
  NusantaraFeatureConfig config;
  std::vector<std::string> classes;  // language codes, e.g. "id", "ms"
  std::vector<float> bias;           // one per class
  // weights[bucket * classes.size() + class]
  std::vector<float> weights;
  std::vector<NusantaraWord> words;
};

// What a text's words say about its language group, names left out: names
// are the same in every language, the words around them are not.
struct WordEvidence {
  int words = 0;    // words read (at most max_words)
  int counted = 0;  // of those, not names
  int family = 0;   // of the counted words, kFamilyVocabulary
  int english = 0;  // of the counted words, kEnglishVocabulary
};

// The file format: little-endian, "WLID" magic, version, config, classes,
// biases, then int16 weights with one float scale (2 bytes per weight keeps
// the file at a few MB); version 2 adds the word table (count, then per
// word: key, tags, one float per class). Words with the same key are merged.
std::string SerializeNusantaraModel(const NusantaraModelData& data);

class NusantaraModel {
 public:
  static absl::StatusOr<std::unique_ptr<NusantaraModel>> Create(
      std::string_view bytes);

  const std::vector<std::string>& classes() const { return classes_; }
  const NusantaraFeatureConfig& config() const { return config_; }

  // Writes one logit per class into `logits` (size classes().size()).
  // Returns the number of features seen (0: nothing to judge by).
  // Names (NusantaraWordKey::name) get no word-table push.
  int Score(std::string_view text, std::span<double> logits) const;

  // Counts the word table's vocabulary tags over `text`'s words.
  WordEvidence Evidence(std::string_view text) const;

 private:
  NusantaraModel() = default;

  NusantaraFeatureConfig config_;
  std::vector<std::string> classes_;
  std::vector<float> bias_;
  float scale_ = 1;
  std::vector<int16_t> weights_;  // [bucket][class]
  // The word table, open addressing on Mix(key): slots_ holds entry + 1
  // (0: empty); entry e has word_keys_[e], word_tags_[e] and
  // word_deltas_[e * classes + c].
  int FindWord(uint32_t key) const;  // the entry, or -1
  std::vector<uint32_t> slots_;
  std::vector<uint32_t> word_keys_;
  std::vector<uint8_t> word_tags_;
  std::vector<float> word_deltas_;
};

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_LANGUAGE_NUSANTARA_MODEL_H_
