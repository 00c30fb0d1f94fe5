// The committed language model must be what `warta-train-langid` builds
// from ../shared/data with its default settings. This fails when the data,
// the trainer or the feature code changed without retraining, and when a
// build directory holds a trainer compiled from other sources than the
// repository's (the way a stale build once produced a worse model).
#include "training/langid/langid_trainer.h"

#include <gtest/gtest.h>

#include <string>

#include "absl/strings/str_format.h"
#include "enrichment/language/language_identifier.h"
#include "tests/testing/shared_data.h"

namespace warta::training {
namespace {

TEST(LangidTrainerTest, DefaultTrainingRebuildsTheCommittedModelByteForByte) {
  WARTA_REQUIRE_SHARED_DATA(data);
  LangidTrainingOptions options;
  options.data_dir = data;
  options.markers_file =
      testing::SourceDir() / "training/langid/id_ms_markers.tsv";
  auto built = BuildNusantaraModelFile(options, /*log=*/nullptr);
  ASSERT_TRUE(built.ok()) << built.status();
  const std::string committed = testing::ReadFileOrDie(
      testing::SourceDir() / "models" /
      std::string(enrichment::kLanguageModelFile));
  EXPECT_TRUE(*built == committed)
      << absl::StrFormat(
             "models/%s (fingerprint %016x, %d bytes) is not what the trainer "
             "builds (fingerprint %016x, %d bytes): retrain with "
             "warta-train-langid after rebuilding it",
             enrichment::kLanguageModelFile, LangidFingerprint(committed),
             committed.size(), LangidFingerprint(*built), built->size());
}

TEST(LangidTrainerTest, FingerprintTellsInputsApart) {
  EXPECT_EQ(LangidFingerprint("bahwa"), LangidFingerprint("bahwa"));
  EXPECT_NE(LangidFingerprint("bahwa"), LangidFingerprint("bahawa"));
  EXPECT_NE(LangidFingerprint(""), LangidFingerprint(std::string(1, '\0')));
}

}  // namespace
}  // namespace warta::training
