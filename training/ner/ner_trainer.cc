#include "training/ner/ner_trainer.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <unordered_map>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "enrichment/entities/place_names.h"
#include "enrichment/entities/simple_tokenizer.h"
#include "eval/ner/conll.h"
#include "eval/ner/ner_eval.h"
#include "unicode/utf8.h"

namespace warta::training {
namespace {

using enrichment::ner::kNumTags;
using enrichment::ner::LexEntry;
using enrichment::ner::NerModelData;

absl::StatusOr<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path.string()));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void AppendUtf8(uint32_t cp, std::string* out) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, cp, error);
  if (!error) out->append(buf, n);
}

// The "text" string of one JSON line (the news files are JSON lines with a
// flat object); empty when absent.
std::string JsonTextField(std::string_view line) {
  const size_t key = line.find("\"text\"");
  if (key == std::string_view::npos) return "";
  size_t i = line.find('"', line.find(':', key) + 1);
  if (i == std::string_view::npos) return "";
  std::string out;
  for (++i; i < line.size() && line[i] != '"'; ++i) {
    if (line[i] != '\\' || i + 1 >= line.size()) {
      out.push_back(line[i]);
      continue;
    }
    const char e = line[++i];
    switch (e) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': break;
      case 'u': {
        if (i + 4 >= line.size()) return out;
        uint32_t cp = std::stoul(std::string(line.substr(i + 1, 4)), nullptr, 16);
        i += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < line.size() && line[i + 1] == '\\' &&
            line[i + 2] == 'u') {
          const uint32_t lo = std::stoul(std::string(line.substr(i + 3, 4)), nullptr, 16);
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          i += 6;
        }
        AppendUtf8(cp, &out);
        break;
      }
      default: out.push_back(e);
    }
  }
  return out;
}

struct WordStats {
  long count = 0;
  long inner = 0;      // occurrences not at the start of a sentence
  long inner_cap = 0;  // ... of which written with an initial capital
};

// Sentences of the news corpus as lower-cased token ids, plus statistics.
struct NewsCorpus {
  std::vector<std::string> vocab;
  absl::flat_hash_map<std::string, int> index;
  std::vector<WordStats> stats;
  std::vector<std::vector<int>> sentences;
};

absl::StatusOr<NewsCorpus> ReadNews(const std::filesystem::path& data_dir) {
  NewsCorpus corpus;
  ASSIGN_OR_RETURN(std::vector<std::string> texts,
                   ReadNewsTexts(data_dir / "news" / "indosum_articles.jsonl"));
  for (const std::string& text : texts) {
    const auto seg = enrichment::SimpleSegment(text);
    for (const enrichment::Sentence& s : seg.sentences) {
      std::vector<int> ids;
      for (int t = s.first_token; t < s.end_token; ++t) {
        const enrichment::Span span = seg.tokens[t].span;
        const std::string_view word(text.data() + span.begin, span.size());
        std::string lower = enrichment::ner::ToLower(word);
        auto [it, added] = corpus.index.emplace(lower, static_cast<int>(corpus.vocab.size()));
        if (added) {
          corpus.vocab.push_back(lower);
          corpus.stats.emplace_back();
        }
        WordStats& st = corpus.stats[it->second];
        ++st.count;
        // Skip the first token and anything right after quotes or colons,
        // where capitals are grammar, not names.
        const bool initial = t == s.first_token || seg.tokens[t - 1].kind != enrichment::TokenKind::kWord;
        if (!initial) {
          ++st.inner;
          const auto cc = enrichment::ner::ClassifyCase(word);
          if (cc == enrichment::ner::CaseClass::kInitialUpper ||
              cc == enrichment::ner::CaseClass::kAllUpper || cc == enrichment::ner::CaseClass::kMixed) {
            ++st.inner_cap;
          }
        }
        ids.push_back(it->second);
      }
      corpus.sentences.push_back(std::move(ids));
    }
  }
  return corpus;
}

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

absl::StatusOr<std::vector<std::string>> ReadNewsTexts(const std::filesystem::path& jsonl) {
  ASSIGN_OR_RETURN(std::string contents, ReadFile(jsonl));
  std::vector<std::string> texts;
  std::istringstream lines(contents);
  std::string line;
  while (std::getline(lines, line)) {
    std::string text = JsonTextField(line);
    if (!text.empty()) texts.push_back(std::move(text));
  }
  return texts;
}

