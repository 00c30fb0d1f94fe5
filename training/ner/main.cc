// warta-train-ner: rebuilds models/ner/ner.model from ../shared/data and
// the English GUM and WikiGold files committed in training/ner/.
//   warta-train-ner [--data_dir=../shared/data] [--out=models/ner/ner.model]
//                   [--epochs=N] [--corpora=idner_news_2k,nergrit,nerp,gum,wikigold,idner_news_2k.lower,nergrit.lower]
//                   [--wordfreq_dir=DIR] [--clusters=N] [--prune=X] [--ensemble=N] [--seed=N] [--quiet]
//                   [--extra_variants='name=corpus+corpus*scale;...']
// `warta-train-ner --help` lists every flag with its default.
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/flags.h"
#include "common/models_dir.h"
#include "training/ner/ner_trainer.h"

int main(int argc, char** argv) {
  warta::training::NerTrainOptions options;
  std::string data_dir = WARTA_SOURCE_DIR "/../shared/data";
  std::string out = warta::DefaultModelsDir() + "/" + warta::kNerModelFile;
  std::string corpora = absl::StrJoin(options.corpora, ",");
  std::string wordfreq_dir = WARTA_SOURCE_DIR "/build/wordfreq";
  int64_t seed = options.seed;
  double prune = options.prune_below;
  std::string extra_variants;
  bool no_domain_adaptation = !options.domain_adaptation, quiet = false;
  warta::FlagSet flags("warta-train-ner [flags]",
                       "Trains the NER model on the train splits of ../shared/data/ner.");
  flags.String("data_dir", &data_dir, "the shared data folder");
  flags.String("out", &out, "the model file to write");
  flags.Int("epochs", &options.epochs, "training passes over the corpora");
  flags.Int("private_epochs", &options.private_epochs,
            "epochs that show the private (English) corpora, the first ones (0: all)");
  flags.Int64("seed", &seed, "shuffling seed (run k of the ensemble uses seed + k)");
  flags.Int("ensemble", &options.ensemble, "runs averaged into the model file");
  flags.Int("clusters", &options.clusters, "word clusters learned from the news text (0: none)");
  flags.Double("prune", &prune, "drop features whose averaged weights are all below this");
  flags.Int("gazetteer_folds", &options.gazetteer_folds, "gazetteer folds (0: no gazetteer)");
  flags.Double("gazetteer_min_ratio", &options.gazetteer_min_ratio,
               "keep a gazetteer name annotated at least this often");
  flags.String("wordfreq_dir", &wordfreq_dir,
               "wordfreq lists id.tsv and en.tsv (make models exports them; empty: none)");
  flags.String("corpora", &corpora, "comma-separated training corpora under data_dir/ner/");
  flags.Bool("no_domain_adaptation", &no_domain_adaptation,
             "one weight set for all corpora instead of one per corpus");
  flags.String("extra_variants", &extra_variants,
               "more weight variants, 'name=corpus+corpus*scale;...' (to compare blends on dev)");
  flags.Bool("quiet", &quiet, "no progress on stderr");
  if (!flags.ParseOrExit(argc, argv).empty()) {
    std::cerr << "warta-train-ner takes no positional arguments (see --help)\n";
    return 2;
  }
  options.data_dir = data_dir;
  options.corpus_dirs["gum"] = WARTA_SOURCE_DIR "/training/ner/gum";
  options.corpus_dirs["wikigold"] = WARTA_SOURCE_DIR "/training/ner/wikigold";
  options.wordfreq_dir = wordfreq_dir;
  options.corpora = absl::StrSplit(corpora, ',');
  options.seed = static_cast<uint32_t>(seed);
  options.prune_below = static_cast<float>(prune);
  options.domain_adaptation = !no_domain_adaptation;
  options.log = quiet ? nullptr : &std::cerr;
  for (absl::string_view v : absl::StrSplit(extra_variants, ';', absl::SkipEmpty())) {
    std::pair<std::string, std::string> name_spec = absl::StrSplit(v, absl::MaxSplits('=', 1));
    options.variants.push_back(name_spec);
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
