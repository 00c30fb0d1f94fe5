// The feature set of the NER sequence model, shared by the trainer
// (training/ner) and the tagger (ner_model.h) so the two can never drift.
//
// Every feature is a 64-bit hash of (group, offset, value). Most features
// belong to one word at a fixed offset from the tagged token and depend only
// on its lower-cased form ("lexical" features) or on a small enum (case
// class, capitalisation bucket, gazetteer tag); the tagger exploits that to
// precompute per-word score vectors and stay above 1M tokens/s. Only the two
// word bigrams and the capitalised-run features are looked up per token.
//
// Case: a sentence with no upper-case letter (NERP is all lower-case) or no
// lower-case letter (a shouted headline) carries no case information, so its
// tokens all get CaseClass::kCaseless, in training and tagging alike.
//
// All functions are pure and thread-safe.
#ifndef WARTA_ENRICHMENT_ENTITIES_NER_FEATURES_H_
#define WARTA_ENRICHMENT_ENTITIES_NER_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace warta::enrichment::ner {

// Tags: 0 = O, 1 + 2*type = B-type, 2 + 2*type = I-type, with type 0 PERSON,
// 1 ORGANIZATION, 2 LOCATION.
inline constexpr int kNumTypes = 3;
inline constexpr int kNumTags = 1 + 2 * kNumTypes;
inline constexpr int kOutside = 0;
inline int BeginTag(int type) { return 1 + 2 * type; }
inline int InsideTag(int type) { return 2 + 2 * type; }
inline int TagType(int tag) { return tag == 0 ? -1 : (tag - 1) / 2; }
inline bool IsInside(int tag) { return tag != 0 && (tag - 1) % 2 == 1; }
// "PERSON", "ORGANIZATION", "LOCATION".
std::string_view TypeName(int type);
// "O", "B-PERSON", "I-LOCATION", ...
std::string TagName(int tag);

// How a word is written.
enum class CaseClass : uint8_t {
  kCaseless = 0,  // the sentence carries no case information
  kLower = 1,
  kInitialUpper = 2,  // "Jakarta"
  kAllUpper = 3,      // "PBB", "KCNA"
  kMixed = 4,         // "Jong-Un", "McDonald", "iPhone"
  kNoLetters = 5,     // "2024", ",", "--"
};
inline constexpr int kNumCaseClasses = 6;
// Capitalisation buckets learned from unlabelled news: how often a word is
// written with an initial capital away from the start of a sentence.
inline constexpr int kNumCapBuckets = 6;  // 0 = unknown word

// How common a word is in general text (wordfreq's Indonesian and English
// lists, case-folded): 0 = not listed, then by Zipf value (log10 of the
// frequency per billion words) from 1 (< 3.5) to 6 (>= 5.5). A capitalised
// word that is common in general text ("Saat", "Selain") is rarely a name;
// a capitalised word no list knows usually is one, seen in training or not.
inline constexpr int kNumFreqBuckets = 7;
uint8_t FrequencyBucket(double frequency);

// What the model knows about a lower-cased word from unlabelled text.
struct LexEntry {
  int16_t cluster = -1;         // fine distributional cluster, -1 = none
  int16_t coarse_cluster = -1;  // coarse cluster, -1 = none
  uint8_t cap_bucket = 0;
  uint8_t freq_id = 0;  // FrequencyBucket in Indonesian
  uint8_t freq_en = 0;  // ... in English
};

// Names (lower-cased tokens) the model looks up as gazetteer features.
// Source 0: packaged data (ICU country and city names, place_names.h).
// Source 1: names annotated in the training splits (training/ner); they get
// their own feature group because they are noisier and corpus-specific.
inline constexpr int kNumGazetteerSources = 2;
struct GazetteerEntry {
  std::vector<std::string> tokens;
  int type = 2;
  int source = 0;
};

// Lexicon + gazetteer, indexed for lookups.
class NerResources {
 public:
  NerResources() = default;
  NerResources(std::vector<std::string> words, std::vector<LexEntry> entries,
               std::vector<GazetteerEntry> gazetteer);

  // Index of `lower` in words(), -1 when unknown.
  int Find(std::string_view lower) const {
    auto it = index_.find(absl::string_view(lower.data(), lower.size()));
    return it == index_.end() ? -1 : it->second;
  }
  const std::vector<std::string>& words() const { return words_; }
  const std::vector<LexEntry>& entries() const { return entries_; }
  const std::vector<GazetteerEntry>& gazetteer() const { return gazetteer_; }

  // Gazetteer tags (0, or B/I tag of the entry type) for a sentence of
  // lower-cased tokens, entries of `source` only: longest match first, left
  // to right.
  void GazetteerTags(const std::vector<std::string_view>& lower, int source,
                     std::vector<uint8_t>* tags) const;

 private:
  std::vector<std::string> words_;
  std::vector<LexEntry> entries_;
  std::vector<GazetteerEntry> gazetteer_;
  absl::flat_hash_map<std::string, int> index_;
  // Per source: first lower token -> entries starting with it, longest first.
  absl::flat_hash_map<std::string, std::vector<int>> gaz_first_[kNumGazetteerSources];
};

