#include "training/langid/langid_trainer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "common/files.h"
#include "enrichment/language/language_identifier.h"

namespace warta::training {
namespace {

using eval::Half;
using eval::LabeledText;

int CountWords(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = absl::ascii_isspace(static_cast<unsigned char>(c));
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Deterministic on every platform (std::shuffle's use of the engine is not
// specified by the standard).
void Shuffle(std::vector<int>& order, std::mt19937& rng) {
  for (size_t i = order.size(); i > 1; --i) {
    std::swap(order[i - 1], order[rng() % i]);
  }
}

}  // namespace

uint64_t LangidFingerprint(std::string_view bytes) {
  uint64_t hash = 14695981039346656037ull;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

absl::StatusOr<std::vector<LabeledText>> ReadMarkers(
    const std::filesystem::path& path) {
  auto content = ReadFileToString(path);
  if (!content.ok()) return content.status();
  std::vector<LabeledText> markers;
  for (absl::string_view line : absl::StrSplit(*content, '\n')) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields = absl::StrSplit(line, '\t');
    if (fields.size() != 2 || fields[0].empty() || fields[1].empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path.string(), ": expected 'language<TAB>word', got '", line, "'"));
    }
    markers.push_back({fields[0], absl::AsciiStrToLower(fields[1]), "marker"});
  }
  return markers;
}

std::vector<std::string> SplitSentences(std::string_view text, int min_words) {
  std::vector<std::string> out;
  size_t start = 0;
  auto flush = [&](size_t end) {
    absl::string_view piece = absl::StripAsciiWhitespace(
        absl::string_view(text.data() + start, end - start));
    if (CountWords(std::string_view(piece.data(), piece.size())) >= min_words) {
      out.emplace_back(piece);
    }
    start = end;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      flush(i);
    } else if ((c == '.' || c == '!' || c == '?') && i + 2 < text.size() &&
               text[i + 1] == ' ' &&
               absl::ascii_isupper(static_cast<unsigned char>(text[i + 2]))) {
      flush(i + 1);
    }
  }
  flush(text.size());
  return out;
}

absl::StatusOr<std::vector<LabeledText>> CollectLangidTrainingTexts(
    const LangidTrainingOptions& options) {
  const std::filesystem::path& data = options.data_dir;
  std::vector<LabeledText> texts;

  auto news = eval::ReadNewsJsonl(data / "news" / "indosum_articles.jsonl",
                                  Half::kTrain);
  if (!news.ok()) return news.status();
  std::vector<std::string> news_sentences;
  for (const LabeledText& article : *news) {
    if (article.code != "id") continue;
    for (std::string& s : SplitSentences(article.text, 4)) {
      news_sentences.push_back(std::move(s));
    }
  }
  // Evenly spaced, so every part of the file (every outlet) contributes.
  const size_t take = std::min<size_t>(news_sentences.size(),
                                       static_cast<size_t>(options.max_news_sentences));
  for (size_t i = 0; i < take; ++i) {
    texts.push_back({"id", news_sentences[i * news_sentences.size() / take], "news"});
  }

  auto lingua = eval::ReadLinguaDir(data / "langid" / "lingua", Half::kTrain);
  if (!lingua.ok()) return lingua.status();
  for (LabeledText& t : *lingua) {
    t.source = "lingua";
    if (t.code == "id" || t.code == "ms") texts.push_back(std::move(t));
  }

  auto nusax = eval::ReadNusaxCsv(data / "langid" / "nusax" / "train.csv");
  if (!nusax.ok()) return nusax.status();
  for (LabeledText& t : *nusax) {
    t.source = "nusax";
    if (t.code != "en") texts.push_back(std::move(t));
  }
  return texts;
}

