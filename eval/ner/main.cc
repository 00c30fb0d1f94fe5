// warta-eval-ner: the same as `warta eval ner`, on its own.
#include <iostream>

#include "common/models_dir.h"
#include "eval/ner/ner_eval.h"

int main(int argc, char** argv) {
  const absl::Status status = warta::eval::RunNerEval(
      std::vector<std::string>(argv + 1, argv + argc), warta::DefaultModelsDir(), std::cout);
  if (!status.ok()) {
    std::cerr << "warta eval ner: " << status.message() << "\n";
    return 1;
  }
  return 0;
}
