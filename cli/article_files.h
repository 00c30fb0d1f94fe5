// Reads articles from what users have on disk: plain-text pages, JSON
// articles (one object or an array), JSON lines (one article a line), and
// folders of those. JSON objects are read by article::ArticleFromJson, as
// on every other door.
#ifndef WARTA_CLI_ARTICLE_FILES_H_
#define WARTA_CLI_ARTICLE_FILES_H_

#include <functional>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "warta/v1/article.pb.h"

namespace warta::cli {

// Where an article came from, for error messages ("file.jsonl:12").
struct ArticleInput {
  std::string origin;
  absl::StatusOr<warta::v1::Article> article;
};

// Expands folders (recursively, sorted; hidden files and README/licence
// files skipped) into the files to read. NOT_FOUND for a missing path.
absl::StatusOr<std::vector<std::string>> ExpandPaths(const std::vector<std::string>& paths);

// Reads every article in one file, calling `emit` for each (bad lines are
// emitted with their error so the caller can report them and go on).
absl::Status ReadArticles(const std::string& path,
                          const std::function<void(ArticleInput)>& emit);

// Orders inputs by publication time, oldest first, as a live feed sends them;
// undated articles and unreadable inputs come first; ties keep file order.
void SortOldestFirst(std::vector<ArticleInput>& inputs);

// The YYYY-MM-DD day in a file name ("tempo_2024-11-05_putin.txt"), if any:
// plain-text pages get it as published_at (the clean stage's date from the
// page itself wins).
std::optional<absl::CivilDay> DayInFileName(std::string_view name);

}  // namespace warta::cli

#endif  // WARTA_CLI_ARTICLE_FILES_H_