absl::StatusOr<std::vector<WordPrior>> MarkerPriors(
    const std::vector<LabeledText>& markers,
    const std::vector<std::string>& classes, double weight) {
  auto class_of = [&](std::string_view code) -> int {
    auto it = std::find(classes.begin(), classes.end(), code);
    return it == classes.end() ? -1 : static_cast<int>(it - classes.begin());
  };
  // The file's languages: a marker pushes away from the ones it does not name.
  std::vector<bool> named(classes.size(), false);
  std::vector<std::vector<int>> marker_classes;
  for (const LabeledText& marker : markers) {
    std::vector<int>& own = marker_classes.emplace_back();
    for (absl::string_view code : absl::StrSplit(marker.code, ',')) {
      const int c = class_of(std::string_view(code.data(), code.size()));
      if (c < 0) {
        return absl::InvalidArgumentError(absl::StrCat(
            "marker '", marker.text, "': no class for language ", code));
      }
      own.push_back(c);
      named[c] = true;
    }
  }
  std::vector<WordPrior> priors;
  for (size_t m = 0; m < markers.size(); ++m) {
    WordPrior prior{markers[m].text, std::vector<double>(classes.size(), 0.0)};
    for (size_t c = 0; c < classes.size(); ++c) {
      if (named[c]) prior.delta[c] = -weight;
    }
    for (int c : marker_classes[m]) prior.delta[c] = weight;
    priors.push_back(std::move(prior));
  }
  return priors;
}

namespace {

// word -> frequency from one wordfreq export; only words the feature
// extractor sees as one word (letters only), lower case.
absl::StatusOr<std::map<std::string, double>> ReadWordfreq(
    const std::filesystem::path& path) {
  auto content = ReadFileToString(path);
  if (!content.ok()) {
    return absl::NotFoundError(absl::StrCat(
        content.status().message(),
        " (wordfreq lists: `make models` exports them, or run "
        "training/wordfreq/export_wordfreq.py --out=DIR)"));
  }
  std::map<std::string, double> frequencies;
  for (absl::string_view line : absl::StrSplit(*content, '\n')) {
    std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    double frequency = 0;
    if (fields.size() != 2 || !absl::SimpleAtod(fields[1], &frequency)) continue;
    const absl::string_view word = fields[0];
    const bool letters_only = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
      return absl::ascii_islower(static_cast<unsigned char>(c)) ||
             static_cast<unsigned char>(c) >= 0x80;
    });
    if (letters_only) frequencies.emplace(std::string(word), frequency);
  }
  return frequencies;
}

}  // namespace

absl::StatusOr<std::vector<WordPrior>> VocabularyPriors(
    const LangidTrainingOptions& options) {
  std::vector<WordPrior> priors;
  if (options.wordfreq_dir.empty() || options.family_wordfreq.empty()) return priors;
  auto read_all = [&](const std::vector<std::string>& langs)
      -> absl::StatusOr<std::vector<std::map<std::string, double>>> {
    std::vector<std::map<std::string, double>> lists;
    for (const std::string& lang : langs) {
      auto list = ReadWordfreq(options.wordfreq_dir / (lang + ".tsv"));
      if (!list.ok()) return list.status();
      lists.push_back(std::move(*list));
    }
    return lists;
  };
  auto family = read_all(options.family_wordfreq);
  if (!family.ok()) return family.status();
  auto others = read_all(options.other_wordfreq);
  if (!others.ok()) return others.status();
  auto frequency = [](const std::map<std::string, double>& list, const std::string& word) {
    auto it = list.find(word);
    return it == list.end() ? 0.0 : it->second;
  };
  const auto english = std::find(options.other_wordfreq.begin(),
                                 options.other_wordfreq.end(), "en");
  std::map<std::string, uint8_t> tags;
  for (const auto& list : *family) {
    for (const auto& [word, f] : list) {
      if (f < options.vocabulary_min_frequency) continue;
      bool exclusive = true;
      for (const auto& other : *others) {
        exclusive = exclusive && f >= options.vocabulary_ratio * frequency(other, word);
      }
      if (exclusive) tags[word] |= enrichment::kFamilyVocabulary;
    }
  }
  if (english != options.other_wordfreq.end()) {
    for (const auto& [word, f] : (*others)[english - options.other_wordfreq.begin()]) {
      if (f < options.vocabulary_min_frequency) continue;
      bool exclusive = true;
      for (const auto& list : *family) {
        exclusive = exclusive && f >= options.vocabulary_ratio * frequency(list, word);
      }
      if (exclusive) tags[word] |= enrichment::kEnglishVocabulary;
    }
  }
  for (const auto& [word, t] : tags) {
    priors.push_back({word, std::vector<double>(options.classes.size(), 0.0), t});
  }
  return priors;
}

