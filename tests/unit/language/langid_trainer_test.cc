// The committed language model must be what `warta-train-langid` builds
// from ../shared/data with its default settings. This fails when the data,
// the trainer or the feature code changed without retraining, and when a
// build directory holds a trainer compiled from other sources than the
// repository's (the way a stale build once produced a worse model).
#include "training/langid/langid_trainer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>
#include <string>
#include <string_view>

#include "absl/strings/str_format.h"
#include "enrichment/language/language_identifier.h"
#include "tests/testing/shared_data.h"

namespace warta::training {
namespace {

// Compares what the trainer built with models/<file>.
void ExpectCommittedModel(const absl::StatusOr<std::string>& built,
                          std::string_view file) {
  ASSERT_TRUE(built.ok()) << built.status();
  const std::string committed = testing::ReadFileOrDie(
      testing::SourceDir() / "models" / std::string(file));
  EXPECT_TRUE(*built == committed)
      << absl::StrFormat(
             "models/%s (fingerprint %016x, %d bytes) is not what the trainer "
             "builds (fingerprint %016x, %d bytes): retrain with "
             "warta-train-langid after rebuilding it",
             file, LangidFingerprint(committed), committed.size(),
             LangidFingerprint(*built), built->size());
}

TEST(LangidTrainerTest, DefaultTrainingRebuildsTheCommittedModelByteForByte) {
  WARTA_REQUIRE_SHARED_DATA(data);
  LangidTrainingOptions options;
  options.data_dir = data;
  options.markers_file =
      testing::SourceDir() / "training/langid/id_ms_markers.tsv";
  ExpectCommittedModel(BuildNusantaraModelFile(options, /*log=*/nullptr),
                       enrichment::kLanguageModelFile);
}

TEST(LangidTrainerTest, DefaultTrainingRebuildsTheCommittedConfusableModel) {
  WARTA_REQUIRE_SHARED_DATA(data);
  ExpectCommittedModel(
      BuildConfusableModelFile(ConfusableTrainingOptions(data), /*log=*/nullptr),
      enrichment::kConfusableModelFile);
}

// Exactly the even (0-based) lingua lines of the group languages: the odd
// ones are what `warta eval langid --half=heldout` scores.
TEST(LangidTrainerTest, ConfusableModelTrainsOnTheEvenLinguaLinesOnly) {
  WARTA_REQUIRE_SHARED_DATA(data);
  const LangidTrainingOptions options = ConfusableTrainingOptions(data);
  auto texts = CollectConfusableTrainingTexts(options);
  ASSERT_TRUE(texts.ok()) << texts.status();
  auto train_half = eval::ReadLinguaDir(data / "langid" / "lingua", eval::Half::kTrain);
  ASSERT_TRUE(train_half.ok()) << train_half.status();
  std::vector<std::string> expected;
  for (const eval::LabeledText& t : *train_half) {
    if (std::find(options.classes.begin(), options.classes.end(), t.code) !=
        options.classes.end()) {
      expected.push_back(t.code + "\t" + t.text);
    }
  }
  std::vector<std::string> got;
  for (const eval::LabeledText& t : *texts) got.push_back(t.code + "\t" + t.text);
  EXPECT_EQ(got, expected);
  EXPECT_EQ(got.size(), 250 * options.classes.size());
}

TEST(LangidTrainerTest, FingerprintTellsInputsApart) {
  EXPECT_EQ(LangidFingerprint("bahwa"), LangidFingerprint("bahwa"));
  EXPECT_NE(LangidFingerprint("bahwa"), LangidFingerprint("bahawa"));
  EXPECT_NE(LangidFingerprint(""), LangidFingerprint(std::string(1, '\0')));
}

}  // namespace
}  // namespace warta::training
