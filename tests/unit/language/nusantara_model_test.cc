#include "enrichment/language/nusantara_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace warta::enrichment {
namespace {

NusantaraModelData TinyModel() {
  NusantaraModelData data;
  data.config.bucket_bits = 8;
  data.classes = {"id", "ms"};
  data.bias = {0.5f, -0.5f};
  data.weights.assign((1u << 8) * 2, 0.0f);
  // "bahawa" is Malay, "bahwa" Indonesian.
  data.weights[NusantaraWordFeature("bahawa", data.config) * 2 + 1] = 3.0f;
  data.weights[NusantaraWordFeature("bahwa", data.config) * 2 + 0] = 3.0f;
  return data;
}

TEST(NusantaraModelTest, RoundTripsThroughBytesAndScoresMarkerWords) {
  auto model = NusantaraModel::Create(SerializeNusantaraModel(TinyModel()));
  ASSERT_TRUE(model.ok()) << model.status();
  EXPECT_EQ((*model)->classes(), (std::vector<std::string>{"id", "ms"}));
  double logits[2];
  ASSERT_GT((*model)->Score("Dia berkata BAHAWA ia benar.", logits), 0);
  EXPECT_GT(logits[1], logits[0]);
  (*model)->Score("Dia bilang bahwa itu benar.", logits);
  EXPECT_GT(logits[0], logits[1]);
}

// The word table: exact words, so a push on "kerana" reaches no other word;
// names (capitalised, not opening a sentence) get none.
TEST(NusantaraModelTest, WordTablePushesWordsButNotNames) {
  auto plain = NusantaraModel::Create(SerializeNusantaraModel(TinyModel()));
  NusantaraModelData data = TinyModel();
  data.words.push_back({"kerana", {0.0f, 5.0f}, kFamilyVocabulary});
  data.words.push_back({"bertemu", {0.0f, 0.0f}, kFamilyVocabulary});
  data.words.push_back({"met", {0.0f, 0.0f}, kEnglishVocabulary});
  auto model = NusantaraModel::Create(SerializeNusantaraModel(data));
  ASSERT_TRUE(model.ok()) << model.status();
  ASSERT_TRUE(plain.ok()) << plain.status();
  double without[2], with[2];
  (*plain)->Score("dia pergi kerana", without);
  (*model)->Score("dia pergi kerana", with);
  EXPECT_NEAR(with[1] - without[1], 5.0, 1e-6);
  EXPECT_NEAR(with[0], without[0], 1e-6);
  (*plain)->Score("dia pergi Kerana", without);
  (*model)->Score("dia pergi Kerana", with);
  EXPECT_NEAR(with[1], without[1], 1e-6) << "a name gets no push";

  const WordEvidence id = (*model)->Evidence(
      "Presiden Rusia Vladimir Putin bertemu Choe Son Hui di Moskow. Kerana itu.");
  EXPECT_EQ(id.words, 12);
  EXPECT_EQ(id.counted, 5);  // Presiden, bertemu, di, Kerana, itu
  EXPECT_EQ(id.family, 2);   // bertemu, Kerana (opens a sentence)
  EXPECT_EQ(id.english, 0);
  const WordEvidence en = (*model)->Evidence("Anwar Ibrahim met Lawrence Wong.");
  EXPECT_EQ(en.counted, 2);
  EXPECT_EQ(en.english, 1);
}

TEST(NusantaraModelTest, TextWithoutWordsHasNoFeatures) {
  auto model = NusantaraModel::Create(SerializeNusantaraModel(TinyModel()));
  ASSERT_TRUE(model.ok());
  double logits[2];
  EXPECT_EQ((*model)->Score("123 456 -- !!", logits), 0);
  EXPECT_DOUBLE_EQ(logits[0], 0.5);
}

TEST(NusantaraModelTest, RejectsEmptyTruncatedAndForeignBytes) {
  EXPECT_FALSE(NusantaraModel::Create("").ok());
  EXPECT_FALSE(NusantaraModel::Create("not a model at all").ok());
  std::string bytes = SerializeNusantaraModel(TinyModel());
  EXPECT_FALSE(NusantaraModel::Create(bytes.substr(0, bytes.size() - 1)).ok());
  EXPECT_FALSE(NusantaraModel::Create(bytes.substr(0, 20)).ok());
}

TEST(NusantaraModelTest, FeaturesIgnoreCaseAndStopAtMaxWords) {
  NusantaraFeatureConfig config;
  std::vector<uint32_t> lower, upper;
  ExtractNusantaraFeatures("rumah sakit", config, lower);
  ExtractNusantaraFeatures("RUMAH Sakit", config, upper);
  EXPECT_EQ(lower, upper);
  config.max_words = 1;
  std::vector<uint32_t> one;
  ExtractNusantaraFeatures("rumah sakit", config, one);
  EXPECT_LT(one.size(), lower.size());
}

}  // namespace
}  // namespace warta::enrichment
