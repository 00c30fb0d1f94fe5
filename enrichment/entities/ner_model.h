// The NER sequence model: a first-order linear-chain model (structured
// averaged perceptron, trained by training/ner) over the features of
// ner_features.h, decoded exactly with Viterbi under the BIO constraints.
// Tags PERSON, ORGANIZATION and LOCATION on pre-tokenised sentences.
//
// The model file (models/ner/ner.model) is a little-endian binary holding
// the lexicon (word clusters and capitalisation statistics from unlabelled
// news), the gazetteer, the transition scores and the hashed feature
// weights. At load the per-word parts of the score are precomputed for
// every lexicon word, which is what makes tagging fast.
//
// NerModel is immutable after Create and thread-safe.
#ifndef WARTA_ENRICHMENT_ENTITIES_NER_MODEL_H_
#define WARTA_ENRICHMENT_ENTITIES_NER_MODEL_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "enrichment/entities/ner_features.h"

namespace warta::enrichment::ner {

using TagScores = std::array<float, kNumTags>;

// One set of weights. A model holds one per annotation convention it was
// tuned to ("news": the cased idner_news_2k conventions; "caseless": NERP's
// lower-cased text); sentences without case use "caseless" when present.
struct NerWeights {
  std::string name;
  std::array<float, kNumTags * kNumTags> transitions{};  // [prev * kNumTags + cur]
  TagScores start{};
  std::vector<std::pair<uint64_t, TagScores>> weights;  // sorted by feature hash
};

// Everything a model file holds.
struct NerModelData {
  std::vector<std::string> words;  // lexicon, lower-cased
  std::vector<LexEntry> entries;   // parallel to words
  std::vector<GazetteerEntry> gazetteer;
  std::vector<NerWeights> variants;  // at least one; the first is the default
};

std::string SerializeNerModel(const NerModelData& data);
absl::StatusOr<NerModelData> ParseNerModel(std::string_view bytes);

// Best tag sequence for `n` tokens given per-token scores (n * kNumTags),
// never producing I-X after anything but B-X / I-X. `transitions`, when
// given, points per position i >= 1 to that position's transition scores
// (kNumTags * kNumTags, [prev][cur]), replacing model.transitions.
void Viterbi(const float* emissions, int n, const NerWeights& model, std::vector<int>* tags,
             const float* const* transitions = nullptr);

// A tagged name: tokens [begin, end) of the sentence.
struct TaggedSpan {
  int begin = 0;
  int end = 0;
  int type = 0;  // 0 PERSON, 1 ORGANIZATION, 2 LOCATION
};
// CoNLL-style chunking: an I-X that does not continue an X starts one.
std::vector<TaggedSpan> TagsToSpans(const std::vector<int>& tags);

class NerModel {
 public:
  static absl::StatusOr<std::unique_ptr<NerModel>> Create(std::string_view bytes);
  static std::unique_ptr<NerModel> FromData(NerModelData data);
  ~NerModel();

  // One tag per word (see ner_features.h for the tag numbering). `variant`
  // picks a weight set by name; empty = by the sentence's case.
  std::vector<int> Tag(const std::vector<std::string_view>& words,
                       std::string_view variant = {}) const;
  std::vector<TaggedSpan> TagSpans(const std::vector<std::string_view>& words,
                                   std::string_view variant = {}) const {
    return TagsToSpans(Tag(words, variant));
  }

  // Per-token scores (words.size() * kNumTags) of variant `v`, fast path.
  void Emissions(const std::vector<std::string_view>& words, int v, std::vector<float>* out) const;
  // The same by summing every feature weight, as the trainer does; for tests.
  void EmissionsSlow(const std::vector<std::string_view>& words, int v,
                     std::vector<float>* out) const;
  // Per-position transition scores (see Viterbi), fast path and slow path.
  void Transitions(const std::vector<std::string_view>& words, int v, std::vector<float>* out) const;
  void TransitionsSlow(const std::vector<std::string_view>& words, int v,
                       std::vector<float>* out) const;

  const NerResources& resources() const { return resources_; }
  const NerModelData& data() const { return data_; }
  // Index of the variant called `name`, -1 when absent.
  int FindVariant(std::string_view name) const;

 private:
  struct Scorer;
  explicit NerModel(NerModelData data);
  // The fast paths on an analysed sentence (AnalyzeSentence).
  void ScoreEmissions(const std::vector<TokenInfo>& s, int v, std::vector<float>* out) const;
  void ScoreTransitions(const std::vector<TokenInfo>& s, int v,
                        std::vector<const float*>* out) const;

  NerModelData data_;
  NerResources resources_;
  std::vector<std::unique_ptr<Scorer>> scorers_;  // one per variant
  int caseless_ = 0;
};

}  // namespace warta::enrichment::ner

#endif  // WARTA_ENRICHMENT_ENTITIES_NER_MODEL_H_