absl::StatusOr<std::vector<WordPrior>> WordfreqPriors(
    const LangidTrainingOptions& options) {
  std::vector<WordPrior> priors;
  if (options.wordfreq_weight == 0 || options.wordfreq_dir.empty()) return priors;
  const std::vector<std::string>& classes = options.classes;
  // Words absent from a list are rarer than its last entry (about 1e-6).
  constexpr double kAbsent = 1e-6;
  std::map<std::string, std::vector<double>> deltas;
  for (const auto& [a, b] : options.wordfreq_pairs) {
    const auto ca = std::find(classes.begin(), classes.end(), a);
    const auto cb = std::find(classes.begin(), classes.end(), b);
    if (ca == classes.end() || cb == classes.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("wordfreq pair ", a, "/", b, " is not among the classes"));
    }
    auto fa = ReadWordfreq(options.wordfreq_dir / (a + ".tsv"));
    if (!fa.ok()) return fa.status();
    auto fb = ReadWordfreq(options.wordfreq_dir / (b + ".tsv"));
    if (!fb.ok()) return fb.status();
    std::map<std::string, std::pair<double, double>> both;
    for (const auto& [word, f] : *fa) both[word].first = f;
    for (const auto& [word, f] : *fb) both[word].second = f;
    for (const auto& [word, f] : both) {
      if (std::max(f.first, f.second) < options.wordfreq_min_frequency) continue;
      const double ratio = std::clamp(
          std::log(std::max(f.first, kAbsent) / std::max(f.second, kAbsent)),
          -options.wordfreq_clip, options.wordfreq_clip);
      // Only the less likely language loses: the pair's best score stays
      // where it was, so the model's other classes (Javanese, Sundanese)
      // are not pushed aside by words they share with the pair.
      std::vector<double>& delta = deltas[word];
      delta.resize(classes.size(), 0.0);
      delta[(ratio < 0 ? ca : cb) - classes.begin()] -=
          options.wordfreq_weight * std::fabs(ratio);
    }
  }
  for (auto& [word, delta] : deltas) priors.push_back({word, std::move(delta)});
  return priors;
}

namespace {

void NusantaraWordFromPrior(const WordPrior& prior,
                            std::vector<enrichment::NusantaraWord>& words) {
  enrichment::NusantaraWord word{prior.word, {}, prior.tags};
  for (double d : prior.delta) word.delta.push_back(static_cast<float>(d));
  words.push_back(std::move(word));
}

}  // namespace

