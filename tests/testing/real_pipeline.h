// The enrichment pipeline with the committed models (models/), as `warta
// enrich` runs it, for tests that check what users see on real articles.
// Link warta_pipeline to use it.
#ifndef WARTA_TESTS_TESTING_REAL_PIPELINE_H_
#define WARTA_TESTS_TESTING_REAL_PIPELINE_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <utility>

#include "common/models_dir.h"
#include "enrichment/pipeline.h"
#include "tests/testing/shared_data.h"

namespace warta::testing {

// nullptr (with a test failure) when the models do not load.
inline std::unique_ptr<enrichment::Pipeline> RealPipeline() {
  enrichment::PipelineOptions options;
  const std::filesystem::path models = SourceDir() / "models";
  options.langid_model = ReadFileOrDie(models / kLangidModelFile);
  options.ner_model = ReadFileOrDie(models / kNerModelFile);
  auto pipeline = enrichment::Pipeline::Create(options);
  EXPECT_TRUE(pipeline.ok()) << pipeline.status();
  return pipeline.ok() ? *std::move(pipeline) : nullptr;
}

}  // namespace warta::testing

#endif  // WARTA_TESTS_TESTING_REAL_PIPELINE_H_
