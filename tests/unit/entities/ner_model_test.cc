#include "enrichment/entities/ner_model.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "eval/ner/conll.h"
#include "eval/ner/label_conventions.h"
#include "eval/ner/ner_eval.h"
#include "gtest/gtest.h"
#include "tests/testing/shared_data.h"

namespace warta::enrichment::ner {
namespace {

const NerModel& Model() {
  static const NerModel* model = [] {
    auto m = NerModel::Create(
        warta::testing::ReadFileOrDie(warta::testing::SourceDir() / "models/ner/ner.model"));
    if (!m.ok()) std::abort();
    return m->release();
  }();
  return *model;
}

std::vector<std::string_view> Words(const std::vector<std::string>& v) {
  return std::vector<std::string_view>(v.begin(), v.end());
}

TEST(NerModelTest, FastScoresEqualTheTrainersSum) {
  const std::vector<std::string> sentence = {
      "Presiden", "Rusia", "Vladimir", "Putin", "bertemu", "Choe", "Son-hui", "di", "Kremlin",
      "pada", "10.000", "xyzunseenword", "Zzq", "."};
  for (int v = 0; v < static_cast<int>(Model().data().variants.size()); ++v) {
    std::vector<float> fast, slow;
    Model().Emissions(Words(sentence), v, &fast);
    Model().EmissionsSlow(Words(sentence), v, &slow);
    ASSERT_EQ(fast.size(), slow.size());
    for (size_t i = 0; i < fast.size(); ++i) EXPECT_NEAR(fast[i], slow[i], 1e-3) << i;
    Model().Transitions(Words(sentence), v, &fast);
    Model().TransitionsSlow(Words(sentence), v, &slow);
    ASSERT_EQ(fast.size(), slow.size());
    for (size_t i = kNumTags * kNumTags; i < fast.size(); ++i) EXPECT_NEAR(fast[i], slow[i], 1e-3) << i;
  }
}

TEST(NerModelTest, CapitalisedRunsGiveRunFeaturesOnlyInside) {
  const std::vector<std::string> cased = {"Kata", "Menteri", "Luar", "Negeri", "Retno", "di", "Jakarta", "."};
  std::string storage;
  std::vector<TokenInfo> infos;
  AnalyzeSentence(Words(cased), Model().resources(), &storage, &infos);
  EXPECT_EQ(infos[4].run_begin, 0);  // "Kata" starts the run (sentence-initial capital)
  EXPECT_EQ(infos[4].run_end, 5);
  std::vector<uint64_t> feats;
  RunFeatures(infos, 4, &feats);
  EXPECT_NE(std::find(feats.begin(), feats.end(), Feature(kRunFirst, 0, "kata")), feats.end());
  feats.clear();
  RunFeatures(infos, 6, &feats);  // "Jakarta" alone: no run features
  EXPECT_TRUE(feats.empty());
  // Lower-cased text has no case, so no runs.
  const std::vector<std::string> caseless = {"menteri", "luar", "negeri", "retno", "."};
  AnalyzeSentence(Words(caseless), Model().resources(), &storage, &infos);
  for (int i = 0; i < static_cast<int>(infos.size()); ++i) {
    feats.clear();
    RunFeatures(infos, i, &feats);
    EXPECT_TRUE(feats.empty()) << i;
  }
}

TEST(NerModelTest, FindsUnseenNamesFromContext) {
  // Invented names: the model must generalise, not remember.
  const std::vector<std::string> s = {"Menteri", "Keuangan", "Rondaliwa", "Sutarjanto", "mengatakan",
                                      "bahwa", "PT", "Lembayung", "Ceria", "akan", "membuka",
                                      "pabrik", "di", "Surabaya", "."};
  const auto spans = Model().TagSpans(Words(s));
  bool person = false, place = false;
  for (const TaggedSpan& sp : spans) {
    person |= sp.type == 0 && sp.begin == 2 && sp.end == 4;
    place |= sp.type == 2 && sp.begin == 13;
  }
  EXPECT_TRUE(person);
  EXPECT_TRUE(place);
}

TEST(NerModelTest, LowerCaseTextUsesTheCaselessWeights) {
  ASSERT_GE(Model().FindVariant("caseless"), 0);
  const std::vector<std::string> s = {"presiden", "joko", "widodo", "berkunjung", "ke", "bandung", "."};
  const auto spans = Model().TagSpans(Words(s));
  ASSERT_FALSE(spans.empty());
  EXPECT_EQ(spans[0].type, 0);
  EXPECT_EQ(spans[0].begin, 1);
}

TEST(NerModelTest, SerialisationRoundTrips) {
  const std::string bytes = SerializeNerModel(Model().data());
  auto again = ParseNerModel(bytes);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(SerializeNerModel(*again), bytes);
  EXPECT_FALSE(NerModel::Create(bytes.substr(0, bytes.size() / 2)).ok());
  EXPECT_FALSE(NerModel::Create("not a model").ok());
}

TEST(NerModelTest, ViterbiNeverStartsWithInside) {
  // Scores that would prefer I-PERSON everywhere.
  NerWeights w;
  std::vector<float> em(3 * kNumTags, 0.0f);
  for (int i = 0; i < 3; ++i) em[i * kNumTags + InsideTag(0)] = 5;
  std::vector<int> tags;
  Viterbi(em.data(), 3, w, &tags);
  EXPECT_NE(tags[0], InsideTag(0));
  for (int i = 1; i < 3; ++i) {
    if (IsInside(tags[i])) EXPECT_EQ(TagType(tags[i - 1]), TagType(tags[i]));
  }
}

TEST(ConllTest, ReadsEveryLabelScheme) {
  auto s = eval::ParseConll("Choe B-PPL\nSon I-PPL\nHui I-PPL\ndi O\nMoskwa\tU-PLACE\n\r\nKPK B-IND\n");
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->size(), 2u);
  const auto spans = eval::LabelsToSpans((*s)[0].labels);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].type, 0);
  EXPECT_EQ(spans[0].end, 3);
  EXPECT_EQ(spans[1].type, 2);
  EXPECT_EQ(eval::LabelsToSpans({"B-EVT", "I-EVT", "B-FNB"}).size(), 0u);  // kept out
  EXPECT_EQ(eval::LabelsToSpans({"B-PER", "L-PER", "U-ORG"}).size(), 2u);  // BILOU
}

