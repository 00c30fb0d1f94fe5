#include "enrichment/entities/ner_model.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace warta::enrichment::ner {
namespace {

constexpr char kMagic[8] = {'W', 'A', 'R', 'T', 'A', 'N', 'E', 'R'};
constexpr uint32_t kVersion = 3;  // 3: word frequency buckets
constexpr float kForbidden = -1e30f;

class Writer {
 public:
  void Bytes(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  template <typename T>
  void Pod(T v) { Bytes(&v, sizeof(v)); }
  void Str(std::string_view s) {
    Pod<uint32_t>(static_cast<uint32_t>(s.size()));
    Bytes(s.data(), s.size());
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool Bytes(void* p, size_t n) {
    if (in_.size() - pos_ < n) return false;
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  template <typename T>
  bool Pod(T* v) { return Bytes(v, sizeof(*v)); }
  bool Str(std::string* s) {
    uint32_t n;
    if (!Pod(&n) || in_.size() - pos_ < n) return false;
    s->assign(in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool AtEnd() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

bool Allowed(int prev, int cur) {
  if (!IsInside(cur)) return true;
  return prev != kOutside && TagType(prev) == TagType(cur);
}

void Add(float* dst, const float* src) {
  for (int t = 0; t < kNumTags; ++t) dst[t] += src[t];
}

}  // namespace

std::string SerializeNerModel(const NerModelData& data) {
  Writer w;
  w.Bytes(kMagic, sizeof(kMagic));
  w.Pod<uint32_t>(kVersion);
  w.Pod<uint32_t>(kNumTags);
  w.Pod<uint32_t>(static_cast<uint32_t>(data.words.size()));
  for (size_t i = 0; i < data.words.size(); ++i) {
    w.Str(data.words[i]);
    w.Pod(data.entries[i].cluster);
    w.Pod(data.entries[i].coarse_cluster);
    w.Pod(data.entries[i].cap_bucket);
    w.Pod(data.entries[i].freq_id);
    w.Pod(data.entries[i].freq_en);
  }
  w.Pod<uint32_t>(static_cast<uint32_t>(data.gazetteer.size()));
  for (const GazetteerEntry& g : data.gazetteer) {
    w.Pod<uint8_t>(static_cast<uint8_t>(g.type));
    w.Pod<uint8_t>(static_cast<uint8_t>(g.source));
    w.Pod<uint8_t>(static_cast<uint8_t>(g.tokens.size()));
    for (const std::string& t : g.tokens) w.Str(t);
  }
  w.Pod<uint32_t>(static_cast<uint32_t>(data.variants.size()));
  for (const NerWeights& v : data.variants) {
    w.Str(v.name);
    for (float f : v.transitions) w.Pod(f);
    for (float f : v.start) w.Pod(f);
    w.Pod<uint32_t>(static_cast<uint32_t>(v.weights.size()));
    for (const auto& [hash, scores] : v.weights) {
      w.Pod(hash);
      for (float f : scores) w.Pod(f);
    }
  }
  return w.Take();
}

absl::StatusOr<NerModelData> ParseNerModel(std::string_view bytes) {
  Reader r(bytes);
  char magic[8];
  uint32_t version = 0, tags = 0;
  if (!r.Bytes(magic, sizeof(magic)) || std::memcmp(magic, kMagic, sizeof(kMagic)) != 0) {
    return absl::InvalidArgumentError("not a Warta NER model (bad magic); pass models/ner/ner.model");
  }
  if (!r.Pod(&version) || version != kVersion || !r.Pod(&tags) || tags != kNumTags) {
    return absl::InvalidArgumentError(
        absl::StrCat("unsupported NER model version ", version, " with ", tags,
                     " tags; rebuild it with warta-train-ner"));
  }
  NerModelData d;
  const auto truncated = [] { return absl::InvalidArgumentError("NER model file is truncated"); };
  uint32_t n;
  if (!r.Pod(&n)) return truncated();
  d.words.resize(n);
  d.entries.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    if (!r.Str(&d.words[i]) || !r.Pod(&d.entries[i].cluster) ||
        !r.Pod(&d.entries[i].coarse_cluster) || !r.Pod(&d.entries[i].cap_bucket) ||
        !r.Pod(&d.entries[i].freq_id) || !r.Pod(&d.entries[i].freq_en)) {
      return truncated();
    }
    if (d.entries[i].cap_bucket >= kNumCapBuckets || d.entries[i].freq_id >= kNumFreqBuckets ||
        d.entries[i].freq_en >= kNumFreqBuckets) {
      return absl::InvalidArgumentError("NER model: capitalisation or frequency bucket out of range");
    }
  }
  if (!r.Pod(&n)) return truncated();
  d.gazetteer.resize(n);
  for (GazetteerEntry& g : d.gazetteer) {
    uint8_t type, source, len;
    if (!r.Pod(&type) || !r.Pod(&source) || !r.Pod(&len)) return truncated();
    if (type >= kNumTypes || source >= kNumGazetteerSources) {
      return absl::InvalidArgumentError("NER model: bad gazetteer entry");
    }
    g.type = type;
    g.source = source;
    g.tokens.resize(len);
    for (std::string& t : g.tokens) if (!r.Str(&t)) return truncated();
  }
  if (!r.Pod(&n)) return truncated();
  if (n == 0) return absl::InvalidArgumentError("NER model has no weights");
  d.variants.resize(n);
  for (NerWeights& v : d.variants) {
    if (!r.Str(&v.name)) return truncated();
    for (float& f : v.transitions) if (!r.Pod(&f)) return truncated();
    for (float& f : v.start) if (!r.Pod(&f)) return truncated();
    if (!r.Pod(&n)) return truncated();
    v.weights.resize(n);
    for (auto& [hash, scores] : v.weights) {
      if (!r.Pod(&hash)) return truncated();
      for (float& f : scores) if (!r.Pod(&f)) return truncated();
    }
  }
  if (!r.AtEnd()) return absl::InvalidArgumentError("NER model has trailing bytes");
  return d;
}

void Viterbi(const float* em, int n, const NerWeights& model, std::vector<int>* tags,
             const float* const* transitions) {
  tags->assign(n, kOutside);
  if (n == 0) return;
  std::vector<float> score(static_cast<size_t>(n) * kNumTags);
  std::vector<uint8_t> back(static_cast<size_t>(n) * kNumTags);
  for (int t = 0; t < kNumTags; ++t) {
    score[t] = IsInside(t) ? kForbidden : model.start[t] + em[t];
  }
  for (int i = 1; i < n; ++i) {
    const float* prev = &score[(i - 1) * kNumTags];
    float* cur = &score[i * kNumTags];
    const float* trans = transitions != nullptr ? transitions[i] : model.transitions.data();
    for (int t = 0; t < kNumTags; ++t) {
      float best = -std::numeric_limits<float>::infinity();
      int arg = 0;
      for (int p = 0; p < kNumTags; ++p) {
        if (!Allowed(p, t)) continue;
        const float s = prev[p] + trans[p * kNumTags + t];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      cur[t] = best + em[i * kNumTags + t];
      back[i * kNumTags + t] = static_cast<uint8_t>(arg);
    }
  }
  const float* last = &score[(n - 1) * kNumTags];
  int best = static_cast<int>(std::max_element(last, last + kNumTags) - last);
  for (int i = n - 1; i >= 0; --i) {
    (*tags)[i] = best;
    best = back[i * kNumTags + best];
  }
}

std::vector<TaggedSpan> TagsToSpans(const std::vector<int>& tags) {
  std::vector<TaggedSpan> spans;
  const int n = static_cast<int>(tags.size());
  for (int i = 0; i < n;) {
    if (tags[i] == kOutside) {
      ++i;
      continue;
    }
    const int type = TagType(tags[i]);
    int j = i + 1;
    while (j < n && tags[j] == InsideTag(type)) ++j;
    spans.push_back({i, j, type});
    i = j;
  }
  return spans;
}

// The precomputed parts of one variant's score.
struct NerModel::Scorer {
  Scorer(const NerWeights& w, const NerResources& resources);
  const float* Weight(uint64_t feature) const {
    auto it = index.find(feature);
    return it == index.end() ? nullptr : weights->weights[it->second].second.data();
  }
  void AddWeight(uint64_t feature, float* scores) const {
    if (const float* w = Weight(feature)) Add(scores, w);
  }
  void LexicalVector(std::string_view lower, const LexEntry* lex, float* out) const;

  const NerWeights* weights;
  absl::flat_hash_map<uint64_t, uint32_t> index;
  // Per lexicon word: 5 offsets (-2..2) x kNumTags.
  std::vector<float> lex_vectors;
  TagScores bias{};
  TagScores boundary[2]{};
  TagScores case_[3][kNumCaseClasses]{};
  TagScores gaz[3][kNumTags]{};
  TagScores gaz_train[3][kNumTags]{};
  TagScores case_cap[kNumCaseClasses][kNumCapBuckets]{};
  TagScores first[kNumCaseClasses]{};
  TagScores pair_left[kNumCaseClasses + 1][kNumCaseClasses]{};
  TagScores pair_right[kNumCaseClasses][kNumCaseClasses + 1]{};
  TagScores freq[3][kNumCaseClasses][kNumFreqBuckets]{};  // offsets -1..1
  TagScores freq_first[kNumCaseClasses][kNumFreqBuckets]{};
  TagScores freq_en[kNumCaseClasses][kNumFreqBuckets]{};
  TagScores freq_cap[kNumCaseClasses][kNumCapBuckets][kNumFreqBuckets]{};
  // Transition tables by context value: [value][prev * kNumTags + cur].
  using TransitionTable = std::array<float, kNumTags * kNumTags>;
  TransitionTable trans_case[kNumCaseClasses]{};
  std::vector<TransitionTable> trans_cluster;  // index coarse cluster + 1
  // base + trans_case + trans_cluster: [case class * (clusters + 1) + cluster + 1].
  std::vector<TransitionTable> trans_combined;
  const float* CombinedTransitions(const TokenInfo& t) const {
    const int coarse = t.lex != nullptr ? t.lex->coarse_cluster : -1;
    return trans_combined[static_cast<int>(t.case_class) * trans_cluster.size() + coarse + 1].data();
  }
};

void NerModel::Scorer::LexicalVector(std::string_view lower, const LexEntry* lex, float* out) const {
  std::fill(out, out + 5 * kNumTags, 0.0f);
  std::vector<uint64_t> feats;
  for (int k = -2; k <= 2; ++k) {
    feats.clear();
    LexicalFeatures(lower, lex, k, &feats);
    for (uint64_t f : feats) AddWeight(f, out + (k + 2) * kNumTags);
  }
}

NerModel::Scorer::Scorer(const NerWeights& w, const NerResources& resources) : weights(&w) {
  index.reserve(w.weights.size());
  for (uint32_t i = 0; i < w.weights.size(); ++i) index.emplace(w.weights[i].first, i);
  const size_t n = resources.words().size();
  lex_vectors.assign(n * 5 * kNumTags, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    LexicalVector(resources.words()[i], &resources.entries()[i], &lex_vectors[i * 5 * kNumTags]);
  }
  AddWeight(Feature(kBias, 0, 0), bias.data());
  AddWeight(Feature(kBoundary, -1, 0), boundary[0].data());
  AddWeight(Feature(kBoundary, 1, 0), boundary[1].data());
  for (int k = -1; k <= 1; ++k) {
    for (int c = 0; c < kNumCaseClasses; ++c) AddWeight(Feature(kCase, k, c), case_[k + 1][c].data());
    for (int g = 1; g < kNumTags; ++g) {
      AddWeight(Feature(kGaz, k, g), gaz[k + 1][g].data());
      AddWeight(Feature(kGazTrain, k, g), gaz_train[k + 1][g].data());
    }
  }
  for (int c = 0; c < kNumCaseClasses; ++c) {
    for (int b = 0; b < kNumCapBuckets; ++b) AddWeight(Feature(kCaseCap, 0, c, b), case_cap[c][b].data());
    AddWeight(Feature(kFirst, 0, c), first[c].data());
    for (int b = 0; b < kNumFreqBuckets; ++b) {
      for (int k = -1; k <= 1; ++k) AddWeight(Feature(kFreq, k, c, b), freq[k + 1][c][b].data());
      AddWeight(Feature(kFreq, kFreqFirstOffset, c, b), freq_first[c][b].data());
      AddWeight(Feature(kFreqEn, 0, c, b), freq_en[c][b].data());
      for (int cap = 0; cap < kNumCapBuckets; ++cap) {
        AddWeight(Feature(kFreqCap, 0, c * kNumCapBuckets + cap, b), freq_cap[c][cap][b].data());
      }
    }
    for (int o = 0; o <= kNumCaseClasses; ++o) {
      AddWeight(Feature(kCasePair, -1, o, c), pair_left[o][c].data());
      AddWeight(Feature(kCasePair, 1, c, o), pair_right[c][o].data());
    }
  }
  int max_coarse = -1;
  for (const LexEntry& e : resources.entries()) max_coarse = std::max<int>(max_coarse, e.coarse_cluster);
  trans_cluster.assign(max_coarse + 2, TransitionTable{});
  for (int p = 0; p < kNumTags; ++p) {
    for (int c = 0; c < kNumCaseClasses; ++c) {
      AddWeight(TransitionFeature(kTransCase, p, c), &trans_case[c][p * kNumTags]);
    }
    for (int c = -1; c <= max_coarse; ++c) {
      AddWeight(TransitionFeature(kTransCluster, p, c), &trans_cluster[c + 1][p * kNumTags]);
    }
  }
  for (int c = 0; c < kNumCaseClasses; ++c) {
    for (const TransitionTable& cluster : trans_cluster) {
      TransitionTable t;
      for (int k = 0; k < kNumTags * kNumTags; ++k) t[k] = w.transitions[k] + trans_case[c][k] + cluster[k];
      trans_combined.push_back(t);
    }
  }
}

NerModel::NerModel(NerModelData data)
    : data_(std::move(data)),
      resources_(data_.words, data_.entries, data_.gazetteer) {
  for (const NerWeights& w : data_.variants) scorers_.push_back(std::make_unique<Scorer>(w, resources_));
  caseless_ = std::max(0, FindVariant("caseless"));
}

NerModel::~NerModel() = default;

absl::StatusOr<std::unique_ptr<NerModel>> NerModel::Create(std::string_view bytes) {
  auto data = ParseNerModel(bytes);
  if (!data.ok()) return data.status();
  return FromData(*std::move(data));
}

std::unique_ptr<NerModel> NerModel::FromData(NerModelData data) {
  return std::unique_ptr<NerModel>(new NerModel(std::move(data)));
}

int NerModel::FindVariant(std::string_view name) const {
  for (size_t i = 0; i < data_.variants.size(); ++i) {
    if (data_.variants[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

void NerModel::Emissions(const std::vector<std::string_view>& words, int v,
                         std::vector<float>* out) const {
  std::string lower_storage;
  std::vector<TokenInfo> s;
  AnalyzeSentence(words, resources_, &lower_storage, &s);
  ScoreEmissions(s, v, out);
}

void NerModel::ScoreEmissions(const std::vector<TokenInfo>& s, int v, std::vector<float>* out) const {
  const Scorer& sc = *scorers_[v];
  const int n = static_cast<int>(s.size());
  // Per-word lexical vectors: precomputed for lexicon words, computed here
  // for the rest.
  std::vector<const float*> lex(n);
  int oov_count = 0;
  for (int j = 0; j < n; ++j) oov_count += s[j].lex == nullptr;
  std::vector<float> oov(static_cast<size_t>(oov_count) * 5 * kNumTags);
  for (int j = 0, o = 0; j < n; ++j) {
    if (s[j].lex != nullptr) {
      lex[j] = &sc.lex_vectors[(s[j].lex - resources_.entries().data()) * 5 * kNumTags];
    } else {
      lex[j] = &oov[o * 5 * kNumTags];
      sc.LexicalVector(s[j].lower, nullptr, &oov[o * 5 * kNumTags]);
      ++o;
    }
  }
  out->assign(static_cast<size_t>(n) * kNumTags, 0.0f);
  std::vector<uint64_t> run_features;
  for (int i = 0; i < n; ++i) {
    float* e = &(*out)[i * kNumTags];
    Add(e, sc.bias.data());
    for (int k = -2; k <= 2; ++k) {
      const int j = i + k;
      if (j < 0 || j >= n) {
        if (k == -1) Add(e, sc.boundary[0].data());
        if (k == 1) Add(e, sc.boundary[1].data());
        continue;
      }
      Add(e, lex[j] + (k + 2) * kNumTags);
      if (k >= -1 && k <= 1) {
        Add(e, sc.case_[k + 1][static_cast<int>(s[j].case_class)].data());
        Add(e, sc.freq[k + 1][static_cast<int>(s[j].case_class)][s[j].lex ? s[j].lex->freq_id : 0].data());
        if (s[j].gaz != 0) Add(e, sc.gaz[k + 1][s[j].gaz].data());
        if (s[j].gaz_train != 0) Add(e, sc.gaz_train[k + 1][s[j].gaz_train].data());
      }
    }
    const int cc = static_cast<int>(s[i].case_class);
    const int cap = s[i].lex ? s[i].lex->cap_bucket : 0;
    const int freq_id = s[i].lex ? s[i].lex->freq_id : 0;
    Add(e, sc.case_cap[cc][cap].data());
    Add(e, sc.freq_en[cc][s[i].lex ? s[i].lex->freq_en : 0].data());
    Add(e, sc.freq_cap[cc][cap][freq_id].data());
    if (i == 0) {
      Add(e, sc.first[cc].data());
      Add(e, sc.freq_first[cc][freq_id].data());
    }
    Add(e, sc.pair_left[i > 0 ? static_cast<int>(s[i - 1].case_class) : kNumCaseClasses][cc].data());
    Add(e, sc.pair_right[cc][i + 1 < n ? static_cast<int>(s[i + 1].case_class) : kNumCaseClasses].data());
    if (i > 0) sc.AddWeight(BigramFeature(-1, s[i - 1].lower, s[i].lower), e);
    if (i + 1 < n) sc.AddWeight(BigramFeature(1, s[i].lower, s[i + 1].lower), e);
    if (s[i].run_end - s[i].run_begin >= 2) {
      run_features.clear();
      RunFeatures(s, i, &run_features);
      for (uint64_t f : run_features) sc.AddWeight(f, e);
    }
  }
}

void NerModel::EmissionsSlow(const std::vector<std::string_view>& words, int v,
                             std::vector<float>* out) const {
  const int n = static_cast<int>(words.size());
  std::string lower_storage;
  std::vector<TokenInfo> s;
  AnalyzeSentence(words, resources_, &lower_storage, &s);
  out->assign(static_cast<size_t>(n) * kNumTags, 0.0f);
  std::vector<uint64_t> feats;
  for (int i = 0; i < n; ++i) {
    feats.clear();
    TokenFeatures(s, i, &feats);
    for (uint64_t f : feats) scorers_[v]->AddWeight(f, &(*out)[i * kNumTags]);
  }
}

void NerModel::Transitions(const std::vector<std::string_view>& words, int v,
                           std::vector<float>* out) const {
  std::string lower_storage;
  std::vector<TokenInfo> s;
  AnalyzeSentence(words, resources_, &lower_storage, &s);
  std::vector<const float*> tables;
  ScoreTransitions(s, v, &tables);
  constexpr int kSquare = kNumTags * kNumTags;
  out->assign(s.size() * kSquare, 0.0f);
  for (size_t i = 1; i < s.size(); ++i) std::copy(tables[i], tables[i] + kSquare, out->data() + i * kSquare);
}

void NerModel::ScoreTransitions(const std::vector<TokenInfo>& s, int v,
                                std::vector<const float*>* out) const {
  const Scorer& sc = *scorers_[v];
  out->resize(s.size());
  for (size_t i = 0; i < s.size(); ++i) (*out)[i] = sc.CombinedTransitions(s[i]);
}

void NerModel::TransitionsSlow(const std::vector<std::string_view>& words, int v,
                               std::vector<float>* out) const {
  const int n = static_cast<int>(words.size());
  constexpr int kSquare = kNumTags * kNumTags;
  out->assign(static_cast<size_t>(n) * kSquare, 0.0f);
  std::string lower_storage;
  std::vector<TokenInfo> s;
  AnalyzeSentence(words, resources_, &lower_storage, &s);
  for (int i = 1; i < n; ++i) {
    float* t = &(*out)[static_cast<size_t>(i) * kSquare];
    for (int k = 0; k < kSquare; ++k) t[k] = data_.variants[v].transitions[k];
    std::pair<uint32_t, int> context[kNumTransitionContexts];
    TransitionContext(s[i], context);
    for (int p = 0; p < kNumTags; ++p) {
      for (const auto& [group, value] : context) {
        scorers_[v]->AddWeight(TransitionFeature(group, p, value), t + p * kNumTags);
      }
    }
  }
}

std::vector<int> NerModel::Tag(const std::vector<std::string_view>& words,
                               std::string_view variant) const {
  int v = 0;
  if (!variant.empty()) {
    v = std::max(0, FindVariant(variant));
  } else if (!SentenceHasCase(words)) {
    v = caseless_;
  }
  std::string lower_storage;
  std::vector<TokenInfo> s;
  AnalyzeSentence(words, resources_, &lower_storage, &s);
  std::vector<float> em;
  std::vector<const float*> trans;
  ScoreEmissions(s, v, &em);
  ScoreTransitions(s, v, &trans);
  std::vector<int> tags;
  Viterbi(em.data(), static_cast<int>(words.size()), data_.variants[v], &tags, trans.data());
  return tags;
}

}  // namespace warta::enrichment::ner
