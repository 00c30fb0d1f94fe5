#include "training/ner/word_frequencies.h"

#include <cstdlib>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/files.h"

namespace warta::training {

absl::StatusOr<std::map<std::string, double>> ReadWordFrequencies(const std::filesystem::path& tsv) {
  auto contents = ReadFileToString(tsv);
  if (!contents.ok()) {
    return absl::NotFoundError(absl::StrCat("cannot read the word list ", tsv.string(), " (",
                                            contents.status().message(),
                                            "); `make models` exports it with wordfreq"));
  }
  std::map<std::string, double> out;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(*contents, '\n')) {
    ++line_number;
    if (line.empty()) continue;
    std::pair<absl::string_view, absl::string_view> fields = absl::StrSplit(line, absl::MaxSplits('\t', 1));
    double frequency = 0;
    if (fields.first.empty() || !absl::SimpleAtod(fields.second, &frequency) || frequency < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(tsv.string(), ":", line_number, ": expected word<TAB>frequency"));
    }
    out.emplace(std::string(fields.first), frequency);
  }
  return out;
}

}  // namespace warta::training