TEST(ConllTest, ScoresExactSpansOnly) {
  eval::NerCounts c;
  c.Add({{0, 2, 0}, {3, 4, 2}}, {{0, 2, 0}, {3, 5, 2}});
  EXPECT_EQ(c.tp[0], 1);
  EXPECT_EQ(c.fp[2], 1);
  EXPECT_EQ(c.fn[2], 1);
  EXPECT_NEAR(c.F1(), 0.5, 1e-9);
}

// The single span the model finds in `s`, as (type, begin, end); -1s when
// it finds none or several.
std::tuple<int, int, int> OnlySpan(const std::vector<std::string>& s) {
  const auto spans = Model().TagSpans(Words(s));
  if (spans.size() != 1) return {-1, -1, -1};
  return {spans[0].type, spans[0].begin, spans[0].end};
}

// Warta's convention: a named country is a LOCATION wherever it stands,
// even as a modifier ("tentara Jepang"), and titles stay outside a name.
TEST(NerModelTest, CountriesAreLocationsEvenAsModifiers) {
  EXPECT_EQ(OnlySpan({"Tentara", "Jepang", "menembak", "dua", "nelayan", "."}), std::make_tuple(2, 1, 2));
  EXPECT_EQ(OnlySpan({"Korea", "Utara", "menembakkan", "rudal", "."}), std::make_tuple(2, 0, 2));
}

TEST(NerModelTest, PresidentIsOutsideThePersonsName) {
  EXPECT_EQ(OnlySpan({"Presiden", "Joko", "Widodo", "tiba", "kemarin", "."}), std::make_tuple(0, 1, 3));
}

// Capitalised sentence openers that are common words are no names.
TEST(NerModelTest, CommonWordsOpeningASentenceAreNoEntities) {
  for (const std::vector<std::string>& s : std::vector<std::vector<std::string>>{
           {"Saat", "itu", ",", "polisi", "menangkap", "dua", "orang", "."},
           {"Selain", "itu", ",", "harga", "beras", "naik", "."},
           {"Sementara", "itu", ",", "hujan", "turun", "sejak", "pagi", "."}}) {
    EXPECT_TRUE(Model().TagSpans(Words(s)).empty()) << s[0];
  }
}

