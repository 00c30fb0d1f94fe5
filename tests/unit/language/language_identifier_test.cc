#include "enrichment/language/language_identifier.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "eval/langid/langid_data.h"
#include "tests/testing/shared_data.h"

namespace warta::enrichment {
namespace {

class LanguageIdentifierTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    LanguageOptions options;
    options.model = warta::testing::ReadFileOrDie(
        warta::testing::SourceDir() / "models/langid/nusantara-v1.bin");
    auto created = LanguageIdentifier::Create(options);
    ASSERT_TRUE(created.ok()) << created.status();
    identifier_ = created->release();
  }
  static void TearDownTestSuite() {
    delete identifier_;
    identifier_ = nullptr;
  }
  static const LanguageIdentifier& id() { return *identifier_; }

  static int CountCalled(const std::vector<std::string>& texts,
                         std::string_view code) {
    int n = 0;
    for (const std::string& t : texts) n += id().Identify(t).code == code;
    return n;
  }

  static LanguageIdentifier* identifier_;
};

LanguageIdentifier* LanguageIdentifierTest::identifier_ = nullptr;

// Hand-written pairs: the same news in Indonesian and in Malay.
const std::vector<std::string> kIndonesian = {
    "Pemerintah akan memperkenalkan kebijakan baru untuk membantu masyarakat "
    "berpenghasilan rendah, kata Presiden kemarin.",
    "Polisi telah menangkap tiga pria yang diduga terlibat dalam kasus "
    "perampokan di sebuah toko emas di Surabaya.",
    "Kementerian Kesehatan menyampaikan bahwa jumlah pasien yang dirawat di "
    "rumah sakit pemerintah meningkat sebesar 15 persen.",
    "Silakan hubungi kantor kami melalui telepon jika Anda membutuhkan "
    "informasi lebih lanjut.",
    "Banyak warga desa terpaksa mengungsi ke posko pengungsian sementara "
    "setelah banjir melanda kawasan itu.",
    "Dia mengatakan pihaknya akan memastikan semua karyawan menerima gaji "
    "sebelum Lebaran.",
};
const std::vector<std::string> kMalay = {
    "Polis telah menahan tiga lelaki yang disyaki terlibat dalam kes rompakan "
    "di sebuah kedai emas di Johor Bahru.",
    "Kementerian Kesihatan memaklumkan bahawa jumlah pesakit yang dirawat di "
    "hospital kerajaan meningkat sebanyak 15 peratus.",
    "Pelajar universiti itu berkata beliau berasa amat gembira kerana berjaya "
    "menamatkan pengajian dalam tempoh empat tahun.",
    "Sila hubungi pejabat kami melalui telefon atau e-mel sekiranya anda "
    "memerlukan sebarang maklumat lanjut.",
    "Ramai penduduk kampung terpaksa berpindah ke pusat pemindahan sementara "
    "selepas banjir melanda kawasan itu.",
    "Beliau berkata, pihaknya akan memastikan semua kakitangan menerima gaji "
    "sebelum Hari Raya.",
};

TEST_F(LanguageIdentifierTest, TellsIndonesianFromMalay) {
  EXPECT_EQ(CountCalled(kIndonesian, "id"), static_cast<int>(kIndonesian.size()));
  // CLD2 alone calls most Malay Indonesian; allow one miss, not more.
  EXPECT_GE(CountCalled(kMalay, "ms"), static_cast<int>(kMalay.size()) - 1);
}

TEST_F(LanguageIdentifierTest, JavaneseAndSundaneseAreNotIndonesian) {
  const std::vector<std::string> javanese = {
      "Aku arep lunga menyang pasar karo ibuku sesuk esuk.",
      "Wong-wong padha ngumpul ing omahe Pak Lurah kanggo rembugan bab dalan "
      "desa sing rusak.",
      "Yen kowe ora gelem mangan, mengko mesthi luwe nalika mulih sekolah.",
  };
  const std::vector<std::string> sundanese = {
      "Abdi bade angkat ka pasar sareng ibu enjing-enjing.",
      "Barudak keur arulin di buruan imah bari ngadagoan bapana mulang ti "
      "sawah.",
      "Upami anjeun teu acan tuang, mangga tuang heula di bumi abdi.",
  };
  for (const std::string& t : javanese) EXPECT_EQ(id().Identify(t).code, "jv") << t;
  for (const std::string& t : sundanese) EXPECT_EQ(id().Identify(t).code, "su") << t;
}