namespace {

// One perceptron run (options.seed shuffles the training order).
absl::StatusOr<NerModelData> TrainOnce(const NerTrainOptions& options) {
  std::ostream* log = options.log;
  // 1. Labelled data.
  std::vector<eval::ConllSentence> train;
  std::vector<int> train_domain;
  struct Dev {
    std::string name;
    std::string corpus;
    std::vector<eval::ConllSentence> sentences;
  };
  std::vector<Dev> dev;
  for (const std::string& name : options.corpora) {
    const auto dir = options.data_dir / "ner" / name;
    ASSIGN_OR_RETURN(std::string contents, ReadFile(dir / "train.txt"));
    ASSIGN_OR_RETURN(auto sentences, eval::ParseConll(contents));
    if (log) *log << name << ": " << sentences.size() << " training sentences\n";
    train.insert(train.end(), sentences.begin(), sentences.end());
    const int domain = static_cast<int>(&name - options.corpora.data());
    train_domain.resize(train.size(), domain);
    for (const char* split : {"dev.txt", "valid.txt"}) {
      if (!std::filesystem::exists(dir / split)) continue;
      ASSIGN_OR_RETURN(std::string d, ReadFile(dir / split));
      ASSIGN_OR_RETURN(auto ds, eval::ParseConll(d));
      dev.push_back({absl::StrCat(name, "/", split), name, std::move(ds)});
    }
  }
  // 2. Lexicon from the unlabelled news (and every training word).
  ASSIGN_OR_RETURN(NewsCorpus news, ReadNews(options.data_dir));
  if (log) *log << "news: " << news.sentences.size() << " sentences, " << news.vocab.size() << " words\n";
  std::vector<int16_t> fine, coarse;
  if (options.clusters > 0) {
    fine = ClusterWords(news, options.clusters, 40000, 8, log);
    coarse = ClusterWords(news, options.coarse_clusters, 40000, 8, log);
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
  for (const auto& s : train) {
    for (const std::string& t : s.tokens) lexicon.emplace(enrichment::ner::ToLower(t), LexEntry());
  }
  for (const auto& g : model.gazetteer) {
    for (const std::string& t : g.tokens) lexicon.emplace(t, LexEntry());
  }
  for (auto& [word, entry] : lexicon) {
    model.words.push_back(word);
    model.entries.push_back(entry);
  }
  // Training sentence i is analysed with fold_resources[i % folds]: the
  // packaged gazetteer plus the names of the other folds.
  const int folds = std::max(1, options.gazetteer_folds);
  std::vector<std::unique_ptr<enrichment::ner::NerResources>> fold_resources;
  for (int k = 0; k < folds; ++k) {
    auto gaz = model.gazetteer;
    if (options.gazetteer_folds > 0) {
      auto names = TrainingGazetteer(
          train, [&](size_t i) { return folds == 1 || static_cast<int>(i % folds) != k; },
          options.gazetteer_min_ratio);
      gaz.insert(gaz.end(), names.begin(), names.end());
    }
    fold_resources.push_back(
        std::make_unique<enrichment::ner::NerResources>(model.words, model.entries, std::move(gaz)));
  }
  if (options.gazetteer_folds > 0) {
    auto names = TrainingGazetteer(train, [](size_t) { return true; }, options.gazetteer_min_ratio);
    model.gazetteer.insert(model.gazetteer.end(), names.begin(), names.end());
  }
  if (log) *log << "lexicon: " << model.words.size() << " words, gazetteer: " << model.gazetteer.size() << "\n";

  // 3. Features.
  std::unordered_map<uint64_t, uint32_t> feature_ids;
  std::vector<uint64_t> feature_hash;
  std::vector<TrainSentence> data;
  data.reserve(train.size());
  {
    std::string storage;
    std::vector<enrichment::ner::TokenInfo> infos;
    std::vector<uint64_t> feats;
    const auto intern = [&](uint64_t f) {
      auto [it, added] = feature_ids.emplace(f, static_cast<uint32_t>(feature_hash.size()));
      if (added) feature_hash.push_back(f);
      return it->second;
    };
    for (size_t si = 0; si < train.size(); ++si) {
      const auto& s = train[si];
      std::vector<std::string_view> words(s.tokens.begin(), s.tokens.end());
      enrichment::ner::AnalyzeSentence(words, *fold_resources[si % folds], &storage, &infos);
      TrainSentence ts;
      ts.domain = train_domain[si];
      ts.gold = eval::SpansToTags(eval::LabelsToSpans(s.labels), static_cast<int>(words.size()));
      for (int i = 0; i < static_cast<int>(words.size()); ++i) {
        feats.clear();
        enrichment::ner::TokenFeatures(infos, i, &feats);
        if (options.domain_adaptation) {
          const size_t shared = feats.size();
          for (size_t k = 0; k < shared; ++k) feats.push_back(DomainFeature(feats[k], ts.domain));
        }
        std::vector<uint32_t> ids;
        ids.reserve(feats.size());
        for (uint64_t f : feats) ids.push_back(intern(f));
        ts.features.push_back(std::move(ids));
        std::pair<uint32_t, int> context[enrichment::ner::kNumTransitionContexts];
        enrichment::ner::TransitionContext(infos[i], context);
        for (int p = 0; p < kNumTags; ++p) {
          feats.clear();
          for (const auto& [group, value] : context) {
            feats.push_back(enrichment::ner::TransitionFeature(group, p, value));
          }
          if (options.domain_adaptation) {
            const size_t shared = feats.size();
            for (size_t k = 0; k < shared; ++k) feats.push_back(DomainFeature(feats[k], ts.domain));
          }
          ts.per_transition = static_cast<int>(feats.size());
          for (uint64_t f : feats) ts.transition_features.push_back(intern(f));
        }
      }
      data.push_back(std::move(ts));
    }
  }
  if (log) *log << "features: " << feature_hash.size() << "\n";

  // 4. Averaged structured perceptron.
  const size_t nf = feature_hash.size();
  std::vector<float> w(nf * kNumTags, 0.0f), u(nf * kNumTags, 0.0f);
  std::array<float, kNumTags * kNumTags> tw{}, tu{};
  std::array<float, kNumTags> sw{}, su{};
  float c = 1;
  std::mt19937 rng(options.seed);
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto domain_of = [&](const std::string& corpus) {
    for (size_t d = 0; d < options.corpora.size(); ++d) {
      if (options.corpora[d] == corpus) return static_cast<int>(d);
    }
    return -1;
  };
  // Domain copies are folded into the variants, never written on their own.
  absl::flat_hash_set<uint64_t> domain_copies;
  if (options.domain_adaptation) {
    for (size_t f = 0; f < nf; ++f) {
      for (int d = 0; d < static_cast<int>(options.corpora.size()); ++d) {
        domain_copies.insert(DomainFeature(feature_hash[f], d));
      }
    }
  }
  auto averaged_variant = [&](const std::string& name, int target) {
    enrichment::ner::NerWeights v;
    v.name = name;
    for (size_t f = 0; f < nf; ++f) {
      if (domain_copies.contains(feature_hash[f])) continue;
      enrichment::ner::TagScores s;
      bool keep = false;
      int g = -1;
      if (target >= 0 && options.domain_adaptation) {
        auto it = feature_ids.find(DomainFeature(feature_hash[f], target));
        if (it != feature_ids.end()) g = static_cast<int>(it->second);
      }
      for (int t = 0; t < kNumTags; ++t) {
        s[t] = w[f * kNumTags + t] - u[f * kNumTags + t] / c;
        if (g >= 0) s[t] += w[g * kNumTags + t] - u[g * kNumTags + t] / c;
        keep |= std::fabs(s[t]) > options.prune_below && s[t] != 0.0f;
      }
      if (keep) v.weights.push_back({feature_hash[f], s});
    }
    std::sort(v.weights.begin(), v.weights.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (int i = 0; i < kNumTags * kNumTags; ++i) v.transitions[i] = tw[i] - tu[i] / c;
    for (int i = 0; i < kNumTags; ++i) v.start[i] = sw[i] - su[i] / c;
    return v;
  };
  auto averaged = [&] {
    NerModelData m = model;
    for (const auto& [name, corpus] : options.variants) {
      m.variants.push_back(averaged_variant(name, domain_of(corpus)));
    }
    if (m.variants.empty()) m.variants.push_back(averaged_variant("news", -1));
    return m;
  };
  std::vector<float> em, trans;
  std::vector<const float*> trans_rows;
  std::vector<int> pred;
  constexpr int kSquare = kNumTags * kNumTags;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {  // Fisher-Yates: same on every platform
      std::swap(order[i - 1], order[rng() % i]);
    }
    long errors = 0, tokens = 0;
    for (size_t idx : order) {
      const TrainSentence& s = data[idx];
      const int n = static_cast<int>(s.gold.size());
      em.assign(static_cast<size_t>(n) * kNumTags, 0.0f);
      for (int i = 0; i < n; ++i) {
        for (uint32_t f : s.features[i]) {
          for (int t = 0; t < kNumTags; ++t) em[i * kNumTags + t] += w[f * kNumTags + t];
        }
      }
      const int m = s.per_transition;
      // Row i, prev p: ids at transition_features[(i * kNumTags + p) * m ...].
      const auto trans_ids = [&](int i, int p) { return &s.transition_features[(i * kNumTags + p) * m]; };
      trans.assign(static_cast<size_t>(n) * kSquare, 0.0f);
      for (int i = 1; i < n; ++i) {
        for (int p = 0; p < kNumTags; ++p) {
          float* row = &trans[i * kSquare + p * kNumTags];
          for (int t = 0; t < kNumTags; ++t) row[t] = tw[p * kNumTags + t];
          const uint32_t* ids = trans_ids(i, p);
          for (int k = 0; k < m; ++k) {
            for (int t = 0; t < kNumTags; ++t) row[t] += w[ids[k] * kNumTags + t];
          }
        }
      }
      enrichment::ner::NerWeights view;
      view.transitions = tw;
      view.start = sw;
      trans_rows.resize(n);
      for (int i = 0; i < n; ++i) trans_rows[i] = &trans[i * kSquare];
      enrichment::ner::Viterbi(em.data(), n, view, &pred, trans_rows.data());
      tokens += n;
      if (pred != s.gold) {
        for (int i = 0; i < n; ++i) {
          if (pred[i] == s.gold[i]) continue;
          ++errors;
          for (uint32_t f : s.features[i]) {
            w[f * kNumTags + s.gold[i]] += 1;
            u[f * kNumTags + s.gold[i]] += c;
            w[f * kNumTags + pred[i]] -= 1;
            u[f * kNumTags + pred[i]] -= c;
          }
        }
        for (int i = 0; i < n; ++i) {
          const int gp = i ? s.gold[i - 1] : -1, pp = i ? pred[i - 1] : -1;
          if (gp == pp && s.gold[i] == pred[i]) continue;
          if (i == 0) {
            sw[s.gold[0]] += 1, su[s.gold[0]] += c;
            sw[pred[0]] -= 1, su[pred[0]] -= c;
          } else {
            tw[gp * kNumTags + s.gold[i]] += 1, tu[gp * kNumTags + s.gold[i]] += c;
            tw[pp * kNumTags + pred[i]] -= 1, tu[pp * kNumTags + pred[i]] -= c;
            for (int k = 0; k < m; ++k) {
              const uint32_t g = trans_ids(i, gp)[k], q = trans_ids(i, pp)[k];
              w[g * kNumTags + s.gold[i]] += 1, u[g * kNumTags + s.gold[i]] += c;
              w[q * kNumTags + pred[i]] -= 1, u[q * kNumTags + pred[i]] -= c;
            }
          }
        }
      }
      c += 1;
    }
    if (log) {
      *log << "epoch " << epoch + 1 << ": " << errors << " token errors / " << tokens;
      auto m = enrichment::ner::NerModel::FromData(averaged());
      for (const Dev& d : dev) {
        *log << "  " << d.name << " F1 " << eval::EvaluateNer(*m, d.sentences).F1();
        for (const auto& [name, corpus] : options.variants) {
          if (corpus == d.corpus && name != m->data().variants[0].name) {
            *log << " (" << name << ": " << eval::EvaluateNer(*m, d.sentences, name).F1() << ")";
          }
        }
      }
      *log << "\n";
    }
  }
  NerModelData out = averaged();
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
    for (const auto& [file, variant] : std::vector<std::pair<std::string, std::string>>{
             {"idner_news_2k/dev.txt", ""}, {"nergrit/valid.txt", ""}, {"nergrit/valid.txt", "nergrit"},
             {"nerp/valid.txt", ""}}) {
      auto contents = ReadFile(options.data_dir / "ner" / file);
      if (!contents.ok()) continue;
      auto sentences = eval::ParseConll(*contents);
      if (!sentences.ok()) continue;
      *options.log << "ensemble " << file << (variant.empty() ? "" : " (" + variant + ")") << " F1 "
                   << eval::EvaluateNer(*model, *sentences, variant).F1() << "\n";
    }
  }
  return out;
}

}  // namespace warta::training
