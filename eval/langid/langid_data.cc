#include "eval/langid/langid_data.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/files.h"

namespace warta::eval {

bool InHalf(int index, Half half) {
  switch (half) {
    case Half::kAll: return true;
    case Half::kTrain: return index % 2 == 0;
    case Half::kHeldOut: return index % 2 == 1;
  }
  return true;
}

absl::StatusOr<Half> ParseHalf(std::string_view name) {
  if (name == "all") return Half::kAll;
  if (name == "train" || name == "even") return Half::kTrain;
  if (name == "heldout" || name == "held-out" || name == "odd") {
    return Half::kHeldOut;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "--half must be all, train (even lines) or heldout (odd lines), not '",
      std::string(name), "'"));
}

std::string_view HalfName(Half half) {
  switch (half) {
    case Half::kAll: return "all";
    case Half::kTrain: return "train";
    case Half::kHeldOut: return "heldout";
  }
  return "all";
}

absl::StatusOr<std::vector<LabeledText>> ReadLinguaDir(
    const std::filesystem::path& dir, Half half) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return absl::NotFoundError(absl::StrCat(
        dir.string(), " is not a directory (expected <code>.txt files, one "
                      "text a line)"));
  }
  std::map<std::string, std::filesystem::path> files;  // sorted by code
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::filesystem::path& p = entry.path();
    if (!entry.is_regular_file() || p.extension() != ".txt") continue;
    files[p.stem().string()] = p;
  }
  if (ec) return absl::InternalError(absl::StrCat("cannot list ", dir.string()));
  if (files.empty()) {
    return absl::NotFoundError(
        absl::StrCat("no <code>.txt files in ", dir.string()));
  }
  std::vector<LabeledText> out;
  for (const auto& [code, path] : files) {
    auto content = ReadFileToString(path);
    if (!content.ok()) return content.status();
    int index = 0;
    for (absl::string_view line : absl::StrSplit(*content, '\n')) {
      line = absl::StripAsciiWhitespace(line);
      if (line.empty()) continue;
      if (!InHalf(index++, half)) continue;
      out.push_back({code, std::string(line)});
    }
  }
  return out;
}

absl::StatusOr<std::vector<std::vector<std::string>>> ParseCsv(
    std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, field_started = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = true;
      field_started = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field += c;
      field_started = true;
    }
  }
  if (quoted) return absl::InvalidArgumentError("CSV ends inside a quoted field");
  if (field_started || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

absl::StatusOr<std::vector<LabeledText>> ReadNusaxCsv(
    const std::filesystem::path& path) {
  auto content = ReadFileToString(path);
  if (!content.ok()) return content.status();
  auto rows = ParseCsv(*content);
  if (!rows.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path.string(), ": ", rows.status().message()));
  }
  if (rows->empty()) {
    return absl::InvalidArgumentError(absl::StrCat(path.string(), " is empty"));
  }
  static constexpr std::pair<std::string_view, std::string_view> kColumns[] = {
      {"indonesian", "id"}, {"english", "en"}, {"javanese", "jv"},
      {"sundanese", "su"}};
  const std::vector<std::string>& header = rows->front();
  std::vector<LabeledText> out;
  for (const auto& [name, code] : kColumns) {
    auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path.string(), " has no '", std::string(name), "' column; is it a NusaX CSV?"));
    }
    const size_t column = it - header.begin();
    for (size_t r = 1; r < rows->size(); ++r) {
      const std::vector<std::string>& row = (*rows)[r];
      if (column >= row.size()) continue;
      absl::string_view text = absl::StripAsciiWhitespace(row[column]);
      if (!text.empty()) out.push_back({std::string(code), std::string(text)});
    }
  }
  return out;
}

absl::StatusOr<std::vector<LabeledText>> ReadNewsJsonl(
    const std::filesystem::path& path, Half half) {
  auto content = ReadFileToString(path);
  if (!content.ok()) return content.status();
  std::vector<LabeledText> out;
  int line_number = 0, index = 0;
  for (absl::string_view line : absl::StrSplit(*content, '\n')) {
    ++line_number;
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    if (!InHalf(index++, half)) continue;
    google::protobuf::Struct record;
    auto status = google::protobuf::util::JsonStringToMessage(
        google::protobuf::StringPiece(line.data(), line.size()), &record);
    if (!status.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path.string(), ":", line_number, ": not a JSON object: ",
          status.ToString()));
    }
    const auto& fields = record.fields();
    auto text = fields.find("text");
    if (text == fields.end() || !text->second.has_string_value()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path.string(), ":", line_number, ": no \"text\" string"));
    }
    auto lang = fields.find("lang");
    std::string code = lang != fields.end() && lang->second.has_string_value()
                           ? lang->second.string_value()
                           : "id";
    out.push_back({std::move(code), text->second.string_value()});
  }
  return out;
}

}  // namespace warta::eval