TEST_F(LanguageIdentifierTest, EnglishStaysEnglishWhateverTheHint) {
  const std::string text =
      "The central bank kept its benchmark interest rate unchanged on "
      "Thursday, citing slowing inflation and a stable currency.";
  for (std::string_view hint : {"", "id", "ms"}) {
    LanguageResult r = id().Identify(text, hint, "antaranews.co.id");
    EXPECT_EQ(r.code, "en") << "hint " << hint;
    EXPECT_TRUE(r.reliable);
    EXPECT_GT(r.confidence, 0.7);
  }
}

TEST_F(LanguageIdentifierTest, HintTipsCloseCallsButDoesNotOverrideClearText) {
  // Standard in both languages: the hint decides.
  const std::string ambiguous = "Dia pergi ke sekolah.";
  EXPECT_EQ(id().Identify(ambiguous, "ms").code, "ms");
  EXPECT_EQ(id().Identify(ambiguous, "id").code, "id");
  // Clearly Indonesian: a Malay hint (or a .my domain) changes nothing.
  const std::string& indonesian = kIndonesian[2];
  EXPECT_EQ(id().Identify(indonesian, "ms").code, "id");
  EXPECT_EQ(id().Identify(indonesian, "", "https://www.thestar.com.my/news").code,
            "id");
  EXPECT_EQ(id().Identify(indonesian, "zsm-MY").code, "id");
}

// Short sentences full of names: the names say nothing about the language
// (CLD2 alone calls the first one French, the second Basque, the third
// English), the words around them do.
TEST_F(LanguageIdentifierTest, NamesDoNotDecideAShortSentence) {
  for (const std::string& text : {
           std::string("Presiden Rusia Vladimir Putin bertemu Choe Son Hui di Moskow."),
           std::string("Joe Biden dan Xi Jinping bertemu di San Francisco."),
           std::string("Donald Trump menang di Pennsylvania dan Michigan."),
           std::string("Menlu Korut Choe Son Hui tiba di Moskow."),
           std::string("Emmanuel Macron berbicara dengan Olaf Scholz di Paris."),
       }) {
    EXPECT_EQ(id().Identify(text).code, "id") << text;
  }
  for (const std::string& text : {
           std::string("Perdana Menteri Anwar Ibrahim berkata kerajaan akan "
                       "menghantar bantuan kepada rakyat Gaza selepas mesyuarat Kabinet."),
           std::string("Emmanuel Macron bertemu Olaf Scholz di Paris pada hari Isnin "
                       "kerana isu Ukraine."),
       }) {
    EXPECT_EQ(id().Identify(text).code, "ms") << text;
  }
  // CLD2 alone calls these Malay and Indonesian.
  for (const std::string& text : {
           std::string("Anwar Ibrahim met Lawrence Wong in Putrajaya."),
           std::string("Prabowo Subianto met Joko Widodo in Surakarta."),
           std::string("Russian President Vladimir Putin met Choe Son Hui in Moscow."),
       }) {
    EXPECT_EQ(id().Identify(text).code, "en") << text;
  }
}

// Words shared with Indonesian are not enough: a sentence in a language
// without its own word list stays with CLD2's call.
TEST_F(LanguageIdentifierTest, AFewSharedWordsDoNotMakeATextIndonesian) {
  EXPECT_EQ(id().Identify("Dumelang ke bona ke kgone ho fumana direto tsa baSelepe ke "
                          "kopa thuso ke projeke ya sekolo.")
                .code,
            "st");
  EXPECT_EQ(id().Identify("Il presidente di Francia e il ministro di Roma.").code, "it");
}

TEST_F(LanguageIdentifierTest, ReportsRunnerUpAndConfidence) {
  LanguageResult r = id().Identify(kMalay[1]);
  EXPECT_EQ(r.code, "ms");
  ASSERT_FALSE(r.alternatives.empty());
  EXPECT_GE(r.confidence, r.alternatives.front().confidence);
  EXPECT_LE(r.confidence, 1.0);
  // A sentence that is standard in both: the other one is the runner-up.
  // (In clear Malay, wordfreq's Malay words push Indonesian far enough down
  // that Javanese can come second.)
  LanguageResult close = id().Identify("Dia pergi ke sekolah.", "ms");
  EXPECT_EQ(close.code, "ms");
  ASSERT_FALSE(close.alternatives.empty());
  EXPECT_EQ(close.alternatives.front().code, "id");
}

