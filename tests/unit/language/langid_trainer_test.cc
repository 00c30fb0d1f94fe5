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

// wordfreq's lists, as the build exports them (training/langid/CMakeLists.txt).
#define WARTA_REQUIRE_WORDFREQ(var)                                          \
  const std::filesystem::path var = WARTA_WORDFREQ_DIR;                      \
  if (!std::filesystem::exists(var / "id.tsv")) {                            \
    WARTA_SKIP_UNLESS_CI("skipped: no wordfreq lists in " WARTA_WORDFREQ_DIR \
                         " (build warta_wordfreq_lists or run `make models`)"); \
  }

TEST(LangidTrainerTest, DefaultTrainingRebuildsTheCommittedModelByteForByte) {
  WARTA_REQUIRE_SHARED_DATA(data);
  WARTA_REQUIRE_WORDFREQ(wordfreq);
  LangidTrainingOptions options;
  options.data_dir = data;
  options.markers_file =
      testing::SourceDir() / "training/langid/id_ms_markers.tsv";
  options.wordfreq_dir = wordfreq;
  ExpectCommittedModel(BuildNusantaraModelFile(options, /*log=*/nullptr),
                       enrichment::kLanguageModelFile);
}

TEST(LangidTrainerTest, DefaultTrainingRebuildsTheCommittedConfusableModel) {
  WARTA_REQUIRE_SHARED_DATA(data);
  LangidTrainingOptions options = ConfusableTrainingOptions(data);
  options.markers_file =
      testing::SourceDir() / "training/langid/bs_hr_sr_markers.tsv";
  ExpectCommittedModel(BuildConfusableModelFile(options, /*log=*/nullptr),
                       enrichment::kConfusableModelFile);
}

// A marker pushes toward the languages it names and away from the file's
// others: "hiljada" is Bosnian and Serbian, not Croatian.
TEST(LangidTrainerTest, MarkersPushTowardTheirLanguagesOnly) {
  const std::vector<std::string> classes = {"bs", "hr", "sr", "mk"};
  auto priors = MarkerPriors({{"bs,sr", "hiljada", "marker"}, {"hr", "tisuća", "marker"}},
                             classes, 2.0);
  ASSERT_TRUE(priors.ok()) << priors.status();
  ASSERT_EQ(priors->size(), 2u);
  EXPECT_EQ((*priors)[0].delta, (std::vector<double>{2, -2, 2, 0}));
  EXPECT_EQ((*priors)[1].delta, (std::vector<double>{-2, 2, -2, 0}));
  EXPECT_FALSE(MarkerPriors({{"xx", "word", "marker"}}, classes, 2.0).ok());
}

TEST(LangidTrainerTest, BosnianCroatianSerbianMarkerFileReads) {
  auto markers = ReadMarkers(testing::SourceDir() / "training/langid/bs_hr_sr_markers.tsv");
  ASSERT_TRUE(markers.ok()) << markers.status();
  EXPECT_GT(markers->size(), 300u);
  const LangidTrainingOptions options = ConfusableTrainingOptions("unused");
  EXPECT_TRUE(MarkerPriors(*markers, options.classes, 1.0).ok());
}

// wordfreq's lists: Malay words lower Indonesian and the reverse; names
// and words common elsewhere are not family vocabulary.
TEST(LangidTrainerTest, WordfreqGivesMalayWordsAndVocabulary) {
  WARTA_REQUIRE_WORDFREQ(wordfreq);
  LangidTrainingOptions options;
  options.wordfreq_dir = wordfreq;
  auto priors = WordfreqPriors(options);
  ASSERT_TRUE(priors.ok()) << priors.status();
  auto find = [](const std::vector<WordPrior>& list, std::string_view word) {
    auto it = std::find_if(list.begin(), list.end(),
                           [&](const WordPrior& p) { return p.word == word; });
    return it == list.end() ? nullptr : &*it;
  };
  // classes: id, ms, jv, su
  for (std::string_view malay : {"kerana", "boleh", "awak", "daripada", "wang"}) {
    const WordPrior* p = find(*priors, malay);
    ASSERT_NE(p, nullptr) << malay;
    EXPECT_LT(p->delta[0], 0) << malay;
    EXPECT_EQ(p->delta[1], 0) << malay;
  }
  for (std::string_view indonesian : {"karena", "uang", "bahwa"}) {
    const WordPrior* p = find(*priors, indonesian);
    ASSERT_NE(p, nullptr) << indonesian;
    EXPECT_LT(p->delta[1], 0) << indonesian;
    EXPECT_EQ(p->delta[0], 0) << indonesian;
  }

  auto vocabulary = VocabularyPriors(options);
  ASSERT_TRUE(vocabulary.ok()) << vocabulary.status();
  auto tags = [&](std::string_view word) {
    const WordPrior* p = find(*vocabulary, word);
    return p == nullptr ? 0 : p->tags;
  };
  EXPECT_EQ(tags("bertemu"), enrichment::kFamilyVocabulary);
  EXPECT_EQ(tags("presiden"), enrichment::kFamilyVocabulary);
  EXPECT_EQ(tags("met"), enrichment::kEnglishVocabulary);
  EXPECT_EQ(tags("said"), enrichment::kEnglishVocabulary);
  EXPECT_EQ(tags("di"), 0) << "Italian 'di' is commoner than Indonesian 'di'";
  EXPECT_EQ(tags("vladimir"), 0);
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