absl::StatusOr<enrichment::NusantaraModelData> TrainNusantaraModel(
    const std::vector<LabeledText>& texts,
    const std::vector<WordPrior>& priors,
    const LangidTrainingOptions& options, std::ostream* log) {
  const std::vector<std::string>& classes = options.classes;
  const size_t k = classes.size();
  auto class_of = [&](std::string_view code) -> int {
    auto it = std::find(classes.begin(), classes.end(), code);
    return it == classes.end() ? -1 : static_cast<int>(it - classes.begin());
  };

  // Features once, up front; split off the dev texts.
  struct Example {
    int label;
    std::vector<uint32_t> features;
    std::string source;
  };
  std::vector<Example> train, dev;
  std::vector<const LabeledText*> dev_texts;
  std::vector<int> counts(k, 0);
  for (size_t i = 0; i < texts.size(); ++i) {
    const int label = class_of(texts[i].code);
    if (label < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("no class for training language ", texts[i].code));
    }
    Example ex{label, {}, texts[i].source};
    enrichment::ExtractNusantaraFeatures(texts[i].text, options.features,
                                         ex.features);
    if (ex.features.empty()) continue;
    if (options.dev_every > 0 && i % options.dev_every == 0) {
      dev_texts.push_back(&texts[i]);
      dev.push_back(std::move(ex));
    } else {
      ++counts[label];
      train.push_back(std::move(ex));
    }
  }
  for (size_t c = 0; c < k; ++c) {
    if (counts[c] == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("no training text for ", classes[c]));
    }
  }
  // Each class weighs as much as the others in total.
  std::vector<double> class_weight(k);
  for (size_t c = 0; c < k; ++c) {
    class_weight[c] = static_cast<double>(train.size()) / (k * counts[c]);
  }
  if (log) {
    // Every field of every text and marker, with separators that cannot
    // occur in them, so a different input gives a different fingerprint.
    std::string input;
    for (const LabeledText& t : texts) {
      absl::StrAppend(&input, t.code, "\x1f", t.source, "\x1f", t.text, "\x1e");
    }
    input += '\x1d';
    for (const WordPrior& p : priors) {
      absl::StrAppend(&input, p.word);
      for (double d : p.delta) absl::StrAppend(&input, "\x1f", absl::StrFormat("%.9g", d));
      absl::StrAppend(&input, "\x1f", p.tags);
      input += '\x1e';
    }
    *log << absl::StrFormat("training input fingerprint %016x (%d texts, %d word priors)\n",
                            LangidFingerprint(input), texts.size(), priors.size());
    *log << "training texts:";
    for (size_t c = 0; c < k; ++c) *log << " " << classes[c] << "=" << counts[c];
    *log << " (dev " << dev.size() << ")\n";
  }

  const size_t buckets = size_t{1} << options.features.bucket_bits;
  std::vector<double> w(buckets * k, 0.0), w_sum(buckets * k, 0.0);
  std::vector<double> b(k, 0.0), b_sum(k, 0.0);
  // Averaged SGD: w_avg = w - w_sum / t, with w_sum accumulating t * step.
  double t = 1;
  std::mt19937 rng(options.seed);
  std::vector<int> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::vector<double> z(k), g(k);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    Shuffle(order, rng);
    const double lr = options.learning_rate / (1.0 + 0.5 * epoch);
    double loss = 0;
    for (int index : order) {
      const Example& ex = train[index];
      for (size_t c = 0; c < k; ++c) z[c] = b[c];
      for (uint32_t f : ex.features) {
        for (size_t c = 0; c < k; ++c) z[c] += w[f * k + c];
      }
      const double max_z = *std::max_element(z.begin(), z.end());
      double sum = 0;
      for (size_t c = 0; c < k; ++c) sum += std::exp(z[c] - max_z);
      loss -= class_weight[ex.label] * (z[ex.label] - max_z - std::log(sum));
      for (size_t c = 0; c < k; ++c) {
        const double p = std::exp(z[c] - max_z) / sum;
        g[c] = lr * class_weight[ex.label] *
               (p - (static_cast<int>(c) == ex.label ? 1.0 : 0.0));
      }
      for (uint32_t f : ex.features) {
        for (size_t c = 0; c < k; ++c) {
          w[f * k + c] -= g[c];
          w_sum[f * k + c] -= t * g[c];
        }
      }
      for (size_t c = 0; c < k; ++c) {
        b[c] -= g[c];
        b_sum[c] -= t * g[c];
      }
      t += 1;
    }
    if (log) {
      *log << absl::StrFormat("epoch %d lr %.4f loss %.4f\n", epoch + 1, lr,
                              loss / train.size());
    }
  }

  enrichment::NusantaraModelData data;
  data.config = options.features;
  data.classes = classes;
  data.bias.resize(k);
  for (size_t c = 0; c < k; ++c) {
    data.bias[c] = static_cast<float>(b[c] - b_sum[c] / t);
  }
  data.weights.resize(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    data.weights[i] = static_cast<float>(w[i] - w_sum[i] / t);
  }

  // Word priors: fixed pushes that the small training sample cannot teach,
  // in the word table (exact words, no shared buckets).
  for (const WordPrior& prior : priors) {
    NusantaraWordFromPrior(prior, data.words);
  }

  if (log && !dev.empty()) {
    // Scored as the run time scores, word table included.
    auto model = enrichment::NusantaraModel::Create(enrichment::SerializeNusantaraModel(data));
    if (!model.ok()) return model.status();
    std::map<std::string, std::pair<int, int>> dev_counts;  // correct, total
    std::vector<double> logits(k);
    for (size_t d = 0; d < dev.size(); ++d) {
      (*model)->Score(dev_texts[d]->text, logits);
      const int best = static_cast<int>(std::max_element(logits.begin(), logits.end()) -
                                        logits.begin());
      auto& [correct, total] =
          dev_counts[absl::StrCat(dev[d].source, ":", classes[dev[d].label])];
      ++total;
      correct += best == dev[d].label;
    }
    *log << "dev accuracy:";
    for (const auto& [name, counts] : dev_counts) {
      *log << absl::StrFormat(" %s %.3f (%d)", name,
                              static_cast<double>(counts.first) / counts.second,
                              counts.second);
    }
    *log << "\n";
  }
  return data;
}