TEST_F(LanguageIdentifierTest, ProcessMarksTheParagraphThatChangesLanguage) {
  Document doc;
  doc.text =
      "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada "
      "Senin, yang diharapkan memangkas waktu tempuh hingga dua jam.\n\n"
      "\"This road will change how goods move across the island, and we are "
      "proud to have financed it,\" said the bank's regional director.\n\n"
      "Menurut Kementerian Pekerjaan Umum, pembangunan jalan tol tersebut "
      "menelan biaya sekitar Rp 12 triliun dan selesai lebih cepat dari "
      "jadwal.";
  doc.source = "https://www.antaranews.com/berita/123";
  ASSERT_TRUE(id().Process(doc).ok());
  EXPECT_EQ(doc.language.code, "id");
  EXPECT_TRUE(doc.language.reliable);
  ASSERT_EQ(doc.language.paragraphs.size(), 1u);
  const auto& p = doc.language.paragraphs[0];
  EXPECT_EQ(p.code, "en");
  EXPECT_EQ(doc.Text(p.span).substr(0, 18), "\"This road will ch");

  // The same with paragraphs from the segment stage.
  Document segmented = doc;
  segmented.language = {};
  segmented.paragraphs = {{{0, static_cast<int>(doc.text.find("\n\n"))}},
                          {p.span},
                          {{p.span.end + 2, static_cast<int>(doc.text.size())}}};
  ASSERT_TRUE(id().Process(segmented).ok());
  ASSERT_EQ(segmented.language.paragraphs.size(), 1u);
  EXPECT_EQ(segmented.language.paragraphs[0].span, p.span);
}

TEST_F(LanguageIdentifierTest, ProcessMarksAJavaneseParagraphInAnIndonesianArticle) {
  Document doc;
  doc.text = kIndonesian[0] + "\n" + kIndonesian[4] +
             "\nWong-wong padha ngumpul ing omahe Pak Lurah kanggo rembugan "
             "bab dalan desa sing rusak, amarga saben udan mesthi banjir.\n" +
             kIndonesian[5];
  ASSERT_TRUE(id().Process(doc).ok());
  EXPECT_EQ(doc.language.code, "id");
  ASSERT_EQ(doc.language.paragraphs.size(), 1u);
  EXPECT_EQ(doc.language.paragraphs[0].code, "jv");
  EXPECT_EQ(doc.Text(doc.language.paragraphs[0].span).substr(0, 11), "Wong-wong p");
}

TEST_F(LanguageIdentifierTest, SingleLanguageArticleHasNoParagraphEntries) {
  Document doc;
  doc.text = kIndonesian[0] + "\n" + kIndonesian[1] + "\n" + kIndonesian[2];
  ASSERT_TRUE(id().Process(doc).ok());
  EXPECT_EQ(doc.language.code, "id");
  EXPECT_TRUE(doc.language.paragraphs.empty());
}

TEST_F(LanguageIdentifierTest, EmptyOrLetterlessTextIsUndetermined) {
  Document doc;
  ASSERT_TRUE(id().Process(doc).ok());
  EXPECT_EQ(doc.language.code, "und");
  EXPECT_FALSE(doc.language.reliable);
  EXPECT_EQ(id().Identify("12345 67.890").code, "und");
}

TEST_F(LanguageIdentifierTest, InvalidUtf8DoesNotCrash) {
  const std::string text = kIndonesian[0] + std::string("\xff\xfe\xc3", 3);
  EXPECT_EQ(id().Identify(text).code, "id");
}

TEST_F(LanguageIdentifierTest, ParagraphSpansOutsideTheTextAreHarmless) {
  Document doc;
  doc.text = kIndonesian[0] + "\n" + kIndonesian[1];
  doc.paragraphs = {{{-5, 10}}, {{40, 4000}}, {{30, 20}}};
  ASSERT_TRUE(id().Process(doc).ok());
  EXPECT_EQ(doc.language.code, "id");
}

