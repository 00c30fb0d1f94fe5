#include "services/common/model_files.h"

#include "absl/strings/str_cat.h"
#include "common/files.h"
#include "common/models_dir.h"

namespace warta::services {

absl::StatusOr<enrichment::PipelineOptions> LoadPipelineModels(const std::string& models_dir,
                                                               const std::string& kb_path) {
  enrichment::PipelineOptions options;
  auto read_model = [&](const char* name, std::string* out) -> absl::Status {
    auto bytes = ReadFileToString(absl::StrCat(models_dir, "/", name));
    if (!bytes.ok()) {
      return absl::NotFoundError(absl::StrCat(bytes.status().message(),
                                              ": is --models_dir right? (rebuild the models with "
                                              "`make models`)"));
    }
    *out = std::move(*bytes);
    return absl::OkStatus();
  };
  if (absl::Status s = read_model(kLangidModelFile, &options.langid_model); !s.ok()) return s;
  if (absl::Status s = read_model(kLangidConfusableModelFile, &options.langid_confusable_model);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = read_model(kNerModelFile, &options.ner_model); !s.ok()) return s;
  if (!kb_path.empty()) {
    auto kb = ReadFileToString(kb_path);
    if (!kb.ok()) return absl::NotFoundError(absl::StrCat(kb.status().message(), " (--kb)"));
    options.knowledge_base = std::move(*kb);
  }
  return options;
}

absl::StatusOr<storage::TermWeights> LoadStoryWeights(const std::string& models_dir) {
  const std::string path = absl::StrCat(models_dir, "/", kStoryIdfFile);
  auto bytes = ReadFileToString(path);
  if (!bytes.ok()) {
    return absl::NotFoundError(absl::StrCat(bytes.status().message(),
                                            ": is --models_dir right? (rebuild the models with "
                                            "`make models`)"));
  }
  auto weights = storage::TermWeights::Parse(*bytes);
  if (!weights.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": ", weights.status().message()));
  }
  return weights;
}

}  // namespace warta::services
