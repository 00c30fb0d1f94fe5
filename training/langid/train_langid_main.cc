// warta-train-langid: rebuilds models/langid/nusantara-v1.bin and
// models/langid/confusable-v1.bin from ../shared/data. Deterministic: the
// same data gives the same files.
//
//   warta-train-langid [--data_dir=../shared/data] [--which=both]
//                      [--out=models/langid/nusantara-v1.bin]
//                      [--confusable_out=models/langid/confusable-v1.bin]
//                      [--dev_every=N]
// `warta-train-langid --help` lists every flag with its default.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "absl/strings/str_format.h"
#include "common/flags.h"
#include "common/models_dir.h"
#include "training/langid/langid_trainer.h"

namespace {

// What the command line says besides the training settings.
struct Command {
  std::string data_dir = WARTA_SOURCE_DIR "/../shared/data";
  std::string which = "both";
  std::string markers = WARTA_SOURCE_DIR "/training/langid/id_ms_markers.tsv";
  std::string confusable_markers = WARTA_SOURCE_DIR "/training/langid/bs_hr_sr_markers.tsv";
  // `make models` exports wordfreq's lists here (scripts/train-models.sh).
  std::string wordfreq_dir = WARTA_WORDFREQ_DIR;
  // Tuning: where the --dev_every texts go, as <code>.txt files that
  // `warta eval langid DIR` scores with the whole pipeline.
  std::string dev_dir;
  std::string out = warta::DefaultModelsDir() + "/" + warta::kLangidModelFile;
  std::string confusable_out = warta::DefaultModelsDir() + "/" + warta::kLangidConfusableModelFile;
};

// The flags, with the training settings bound to `settings`: main parses
// the command line once per model, so a setting given goes to both models
// while each keeps its own defaults.
warta::FlagSet Flags(Command* command, warta::training::LangidTrainingOptions* settings) {
  warta::FlagSet flags(
      "warta-train-langid [flags]",
      "Rebuilds the language models (models/langid/) from ../shared/data. Training settings go\n"
      "to the model being trained (to both with --which=both, where they are normally left at\n"
      "their defaults, the shipped models').");
  flags.String("data_dir", &command->data_dir, "the shared data folder");
  flags.String("which", &command->which, "both, nusantara or confusable");
  flags.String("markers", &command->markers,
               "language<TAB>word Malay/Indonesian marker words (empty: none)");
  flags.String("confusable_markers", &command->confusable_markers,
               "language<TAB>word Bosnian/Croatian/Serbian marker words (empty: none)");
  flags.String("wordfreq_dir", &command->wordfreq_dir,
               "wordfreq exports (<lang>.tsv), from training/wordfreq/export_wordfreq.py");
  flags.String("out", &command->out, "the Nusantara model file");
  flags.String("confusable_out", &command->confusable_out, "the confusable-groups model file");
  flags.String("dev_dir", &command->dev_dir,
               "with --dev_every: write the set-aside texts here as <code>.txt (tuning only)");
  flags.Int("dev_every", &settings->dev_every,
            "set aside every N-th training text and print its accuracy (tuning only)");
  flags.Int("epochs", &settings->epochs, "training passes");
  flags.Double("learning_rate", &settings->learning_rate, "training setting");
  flags.Int("max_news_sentences", &settings->max_news_sentences, "training setting");
  flags.Int("bucket_bits", &settings->features.bucket_bits, "training setting");
  flags.Int("min_ngram", &settings->features.min_ngram, "training setting");
  flags.Int("max_ngram", &settings->features.max_ngram, "training setting");
  flags.Double("marker_weight", &settings->marker_weight, "training setting");
  flags.Double("wordfreq_weight", &settings->wordfreq_weight, "training setting");
  flags.Double("wordfreq_clip", &settings->wordfreq_clip, "training setting");
  return flags;
}

// The texts TrainNusantaraModel sets aside (every dev_every-th), appended
// to dir/<code>.txt, one a line.
bool WriteDevTexts(const warta::training::LangidTrainingOptions& options,
                   bool confusable, const std::string& dir) {
  auto texts = confusable ? warta::training::CollectConfusableTrainingTexts(options)
                          : warta::training::CollectLangidTrainingTexts(options);
  if (!texts.ok()) {
    std::cerr << "warta-train-langid: " << texts.status().message() << "\n";
    return false;
  }
  std::filesystem::create_directories(dir);
  for (size_t i = 0; i < texts->size(); i += options.dev_every) {
    const auto& t = (*texts)[i];
    std::ofstream file(dir + "/" + t.code + ".txt", std::ios::app);
    std::string line = t.text;
    std::replace(line.begin(), line.end(), '\n', ' ');
    file << line << "\n";
  }
  return true;
}

// Trains one model and writes it to `out`.
bool TrainAndWrite(const warta::training::LangidTrainingOptions& options,
                   bool confusable, const std::string& out) {
  auto bytes = confusable
                   ? warta::training::BuildConfusableModelFile(options, &std::cerr)
                   : warta::training::BuildNusantaraModelFile(options, &std::cerr);
  if (!bytes.ok()) {
    std::cerr << "warta-train-langid: " << bytes.status().message() << "\n";
    return false;
  }
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  file.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
  file.close();
  if (!file) {
    std::cerr << "warta-train-langid: cannot write " << out << "\n";
    return false;
  }
  std::cerr << "wrote " << out << " (" << bytes->size() << " bytes, fingerprint "
            << absl::StrFormat("%016x", warta::training::LangidFingerprint(*bytes))
            << ")\n";
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Command command;
  warta::training::LangidTrainingOptions nusantara;
  warta::training::LangidTrainingOptions confusable =
      warta::training::ConfusableTrainingOptions(command.data_dir);
  const bool positional = !Flags(&command, &nusantara).ParseOrExit(argc, argv).empty();
  Flags(&command, &confusable).ParseOrExit(argc, argv);
  if (positional || (command.which != "both" && command.which != "nusantara" &&
                     command.which != "confusable")) {
    std::cerr << Flags(&command, &nusantara).Help();
    return 2;
  }
  nusantara.data_dir = confusable.data_dir = command.data_dir;
  nusantara.markers_file = command.markers;
  confusable.markers_file = command.confusable_markers;
  nusantara.wordfreq_dir = confusable.wordfreq_dir = command.wordfreq_dir;
  if (!command.dev_dir.empty() && nusantara.dev_every > 0) {
    std::filesystem::remove_all(command.dev_dir);
    if (command.which != "confusable" && !WriteDevTexts(nusantara, false, command.dev_dir)) return 1;
    if (command.which != "nusantara" && !WriteDevTexts(confusable, true, command.dev_dir)) return 1;
  }
  if (command.which != "confusable" && !TrainAndWrite(nusantara, false, command.out)) return 1;
  if (command.which != "nusantara" &&
      !TrainAndWrite(confusable, true, command.confusable_out)) {
    return 1;
  }
  return 0;
}