TEST(LanguageIdentifierCreateTest, RejectsAMissingModelAndBadOptions) {
  auto no_model = LanguageIdentifier::Create(LanguageOptions{});
  EXPECT_EQ(no_model.status().code(), absl::StatusCode::kInvalidArgument);
  LanguageOptions options;
  options.model = warta::testing::ReadFileOrDie(
      warta::testing::SourceDir() / "models" / std::string(kLanguageModelFile));
  options.model_temperature = 0;
  EXPECT_FALSE(LanguageIdentifier::Create(options).ok());
}

// The confusable-groups reranker (models/langid/confusable-v1.bin).
std::unique_ptr<LanguageIdentifier> MakeIdentifier(bool with_confusable) {
  LanguageOptions options;
  options.model = warta::testing::ReadFileOrDie(
      warta::testing::SourceDir() / "models" / std::string(kLanguageModelFile));
  if (with_confusable) {
    options.confusable_model = warta::testing::ReadFileOrDie(
        warta::testing::SourceDir() / "models" / std::string(kConfusableModelFile));
  }
  auto created = LanguageIdentifier::Create(options);
  EXPECT_TRUE(created.ok()) << created.status();
  return created.ok() ? std::move(*created) : nullptr;
}

TEST(ConfusableModelTest, TellsBosnianFromCroatianByTheirOwnWords) {
  auto identifier = MakeIdentifier(/*with_confusable=*/true);
  ASSERT_NE(identifier, nullptr);
  // Bosnian: historija, sedmica, hiljadu, univerzitet; Croatian: povijest,
  // tjedan, tisuću, sveučilište.
  EXPECT_EQ(identifier->Identify("Prošle sedmice je na univerzitetu "
                                 "održano predavanje o historiji Sarajeva "
                                 "pred hiljadu studenata.").code,
            "bs");
  EXPECT_EQ(identifier->Identify("Prošlog tjedna je na sveučilištu održano "
                                 "predavanje o povijesti Zagreba pred tisuću "
                                 "studenata.").code,
            "hr");
}

// The hand-written marker list (training/langid/bs_hr_sr_markers.tsv):
// month names, tisuća/hiljada, and Latin-script Serbian's ekavian forms
// (lingua's Serbian is Cyrillic only, so the model never saw it).
TEST(ConfusableModelTest, MarkerWordsTellTheThreeStandardsApart) {
  auto identifier = MakeIdentifier(/*with_confusable=*/true);
  ASSERT_NE(identifier, nullptr);
  EXPECT_EQ(identifier->Identify("Sjednica gradskog vijeća održat će se u srijedu, "
                                 "15. listopada, u velikoj dvorani.").code,
            "hr");
  EXPECT_EQ(identifier->Identify("Sjednica gradskog vijeća održat će se u srijedu, "
                                 "15. oktobra, u velikoj sali opštine.").code,
            "bs");
  EXPECT_EQ(identifier->Identify("Predsednik je rekao da će deca uvek imati mesto "
                                 "u školi, bez obzira na vreme.").code,
            "sr");
}

TEST(ConfusableModelTest, LeavesOtherLanguagesAndTheFamilyAlone) {
  auto with = MakeIdentifier(/*with_confusable=*/true);
  auto without = MakeIdentifier(/*with_confusable=*/false);
  ASSERT_NE(with, nullptr);
  ASSERT_NE(without, nullptr);
  for (const std::string& text :
       {std::string("The government will introduce a new policy to help "
                    "low-income families, the president said."),
        std::string("Die Regierung wird eine neue Politik einführen, sagte "
                    "der Präsident gestern."),
        kIndonesian[0], kMalay[1]}) {
    EXPECT_EQ(with->Identify(text).code, without->Identify(text).code) << text;
  }
  // CLD2 calls this Spanish; the reranker may only answer within the group.
  const LanguageResult spanish =
      with->Identify("El gobierno presentará una nueva política para ayudar a "
                     "las familias de bajos ingresos, dijo ayer el presidente.");
  EXPECT_EQ(spanish.code, "es");
}

