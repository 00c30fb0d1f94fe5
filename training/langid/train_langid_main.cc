// warta-train-langid: rebuilds models/langid/nusantara-v1.bin and
// models/langid/confusable-v1.bin from ../shared/data. Deterministic: the
// same data gives the same files.
//
//   warta-train-langid [--data_dir=../shared/data] [--which=both]
//                      [--out=models/langid/nusantara-v1.bin]
//                      [--confusable_out=models/langid/confusable-v1.bin]
//                      [--dev_every=N]
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "training/langid/langid_trainer.h"

namespace {

constexpr std::string_view kUsage =
    "usage: warta-train-langid [--data_dir=DIR] [--which=both|nusantara|"
    "confusable] [--out=FILE] [--confusable_out=FILE] [--dev_every=N]\n"
    "  --data_dir   the shared data folder (default: ../shared/data beside the "
    "repository)\n"
    "  --markers    language<TAB>word Malay/Indonesian marker words (default: "
    "the repository's training/langid/id_ms_markers.tsv; empty: none)\n"
    "  --out        the model file (default: the repository's "
    "models/langid/nusantara-v1.bin)\n"
    "  --confusable_out  the confusable-groups model (default: the "
    "repository's models/langid/confusable-v1.bin)\n"
    "  --dev_every  set aside every N-th training text and print its accuracy "
    "(tuning only; the shipped model uses 0)\n"
    "  --epochs --learning_rate --max_news_sentences --bucket_bits "
    "--min_ngram --max_ngram --marker_weight: training settings (defaults in "
    "langid_trainer.h are the shipped model's)\n";

bool FlagValue(std::string_view arg, std::string_view name, std::string* value) {
  if (arg.substr(0, name.size()) != name || arg.size() <= name.size() ||
      arg[name.size()] != '=') {
    return false;
  }
  *value = std::string(arg.substr(name.size() + 1));
  return true;
}

bool IntFlag(std::string_view arg, std::string_view name, int* out) {
  std::string value;
  return FlagValue(arg, name, &value) && absl::SimpleAtoi(value, out);
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
  std::string data_dir = WARTA_SOURCE_DIR "/../shared/data";
  std::string which = "both";
  for (int i = 1; i < argc; ++i) {
    std::string value;
    if (FlagValue(argv[i], "--data_dir", &value)) data_dir = value;
    if (FlagValue(argv[i], "--which", &value)) which = value;
  }
  if (which != "both" && which != "nusantara" && which != "confusable") {
    std::cerr << kUsage;
    return 2;
  }
  warta::training::LangidTrainingOptions nusantara;
  nusantara.data_dir = data_dir;
  nusantara.markers_file = WARTA_SOURCE_DIR "/training/langid/id_ms_markers.tsv";
  warta::training::LangidTrainingOptions confusable =
      warta::training::ConfusableTrainingOptions(data_dir);
  // Training settings go to the one model being trained (to both with
  // --which=both, where they are normally left at their defaults).
  std::string out = WARTA_SOURCE_DIR "/models/langid/nusantara-v1.bin";
  std::string confusable_out = WARTA_SOURCE_DIR "/models/langid/confusable-v1.bin";
  for (int i = 1; i < argc; ++i) {
    std::string value;
    const std::string_view arg = argv[i];
    if (FlagValue(arg, "--data_dir", &value) || FlagValue(arg, "--which", &value)) {
      continue;
    }
    if (FlagValue(arg, "--markers", &value)) {
      nusantara.markers_file = value;
      continue;
    }
    if (FlagValue(arg, "--out", &value)) {
      out = value;
      continue;
    }
    if (FlagValue(arg, "--confusable_out", &value)) {
      confusable_out = value;
      continue;
    }
    bool ok = true;
    for (warta::training::LangidTrainingOptions* options : {&nusantara, &confusable}) {
      if (FlagValue(arg, "--marker_weight", &value) &&
          absl::SimpleAtod(value, &options->marker_weight)) {
      } else if (IntFlag(arg, "--dev_every", &options->dev_every) ||
                 IntFlag(arg, "--epochs", &options->epochs) ||
                 IntFlag(arg, "--max_news_sentences",
                         &options->max_news_sentences) ||
                 IntFlag(arg, "--bucket_bits", &options->features.bucket_bits) ||
                 IntFlag(arg, "--min_ngram", &options->features.min_ngram) ||
                 IntFlag(arg, "--max_ngram", &options->features.max_ngram)) {
      } else if (FlagValue(arg, "--learning_rate", &value) &&
                 absl::SimpleAtod(value, &options->learning_rate)) {
      } else {
        ok = false;
      }
    }
    if (!ok) {
      std::cerr << kUsage;
      return 2;
    }
  }
  if (which != "confusable" && !TrainAndWrite(nusantara, false, out)) return 1;
  if (which != "nusantara" && !TrainAndWrite(confusable, true, confusable_out)) {
    return 1;
  }
  return 0;
}
