// warta-eval-attribution FILE...: the same as `warta eval attribution`,
// without the rest of the CLI (handy while tuning the claims stage).
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "common/models_dir.h"
#include "eval/attribution/attribution_eval.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const absl::Status status =
      warta::eval::RunAttributionEval(args, warta::DefaultModelsDir(), std::cout);
  if (!status.ok()) {
    std::fprintf(stderr, "warta-eval-attribution: %s\n", status.ToString().c_str());
    return 1;
  }
  return 0;
}