TEST(LabelConventionsTest, KnownPlacesLeftUnlabelledBecomeLocations) {
  std::vector<eval::ConllSentence> s = {
      {{"PM", "Inggris", "bertemu", "Dubes", "Amerika", "Serikat", "di", "Jakarta"},
       {"O", "O", "O", "O", "O", "O", "O", "B-LOC"}},
      // Inside another name it stays as annotated; "as" in lower case is a word.
      {{"Bank", "Indonesia", "naik", "as", "roda"}, {"B-ORG", "I-ORG", "O", "O", "O"}}};
  EXPECT_EQ(eval::MarkKnownPlaces(s), 2);
  EXPECT_EQ(s[0].labels, (std::vector<std::string>{"O", "B-LOCATION", "O", "O", "B-LOCATION",
                                                   "I-LOCATION", "O", "B-LOC"}));
  EXPECT_EQ(s[1].labels, (std::vector<std::string>{"B-ORG", "I-ORG", "O", "O", "O"}));
}

// Provinces are places at run time but were never part of the training
// labels' conventions: relabelling them would change the committed model
// (`make models` must rebuild it byte for byte).
TEST(LabelConventionsTest, ProvincesStayAsAnnotated) {
  std::vector<eval::ConllSentence> s = {
      {{"Ketua", "DPD", "PDIP", "Jawa", "Barat", "dan", "Jabar"}, {"O", "B-ORG", "I-ORG", "O", "O", "O", "O"}}};
  EXPECT_EQ(eval::MarkKnownPlaces(s), 0);
}

TEST(LabelConventionsTest, PlaceKindWordsJoinTheName) {
  std::vector<eval::ConllSentence> s = {
      {{"di", "kota", "Medan", "dan", "Kabupaten", "Deli", "Serdang", "kota", "tua"},
       {"O", "O", "B-LOC", "O", "O", "B-LOC", "I-LOC", "O", "O"}}};
  EXPECT_EQ(eval::JoinPlaceKindWords(s), 2);
  EXPECT_EQ(s[0].labels, (std::vector<std::string>{"O", "B-LOC", "I-LOC", "O", "B-LOC", "I-LOC",
                                                   "I-LOC", "O", "O"}));
}

eval::NerCounts DevCounts(const std::filesystem::path& file, bool known_places) {
  auto s = eval::ParseConll(warta::testing::ReadFileOrDie(file));
  if (!s.ok()) return {};
  if (known_places) eval::MarkKnownPlaces(*s);
  eval::NerCounts counts;
  for (const auto& sentence : *s) {
    counts.Add(eval::LabelsToSpans(sentence.labels), Model().TagSpans(Words(sentence.tokens)));
  }
  return counts;
}

// The default weights serve both cased conventions (README figures).
TEST(NerModelTest, DevF1OnIndonesianNews) {
  WARTA_REQUIRE_SHARED_DATA(data);
  EXPECT_GE(DevCounts(data / "ner/idner_news_2k/dev.txt", true).F1(), 0.875)
      << "README reports 0.887 with its country names as locations (0.878 before the lower-cased copies)";
  EXPECT_GE(DevCounts(data / "ner/nergrit/valid.txt", false).F1(), 0.735)
      << "README reports 0.741 (0.727 before the lower-cased copies)";
}

std::vector<eval::ConllSentence> GumDev() {
  auto s = eval::ParseConll(
      warta::testing::ReadFileOrDie(warta::testing::SourceDir() / "training/ner/gum/dev.txt"));
  if (!s.ok()) std::abort();
  return *std::move(s);
}

// GUM dev is committed with the code: English accuracy is checked on every
// build, the model alone and the whole entity stage (`warta eval ner
// --variant=en [--stage]`).
TEST(NerModelTest, DevF1OnEnglish) {
  const auto dev = GumDev();
  EXPECT_GE(eval::EvaluateNer(Model(), dev, "en").F1(), 0.67) << "README reports 0.680";
}

