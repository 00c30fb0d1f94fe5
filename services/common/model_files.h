// Reads the model files the enrichment pipeline needs from a models folder
// (the repository's models/ by default). Adapter code: the pipeline itself
// only sees bytes.
#ifndef WARTA_SERVICES_COMMON_MODEL_FILES_H_
#define WARTA_SERVICES_COMMON_MODEL_FILES_H_

#include <string>

#include "absl/status/statusor.h"
#include "enrichment/pipeline.h"
#include "storage/stories/term_weights.h"

namespace warta::services {

// The models folder built into the binaries (the source tree's models/).
std::string DefaultModelsDir();

// NOT_FOUND naming the missing file and the flag to fix it.
absl::StatusOr<enrichment::PipelineOptions> LoadPipelineModels(const std::string& models_dir,
                                                               const std::string& kb_path);

// The story clusterer's word weights (models/stories/idf.tsv).
absl::StatusOr<storage::TermWeights> LoadStoryWeights(const std::string& models_dir);

absl::StatusOr<std::string> ReadFileToString(const std::string& path);

}  // namespace warta::services

#endif  // WARTA_SERVICES_COMMON_MODEL_FILES_H_
