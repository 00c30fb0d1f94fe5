#include "eval/attribution/jsonl_gold.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace warta::eval {
namespace {

using google::protobuf::Struct;
using google::protobuf::Value;

std::string StringField(const Struct& object, const std::string& name) {
  const auto it = object.fields().find(name);
  if (it == object.fields().end() || it->second.kind_case() != Value::kStringValue) return "";
  return it->second.string_value();
}

absl::StatusOr<JsonlArticle> ParseLine(const std::string& line) {
  Struct object;
  if (!google::protobuf::util::JsonStringToMessage(line, &object).ok()) {
    return absl::InvalidArgumentError("not a JSON object");
  }
  JsonlArticle a;
  a.id = StringField(object, "id");
  a.language = StringField(object, "language");
  a.text = StringField(object, "text");
  if (a.text.empty()) return absl::InvalidArgumentError(absl::StrCat(a.id, ": needs \"text\""));
  const auto it = object.fields().find("statements");
  if (it == object.fields().end() || it->second.kind_case() != Value::kListValue) {
    return absl::InvalidArgumentError(absl::StrCat(a.id, ": needs a \"statements\" list"));
  }
  for (const Value& v : it->second.list_value().values()) {
    if (v.kind_case() != Value::kStructValue) {
      return absl::InvalidArgumentError(absl::StrCat(a.id, ": a statement must be an object"));
    }
    const std::string content = StringField(v.struct_value(), "content");
    const size_t at = a.text.find(content);
    if (content.empty() || at == std::string::npos ||
        a.text.find(content, at + 1) != std::string::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat(a.id, ": statement content not found exactly once: \"", content, "\""));
    }
    JsonlStatement s;
    s.content = enrichment::Span{static_cast<int>(at), static_cast<int>(at + content.size())};
    s.speaker = StringField(v.struct_value(), "speaker");
    a.statements.push_back(std::move(s));
  }
  return a;
}

}  // namespace

absl::StatusOr<std::vector<JsonlArticle>> ParseJsonlGold(std::string_view contents) {
  std::vector<JsonlArticle> out;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(absl::string_view(contents.data(), contents.size()), '\n')) {
    ++line_number;
    if (line.empty()) continue;
    auto article = ParseLine(std::string(line));
    if (!article.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", line_number, ": ", article.status().message()));
    }
    out.push_back(*std::move(article));
  }
  return out;
}

}  // namespace warta::eval