// Lower-cases UTF-8 text (ASCII fast path, ICU root locale otherwise).
void AppendLower(std::string_view text, std::string* out);
std::string ToLower(std::string_view text);
// Case class of `word` as written (never kCaseless).
CaseClass ClassifyCase(std::string_view word);
// True when the sentence mixes upper- and lower-case letters.
bool SentenceHasCase(const std::vector<std::string_view>& words);

// Per-token inputs of the feature functions.
struct TokenInfo {
  std::string_view lower;
  const LexEntry* lex = nullptr;  // nullptr when not in the lexicon
  CaseClass case_class = CaseClass::kCaseless;
  uint8_t gaz = 0;        // packaged gazetteer tag
  uint8_t gaz_train = 0;  // training-data gazetteer tag
  // The run of capitalised words (kInitialUpper / kAllUpper / kMixed)
  // holding this token: tokens [run_begin, run_end); run_begin == run_end
  // when the token is in none.
  int run_begin = 0;
  int run_end = 0;
};

// Fills `infos` (and `lower_storage`, which owns the lower-cased strings;
// keep it alive while `infos` is used) for one sentence.
void AnalyzeSentence(const std::vector<std::string_view>& words,
                     const NerResources& resources, std::string* lower_storage,
                     std::vector<TokenInfo>* infos);

// Feature groups; part of the model format (changing them needs retraining).
enum FeatureGroup : uint32_t {
  kBias = 1, kWord, kPrefix, kSuffix, kForm, kLength, kCluster, kCoarse,
  kBoundary, kCase, kCaseCap, kFirst, kGaz, kCasePair, kBigram, kGazTrain,
  kTransCase, kTransCluster, kRunFirst, kRunLast, kRunPrev, kRunShape,
  kFreq, kFreqEn, kFreqCap,
};

inline uint64_t HashStart(uint32_t group, int offset) {
  uint64_t h = 0xcbf29ce484222325ULL;
  const uint64_t v = (static_cast<uint64_t>(group) << 8) | static_cast<uint64_t>(offset + 8);
  for (int i = 0; i < 2; ++i) {
    h ^= (v >> (8 * i)) & 0xff;
    h *= 0x100000001b3ULL;
  }
  return h;
}
inline uint64_t HashMore(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}
inline uint64_t HashInt(uint64_t h, int v) {
  h ^= static_cast<uint64_t>(v) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h * 0x100000001b3ULL;
}
inline uint64_t Feature(uint32_t group, int offset, std::string_view value) {
  return HashMore(HashStart(group, offset), value);
}
inline uint64_t Feature(uint32_t group, int offset, int value) {
  return HashInt(HashStart(group, offset), value);
}
inline uint64_t Feature(uint32_t group, int offset, int a, int b) {
  return HashInt(HashInt(HashStart(group, offset), a), b);
}
uint64_t BigramFeature(int offset, std::string_view left, std::string_view right);

// Lexical features of a word (lower-cased form + lexicon entry) seen at
// `offset` (-2..2) from the tagged token.
void LexicalFeatures(std::string_view lower, const LexEntry* lex, int offset,
                     std::vector<uint64_t>* out);

// Context of the transition into token i: (group, value) pairs. A
// transition feature TransitionFeature(group, prev_tag, value) scores the
// current tag given the previous one and how token i is written (case
// class) and what it is (coarse cluster): "a capitalised word after B-PER"
// continues the name, "a verb-cluster word after B-PER" ends it.
inline constexpr int kNumTransitionContexts = 2;
inline void TransitionContext(const TokenInfo& t, std::pair<uint32_t, int> out[kNumTransitionContexts]) {
  out[0] = {kTransCase, static_cast<int>(t.case_class)};
  out[1] = {kTransCluster, t.lex != nullptr ? t.lex->coarse_cluster : -1};
}
inline uint64_t TransitionFeature(uint32_t group, int prev_tag, int value) {
  return Feature(group, 0, prev_tag, value);
}

// Features of token i from the capitalised run holding it (none outside
// runs of two or more words): the run's first word seen from its later
// words ("menteri" for "Choe" in "Menteri Luar Negeri Korea Utara Choe Son
// Hui", "universitas" for "Mada" in "Universitas Gadjah Mada"), its last
// word seen from the earlier ones ("Volcanic Ash Advisory Centre"), the
// word before the run ("kata" before a name), and the run's length by the
// token's position in it. Looked up per token by the tagger; only tokens in
// runs pay.
void RunFeatures(const std::vector<TokenInfo>& sentence, int i, std::vector<uint64_t>* out);

// Features of token i from how common it and its neighbours are in general
// text, by how they are written: (case class, Indonesian frequency) for the
// words at -1..1, at the start of a sentence once more; (case class,
// English frequency) and (case class, capitalisation bucket, Indonesian
// frequency) for the token itself. Only small enums: the tagger keeps them
// in tables.
inline constexpr int kFreqFirstOffset = 5;  // the offset of the sentence-start copy
void FrequencyFeatures(const std::vector<TokenInfo>& sentence, int i, std::vector<uint64_t>* out);

// All features of token i of a sentence (the training path; the tagger
// computes the same sum faster).
void TokenFeatures(const std::vector<TokenInfo>& sentence, int i,
                   std::vector<uint64_t>* out);

}  // namespace warta::enrichment::ner

#endif  // WARTA_ENRICHMENT_ENTITIES_NER_FEATURES_H_
