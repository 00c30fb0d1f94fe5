#include "cli/article_files.h"

#include "article/article_json.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/time_util.h"

namespace warta::cli {
namespace fs = std::filesystem;
using article::ArticleFromJson;
namespace {

bool Skipped(const fs::path& p) {
  std::string name = p.filename().string();
  std::string upper = absl::AsciiStrToUpper(name);
  return name.empty() || name[0] == '.' || absl::StartsWith(upper, "README") ||
         absl::StartsWith(upper, "LICENSE") || absl::StartsWith(upper, "LICENCE") ||
         absl::StrContains(upper, "_README");
}

std::string ReadAll(std::istream& in) {
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

std::optional<absl::CivilDay> DayInFileName(std::string_view name) {
  for (size_t i = 0; i + 10 <= name.size(); ++i) {
    absl::CivilDay day;
    const std::string candidate(name.substr(i, 10));
    const bool shaped = candidate[4] == '-' && candidate[7] == '-' &&
                        (i == 0 || !absl::ascii_isdigit(name[i - 1])) &&
                        (i + 10 == name.size() || !absl::ascii_isdigit(name[i + 10]));
    if (shaped && absl::ParseCivilTime(candidate, &day) && day.year() >= 1900 &&
        absl::FormatCivilTime(day) == candidate) {
      return day;
    }
  }
  return std::nullopt;
}

void SortOldestFirst(std::vector<ArticleInput>& inputs) {
  auto nanos = [](const ArticleInput& in) -> int64_t {
    if (!in.article.ok() || !in.article->has_published_at()) return INT64_MIN;
    return google::protobuf::util::TimeUtil::TimestampToNanoseconds(in.article->published_at());
  };
  std::stable_sort(inputs.begin(), inputs.end(),
                   [&](const ArticleInput& a, const ArticleInput& b) { return nanos(a) < nanos(b); });
}

absl::StatusOr<std::vector<std::string>> ExpandPaths(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::end(it);
           it.increment(ec)) {
        if (it->is_regular_file() && !Skipped(it->path())) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (p == "-" || fs::is_regular_file(p, ec)) {
      files.push_back(p);
    } else {
      return absl::NotFoundError(absl::StrCat(p, ": no such file or folder"));
    }
  }
  return files;
}

absl::Status ReadArticles(const std::string& path,
                          const std::function<void(ArticleInput)>& emit) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return absl::NotFoundError(absl::StrCat("cannot read ", path));
    in = &file;
  }
  std::string lower = absl::AsciiStrToLower(path);
  bool json_lines = absl::EndsWith(lower, ".jsonl") || absl::EndsWith(lower, ".ndjson") ||
                    path == "-";
  if (json_lines) {
    std::string line;
    int number = 0;
    while (std::getline(*in, line)) {
      ++number;
      if (absl::StripAsciiWhitespace(line).empty()) continue;
      emit({absl::StrCat(path, ":", number), ArticleFromJson(line)});
    }
    return absl::OkStatus();
  }
  std::string content = ReadAll(*in);
  absl::string_view trimmed = absl::StripAsciiWhitespace(content);
  if (absl::EndsWith(lower, ".json") || (!trimmed.empty() && trimmed.front() == '{')) {
    if (!trimmed.empty() && trimmed.front() == '[') {
      google::protobuf::ListValue list;
      auto parsed = google::protobuf::util::JsonStringToMessage(std::string(trimmed), &list);
      if (!parsed.ok()) {
        emit({path, absl::InvalidArgumentError(absl::StrCat("bad JSON array: ",
                                                            parsed.message().as_string()))});
        return absl::OkStatus();
      }
      int index = 0;
      for (const auto& v : list.values()) {
        std::string item;
        (void)google::protobuf::util::MessageToJsonString(v, &item);
        emit({absl::StrCat(path, "[", index++, "]"), ArticleFromJson(item)});
      }
      return absl::OkStatus();
    }
    emit({path, ArticleFromJson(std::string(trimmed))});
    return absl::OkStatus();
  }
  // A plain-text page: the clean stage finds title, bylines and dateline.
  warta::v1::Article article;
  article.set_body(content);
  const std::string name = fs::path(path).filename().string();
  (*article.mutable_metadata())["file"] = name;
  // Saved pages are often named by their day ("2024-11-04_putin.txt"): a
  // fallback for pages that print no date (the page's own date wins).
  if (std::optional<absl::CivilDay> day = DayInFileName(name)) {
    article.mutable_published_at()->set_seconds(
        absl::ToUnixSeconds(absl::FromCivil(*day, absl::UTCTimeZone())));
  }
  emit({path, std::move(article)});
  return absl::OkStatus();
}

}  // namespace warta::cli