TEST(ConfusableModelTest, RejectsACorruptConfusableModel) {
  LanguageOptions options;
  options.model = warta::testing::ReadFileOrDie(
      warta::testing::SourceDir() / "models" / std::string(kLanguageModelFile));
  options.confusable_model = "not a model";
  EXPECT_EQ(LanguageIdentifier::Create(options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

// Held-out lingua lines of the groups: the reranker must beat plain CLD2
// there (Bosnian 0.31 and Croatian 0.66 without it).
TEST(ConfusableModelTest, SharedDataHeldOutGroupsImprove) {
  WARTA_REQUIRE_SHARED_DATA(data);
  auto with = MakeIdentifier(/*with_confusable=*/true);
  auto without = MakeIdentifier(/*with_confusable=*/false);
  ASSERT_NE(with, nullptr);
  ASSERT_NE(without, nullptr);
  auto lingua = eval::ReadLinguaDir(data / "langid" / "lingua", eval::Half::kHeldOut);
  ASSERT_TRUE(lingua.ok()) << lingua.status();
  int total = 0, correct_with = 0, correct_without = 0;
  for (const eval::LabeledText& t : *lingua) {
    if (t.code != "bs" && t.code != "hr") continue;
    ++total;
    correct_with += with->Identify(t.text).code == t.code;
    correct_without += without->Identify(t.text).code == t.code;
  }
  ASSERT_EQ(total, 500);
  // README: 345 with it (bs 0.644, hr 0.736), 242 without.
  EXPECT_GE(correct_with, correct_without + 90);
}

TEST(SourceCountryDomainTest, FindsTheCountryCode) {
  EXPECT_EQ(SourceCountryDomain("https://www.thestar.com.my/news/x.html"), "my");
  EXPECT_EQ(SourceCountryDomain("kompas.co.id"), "id");
  EXPECT_EQ(SourceCountryDomain("antaranews.com"), "");
  EXPECT_EQ(SourceCountryDomain("http://detik.id:8080/a?b=c"), "id");
  EXPECT_EQ(SourceCountryDomain("kumparan"), "");
}

// Against the shared data: held-out halves only.
TEST_F(LanguageIdentifierTest, SharedDataHeldOutAccuracy) {
  WARTA_REQUIRE_SHARED_DATA(data);
  auto lingua = eval::ReadLinguaDir(data / "langid" / "lingua", eval::Half::kHeldOut);
  ASSERT_TRUE(lingua.ok()) << lingua.status();
  int id_total = 0, id_correct = 0, ms_total = 0, ms_correct = 0;
  for (const eval::LabeledText& t : *lingua) {
    if (t.code == "id") {
      ++id_total;
      id_correct += id().Identify(t.text).code == "id";
    } else if (t.code == "ms") {
      ++ms_total;
      ms_correct += id().Identify(t.text).code == "ms";
    }
  }
  ASSERT_GT(id_total, 200);
  ASSERT_GT(ms_total, 200);
  // CLD2 alone: 0.856 on this half.
  EXPECT_GE(static_cast<double>(id_correct) / id_total, 0.95) << "README reports 0.956";
  // CLD2 alone: 0.232; the README reports 0.428 (goal 0.80, missed: by
  // wordfreq's lists most of lingua's Malay lines are Indonesian).
  EXPECT_GE(static_cast<double>(ms_correct) / ms_total, 0.41);

  auto nusax = eval::ReadNusaxCsv(data / "langid" / "nusax" / "valid.csv");
  ASSERT_TRUE(nusax.ok()) << nusax.status();
  int jv_su_total = 0, called_id = 0;
  for (const eval::LabeledText& t : *nusax) {
    if (t.code != "jv" && t.code != "su") continue;
    ++jv_su_total;
    called_id += id().Identify(t.text).code == "id";
  }
  EXPECT_LE(called_id, jv_su_total / 50) << "Javanese/Sundanese called Indonesian";

  auto news = eval::ReadNewsJsonl(data / "news" / "indosum_articles.jsonl",
                                  eval::Half::kHeldOut);
  ASSERT_TRUE(news.ok()) << news.status();
  int wrong = 0;
  for (const eval::LabeledText& t : *news) {
    Document doc;
    doc.text = t.text;
    ASSERT_TRUE(id().Process(doc).ok());
    wrong += doc.language.code != "id";
  }
  EXPECT_LE(wrong, 2) << "of " << news->size() << " Indonesian articles";
}

}  // namespace
}  // namespace warta::enrichment
