#include "training/ner/ner_trainer.h"

#include "common/files.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <unordered_map>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "common/status_macros.h"
#include "enrichment/entities/place_names.h"
#include "eval/ner/conll.h"
#include "eval/ner/ner_eval.h"
#include "eval/ner/label_conventions.h"
#include "training/ner/word_frequencies.h"

namespace warta::training {
namespace {

using enrichment::ner::kNumTags;
using enrichment::ner::LexEntry;
using enrichment::ner::NerModelData;

uint8_t CapBucket(const WordStats& s) {
  if (s.inner < 3) return 0;
  const double f = static_cast<double>(s.inner_cap) / s.inner;
  if (f < 0.05) return 1;
  if (f < 0.3) return 2;
  if (f < 0.7) return 3;
  if (f < 0.95) return 4;
  return 5;
}

// Spherical k-means over left/right context vectors of the frequent words;
// returns a cluster per vocab id (-1 for words not clustered).
std::vector<int16_t> ClusterWords(const NewsCorpus& corpus, int k, int max_words, int iterations,
                                  std::ostream* log) {
  const int v = static_cast<int>(corpus.vocab.size());
  std::vector<int> order(v);
  for (int i = 0; i < v; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return corpus.stats[a].count > corpus.stats[b].count;
  });
  constexpr int kContext = 1000;  // context words: the most frequent ones
  std::vector<int> context_id(v, -1);
  for (int r = 0; r < std::min(kContext, v); ++r) context_id[order[r]] = r;
  std::vector<int> row(v, -1);
  int n = 0;
  for (int r = 0; r < v && n < max_words; ++r) {
    if (corpus.stats[order[r]].count < 5) break;
    row[order[r]] = n++;
  }
  std::vector<int16_t> assignment(v, -1);
  if (n < k) return assignment;
  // Sparse vectors: dims [0, kContext) left neighbour, [kContext, 2k) right.
  std::vector<std::map<int, float>> acc(n);
  for (const auto& s : corpus.sentences) {
    for (size_t i = 0; i < s.size(); ++i) {
      const int r = row[s[i]];
      if (r < 0) continue;
      if (i > 0 && context_id[s[i - 1]] >= 0) acc[r][context_id[s[i - 1]]] += 1;
      if (i + 1 < s.size() && context_id[s[i + 1]] >= 0) acc[r][kContext + context_id[s[i + 1]]] += 1;
    }
  }
  std::vector<std::vector<std::pair<int, float>>> vec(n);
  for (int r = 0; r < n; ++r) {
    double norm = 0;
    for (auto& [d, c] : acc[r]) {
      const float x = std::log1p(c);
      vec[r].push_back({d, x});
      norm += x * x;
    }
    norm = std::sqrt(norm);
    for (auto& [d, x] : vec[r]) x = static_cast<float>(x / (norm > 0 ? norm : 1));
  }
  acc.clear();
  const int dims = 2 * kContext;
  std::vector<float> centroids(static_cast<size_t>(k) * dims, 0.0f);
  // Deterministic start: words spread evenly over the frequency ranks.
  for (int c = 0; c < k; ++c) {
    for (auto [d, x] : vec[static_cast<long>(c) * n / k]) centroids[c * dims + d] = x;
  }
  std::vector<int> assign(n, 0);
  for (int it = 0; it < iterations; ++it) {
    int changed = 0;
    for (int r = 0; r < n; ++r) {
      int best = 0;
      float best_score = -1e30f;
      for (int c = 0; c < k; ++c) {
        const float* cen = &centroids[c * dims];
        float s = 0;
        for (auto [d, x] : vec[r]) s += cen[d] * x;
        if (s > best_score) {
          best_score = s;
          best = c;
        }
      }
      changed += best != assign[r];
      assign[r] = best;
    }
    std::fill(centroids.begin(), centroids.end(), 0.0f);
    for (int r = 0; r < n; ++r) {
      for (auto [d, x] : vec[r]) centroids[assign[r] * dims + d] += x;
    }
    for (int c = 0; c < k; ++c) {
      double norm = 0;
      for (int d = 0; d < dims; ++d) norm += centroids[c * dims + d] * centroids[c * dims + d];
      norm = std::sqrt(norm);
      if (norm > 0) for (int d = 0; d < dims; ++d) centroids[c * dims + d] /= static_cast<float>(norm);
    }
    if (log) *log << "  k-means k=" << k << " iteration " << it + 1 << ": " << changed << " moved\n";
  }
  for (int w = 0; w < v; ++w) {
    if (row[w] >= 0) assignment[w] = static_cast<int16_t>(assign[row[w]]);
  }
  return assignment;
}

struct TrainSentence {
  std::vector<std::vector<uint32_t>> features;  // per token, dense ids
  std::vector<int> gold;
  int domain = 0;  // index into options.corpora
  // Transition feature ids: [token][prev tag][per_transition], token 0 unused.
  std::vector<uint32_t> transition_features;
  int per_transition = 0;
  // False for a private corpus (options.private_corpora): its sentences
  // are decoded with all weights but update only their corpus's copies.
  bool update_shared = true;
};

// The domain-specific copy of a feature ("frustratingly easy domain
// adaptation", Daume 2007): each corpus has its own annotation habits; the
// shared copy learns what they agree on.
uint64_t DomainFeature(uint64_t f, int domain) { return enrichment::ner::HashInt(f, 1000 + domain); }

// Names annotated in the training sentences with `keep(i)` true, kept when
// at least `min_ratio` of the occurrences of their (lower-cased) token
// sequence in those sentences carry that annotation; gazetteer source 1.
template <typename Keep>
std::vector<enrichment::ner::GazetteerEntry> TrainingGazetteer(
    const std::vector<eval::ConllSentence>& train, Keep keep, double min_ratio) {
  constexpr int kMaxLen = 6;
  struct Counts {
    std::vector<std::string> tokens;
    std::array<long, enrichment::ner::kNumTypes> typed{};
    long total = 0;
  };
  std::map<std::string, Counts> names;  // key: tokens joined by \x01; sorted
  std::vector<std::vector<std::string>> lower(train.size());
  const auto key_of = [](const std::vector<std::string>& toks, int b, int e) {
    std::string k;
    for (int i = b; i < e; ++i) {
      if (i > b) k.push_back('\x01');
      k += toks[i];
    }
    return k;
  };
  for (size_t si = 0; si < train.size(); ++si) {
    if (!keep(si)) continue;
    for (const std::string& t : train[si].tokens) lower[si].push_back(enrichment::ner::ToLower(t));
    for (const auto& span : eval::LabelsToSpans(train[si].labels)) {
      if (span.end - span.begin > kMaxLen) continue;
      Counts& c = names[key_of(lower[si], span.begin, span.end)];
      if (c.tokens.empty()) c.tokens.assign(lower[si].begin() + span.begin, lower[si].begin() + span.end);
      ++c.typed[span.type];
    }
  }
  for (size_t si = 0; si < train.size(); ++si) {
    if (!keep(si)) continue;
    const int n = static_cast<int>(lower[si].size());
    for (int b = 0; b < n; ++b) {
      std::string k;
      for (int e = b; e < n && e - b < kMaxLen; ++e) {
        if (e > b) k.push_back('\x01');
        k += lower[si][e];
        auto it = names.find(k);
        if (it != names.end()) ++it->second.total;
      }
    }
  }
  std::vector<enrichment::ner::GazetteerEntry> out;
  for (const auto& [key, c] : names) {
    const int type = static_cast<int>(std::max_element(c.typed.begin(), c.typed.end()) - c.typed.begin());
    if (c.typed[type] < min_ratio * c.total) continue;
    enrichment::ner::GazetteerEntry e;
    e.tokens = c.tokens;
    e.type = type;
    e.source = 1;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

namespace {

// The labelled sentences: training sentences with their corpus, and the
// dev/valid splits the log reports F1 on.
struct LabelledData {
  std::vector<eval::ConllSentence> train;
  std::vector<int> train_domain;  // index into options.corpora, per sentence
  // Gazetteer fold per sentence: by document in a corpus that marks them
  // (-DOCSTART-, GUM), so no document's names are in its own sentences'
  // gazetteer; by sentence otherwise.
  std::vector<int> train_fold;
  struct Dev {
    std::string name;
    std::string corpus;
    std::vector<eval::ConllSentence> sentences;
  };
  std::vector<Dev> dev;
};

std::filesystem::path CorpusDir(const NerTrainOptions& options, const std::string& name) {
  auto it = options.corpus_dirs.find(name);
  return it != options.corpus_dirs.end() ? it->second : options.data_dir / "ner" / name;
}

// "nergrit.lower": a lower-cased copy of NERGrit's train split.
constexpr absl::string_view kLowerSuffix = ".lower";
bool IsLowerCopy(absl::string_view name) { return absl::EndsWith(name, kLowerSuffix); }

absl::StatusOr<LabelledData> ReadLabelledData(const NerTrainOptions& options) {
  LabelledData data;
  std::map<std::string, size_t> first_sentence;  // per corpus, in data.train
  for (const std::string& name : options.corpora) {
    const bool lower_copy = IsLowerCopy(name);
    const std::string base = lower_copy ? name.substr(0, name.size() - kLowerSuffix.size()) : name;
    const auto dir = CorpusDir(options, base);
    ASSIGN_OR_RETURN(std::string contents, ReadFileToString(dir / "train.txt"));
    ASSIGN_OR_RETURN(auto sentences, eval::ParseConll(contents));
    first_sentence[name] = data.train.size();
    if (options.log) *options.log << name << ": " << sentences.size() << " training sentences\n";
    if (std::count(options.place_conventions.begin(), options.place_conventions.end(), base) > 0) {
      const int marked = eval::MarkKnownPlaces(sentences);
      const int joined = eval::JoinPlaceKindWords(sentences);
      if (options.log) {
        *options.log << "  " << marked << " known place names relabelled LOCATION, " << joined
                     << " place-kind words joined to their names\n";
      }
    }
    const bool documents = !sentences.empty() && sentences.back().document > 0;
    const int folds = std::max(1, options.gazetteer_folds);
    if (lower_copy) {
      // The copy of a sentence sees the gazetteer its original sees.
      auto it = first_sentence.find(base);
      if (it == first_sentence.end()) {
        return absl::InvalidArgumentError(absl::StrCat(name, " must come after ", base, " in --corpora"));
      }
      for (size_t k = 0; k < sentences.size(); ++k) {
        data.train_fold.push_back(data.train_fold[it->second + k]);
        for (std::string& t : sentences[k].tokens) t = enrichment::ner::ToLower(t);
      }
    } else {
      for (const eval::ConllSentence& s : sentences) {
        const size_t i = data.train_fold.size();
        data.train_fold.push_back(documents ? s.document % folds : static_cast<int>(i % folds));
      }
    }
    data.train.insert(data.train.end(), sentences.begin(), sentences.end());
    int domain = static_cast<int>(&name - options.corpora.data());
    if (auto it = options.weights_of.find(name); it != options.weights_of.end()) {
      const auto target = std::find(options.corpora.begin(), options.corpora.end(), it->second);
      if (target != options.corpora.end()) domain = static_cast<int>(target - options.corpora.begin());
    }
    data.train_domain.resize(data.train.size(), domain);
    if (lower_copy) continue;
    for (const char* split : {"dev.txt", "valid.txt"}) {
      if (!std::filesystem::exists(dir / split)) continue;
      ASSIGN_OR_RETURN(std::string d, ReadFileToString(dir / split));
      ASSIGN_OR_RETURN(auto ds, eval::ParseConll(d));
      data.dev.push_back({absl::StrCat(name, "/", split), name, std::move(ds)});
    }
  }
  return data;
}

// Sets the frequency buckets of the lexicon's words from the wordfreq
// lists; Indonesian words, and English ones from Zipf 3.5 up, join the
// lexicon (rarer English words would cost memory for little).
absl::Status AddWordFrequencies(const std::filesystem::path& dir,
                                std::map<std::string, LexEntry>& lexicon) {
  for (const char* lang : {"id", "en"}) {
    ASSIGN_OR_RETURN(auto frequencies, ReadWordFrequencies(dir / absl::StrCat(lang, ".tsv")));
    const bool english = std::string_view(lang) == "en";
    for (const auto& [word, frequency] : frequencies) {
      const uint8_t bucket = enrichment::ner::FrequencyBucket(frequency);
      auto it = lexicon.find(word);
      if (it == lexicon.end()) {
        if (english && bucket < 2) continue;
        it = lexicon.emplace(word, LexEntry()).first;
      }
      (english ? it->second.freq_en : it->second.freq_id) = bucket;
    }
  }
  return absl::OkStatus();
}

// The model's lexicon: news words seen at least twice (with their
// capitalisation bucket and clusters), every training word, every
// gazetteer word and the wordfreq words; and the packaged gazetteer.
// Capitalisation buckets and clusters (numbered from `fine_base` /
// `coarse_base`) of the words of the lexicon_corpora training text that
// `lexicon` does not have yet.
void AddTrainTextWords(const NerTrainOptions& options, const LabelledData& data, int fine_base,
                       int coarse_base, std::map<std::string, LexEntry>& lexicon) {
  std::vector<std::vector<std::string>> sentences;
  absl::flat_hash_set<std::string> other_words;  // of the other corpora: left as they were
  for (size_t i = 0; i < data.train.size(); ++i) {
    const std::string& corpus = options.corpora[data.train_domain[i]];
    if (std::find(options.lexicon_corpora.begin(), options.lexicon_corpora.end(), corpus) !=
        options.lexicon_corpora.end()) {
      sentences.push_back(data.train[i].tokens);
    } else {
      for (const std::string& t : data.train[i].tokens) other_words.insert(enrichment::ner::ToLower(t));
    }
  }
  if (sentences.empty()) return;
  const NewsCorpus text = CorpusFromTokens(sentences);
  std::vector<int16_t> fine, coarse;
  if (options.clusters > 0 && options.lexicon_clusters > 0) {
    fine = ClusterWords(text, options.lexicon_clusters, 40000, 8, options.log);
    coarse = ClusterWords(text, options.lexicon_coarse_clusters, 40000, 8, options.log);
  }
  for (size_t w = 0; w < text.vocab.size(); ++w) {
    if (text.stats[w].count < 2 || lexicon.count(text.vocab[w]) || other_words.contains(text.vocab[w])) continue;
    LexEntry e;
    e.cap_bucket = CapBucket(text.stats[w]);
    if (!fine.empty() && fine[w] >= 0) {
      e.cluster = static_cast<int16_t>(fine_base + fine[w]);
      e.coarse_cluster = static_cast<int16_t>(coarse_base + coarse[w]);
    }
    lexicon[text.vocab[w]] = e;
  }
}

absl::StatusOr<NerModelData> BuildLexicon(const NerTrainOptions& options, const NewsCorpus& news,
                                          const LabelledData& data) {
  const std::vector<eval::ConllSentence>& train = data.train;
  std::vector<int16_t> fine, coarse;
  if (options.clusters > 0) {
    fine = ClusterWords(news, options.clusters, 40000, 8, options.log);
    coarse = ClusterWords(news, options.coarse_clusters, 40000, 8, options.log);
  }
  NerModelData model;
  model.gazetteer = enrichment::BuiltinGazetteer();
  std::map<std::string, LexEntry> lexicon;  // sorted: deterministic file
  for (size_t w = 0; w < news.vocab.size(); ++w) {
    if (news.stats[w].count < 2) continue;
    LexEntry e;
    e.cap_bucket = CapBucket(news.stats[w]);
    if (!fine.empty()) {
      e.cluster = fine[w];
      e.coarse_cluster = coarse[w];
    }
    lexicon[news.vocab[w]] = e;
  }
  AddTrainTextWords(options, data, options.clusters, options.coarse_clusters, lexicon);
  for (const auto& s : train) {
    for (const std::string& t : s.tokens) lexicon.emplace(enrichment::ner::ToLower(t), LexEntry());
  }
  for (const auto& g : model.gazetteer) {
    for (const std::string& t : g.tokens) lexicon.emplace(t, LexEntry());
  }
  if (!options.wordfreq_dir.empty()) RETURN_IF_ERROR(AddWordFrequencies(options.wordfreq_dir, lexicon));
  for (auto& [word, entry] : lexicon) {
    model.words.push_back(word);
    model.entries.push_back(entry);
  }
  return model;
}

// Training sentence i is analysed with fold_resources[train_fold[i]]: the
// packaged gazetteer plus the names of the other folds. Adds the names of
// all folds to the model's gazetteer.
std::vector<std::unique_ptr<enrichment::ner::NerResources>> FoldResources(
    const NerTrainOptions& options, const LabelledData& data, NerModelData& model) {
  const std::vector<eval::ConllSentence>& train = data.train;
  const int folds = std::max(1, options.gazetteer_folds);
  // A private corpus's names stay out: they would change the features of
  // the other corpora's sentences.
  const auto shared = [&](size_t i) {
    if (IsLowerCopy(options.corpora[data.train_domain[i]])) return false;  // the original's names
    return std::find(options.private_corpora.begin(), options.private_corpora.end(),
                     options.corpora[data.train_domain[i]]) == options.private_corpora.end();
  };
  std::vector<std::unique_ptr<enrichment::ner::NerResources>> fold_resources;
  for (int k = 0; k < folds; ++k) {
    auto gaz = model.gazetteer;
    if (options.gazetteer_folds > 0) {
      auto names = TrainingGazetteer(
          train, [&](size_t i) { return shared(i) && (folds == 1 || data.train_fold[i] != k); },
          options.gazetteer_min_ratio);
      gaz.insert(gaz.end(), names.begin(), names.end());
    }
    fold_resources.push_back(
        std::make_unique<enrichment::ner::NerResources>(model.words, model.entries, std::move(gaz)));
  }
  if (options.gazetteer_folds > 0) {
    auto names = TrainingGazetteer(train, shared, options.gazetteer_min_ratio);
    model.gazetteer.insert(model.gazetteer.end(), names.begin(), names.end());
  }
  return fold_resources;
}

// Feature hashes interned to dense ids, and every training sentence as ids.
struct FeatureTable {
  std::unordered_map<uint64_t, uint32_t> ids;
  std::vector<uint64_t> hashes;  // by id
  std::vector<TrainSentence> sentences;

  uint32_t Intern(uint64_t f) {
    auto [it, added] = ids.emplace(f, static_cast<uint32_t>(hashes.size()));
    if (added) hashes.push_back(f);
    return it->second;
  }
};

// A variant's corpora ("idner_news_2k", "idner_news_2k+nergrit*0.5") as
// (index into options.corpora, scale) pairs; the scale defaults to 1.
absl::StatusOr<std::vector<std::pair<int, float>>> ParseVariantSpec(const NerTrainOptions& options,
                                                                     const std::string& spec) {
  std::vector<std::pair<int, float>> out;
  for (absl::string_view term : absl::StrSplit(spec, '+', absl::SkipEmpty())) {
    std::pair<absl::string_view, absl::string_view> parts = absl::StrSplit(term, absl::MaxSplits('*', 1));
    float scale = 1;
    if (!parts.second.empty() && !absl::SimpleAtof(parts.second, &scale)) {
      return absl::InvalidArgumentError(absl::StrCat("variant '", spec, "': bad scale '", parts.second, "'"));
    }
    const auto it = std::find(options.corpora.begin(), options.corpora.end(), parts.first);
    // A lower-cased copy not trained on (--corpora without it) is left out
    // of the variant, any other corpus leaves the variant out.
    if (it == options.corpora.end() && IsLowerCopy(parts.first)) continue;
    if (it == options.corpora.end()) {  // the variant is left out
      return absl::NotFoundError(
          absl::StrCat("variant '", spec, "' names '", parts.first, "', not a training corpus"));
    }
    out.push_back({static_cast<int>(it - options.corpora.begin()), scale});
  }
  return out;
}

// Appends the domain copies of feats[0, size) when domain adaptation is on.
void AddDomainCopies(const NerTrainOptions& options, int domain, std::vector<uint64_t>& feats) {
  if (!options.domain_adaptation) return;
  const size_t shared = feats.size();
  for (size_t k = 0; k < shared; ++k) feats.push_back(DomainFeature(feats[k], domain));
}

// The features of one training sentence, analysed with `resources`.
TrainSentence SentenceFeatures(const NerTrainOptions& options, const eval::ConllSentence& s, int domain,
                               const enrichment::ner::NerResources& resources, FeatureTable& table) {
  thread_local std::string storage;
  thread_local std::vector<enrichment::ner::TokenInfo> infos;
  thread_local std::vector<uint64_t> feats;
  std::vector<std::string_view> words(s.tokens.begin(), s.tokens.end());
  enrichment::ner::AnalyzeSentence(words, resources, &storage, &infos);
  TrainSentence ts;
  ts.domain = domain;
  ts.update_shared = !options.domain_adaptation ||
                     std::find(options.private_corpora.begin(), options.private_corpora.end(),
                               options.corpora[domain]) == options.private_corpora.end();
  ts.gold = eval::SpansToTags(eval::LabelsToSpans(s.labels), static_cast<int>(words.size()));
  for (int i = 0; i < static_cast<int>(words.size()); ++i) {
    feats.clear();
    enrichment::ner::TokenFeatures(infos, i, &feats);
    AddDomainCopies(options, ts.domain, feats);
    std::vector<uint32_t> ids;
    ids.reserve(feats.size());
    for (uint64_t f : feats) ids.push_back(table.Intern(f));
    ts.features.push_back(std::move(ids));
    std::pair<uint32_t, int> context[enrichment::ner::kNumTransitionContexts];
    enrichment::ner::TransitionContext(infos[i], context);
    for (int p = 0; p < kNumTags; ++p) {
      feats.clear();
      for (const auto& [group, value] : context) {
        feats.push_back(enrichment::ner::TransitionFeature(group, p, value));
      }
      AddDomainCopies(options, ts.domain, feats);
      ts.per_transition = static_cast<int>(feats.size());
      for (uint64_t f : feats) ts.transition_features.push_back(table.Intern(f));
    }
  }
  return ts;
}

FeatureTable ExtractFeatures(const NerTrainOptions& options, const LabelledData& data,
                             const std::vector<std::unique_ptr<enrichment::ner::NerResources>>& folds) {
  FeatureTable table;
  table.sentences.reserve(data.train.size());
  for (size_t si = 0; si < data.train.size(); ++si) {
    table.sentences.push_back(SentenceFeatures(options, data.train[si], data.train_domain[si],
                                               *folds[data.train_fold[si] % folds.size()], table));
  }
  return table;
}

// The averaged structured perceptron: weights `w`, and `u` for averaging
// (the averaged weight is w - u / c).
class Perceptron {
 public:
  Perceptron(const NerTrainOptions& options, const FeatureTable& table)
      : options_(options), table_(table), nf_(table.hashes.size()),
        w_(nf_ * kNumTags, 0.0f), u_(nf_ * kNumTags, 0.0f) {
    // Domain copies are folded into the variants, never written on their own.
    if (options.domain_adaptation) {
      for (size_t f = 0; f < nf_; ++f) {
        for (int d = 0; d < static_cast<int>(options.corpora.size()); ++d) {
          domain_copies_.insert(DomainFeature(table.hashes[f], d));
        }
      }
    }
  }

  // One pass over the sentences in `order`; returns the token errors.
  long Epoch(const std::vector<size_t>& order) {
    long errors = 0;
    for (size_t idx : order) {
      const TrainSentence& s = table_.sentences[idx];
      Decode(s);
      if (pred_ != s.gold) errors += Update(s);
      // The averaging clock counts only the shared corpora's sentences, so
      // their averaged weights are what they would be without the private
      // ones.
      if (s.update_shared) c_ += 1;
    }
    return errors;
  }

  // The averaged weights as a model: `base` (lexicon, gazetteer) plus one
  // weight variant per options.variants.
  NerModelData Averaged(const NerModelData& base) const {
    NerModelData m = base;
    for (const auto& [name, corpus] : options_.variants) {
      // A variant of a corpus not trained on (e.g. --corpora without gum).
      auto targets = ParseVariantSpec(options_, corpus);
      if (options_.domain_adaptation && !targets.ok()) continue;
      const bool own_only = std::find(options_.own_features_only.begin(), options_.own_features_only.end(),
                                      name) != options_.own_features_only.end();
      m.variants.push_back(AveragedVariant(name, targets.ok() ? *targets : std::vector<std::pair<int, float>>(), own_only));
    }
    if (m.variants.empty()) m.variants.push_back(AveragedVariant("news", {}, false));
    return m;
  }

  // True for a variant of private corpora only ("en").
  bool PrivateVariant(const std::string& name) const {
    if (!options_.domain_adaptation) return false;
    for (const auto& [variant, spec] : options_.variants) {
      if (variant != name) continue;
      auto targets = ParseVariantSpec(options_, spec);
      if (!targets.ok() || targets->empty()) return false;
      for (const auto& [target, scale] : *targets) {
        const std::string& corpus = options_.corpora[target];
        if (std::find(options_.private_corpora.begin(), options_.private_corpora.end(), corpus) ==
            options_.private_corpora.end()) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

 private:
  static constexpr int kSquare = kNumTags * kNumTags;

  // Row i, prev p: ids at transition_features[(i * kNumTags + p) * m ...].
  static const uint32_t* TransIds(const TrainSentence& s, int i, int p) {
    return &s.transition_features[(i * kNumTags + p) * s.per_transition];
  }

  // Viterbi with the current weights into pred_.
  void Decode(const TrainSentence& s) {
    const int n = static_cast<int>(s.gold.size());
    const int m = s.per_transition;
    em_.assign(static_cast<size_t>(n) * kNumTags, 0.0f);
    for (int i = 0; i < n; ++i) {
      for (uint32_t f : s.features[i]) {
        for (int t = 0; t < kNumTags; ++t) em_[i * kNumTags + t] += w_[f * kNumTags + t];
      }
    }
    trans_.assign(static_cast<size_t>(n) * kSquare, 0.0f);
    for (int i = 1; i < n; ++i) {
      for (int p = 0; p < kNumTags; ++p) {
        float* row = &trans_[i * kSquare + p * kNumTags];
        for (int t = 0; t < kNumTags; ++t) row[t] = tw_[p * kNumTags + t];
        const uint32_t* ids = TransIds(s, i, p);
        for (int k = 0; k < m; ++k) {
          for (int t = 0; t < kNumTags; ++t) row[t] += w_[ids[k] * kNumTags + t];
        }
      }
    }
    enrichment::ner::NerWeights view;
    view.transitions = tw_;
    view.start = sw_;
    trans_rows_.resize(n);
    for (int i = 0; i < n; ++i) trans_rows_[i] = &trans_[i * kSquare];
    enrichment::ner::Viterbi(em_.data(), n, view, &pred_, trans_rows_.data());
  }

  void Add(std::vector<float>& w, std::vector<float>& u, size_t at, float sign) {
    w[at] += sign;
    u[at] += sign * c_;
  }

  // Moves the weights towards the gold tags and away from pred_; returns
  // the number of wrong tokens.
  long Update(const TrainSentence& s) {
    const int n = static_cast<int>(s.gold.size());
    long errors = 0;
    for (int i = 0; i < n; ++i) {
      if (pred_[i] == s.gold[i]) continue;
      ++errors;
      // Domain copies follow the shared features (AddDomainCopies).
      const size_t first = s.update_shared ? 0 : s.features[i].size() / 2;
      for (size_t k = first; k < s.features[i].size(); ++k) {
        const uint32_t f = s.features[i][k];
        Add(w_, u_, f * kNumTags + s.gold[i], 1);
        Add(w_, u_, f * kNumTags + pred_[i], -1);
      }
    }
    for (int i = 0; i < n; ++i) {
      const int gp = i ? s.gold[i - 1] : -1, pp = i ? pred_[i - 1] : -1;
      if (gp == pp && s.gold[i] == pred_[i]) continue;
      if (i == 0) {
        if (!s.update_shared) continue;
        sw_[s.gold[0]] += 1, su_[s.gold[0]] += c_;
        sw_[pred_[0]] -= 1, su_[pred_[0]] -= c_;
        continue;
      }
      if (s.update_shared) {
        tw_[gp * kNumTags + s.gold[i]] += 1, tu_[gp * kNumTags + s.gold[i]] += c_;
        tw_[pp * kNumTags + pred_[i]] -= 1, tu_[pp * kNumTags + pred_[i]] -= c_;
      }
      for (int k = s.update_shared ? 0 : s.per_transition / 2; k < s.per_transition; ++k) {
        const uint32_t g = TransIds(s, i, gp)[k], q = TransIds(s, i, pp)[k];
        Add(w_, u_, g * kNumTags + s.gold[i], 1);
        Add(w_, u_, q * kNumTags + pred_[i], -1);
      }
    }
    return errors;
  }

  // `own_only`: only the features that have a copy for one of the
  // `targets` corpora, i.e. that fired on their training sentences.
  enrichment::ner::NerWeights AveragedVariant(const std::string& name,
                                              const std::vector<std::pair<int, float>>& targets,
                                              bool own_only) const {
    enrichment::ner::NerWeights v;
    v.name = name;
    for (size_t f = 0; f < nf_; ++f) {
      if (domain_copies_.contains(table_.hashes[f])) continue;
      enrichment::ner::TagScores s;
      bool keep = false, has_copy = false;
      for (int t = 0; t < kNumTags; ++t) s[t] = w_[f * kNumTags + t] - u_[f * kNumTags + t] / c_;
      for (const auto& [target, scale] : options_.domain_adaptation ? targets : decltype(targets){}) {
        auto it = table_.ids.find(DomainFeature(table_.hashes[f], target));
        if (it == table_.ids.end()) continue;
        const size_t g = it->second;
        has_copy = true;
        for (int t = 0; t < kNumTags; ++t) s[t] += scale * (w_[g * kNumTags + t] - u_[g * kNumTags + t] / c_);
      }
      if (own_only && options_.domain_adaptation && !targets.empty() && !has_copy) continue;
      for (int t = 0; t < kNumTags; ++t) keep |= std::fabs(s[t]) > options_.prune_below && s[t] != 0.0f;
      if (keep) v.weights.push_back({table_.hashes[f], s});
    }
    std::sort(v.weights.begin(), v.weights.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (int i = 0; i < kSquare; ++i) v.transitions[i] = tw_[i] - tu_[i] / c_;
    for (int i = 0; i < kNumTags; ++i) v.start[i] = sw_[i] - su_[i] / c_;
    return v;
  }

  const NerTrainOptions& options_;
  const FeatureTable& table_;
  const size_t nf_;
  std::vector<float> w_, u_;
  std::array<float, kSquare> tw_{}, tu_{};
  std::array<float, kNumTags> sw_{}, su_{};
  float c_ = 1;
  absl::flat_hash_set<uint64_t> domain_copies_;
  // Scratch space of Decode.
  std::vector<float> em_, trans_;
  std::vector<const float*> trans_rows_;
  std::vector<int> pred_;
};

// "epoch N: errors / tokens" and the dev F1 of the averaged model so far.
void LogEpoch(const NerTrainOptions& options, const LabelledData& data, int epoch, long errors,
              long tokens, const NerModelData& averaged) {
  std::ostream& log = *options.log;
  log << "epoch " << epoch + 1 << ": " << errors << " token errors / " << tokens;
  auto m = enrichment::ner::NerModel::FromData(averaged);
  for (const LabelledData::Dev& d : data.dev) {
    log << "  " << d.name << " F1 " << eval::EvaluateNer(*m, d.sentences).F1();
    for (const auto& [name, corpus] : options.variants) {
      if (corpus == d.corpus && name != m->data().variants[0].name) {
        log << " (" << name << ": " << eval::EvaluateNer(*m, d.sentences, name).F1() << ")";
      }
    }
  }
  log << "\n";
}

// Fisher-Yates: the same on every platform.
void Shuffle(std::vector<size_t>& v, std::mt19937& rng) {
  for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng() % i]);
}

// `a` in order with the elements of `b` spread evenly among them.
void Interleave(const std::vector<size_t>& a, const std::vector<size_t>& b, std::vector<size_t>* out) {
  out->clear();
  size_t j = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    while (j < b.size() && j * a.size() <= i * b.size()) out->push_back(b[j++]);
    out->push_back(a[i]);
  }
  while (j < b.size()) out->push_back(b[j++]);
}

// One perceptron run (options.seed shuffles the training order).
absl::StatusOr<NerModelData> TrainOnce(const NerTrainOptions& options) {
  std::ostream* log = options.log;
  ASSIGN_OR_RETURN(LabelledData data, ReadLabelledData(options));
  ASSIGN_OR_RETURN(NewsCorpus news, ReadNewsCorpus(options.data_dir));
  if (log) *log << "news: " << news.sentences.size() << " sentences, " << news.vocab.size() << " words\n";
  ASSIGN_OR_RETURN(NerModelData model, BuildLexicon(options, news, data));
  const auto folds = FoldResources(options, data, model);
  if (log) *log << "lexicon: " << model.words.size() << " words, gazetteer: " << model.gazetteer.size() << "\n";
  const FeatureTable table = ExtractFeatures(options, data, folds);
  if (log) *log << "features: " << table.hashes.size() << "\n";

  Perceptron perceptron(options, table);
  // The sentences of the shared corpora are shuffled as they were before
  // private corpora existed (their own generator, the same draws); the
  // private ones are shuffled apart and spread evenly among them.
  // The lower-cased copies ("late" sentences) are shuffled apart too and
  // join after the private epochs: the sentences before are then what they
  // were without the copies, and so is the English variant.
  std::mt19937 rng(options.seed), private_rng(options.seed ^ 0x9e3779b9u),
      late_rng(options.seed ^ 0x7f4a7c15u);
  std::vector<size_t> shared_order, private_order, late_order;
  for (size_t i = 0; i < table.sentences.size(); ++i) {
    if (IsLowerCopy(options.corpora[data.train_domain[i]])) {
      late_order.push_back(i);
    } else {
      (table.sentences[i].update_shared ? shared_order : private_order).push_back(i);
    }
  }
  long tokens_per_epoch = 0;
  for (const TrainSentence& s : table.sentences) tokens_per_epoch += static_cast<long>(s.gold.size());
  std::vector<size_t> order;
  std::optional<NerModelData> private_snapshot;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    Shuffle(shared_order, rng);
    Shuffle(private_order, private_rng);
    Shuffle(late_order, late_rng);
    const bool show_private = options.private_epochs <= 0 || epoch < options.private_epochs;
    Interleave(shared_order, show_private ? private_order : std::vector<size_t>(), &order);
    if (!show_private && !late_order.empty()) {
      const std::vector<size_t> shared = order;
      Interleave(shared, late_order, &order);
    }
    const long errors = perceptron.Epoch(order);
    if (log) LogEpoch(options, data, epoch, errors, tokens_per_epoch, perceptron.Averaged(model));
    if (epoch + 1 == options.private_epochs) private_snapshot = perceptron.Averaged(model);
  }
  NerModelData out = perceptron.Averaged(model);
  // A variant of private corpora is the whole averaged model after their
  // last epoch: averaging on over the epochs without their sentences would
  // pull their copies towards the last raw weights, and the shared weights
  // go on learning Indonesian (which, added to copies trained alongside
  // earlier shared weights, cost the English variant: README).
  for (size_t v = 0; private_snapshot && v < out.variants.size(); ++v) {
    if (perceptron.PrivateVariant(out.variants[v].name)) out.variants[v] = private_snapshot->variants[v];
  }
  if (log) {
    for (const auto& v : out.variants) *log << "variant " << v.name << ": " << v.weights.size() << " features\n";
  }
  return out;
}

// The mean of models that differ only in their weights (same lexicon and
// gazetteer: those do not depend on the seed).
NerModelData AverageModels(std::vector<NerModelData> runs) {
  NerModelData out = std::move(runs[0]);
  const float n = static_cast<float>(runs.size());
  for (size_t v = 0; v < out.variants.size(); ++v) {
    std::map<uint64_t, enrichment::ner::TagScores> sum;  // sorted by hash
    for (size_t r = 0; r < runs.size(); ++r) {
      const auto& weights = r == 0 ? out.variants[v] : runs[r].variants[v];
      for (const auto& [hash, scores] : weights.weights) {
        auto& acc = sum.try_emplace(hash).first->second;
        for (int t = 0; t < kNumTags; ++t) acc[t] += scores[t];
      }
      if (r == 0) continue;
      for (int i = 0; i < kNumTags * kNumTags; ++i) out.variants[v].transitions[i] += weights.transitions[i];
      for (int i = 0; i < kNumTags; ++i) out.variants[v].start[i] += weights.start[i];
    }
    for (float& f : out.variants[v].transitions) f /= n;
    for (float& f : out.variants[v].start) f /= n;
    out.variants[v].weights.clear();
    for (auto& [hash, scores] : sum) {
      for (float& f : scores) f /= n;
      out.variants[v].weights.push_back({hash, scores});
    }
  }
  return out;
}

}  // namespace

absl::StatusOr<NerModelData> TrainNerModel(const NerTrainOptions& options) {
  for (const auto& [name, spec] : options.variants) {
    auto parsed = ParseVariantSpec(options, spec);
    if (!parsed.ok() && !absl::IsNotFound(parsed.status())) return parsed.status();
  }
  if (options.ensemble <= 1) return TrainOnce(options);
  std::vector<NerModelData> runs;
  for (int k = 0; k < options.ensemble; ++k) {
    NerTrainOptions o = options;
    o.seed = options.seed + static_cast<uint32_t>(k);
    if (options.log) *options.log << "ensemble run " << k + 1 << " of " << options.ensemble << "\n";
    ASSIGN_OR_RETURN(NerModelData m, TrainOnce(o));
    runs.push_back(std::move(m));
  }
  NerModelData out = AverageModels(std::move(runs));
  if (options.log) {
    auto model = enrichment::ner::NerModel::FromData(out);
    for (const auto& [corpus, file, variant] : std::vector<std::array<std::string, 3>>{
             {"idner_news_2k", "dev.txt", ""}, {"nergrit", "valid.txt", ""},
             {"nergrit", "valid.txt", "nergrit"}, {"nerp", "valid.txt", ""}, {"gum", "dev.txt", "en"}}) {
      auto contents = ReadFileToString(CorpusDir(options, corpus) / file);
      if (!contents.ok()) continue;
      auto sentences = eval::ParseConll(*contents);
      if (!sentences.ok()) continue;
      *options.log << "ensemble " << corpus << "/" << file << (variant.empty() ? "" : " (" + variant + ")") << " F1 "
                   << eval::EvaluateNer(*model, *sentences, variant).F1() << "\n";
    }
  }
  return out;
}

}  // namespace warta::training
