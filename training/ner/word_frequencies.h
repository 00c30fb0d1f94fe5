// Word frequencies in general text from the wordfreq lists that `make
// models` exports (training/wordfreq/export_wordfreq.py: <dir>/<lang>.tsv,
// `word<TAB>frequency`; wordfreq data CC BY-SA 4.0). The NER trainer turns
// them into the frequency buckets of the model's lexicon; nothing reads the
// lists at run time.
//
// Pure functions over files; thread-safe.
#ifndef WARTA_TRAINING_NER_WORD_FREQUENCIES_H_
#define WARTA_TRAINING_NER_WORD_FREQUENCIES_H_

#include <filesystem>
#include <map>
#include <string>

#include "absl/status/statusor.h"

namespace warta::training {

// word (as listed: lower-case) -> frequency (fraction of all words). Fails
// with a message naming `make models` when the file is missing or a line is
// malformed.
absl::StatusOr<std::map<std::string, double>> ReadWordFrequencies(const std::filesystem::path& tsv);

}  // namespace warta::training

#endif  // WARTA_TRAINING_NER_WORD_FREQUENCIES_H_
