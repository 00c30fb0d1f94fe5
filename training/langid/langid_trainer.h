// Trains the Indonesian/Malay/Javanese/Sundanese model
// (models/langid/nusantara-v1.bin) from ../shared/data, deterministically:
// the same data and options give the same bytes.
//
// Training text, train parts only:
//   id: IndoSum news articles with an even index (split into sentences),
//       lingua id.txt even lines, NusaX train "indonesian"
//   ms: lingua ms.txt even lines
//   jv: NusaX train "javanese";  su: NusaX train "sundanese"
// plus hand-picked marker words (training/langid/id_ms_markers.tsv) whose
// weights are set after training.
// The odd lingua lines and odd news articles stay held out for
// `warta eval langid --half=heldout`; NusaX valid/test are never read.
//
// Thread-safety: free functions without shared state.
#ifndef WARTA_TRAINING_LANGID_LANGID_TRAINER_H_
#define WARTA_TRAINING_LANGID_LANGID_TRAINER_H_

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "enrichment/language/nusantara_model.h"
#include "eval/langid/langid_data.h"

namespace warta::training {

struct LangidTrainingOptions {
  std::filesystem::path data_dir;  // ../shared/data
  // The model's classes, in the order its file lists them.
  std::vector<std::string> classes = {"id", "ms", "jv", "su"};
  enrichment::NusantaraFeatureConfig features;
  int epochs = 12;
  double learning_rate = 0.01;
  // Cap on news sentences (taken evenly across the even-index articles):
  // enough Indonesian to learn from without drowning the other classes.
  int max_news_sentences = 3000;
  uint32_t seed = 20240117;
  // language<TAB>word marker lines (training/langid/id_ms_markers.tsv);
  // empty: none. Each marker word's feature gets +marker_weight for its
  // languages and -marker_weight for the file's other languages.
  std::filesystem::path markers_file;
  double marker_weight = 2.0;
  // Folder of wordfreq exports (<lang>.tsv, `word<TAB>frequency`; `make
  // models` writes build/wordfreq/); empty: not used. For each pair in
  // wordfreq_pairs, the language a word is rarer in gets -wordfreq_weight
  // times the word's clipped log frequency ratio (in the word table).
  std::filesystem::path wordfreq_dir;
  std::vector<std::pair<std::string, std::string>> wordfreq_pairs = {{"ms", "id"}};
  double wordfreq_weight = 0.25;
  // Ratios are clipped to +-wordfreq_clip (natural log): one word never
  // outweighs a sentence.
  double wordfreq_clip = 3.0;
  // Words below this frequency in both lists are left alone: their ratios
  // are noise.
  double wordfreq_min_frequency = 3e-6;
  // The word table's vocabulary tags (enrichment::kFamilyVocabulary,
  // kEnglishVocabulary), from the same wordfreq folder: a word is family
  // vocabulary when its frequency in one of family_wordfreq's lists is at
  // least vocabulary_ratio times its frequency in every list of
  // other_wordfreq, English vocabulary when its "en" frequency is
  // vocabulary_ratio times its frequency in each family list. Only words of
  // at least vocabulary_min_frequency. Empty family_wordfreq: no tags.
  std::vector<std::string> family_wordfreq = {"id", "ms"};
  std::vector<std::string> other_wordfreq = {
      "en", "fr", "it", "es", "pt", "ca", "de", "nl", "sv", "da", "nb", "is", "fi",
      "pl", "cs", "sk", "sl", "sh", "ro", "hu", "lv", "lt", "tr", "vi", "fil"};
  double vocabulary_ratio = 5;
  double vocabulary_min_frequency = 1e-5;
  // When > 0, every dev_every-th training text is set aside and scored after
  // training (per class), for tuning without touching held-out data.
  int dev_every = 0;
};

// The training texts described above, in a fixed order.
absl::StatusOr<std::vector<eval::LabeledText>> CollectLangidTrainingTexts(
    const LangidTrainingOptions& options);

// A fixed push on one word's feature, added after training: +delta[c] to
// class c's weight (classes in the options' order).
struct WordPrior {
  std::string word;  // lower case
  std::vector<double> delta;
  uint8_t tags = 0;  // enrichment::kFamilyVocabulary, kEnglishVocabulary
};

// Marker words (from ReadMarkers) as priors: +weight for the marker's
// languages, -weight for the other languages named anywhere in `markers`.
absl::StatusOr<std::vector<WordPrior>> MarkerPriors(
    const std::vector<eval::LabeledText>& markers,
    const std::vector<std::string>& classes, double weight);

// wordfreq priors for options.wordfreq_pairs (empty when wordfreq_weight is
// 0 or wordfreq_dir is empty). Sorted by word, so the model does not depend
// on the order of the files.
absl::StatusOr<std::vector<WordPrior>> WordfreqPriors(
    const LangidTrainingOptions& options);

// Vocabulary-tag priors (zero deltas) as options.family_wordfreq
// describes; empty without a wordfreq_dir or family lists. Sorted by word.
absl::StatusOr<std::vector<WordPrior>> VocabularyPriors(
    const LangidTrainingOptions& options);

// Multinomial logistic regression by SGD over the hashed features, classes
// weighted to count equally, then `priors` added to their words' features.
// `log` (may be null) gets progress lines.
absl::StatusOr<enrichment::NusantaraModelData> TrainNusantaraModel(
    const std::vector<eval::LabeledText>& texts,
    const std::vector<WordPrior>& priors,
    const LangidTrainingOptions& options, std::ostream* log);

// What `warta-train-langid` does: collects the texts, reads the marker file
// (if any), trains, and returns the model file's bytes. The unit tests call
// this to check that the committed model is what the trainer builds.
absl::StatusOr<std::string> BuildNusantaraModelFile(
    const LangidTrainingOptions& options, std::ostream* log);

// The confusable model (models/langid/confusable-v1.bin): the languages of
// enrichment::kConfusableGroups, trained on their lingua lines with an even
// index only (the odd ones stay held out). These options are its defaults.
LangidTrainingOptions ConfusableTrainingOptions(std::filesystem::path data_dir);

// The confusable model's training texts, in a fixed order.
absl::StatusOr<std::vector<eval::LabeledText>> CollectConfusableTrainingTexts(
    const LangidTrainingOptions& options);

// What `warta-train-langid` writes to confusable-v1.bin.
absl::StatusOr<std::string> BuildConfusableModelFile(
    const LangidTrainingOptions& options, std::ostream* log);

// FNV-1a 64-bit hash, printed by the trainer for its input texts and its
// output bytes: two runs that disagree show where (data or training) at a
// glance, without keeping both 2 MB files.
uint64_t LangidFingerprint(std::string_view bytes);

// Marker words from a TSV file: "language<TAB>word" lines, '#' comments;
// the language may be a comma-separated list ("bs,sr<TAB>hiljada").
absl::StatusOr<std::vector<eval::LabeledText>> ReadMarkers(
    const std::filesystem::path& path);

// Splits running text into sentences at . ! ? followed by a space and a
// capital, and at newlines; drops pieces of fewer than `min_words` words.
std::vector<std::string> SplitSentences(std::string_view text, int min_words);

}  // namespace warta::training

#endif  // WARTA_TRAINING_LANGID_LANGID_TRAINER_H_
