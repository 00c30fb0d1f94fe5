// warta-train-ner: rebuilds models/ner/ner.model from ../shared/data.
//   warta-train-ner [--data_dir=../shared/data] [--out=models/ner/ner.model]
//                   [--epochs=N] [--corpora=idner_news_2k,nergrit,nerp]
//                   [--clusters=N] [--prune=X] [--ensemble=N] [--seed=N] [--quiet]
#include <fstream>
#include <iostream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "training/ner/ner_trainer.h"

int main(int argc, char** argv) {
  warta::training::NerTrainOptions options;
  options.data_dir = std::filesystem::path(WARTA_SOURCE_DIR) / ".." / "shared" / "data";
  std::filesystem::path out = std::filesystem::path(WARTA_SOURCE_DIR) / "models" / "ner" / "ner.model";
  options.log = &std::cerr;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&](const char* flag) -> const char* {
      return absl::StartsWith(a, flag) ? a.c_str() + std::string(flag).size() : nullptr;
    };
    bool ok = true;
    if (const char* v = value("--data_dir=")) options.data_dir = v;
    else if (const char* v = value("--out=")) out = v;
    else if (const char* v = value("--epochs=")) ok = absl::SimpleAtoi(v, &options.epochs);
    else if (const char* v = value("--seed=")) ok = absl::SimpleAtoi(v, &options.seed);
    else if (const char* v = value("--ensemble=")) ok = absl::SimpleAtoi(v, &options.ensemble);
    else if (const char* v = value("--clusters=")) ok = absl::SimpleAtoi(v, &options.clusters);
    else if (const char* v = value("--prune=")) ok = absl::SimpleAtof(v, &options.prune_below);
    else if (const char* v = value("--gazetteer_folds=")) ok = absl::SimpleAtoi(v, &options.gazetteer_folds);
    else if (const char* v = value("--gazetteer_min_ratio=")) ok = absl::SimpleAtod(v, &options.gazetteer_min_ratio);
    else if (const char* v = value("--corpora=")) options.corpora = absl::StrSplit(v, ',');
    else if (a == "--no_domain_adaptation") options.domain_adaptation = false;
    else if (a == "--quiet") options.log = nullptr;
    else ok = false;
    if (!ok) {
      std::cerr << "warta-train-ner: bad flag " << a << "\n";
      return 2;
    }
  }
  auto model = warta::training::TrainNerModel(options);
  if (!model.ok()) {
    std::cerr << "warta-train-ner: " << model.status().message() << "\n";
    return 1;
  }
  const std::string bytes = warta::enrichment::ner::SerializeNerModel(*model);
  std::ofstream f(out, std::ios::binary);
  f << bytes;
  f.close();
  if (!f) {
    std::cerr << "warta-train-ner: cannot write " << out << "\n";
    return 1;
  }
  std::cerr << "wrote " << out << " (" << bytes.size() << " bytes)\n";
  return 0;
}
