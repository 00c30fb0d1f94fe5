#include "training/langid/langid_trainer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
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

absl::StatusOr<enrichment::NusantaraModelData> TrainNusantaraModel(
    const std::vector<LabeledText>& texts,
    const std::vector<LabeledText>& markers,
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
    for (const std::vector<LabeledText>* list : {&texts, &markers}) {
      for (const LabeledText& t : *list) {
        absl::StrAppend(&input, t.code, "\x1f", t.source, "\x1f", t.text, "\x1e");
      }
      input += '\x1d';
    }
    *log << absl::StrFormat("training input fingerprint %016x (%d texts, %d markers)\n",
                            LangidFingerprint(input), texts.size(), markers.size());
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

  // Marker words: a fixed push toward their language, against the other of
  // the confusable pair.
  const int id_class = class_of("id"), ms_class = class_of("ms");
  for (const LabeledText& marker : markers) {
    const int c = class_of(marker.code);
    if (c < 0 || id_class < 0 || ms_class < 0 ||
        (c != id_class && c != ms_class)) {
      return absl::InvalidArgumentError(
          absl::StrCat("marker language must be id or ms, not ", marker.code));
    }
    const uint32_t f =
        enrichment::NusantaraWordFeature(marker.text, options.features);
    const int other = c == id_class ? ms_class : id_class;
    data.weights[f * k + c] += static_cast<float>(options.marker_weight);
    data.weights[f * k + other] -= static_cast<float>(options.marker_weight);
  }

  if (log && !dev.empty()) {
    std::map<std::string, std::pair<int, int>> dev_counts;  // correct, total
    for (const Example& ex : dev) {
      int best = 0;
      double best_z = -1e300;
      for (size_t c = 0; c < k; ++c) {
        double zc = data.bias[c];
        for (uint32_t f : ex.features) zc += data.weights[f * k + c];
        if (zc > best_z) {
          best_z = zc;
          best = static_cast<int>(c);
        }
      }
      auto& [correct, total] =
          dev_counts[absl::StrCat(ex.source, ":", classes[ex.label])];
      ++total;
      correct += best == ex.label;
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

absl::StatusOr<std::string> BuildNusantaraModelFile(
    const LangidTrainingOptions& options, std::ostream* log) {
  auto texts = CollectLangidTrainingTexts(options);
  if (!texts.ok()) return texts.status();
  std::vector<LabeledText> markers;
  if (!options.markers_file.empty()) {
    auto read = ReadMarkers(options.markers_file);
    if (!read.ok()) return read.status();
    markers = std::move(*read);
  }
  auto model = TrainNusantaraModel(*texts, markers, options, log);
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
  auto model = TrainNusantaraModel(*texts, /*markers=*/{}, options, log);
  if (!model.ok()) return model.status();
  return enrichment::SerializeNusantaraModel(*model);
}

}  // namespace warta::training
