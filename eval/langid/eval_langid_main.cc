// warta-eval-langid ARGS...: the same as `warta eval langid ARGS...`.
#include <iostream>
#include <string>
#include <vector>

#include "eval/langid/langid_eval.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const absl::Status status = warta::eval::RunLangidEval(args, std::cout);
  if (!status.ok()) {
    std::cerr << "warta eval langid: " << status.message() << "\n";
    return 2;
  }
  return 0;
}