const EntityRecognizer& Recognizer() {
  static const EntityRecognizer* recognizer = [] {
    EntityOptions o;
    o.model = warta::testing::ReadFileOrDie(warta::testing::SourceDir() / "models/ner/ner.model");
    auto r = EntityRecognizer::Create(o);
    if (!r.ok()) std::abort();
    return r->release();
  }();
  return *recognizer;
}

TEST(NerStageEvalTest, DocumentLevelStepsRaiseEnglishDevF1) {
  const auto dev = GumDev();
  auto predicted = eval::PredictNerStage(Recognizer(), dev, "en");
  ASSERT_TRUE(predicted.ok()) << predicted.status();
  const double stage = eval::CountNer(dev, *predicted).F1();
  // One document's "Coron" (13 mentions) typed PERSON instead of LOCATION
  // moves this 12-document set by 0.04 (0.698 without the place cue).
  EXPECT_GE(stage, 0.74) << "README reports 0.756";
  EXPECT_GT(stage, eval::EvaluateNer(Model(), dev, "en").F1());
}

TEST(NerStageEvalTest, MentionsComeBackAsTokenSpansOfTheirSentence) {
  auto s = eval::ParseConll(
      "-DOCSTART-\tO\n\nSecretary\tO\nof\tO\nState\tO\nAntony\tB-PER\nBlinken\tI-PER\nvisited\tO\n"
      "Russia's\tB-LOC\nKursk\tB-LOC\nregion\tO\n.\tO\n\nBlinken\tB-PER\nleft\tO\n.\tO\n");
  ASSERT_TRUE(s.ok());
  auto predicted = eval::PredictNerStage(Recognizer(), *s, "en");
  ASSERT_TRUE(predicted.ok()) << predicted.status();
  ASSERT_EQ(predicted->size(), 2u);
  // The title stays out of the name; "Russia's" (the stage's "Russia")
  // covers its token; the bare surname in the next sentence is the person.
  const auto has = [&](size_t sentence, int begin, int end, int type) {
    for (const TaggedSpan& sp : (*predicted)[sentence]) {
      if (sp.begin == begin && sp.end == end && sp.type == type) return true;
    }
    return false;
  };
  EXPECT_TRUE(has(0, 3, 5, 0));
  EXPECT_TRUE(has(0, 6, 7, 2));
  EXPECT_TRUE(has(1, 0, 1, 0));
}

// Sentences of a file without -DOCSTART- lines come from unrelated
// articles: each is scored as an article of its own, exactly as if it
// were alone in the file. Read as one document, the first sentence's
// "Antony Blinken" makes the second's bare "Blinken" a person.
TEST(NerStageEvalTest, SentencesOfAnUnmarkedFileAreDocumentsOfTheirOwn) {
  const std::string first =
      "Secretary\tO\nof\tO\nState\tO\nAntony\tB-PER\nBlinken\tI-PER\nvisited\tO\n"
      "Kursk\tB-LOC\n.\tO\n";
  const std::string second = "Blinken\tB-PER\nleft\tO\n.\tO\n";
  auto both = eval::ParseConll(first + "\n" + second);
  auto alone = eval::ParseConll(second);
  ASSERT_TRUE(both.ok() && alone.ok());
  auto per_sentence = eval::PredictNerStage(Recognizer(), *both, "en", /*sentences_are_documents=*/true);
  auto one_document = eval::PredictNerStage(Recognizer(), *both, "en");
  auto by_itself = eval::PredictNerStage(Recognizer(), *alone, "en");
  ASSERT_TRUE(per_sentence.ok() && one_document.ok() && by_itself.ok());
  ASSERT_EQ(per_sentence->size(), 2u);
  auto same = [](const std::vector<TaggedSpan>& a, const std::vector<TaggedSpan>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (a[i].begin != b[i].begin || a[i].end != b[i].end || a[i].type != b[i].type) return false;
    }
    return true;
  };
  EXPECT_TRUE(same((*per_sentence)[1], (*by_itself)[0]));
  EXPECT_FALSE(same((*one_document)[1], (*by_itself)[0]));
}

}  // namespace
}  // namespace warta::enrichment::ner
