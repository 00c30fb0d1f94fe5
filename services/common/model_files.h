// Reads the model files the enrichment pipeline needs from a models folder
// (the repository's models/ by default: warta::DefaultModelsDir()). Adapter code: the pipeline itself
// only sees bytes.
#ifndef WARTA_SERVICES_COMMON_MODEL_FILES_H_
#define WARTA_SERVICES_COMMON_MODEL_FILES_H_

#include <string>

#include "absl/status/statusor.h"
#include "enrichment/pipeline.h"
#include "storage/stories/term_weights.h"

namespace warta::services {

// NOT_FOUND naming the missing file and the flag to fix it.
absl::StatusOr<enrichment::PipelineOptions> LoadPipelineModels(const std::string& models_dir,
                                                               const std::string& kb_path);

// The story clusterer's word weights (models/stories/idf.tsv).
absl::StatusOr<storage::TermWeights> LoadStoryWeights(const std::string& models_dir);

}  // namespace warta::services

#endif  // WARTA_SERVICES_COMMON_MODEL_FILES_H_