namespace {

// The marker file's priors, then wordfreq's.
absl::StatusOr<std::vector<WordPrior>> CollectWordPriors(
    const LangidTrainingOptions& options) {
  std::vector<WordPrior> priors;
  if (!options.markers_file.empty()) {
    auto markers = ReadMarkers(options.markers_file);
    if (!markers.ok()) return markers.status();
    auto from_markers = MarkerPriors(*markers, options.classes, options.marker_weight);
    if (!from_markers.ok()) return from_markers.status();
    priors = std::move(*from_markers);
  }
  auto from_wordfreq = WordfreqPriors(options);
  if (!from_wordfreq.ok()) return from_wordfreq.status();
  priors.insert(priors.end(), from_wordfreq->begin(), from_wordfreq->end());
  auto vocabulary = VocabularyPriors(options);
  if (!vocabulary.ok()) return vocabulary.status();
  priors.insert(priors.end(), vocabulary->begin(), vocabulary->end());
  return priors;
}

}  // namespace

absl::StatusOr<std::string> BuildNusantaraModelFile(
    const LangidTrainingOptions& options, std::ostream* log) {
  auto texts = CollectLangidTrainingTexts(options);
  if (!texts.ok()) return texts.status();
  auto priors = CollectWordPriors(options);
  if (!priors.ok()) return priors.status();
  auto model = TrainNusantaraModel(*texts, *priors, options, log);
  if (!model.ok()) return model.status();
  return enrichment::SerializeNusantaraModel(*model);
}

LangidTrainingOptions ConfusableTrainingOptions(std::filesystem::path data_dir) {
  LangidTrainingOptions options;
  options.data_dir = std::move(data_dir);
  options.classes.clear();
  for (const auto& group : enrichment::kConfusableGroups) {
    for (std::string_view code : group) {
      if (!code.empty()) options.classes.emplace_back(code);
    }
  }
  // 2^16 buckets x 15 classes x int16: 2 MB, like the Nusantara model.
  options.features.bucket_bits = 16;
  // wordfreq has one Serbo-Croatian list: no signal between the classes;
  // and this model is never asked whether a text is in its group.
  options.wordfreq_pairs.clear();
  options.family_wordfreq.clear();
  return options;
}

absl::StatusOr<std::vector<LabeledText>> CollectConfusableTrainingTexts(
    const LangidTrainingOptions& options) {
  auto lingua = eval::ReadLinguaDir(options.data_dir / "langid" / "lingua",
                                    Half::kTrain);
  if (!lingua.ok()) return lingua.status();
  std::vector<LabeledText> texts;
  for (LabeledText& t : *lingua) {
    if (std::find(options.classes.begin(), options.classes.end(), t.code) ==
        options.classes.end()) {
      continue;
    }
    t.source = "lingua";
    texts.push_back(std::move(t));
  }
  return texts;
}

absl::StatusOr<std::string> BuildConfusableModelFile(
    const LangidTrainingOptions& options, std::ostream* log) {
  auto texts = CollectConfusableTrainingTexts(options);
  if (!texts.ok()) return texts.status();
  auto priors = CollectWordPriors(options);
  if (!priors.ok()) return priors.status();
  auto model = TrainNusantaraModel(*texts, *priors, options, log);
  if (!model.ok()) return model.status();
  return enrichment::SerializeNusantaraModel(*model);
}

}  // namespace warta::training
