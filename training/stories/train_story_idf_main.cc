// warta-train-story-idf: rebuilds models/stories/idf.tsv, the word
// document frequencies the story clusterer weighs words by, from IndoSum's
// articles in ../shared/data. Deterministic: the same data gives the same
// file.
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "common/flags.h"
#include "common/models_dir.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "storage/stories/term_weights.h"

int main(int argc, char** argv) {
  std::string data_dir = WARTA_SOURCE_DIR "/../shared/data";
  std::string out = warta::DefaultModelsDir() + "/" + warta::kStoryIdfFile;
  int min_documents = 2;
  warta::FlagSet flags("warta-train-story-idf [flags]",
                       "Counts in how many IndoSum articles each word occurs, for the story "
                       "clusterer's TF-IDF.");
  flags.String("data_dir", &data_dir, "the shared data folder");
  flags.String("out", &out, "the IDF table to write");
  flags.Int("min_documents", &min_documents, "leave out words seen in fewer articles");
  flags.ParseOrExit(argc, argv);

  const std::string path = data_dir + "/news/indosum_articles.jsonl";
  std::ifstream in(path);
  if (!in) {
    std::cerr << "warta-train-story-idf: cannot read " << path << "\n";
    return 1;
  }
  std::vector<std::vector<std::string>> documents;
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    google::protobuf::Struct article;
    const bool parsed = google::protobuf::util::JsonStringToMessage(line, &article).ok();
    auto text = article.fields().find("text");
    if (!parsed || text == article.fields().end() ||
        text->second.kind_case() != google::protobuf::Value::kStringValue) {
      std::cerr << path << ":" << line_number << ": not an article with \"text\"\n";
      return 1;
    }
    documents.push_back(warta::storage::StoryWords(text->second.string_value()));
  }
  std::ofstream file(out, std::ios::binary);
  file << warta::storage::TermWeights::Build(documents, min_documents);
  if (!file.flush()) {
    std::cerr << "warta-train-story-idf: cannot write " << out << "\n";
    return 1;
  }
  std::cout << "wrote " << out << " from " << documents.size() << " articles\n";
  return 0;
}
