// warta enrich: the pipeline over files, offline (no Kafka, no services).
#include <cstdio>
#include <iostream>

#include "absl/time/clock.h"
#include "article/article_validation.h"
#include "cli/article_files.h"
#include "cli/commands.h"
#include "cli/summary.h"
#include "common/flags.h"
#include "google/protobuf/util/json_util.h"
#include "common/models_dir.h"
#include "services/common/model_files.h"

namespace warta::cli {

int RunEnrich(const Args& args) {
  std::string models_dir = DefaultModelsDir(), kb;
  bool summary = false;
  FlagSet flags("warta enrich [flags] FILE...",
                "Enriches articles from files (text pages, JSON, JSON lines, folders) without Kafka:\n"
                "one warta.v1.EnrichedArticle per line on stdout, as protobuf JSON.");
  flags.String("models_dir", &models_dir, "folder holding the trained models");
  flags.String("kb", &kb, "optional knowledge-base file linking entities");
  flags.Bool("summary", &summary, "print a readable summary instead of JSON");
  Args paths = flags.ParseOrExit(args);
  if (paths.empty()) {
    std::fputs("warta enrich: give at least one FILE (see --help)\n", stderr);
    return 2;
  }
  auto models = services::LoadPipelineModels(models_dir, kb);
  if (!models.ok()) {
    std::fprintf(stderr, "warta enrich: %s\n", std::string(models.status().message()).c_str());
    return 1;
  }
  auto pipeline = enrichment::Pipeline::Create(*models);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "warta enrich: %s\n", std::string(pipeline.status().message()).c_str());
    return 1;
  }
  auto files = ExpandPaths(paths);
  if (!files.ok()) {
    std::fprintf(stderr, "warta enrich: %s\n", std::string(files.status().message()).c_str());
    return 1;
  }
  int failed = 0;
  auto fail = [&](const std::string& origin, absl::string_view message) {
    ++failed;
    std::fprintf(stderr, "warta enrich: %s: %s\n", origin.c_str(), std::string(message).c_str());
  };
  for (const std::string& file : *files) {
    absl::Status read = ReadArticles(file, [&](ArticleInput in) {
      if (!in.article.ok()) return fail(in.origin, in.article.status().message());
      if (absl::Status v = article::ValidateArticle(*in.article); !v.ok()) {
        return fail(in.origin, v.message());
      }
      auto enriched = (*pipeline)->Enrich(*in.article, absl::Now());
      if (!enriched.ok()) return fail(in.origin, enriched.status().message());
      if (summary) {
        std::cout << SummarizeArticle(*enriched) << "\n";
        return;
      }
      std::string json;
      (void)google::protobuf::util::MessageToJsonString(*enriched, &json);
      std::cout << json << "\n";
    });
    if (!read.ok()) fail(file, read.message());
  }
  std::cout.flush();
  return failed > 0 ? 1 : 0;
}

}  // namespace warta::cli
