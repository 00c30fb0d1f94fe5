// Readers for the language-identification data in ../shared/data: the
// lingua folder (<code>.txt, one sentence a line), NusaX CSV files (one
// column per language) and the IndoSum news JSON lines. Shared by the
// evaluation (`warta eval langid`) and the trainer (warta-train-langid), so
// both split the data the same way.
//
// Thread-safety: free functions without shared state.
#ifndef WARTA_EVAL_LANGID_LANGID_DATA_H_
#define WARTA_EVAL_LANGID_LANGID_DATA_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace warta::eval {

struct LabeledText {
  std::string code;  // gold language, ISO 639-1
  std::string text;
  std::string source;  // where it came from ("lingua", "news", ...), for reports
};

// lingua (and the news file) have no train/test split; Warta trains on the
// lines with an even 0-based index (the 1st, 3rd, ... line) and holds out
// the odd ones.
enum class Half { kAll, kTrain, kHeldOut };

absl::StatusOr<Half> ParseHalf(std::string_view name);
// Whether the index-th (0-based) non-blank line or record is in `half`.
bool InHalf(int index, Half half);
std::string_view HalfName(Half half);

// Every <code>.txt in `dir` (sorted by code; other files ignored), blank
// lines skipped before the split. Error when `dir` has no such file.
absl::StatusOr<std::vector<LabeledText>> ReadLinguaDir(
    const std::filesystem::path& dir, Half half);

// Columns of a NusaX CSV mapped to codes: indonesian -> id, english -> en,
// javanese -> jv, sundanese -> su (the languages Warta reports; the other
// eight have no code in this stage). One LabeledText per row and column,
// column by column.
absl::StatusOr<std::vector<LabeledText>> ReadNusaxCsv(
    const std::filesystem::path& path);

// One LabeledText per article of a JSON-lines file with "lang" and "text"
// fields (IndoSum); `half` splits by article index like lines above.
absl::StatusOr<std::vector<LabeledText>> ReadNewsJsonl(
    const std::filesystem::path& path, Half half = Half::kAll);

// Parses CSV text (RFC 4180: quoted fields, doubled quotes, newlines inside
// quotes) into rows of fields.
absl::StatusOr<std::vector<std::vector<std::string>>> ParseCsv(
    std::string_view text);

}  // namespace warta::eval

#endif  // WARTA_EVAL_LANGID_LANGID_DATA_H_
