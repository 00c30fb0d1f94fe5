#include "enrichment/claims/claim_extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "enrichment/quantities/quantity_tagger.h"
#include "tests/unit/claims/test_documents.h"

namespace warta::enrichment {
namespace {

using testing::ContentOf;
using testing::EntitySpec;
using testing::MakeDocument;
using testing::SpeakerOf;
using ::testing::Contains;
using ::testing::Each;
using ::testing::Eq;
using ::testing::ElementsAre;
using ::testing::Not;

// The quantities stage, then the claims stage.
std::vector<Claim> Extract(Document& doc, ClaimOptions options = {}) {
  EXPECT_TRUE(QuantityTagger::Create().value()->Process(doc).ok());
  auto extractor = ClaimExtractor::Create(options);
  EXPECT_TRUE(extractor.ok());
  EXPECT_TRUE((*extractor)->Process(doc).ok());
  return doc.claims;
}

const std::vector<EntitySpec> kStory = {
    {"Volodymyr Zelensky", EntityType::kPerson, {"Zelensky"}},
    {"Choe Son Hui", EntityType::kPerson, {"Choe"}},
    {"Sergei Lavrov", EntityType::kPerson, {"Lavrov"}},
    {"Vladimir Putin", EntityType::kPerson, {"Putin"}},
    {"Dmitry Peskov", EntityType::kPerson, {"Peskov"}},
    {"Annalena Baerbock", EntityType::kPerson, {"Baerbock"}},
    {"Kremlin", EntityType::kOrganization, {}},
    {"Amerika Serikat", EntityType::kLocation, {"AS"}},
    {"Rusia", EntityType::kLocation, {}},
    {"Korea Utara", EntityType::kLocation, {}},
    {"Ukraina", EntityType::kLocation, {}},
};

TEST(ClaimExtractorTest, QuoteWithCueAndNamedSpeakerAfter) {
  Document doc = MakeDocument(
      "“Kami melihat peningkatan jumlah warga Korea Utara,” kata Zelensky.", kStory);
  const auto claims = Extract(doc);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].kind, ClaimKind::kDirectQuote);
  EXPECT_EQ(SpeakerOf(doc, claims[0]), "Volodymyr Zelensky");
  EXPECT_EQ(doc.Text(claims[0].cue), "kata");
  EXPECT_EQ(ContentOf(doc, claims[0]), "Kami melihat peningkatan jumlah warga Korea Utara,");
  EXPECT_EQ(doc.Text(claims[0].speaker_span), "Zelensky");
  // Korea Utara is what the quote is about.
  ASSERT_EQ(claims[0].subject_entities.size(), 1u);
  EXPECT_EQ(doc.entities[claims[0].subject_entities[0]].name, "Korea Utara");
}

TEST(ClaimExtractorTest, CliticSpeakerSkipsNamesInsideTheQuote) {
  Document doc = MakeDocument(
      "“Kami akan selalu mendukung kawan-kawan Rusia kami,” kata Menlu Korea Utara Choe Son Hui. "
      "“Di bawah kepemimpinan Presiden Rusia Vladimir Putin, rakyat Rusia pasti menang,” tambahnya.",
      kStory);
  const auto claims = Extract(doc);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(SpeakerOf(doc, claims[0]), "Choe Son Hui");
  EXPECT_EQ(SpeakerOf(doc, claims[1]), "Choe Son Hui");
  EXPECT_EQ(doc.Text(claims[1].cue), "tambahnya");
}

TEST(ClaimExtractorTest, PronounAcrossASentenceWithoutPerson) {
  Document doc = MakeDocument(
      "Lavrov dari Rusia memuji hubungan dekat kedua negara. "
      "Sebelumnya, Moskwa menandatangani pakta pertahanan. "
      "“Hubungan yang sangat erat telah terjalin,” tuturnya.",
      kStory);
  const auto claims = Extract(doc);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(SpeakerOf(doc, claims[0]), "Sergei Lavrov");
}

TEST(ClaimExtractorTest, ReportedSpeechWithQuantity) {
  Document doc = MakeDocument(
      "Presiden Ukraina Volodymyr Zelensky mengatakan 11.000 tentara Korea Utara berada di "
      "wilayah Kursk.",
      kStory);
  const auto claims = Extract(doc);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].kind, ClaimKind::kReported);
  EXPECT_EQ(SpeakerOf(doc, claims[0]), "Volodymyr Zelensky");
  EXPECT_EQ(doc.Text(claims[0].cue), "mengatakan");
  EXPECT_EQ(ContentOf(doc, claims[0]),
            "11.000 tentara Korea Utara berada di wilayah Kursk");
  ASSERT_EQ(claims[0].quantities.size(), 1u);
  EXPECT_DOUBLE_EQ(claims[0].quantities[0].value, 11000);
  EXPECT_EQ(claims[0].quantities[0].unit, "tentara");
  EXPECT_EQ(claims[0].quantities[0].qualifier, "exact");
}

TEST(ClaimExtractorTest, SubjectPronounPrefersThePreviousSubject) {
  Document doc = MakeDocument(
      "Choe minggu lalu mengadakan pembicaraan dengan mitranya dari Rusia Sergei Lavrov. "
      "Ia mengatakan bahwa Korea Utara tetap berada di sisi Rusia.",
      kStory);
  const auto claims = Extract(doc);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(SpeakerOf(doc, claims[0]), "Choe Son Hui");
  EXPECT_EQ(doc.Text(claims[0].speaker_span), "Ia");
  EXPECT_EQ(ContentOf(doc, claims[0]), "Korea Utara tetap berada di sisi Rusia");
}

TEST(ClaimExtractorTest, OrganisationsAndCountriesSpeak) {
  Document doc = MakeDocument(
      "Amerika Serikat menuduh Rusia dan Tiongkok memberikan “perlindungan yang tidak tahu malu”. "
      "Pekan lalu, Kremlin mengatakan tidak ada rencana Putin bertemu Choe.",
      kStory);
  const auto claims = Extract(doc);
  ASSERT_EQ(claims.size(), 3u);
  EXPECT_EQ(SpeakerOf(doc, claims[0]), "Amerika Serikat");
  EXPECT_EQ(claims[0].kind, ClaimKind::kReported);
  EXPECT_EQ(SpeakerOf(doc, claims[1]), "Amerika Serikat");
  EXPECT_EQ(claims[1].kind, ClaimKind::kDirectQuote);
  EXPECT_EQ(ContentOf(doc, claims[1]), "perlindungan yang tidak tahu malu");
  EXPECT_EQ(SpeakerOf(doc, claims[2]), "Kremlin");
}

// Countries and organisations as subjects of reported speech, with the
// cues news uses for them ("mengatakan bahwa", "sebelumnya mengatakan",
// "masih meyakini"), whether or not the entities stage tagged the country.
TEST(ClaimExtractorTest, CountriesSpeakWithOrWithoutAnEntity) {
  const std::string text =
      "Lavrov bertemu Choe di Moskwa. Tak satu pun menteri menyebutkan laporan itu. "
      "AS mengatakan bahwa 8.000 tentara Korea Utara sedang berlatih di Rusia. "
      "Dilansir Reuters, AS sebelumnya mengatakan bahwa mereka telah melihat bukti "
      "Korea Utara mengirim 3.000 tentara ke Rusia. "
      "AS masih meyakini sedikitnya 3.000 tentara Korea Utara berlatih di Rusia timur, "
      "sementara Ukraina mengatakan pasukan itu sudah di Kursk. "
      "NATO juga menegaskan bahwa pasukan Korea Utara sudah dikerahkan.";
  const std::vector<EntitySpec> people_only = {
      {"Sergei Lavrov", EntityType::kPerson, {"Lavrov"}},
      {"Choe Son Hui", EntityType::kPerson, {"Choe"}},
  };
  struct Variant {
    const char* name;
    std::vector<EntitySpec> entities;
    const char* us;
  } const variants[] = {
      {"AS tagged", kStory, "Amerika Serikat"},
      {"AS missed by the NER", people_only, "AS"},
      {"no entities", {}, "AS"},
  };
  for (const Variant& v : variants) {
    SCOPED_TRACE(v.name);
    Document doc = MakeDocument(text, v.entities);
    doc.language.code = "id";
    const auto claims = Extract(doc);
    std::vector<std::string> speakers;
    std::vector<std::string> contents;
    for (const Claim& c : claims) {
      speakers.push_back(SpeakerOf(doc, c));
      contents.push_back(ContentOf(doc, c));
    }
    ASSERT_EQ(claims.size(), 4u) << ::testing::PrintToString(contents);
    EXPECT_EQ(speakers[0], v.us);
    EXPECT_EQ(contents[0], "8.000 tentara Korea Utara sedang berlatih di Rusia");
    EXPECT_EQ(speakers[1], v.us);
    EXPECT_THAT(contents[1], ::testing::StartsWith("mereka telah melihat bukti"));
    EXPECT_EQ(speakers[2], v.us);
    EXPECT_EQ(doc.Text(claims[2].cue), "meyakini");
    ASSERT_FALSE(claims[2].quantities.empty());
    EXPECT_DOUBLE_EQ(claims[2].quantities[0].value, 3000);
    EXPECT_EQ(claims[2].quantities[0].unit, "tentara");
    EXPECT_EQ(claims[2].quantities[0].qualifier, "at_least");
    EXPECT_EQ(speakers[3], "NATO");
  }
}

TEST(ClaimExtractorTest, EnglishCountrySpeakers) {
  Document doc = MakeDocument(
      "Lavrov met Choe in Moscow. The US believes at least 3,000 North Korean troops "
      "are training in Russia. Washington previously said that 8,000 troops had arrived. "
      "According to the Pentagon, about 10,000 troops are in Kursk.",
      {{"Sergei Lavrov", EntityType::kPerson, {"Lavrov"}},
       {"Choe Son Hui", EntityType::kPerson, {"Choe"}}});
  doc.language.code = "en";
  const auto claims = Extract(doc);
  std::vector<std::string> speakers;
  for (const Claim& c : claims) speakers.push_back(SpeakerOf(doc, c));
  EXPECT_THAT(speakers, ::testing::ElementsAre("US", "Washington", "Pentagon"));
  ASSERT_EQ(claims.size(), 3u);
  ASSERT_FALSE(claims[0].quantities.empty());
  EXPECT_EQ(claims[0].quantities[0].qualifier, "at_least");
  EXPECT_EQ(claims[0].quantities[0].unit, "troops");
}

TEST(ClaimExtractorTest, PartialQuoteInsideReportedSpeech) {
  Document doc = MakeDocument(
      "Choe menyampaikan “salam tulus, hangat, ramah” dari pemimpin Korea Utara.", kStory);
  const auto claims = Extract(doc);
  ASSERT_GE(claims.size(), 1u);
  const auto quote = std::find_if(claims.begin(), claims.end(), [](const Claim& c) {
    return c.kind == ClaimKind::kDirectQuote;
  });
  ASSERT_NE(quote, claims.end());
  EXPECT_EQ(ContentOf(doc, *quote), "salam tulus, hangat, ramah");
  EXPECT_EQ(SpeakerOf(doc, *quote), "Choe Son Hui");
  EXPECT_EQ(doc.Text(quote->cue), "menyampaikan");
}

TEST(ClaimExtractorTest, MenurutAndTrailingKata) {
  Document doc = MakeDocument(
      "Menurut Kremlin, pertemuan itu berlangsung sangat hangat. "
      "Choe dan Lavrov akan bertemu terlebih dahulu pada Selasa, kata juru bicara Kremlin "
      "Dmitry Peskov.",
      kStory);
  const auto claims = Extract(doc);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(SpeakerOf(doc, claims[0]), "Kremlin");
  EXPECT_EQ(ContentOf(doc, claims[0]), "pertemuan itu berlangsung sangat hangat");
  EXPECT_EQ(doc.Text(claims[0].cue), "Menurut");
  EXPECT_EQ(SpeakerOf(doc, claims[1]), "Dmitry Peskov");
  EXPECT_EQ(ContentOf(doc, claims[1]), "Choe dan Lavrov akan bertemu terlebih dahulu pada Selasa");
}

TEST(ClaimExtractorTest, TitleAloneResolvesToItsHolder) {
  Document doc = MakeDocument(
      "Presiden Joko Widodo memimpin rapat terbatas. "
      "”Saya minta semuanya harus bisa jalan minggu ini,” kata Presiden.",
      {{"Joko Widodo", EntityType::kPerson, {"Jokowi"}}});
  const auto claims = Extract(doc);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(SpeakerOf(doc, claims[0]), "Joko Widodo");
  EXPECT_EQ(doc.Text(claims[0].speaker_span), "Presiden");
}

TEST(ClaimExtractorTest, EnglishCues) {
  Document doc = MakeDocument(
      "Russian President Vladimir Putin met Choe in Moscow. "
      "“We are ready to welcome him,” she said. "
      "According to the Kremlin, the talks lasted two hours. "
      "Zelensky told reporters that 11,000 troops had reached Kursk.",
      kStory);
  doc.language.code = "en";
  const auto claims = Extract(doc);
  ASSERT_EQ(claims.size(), 3u);
  EXPECT_EQ(claims[0].kind, ClaimKind::kDirectQuote);
  EXPECT_EQ(SpeakerOf(doc, claims[0]), "Vladimir Putin");  // first person: subject
  EXPECT_EQ(SpeakerOf(doc, claims[1]), "Kremlin");
  EXPECT_EQ(ContentOf(doc, claims[1]), "the talks lasted two hours");
  EXPECT_EQ(SpeakerOf(doc, claims[2]), "Volodymyr Zelensky");
  EXPECT_EQ(ContentOf(doc, claims[2]), "11,000 troops had reached Kursk");
  ASSERT_EQ(claims[2].quantities.size(), 1u);
  EXPECT_DOUBLE_EQ(claims[2].quantities[0].value, 11000);
}

// The Reuters-style paragraph, with the entities today's English
// NER finds (not Blinken, not Peskov; "The Pentagon told Reuters" as one).
TEST(ClaimExtractorTest, EnglishNewsOrderContentBeforeTheCue) {
  Document doc = MakeDocument(
      "About 8,000 North Korean soldiers are now in Russia's Kursk region and are expected to "
      "join the fight against Ukraine in the coming days, U.S. Secretary of State Antony "
      "Blinken said on Thursday.\n\n"
      "Blinken told reporters at the State Department that Washington had not yet seen the "
      "troops enter combat. Kremlin spokesman Dmitry Peskov said Moscow would not comment.\n\n"
      "The Pentagon told Reuters it was watching the deployment closely. "
      "Russia has a long border, said Blinken.",
      {{"State Department", EntityType::kOrganization, {}},
       {"Kremlin", EntityType::kOrganization, {}},
       {"Ukraine", EntityType::kLocation, {}},
       {"The Pentagon told Reuters", EntityType::kOrganization, {}}});
  doc.language.code = "en";
  const auto claims = Extract(doc);
  ASSERT_EQ(claims.size(), 5u);
  EXPECT_EQ(SpeakerOf(doc, claims[0]), "Antony Blinken");
  EXPECT_EQ(doc.Text(claims[0].cue), "said");
  EXPECT_EQ(ContentOf(doc, claims[0]),
            "About 8,000 North Korean soldiers are now in Russia's Kursk region and are expected "
            "to join the fight against Ukraine in the coming days");
  ASSERT_EQ(claims[0].quantities.size(), 1u);
  EXPECT_DOUBLE_EQ(claims[0].quantities[0].value, 8000);
  EXPECT_EQ(claims[0].quantities[0].qualifier, "approximately");
  // "told reporters at the State Department that ...": the addressee is not
  // the content, and "Blinken" is the Antony Blinken who spoke before.
  EXPECT_EQ(SpeakerOf(doc, claims[1]), "Antony Blinken");
  EXPECT_EQ(ContentOf(doc, claims[1]), "Washington had not yet seen the troops enter combat");
  EXPECT_EQ(SpeakerOf(doc, claims[2]), "Dmitry Peskov");
  EXPECT_EQ(ContentOf(doc, claims[2]), "Moscow would not comment");
  EXPECT_EQ(SpeakerOf(doc, claims[3]), "Pentagon");
  EXPECT_EQ(ContentOf(doc, claims[3]), "it was watching the deployment closely");
  EXPECT_EQ(SpeakerOf(doc, claims[4]), "Antony Blinken");
  EXPECT_EQ(ContentOf(doc, claims[4]), "Russia has a long border");
}

TEST(ClaimExtractorTest, EnglishAccordingToAndSaidInAStatement) {
  Document doc = MakeDocument(
      "Ukrainian President Volodymyr Zelenskiy said in a statement that some 10,000 North "
      "Korean troops were already in Russia. According to South Korea's spy agency, as many as "
      "12,000 troops have been sent.",
      {{"Volodymyr Zelenskiy", EntityType::kPerson, {}},
       {"Ukrainian President", EntityType::kOrganization, {}}});
  doc.language.code = "en";
  const auto claims = Extract(doc);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(SpeakerOf(doc, claims[0]), "Volodymyr Zelenskiy");
  EXPECT_EQ(ContentOf(doc, claims[0]), "some 10,000 North Korean troops were already in Russia");
  EXPECT_EQ(SpeakerOf(doc, claims[1]), "South Korea");
  EXPECT_EQ(ContentOf(doc, claims[1]), "as many as 12,000 troops have been sent");
  ASSERT_EQ(claims[1].quantities.size(), 1u);
  EXPECT_EQ(claims[1].quantities[0].qualifier, "at_most");
}

// "CONTENT, X told a news conference / state media": whom the speaker told
// is no part of the claim, whether a name, a group or an event; the claim
// with the 6% figure had been missed.
TEST(ClaimExtractorTest, EnglishToldAnAudienceAfterTheContent) {
  Document doc = MakeDocument(
      "The central bank held its benchmark rate at 6% on Wednesday, Governor Perry Warjiyo "
      "told a news conference in Jakarta. Exports rose 12% in October, Trade Minister Budi "
      "Santoso told state media. Imports fell sharply, Budi Santoso told the press. "
      "\"We have never seen the rupiah this weak,\" Warjiyo told a news conference in the "
      "capital.",
      {{"Perry Warjiyo", EntityType::kPerson, {"Warjiyo"}},
       {"Budi Santoso", EntityType::kPerson, {}}});
  doc.language.code = "en";
  const auto claims = Extract(doc);
  // The quote is the last claim; where the conference was is none.
  ASSERT_EQ(claims.size(), 4u);
  EXPECT_EQ(claims[3].kind, ClaimKind::kDirectQuote);
  EXPECT_EQ(SpeakerOf(doc, claims[3]), "Perry Warjiyo");
  EXPECT_EQ(SpeakerOf(doc, claims[0]), "Perry Warjiyo");
  EXPECT_EQ(ContentOf(doc, claims[0]), "The central bank held its benchmark rate at 6% on Wednesday");
  EXPECT_EQ(SpeakerOf(doc, claims[1]), "Budi Santoso");
  EXPECT_EQ(ContentOf(doc, claims[1]), "Exports rose 12% in October");
  EXPECT_EQ(ContentOf(doc, claims[2]), "Imports fell sharply");
}

// "CONTENT, X said on Monday, a move that could ...": the appositive after
// the cue is about the content; the claim is what comes before ("could
// tighten global markets" had been the claim).
TEST(ClaimExtractorTest, EnglishAppositiveAfterAnInvertedCueIsNoClaim) {
  Document doc = MakeDocument(
      "Indonesia will cut its coal exports by 10% next year, Energy Minister Bahlil "
      "Lahadalia said on Monday, a move that could tighten global markets.",
      {{"Bahlil Lahadalia", EntityType::kPerson, {}}, {"Indonesia", EntityType::kLocation, {}}});
  doc.language.code = "en";
  const auto claims = Extract(doc);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(SpeakerOf(doc, claims[0]), "Bahlil Lahadalia");
  EXPECT_EQ(ContentOf(doc, claims[0]), "Indonesia will cut its coal exports by 10% next year");
}

// "Police in East Java said": the head comes before "in", and the place
// is not who spoke; "The Red Cross in Geneva said" is the Red Cross.
TEST(ClaimExtractorTest, EnglishPlaceAfterInIsNotTheSpeaker) {
  Document doc = MakeDocument(
      "Police in East Java said at least 15 people were killed in the crash. "
      "The Red Cross in Geneva said it had sent 40 tonnes of supplies.",
      {{"East Java", EntityType::kLocation, {}},
       {"Red Cross", EntityType::kOrganization, {}},
       {"Geneva", EntityType::kLocation, {}}});
  doc.language.code = "en";
  const auto claims = Extract(doc);
  for (const Claim& c : claims) EXPECT_NE(SpeakerOf(doc, c), "East Java") << ContentOf(doc, c);
  ASSERT_FALSE(claims.empty());
  EXPECT_EQ(SpeakerOf(doc, claims.back()), "Red Cross");
  EXPECT_EQ(ContentOf(doc, claims.back()), "it had sent 40 tonnes of supplies");
}

// Wire style: a quote continued over paragraphs, each reopened with a mark
// and only the last closed; the speaker is named once, in the first.
TEST(ClaimExtractorTest, EnglishQuoteSpanningParagraphsKeepsItsSpeaker) {
  Document doc = MakeDocument(
      "\"We are still hearing voices under the collapsed floors,\" said fire chief Daniel "
      "Okafor. \"We will not stop until every family knows.\n\n"
      "\"Every hour counts now, and our teams are exhausted but determined.\"\n\n"
      "The city has asked neighbouring provinces for more rescue dogs.",
      {{"Daniel Okafor", EntityType::kPerson, {"Okafor"}}});
  doc.language.code = "en";
  const auto claims = Extract(doc);
  ASSERT_EQ(claims.size(), 3u);
  for (const Claim& c : claims) {
    EXPECT_EQ(c.kind, ClaimKind::kDirectQuote);
    EXPECT_EQ(SpeakerOf(doc, c), "Daniel Okafor") << ContentOf(doc, c);
  }
  EXPECT_EQ(ContentOf(doc, claims[1]), "We will not stop until every family knows.");
  EXPECT_EQ(ContentOf(doc, claims[2]),
            "Every hour counts now, and our teams are exhausted but determined.");
}

TEST(ClaimExtractorTest, MerekaIsTheOrganisationItRefersTo) {
  Document doc = MakeDocument(
      "Komnas HAM menerima laporan keluarga korban pada Senin. Mereka menyatakan bahwa "
      "penyelidikan akan dilanjutkan pekan depan. “Kami akan memanggil semua saksi yang ada,” "
      "kata mereka.\n\n"
      "Warga berkumpul di depan kantor desa. Mereka mengatakan bahwa harga beras terus naik "
      "sejak awal bulan.",
      {{"Komnas HAM", EntityType::kOrganization, {}}});
  const auto claims = Extract(doc);
  ASSERT_GE(claims.size(), 2u);
  EXPECT_EQ(SpeakerOf(doc, claims[0]), "Komnas HAM");
  EXPECT_EQ(ContentOf(doc, claims[0]), "penyelidikan akan dilanjutkan pekan depan");
  EXPECT_EQ(doc.Text(claims[0].speaker_span), "Mereka");
  EXPECT_EQ(SpeakerOf(doc, claims[1]), "Komnas HAM");
  // A crowd is nobody in particular: no claim names "Mereka" or "Warga".
  for (const Claim& c : claims) {
    EXPECT_NE(SpeakerOf(doc, c), "Mereka");
    EXPECT_NE(SpeakerOf(doc, c), "Warga");
  }
}

TEST(ClaimExtractorTest, WithoutEntitiesSpeakerNameComesFromTheText) {
  Document doc = MakeDocument(
      "“Sekarang mereka akan belajar peperangan modern,” ujar Zelensky. "
      "“Kami siap,” katanya.",
      {});
  const auto claims = Extract(doc);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].speaker_entity, -1);
  EXPECT_EQ(claims[0].speaker_name, "Zelensky");
  EXPECT_EQ(claims[1].speaker_name, "Zelensky");
}

TEST(ClaimExtractorTest, CapitalisedFunctionWordsAreNotSpeakers) {
  Document doc = MakeDocument(
      "Selain menyebut seluruh tersangka, KPK juga menyebut satu orang berinisial FA "
      "sebagai tersangka baru. Polisi mengatakan bahwa kedua pelaku sudah diserahkan "
      "kepada polisi setempat.",
      {{"KPK", EntityType::kOrganization, {}}});
  const auto claims = Extract(doc);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(SpeakerOf(doc, claims[0]), "KPK");
  EXPECT_EQ(ContentOf(doc, claims[0]), "satu orang berinisial FA sebagai tersangka baru");
}

TEST(ClaimExtractorTest, TitleTaggedAsAPersonGoesToTheNameAfterIt) {
  Document doc = MakeDocument(
      "Prof Dr Arry Reksodiputro menjelaskan hal itu. "
      "“Daya tahan tubuh menurun,” ujar dia.",
      {{"Prof Dr", EntityType::kPerson, {}}, {"Arry Reksodiputro", EntityType::kPerson, {}}});
  const auto claims = Extract(doc);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(SpeakerOf(doc, claims[0]), "Arry Reksodiputro");
}

TEST(ClaimExtractorTest, TitleAloneWithNobodyHoldingItLeavesTheSpeakerUnresolved) {
  Document doc = MakeDocument("“Kami siap membantu semua korban,” kata Menteri.", {});
  const auto claims = Extract(doc);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].speaker_entity, -1);
  EXPECT_EQ(claims[0].speaker_name, "");
}

TEST(ClaimExtractorTest, FirstNameIsTheArticlesOnePersonWithIt) {
  Document doc = MakeDocument(
      "Wakil Gubernur Sandiaga Uno meninjau Tanah Abang bersama David Ndii dan David Lee. "
      "“Mereka hadir karena diperlukan oleh pengguna kereta,” kata Sandi. "
      "“Penataan harus segera dilakukan,” ujar David.",
      {{"Sandiaga Uno", EntityType::kPerson, {}},
       {"Sandi", EntityType::kPerson, {}},
       {"David Ndii", EntityType::kPerson, {}},
       {"David Lee", EntityType::kPerson, {}},
       {"David", EntityType::kPerson, {}}});
  const auto claims = Extract(doc);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(SpeakerOf(doc, claims[0]), "Sandiaga Uno");
  EXPECT_EQ(doc.Text(claims[0].speaker_span), "Sandi");
  // Two Davids: which one spoke is not known.
  EXPECT_EQ(claims[1].speaker_entity, -1);
  EXPECT_EQ(claims[1].speaker_name, "");
}

TEST(ClaimExtractorTest, ScareQuotesAndNegatedCuesAreNotClaims) {
  Document doc = MakeDocument(
      "Rusia menyebut perang itu “operasi khusus” sejak awal. "
      "Putin tidak membantah kehadiran pasukan Korea Utara di negaranya.",
      kStory);
  ClaimOptions options;
  options.reported_speech = false;
  const auto claims = Extract(doc, options);
  // The quote is cued by "menyebut" (Rusia says it), the negated verb is
  // not a claim.
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(ContentOf(doc, claims[0]), "operasi khusus");
  Document plain = MakeDocument("Sebuah film berjudul “Dua Hati” tayang pekan ini.", {});
  EXPECT_TRUE(Extract(plain).empty());
}

// The content stops before the final "%", the quantity does not.
TEST(ClaimExtractorTest, QuantitiesAreTheTaggedOnesWithTheirUnit) {
  Document doc = MakeDocument(
      "Peskov mengatakan bahwa dukungan kepada pemerintah naik menjadi 65%.",
      {{"Dmitry Peskov", EntityType::kPerson, {"Peskov"}}});
  doc.language.code = "id";
  const auto claims = Extract(doc);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(ContentOf(doc, claims[0]), "dukungan kepada pemerintah naik menjadi 65");
  ASSERT_EQ(claims[0].quantities.size(), 1u);
  EXPECT_DOUBLE_EQ(claims[0].quantities[0].value, 65);
  EXPECT_EQ(claims[0].quantities[0].unit, "%");
}

TEST(ClaimExtractorTest, RejectsSpansOutsideTheText) {
  Document doc;
  doc.text = "pendek";
  doc.sentences.push_back(Sentence{Span{0, 100}, 0, 0});
  auto extractor = ClaimExtractor::Create({});
  ASSERT_TRUE(extractor.ok());
  EXPECT_FALSE((*extractor)->Process(doc).ok());
}

// The speakers of `text`'s claims, in order, with `entities` as the NER's.
std::vector<std::string> Speakers(const std::string& text, const std::vector<EntitySpec>& entities) {
  Document doc = MakeDocument(text, entities);
  std::vector<std::string> speakers;
  for (const Claim& c : Extract(doc)) speakers.push_back(SpeakerOf(doc, c));
  return speakers;
}

// Between the subject and its verb, a time or place between commas says
// when or where, and a lower-case description says what the person is:
// neither is the speaker.
TEST(ClaimExtractorTest, AsidesBetweenSubjectAndVerbAreSkipped) {
  EXPECT_THAT(
      Speakers("Wali Kota Budi Santoso, di Surabaya, Sabtu (19/9/2020), mengatakan, pasien "
               "harus menjalani tes ulang di puskesmas. Ani Wijaya, ketua tim relawan kota, "
               "menyatakan bahwa relawan siap membantu petugas. Ani Wijaya, saat dihubungi "
               "Kamis (4/6/2020), mengatakan, bantuan sudah tiba di semua kelurahan.",
               {{"Budi Santoso", EntityType::kPerson, {}},
                {"Surabaya", EntityType::kLocation, {}},
                {"Ani Wijaya", EntityType::kPerson, {}}}),
      ElementsAre("Budi Santoso", "Ani Wijaya", "Ani Wijaya"));
}

// "kata peneliti Lembaga X (LX), Dewi": the abbreviation in brackets is
// part of the phrase, and the name after it speaks.
TEST(ClaimExtractorTest, BracketedAbbreviationAfterACueKeepsTheName) {
  EXPECT_THAT(Speakers("”Wabah ini menyebar dengan cepat karena globalisasi,” kata peneliti "
                       "Lembaga Riset Nasional (LRN), Dewi Lestari, dalam diskusi daring.",
                       {{"Lembaga Riset Nasional", EntityType::kOrganization, {"LRN"}},
                        {"Dewi Lestari", EntityType::kPerson, {}}}),
              ElementsAre("Dewi Lestari"));
}

// "kata Presiden" is the president's words, not those of the minister
// named after "Presiden," in a list.
TEST(ClaimExtractorTest, ATitleBelongsToTheNameRightAfterIt) {
  EXPECT_THAT(Speakers("Presiden Joko Widodo meresmikan bandara baru. Turut mendampingi "
                       "Presiden, Menteri Perhubungan Budi Karya. ”Semoga bandara ini memicu "
                       "pertumbuhan ekonomi,” kata Presiden.",
                       {{"Joko Widodo", EntityType::kPerson, {}},
                        {"Budi Karya", EntityType::kPerson, {}}}),
              ElementsAre("Joko Widodo"));
}

// A "person" the NER made of an acronym or of a place's name is nobody a
// later "katanya" stands for.
TEST(ClaimExtractorTest, DoubtfulOneWordPeopleAreNoAntecedents) {
  EXPECT_THAT(Speakers("Wiwik menjelaskan, uji coba masih berjalan di Kota Manado. KRL itu akan "
                       "berhenti di 11 stasiun di Manado. ”Sekarang kereta berhenti lebih "
                       "sering,” katanya.",
                       {{"Wiwik Widayanti", EntityType::kPerson, {"Wiwik"}},
                        {"KRL", EntityType::kPerson, {}},
                        {"Manado", EntityType::kPerson, {}},
                        {"Kota Manado", EntityType::kLocation, {}}}),
              ElementsAre("Wiwik Widayanti", "Wiwik Widayanti"));
}

// "sebagian umat Muslim menilai": a group of people, nobody in particular.
TEST(ClaimExtractorTest, AGroupQualifiedByANameIsNoSpeaker) {
  EXPECT_THAT(Speakers("Abdul Muti menuturkan, pembatasan di tempat ibadah terlalu ketat. Sebab, "
                       "sebagian umat Muslim menilai pemerintah tidak berlaku adil dalam "
                       "penegakan aturan.",
                       {{"Abdul Muti", EntityType::kPerson, {}}}),
              Not(Contains("Muslim")));
}

// Within one sentence, "katanya" is whoever that sentence already gave
// words to, not a person named before them.
TEST(ClaimExtractorTest, CliticTakesTheSentencesSpeakerBeforeOtherPeople) {
  EXPECT_THAT(Speakers("Didampingi Rina Sari, Bambang Suponco mengatakan, tamu wajib memakai "
                       "masker, ”protokol kesehatan juga menjadi bagian dari promosi kami,” "
                       "katanya.",
                       {{"Rina Sari", EntityType::kPerson, {}},
                        {"Bambang Suponco", EntityType::kPerson, {}}}),
              Each(Eq("Bambang Suponco")));
}

// "terangnya" and the typo "ujanya" are clitics like "ujarnya": the
// speaker is the one who spoke before, not a name after the cue.
TEST(ClaimExtractorTest, CliticCuesResolveToThePreviousSpeaker) {
  EXPECT_THAT(Speakers("Eddy Christijanto mengatakan, petugas kecamatan boleh menindak. "
                       "”Jadi sekarang tidak tergantung sama satpol PP,” terangnya. ”Semua "
                       "petugas sudah siap,” ujanya.",
                       {{"Eddy Christijanto", EntityType::kPerson, {}}}),
              ElementsAre("Eddy Christijanto", "Eddy Christijanto", "Eddy Christijanto"));
}

// A "person" the NER made of a place's words ("Pulo Gebang" of "Terminal
// Pulo Gebang") or of an item in a list of places is nobody a later
// "katanya" stands for: it is the one who spoke before.
TEST(ClaimExtractorTest, MistypedPlacesAreNoSpeakers) {
  EXPECT_THAT(Speakers("Bernad Pasaribu mengatakan, dua penumpang dikarantina. Mereka tiba di "
                       "Terminal Pulo Gebang kemarin, lalu Pulo Gebang ditutup. ”Kami bawa ke "
                       "GOR,” katanya.",
                       {{"Bernad Pasaribu", EntityType::kPerson, {}},
                        {"Terminal Pulo Gebang", EntityType::kLocation, {}},
                        {"Pulo Gebang", EntityType::kPerson, {}}}),
              ElementsAre("Bernad Pasaribu", "Bernad Pasaribu"));
  EXPECT_THAT(Speakers("Wiwik Widayanti menjelaskan, jadwal baru berlaku pekan depan. KRL itu "
                       "berhenti di Klaten, Ceper, Delanggu, dan Purwosari. ”Sekarang kereta "
                       "berhenti lebih sering,” katanya.",
                       {{"Wiwik Widayanti", EntityType::kPerson, {}},
                        {"Klaten", EntityType::kLocation, {}},
                        {"Ceper", EntityType::kPerson, {}},
                        {"Delanggu", EntityType::kLocation, {}},
                        {"Purwosari", EntityType::kLocation, {}}}),
              ElementsAre("Wiwik Widayanti", "Wiwik Widayanti"));
}

// "Marullah Matali, Wali Kota Jakarta Selatan, ... membenarkan": the
// office between the commas describes the person before them.
TEST(ClaimExtractorTest, AnOfficeBetweenCommasDescribesThePersonBefore) {
  EXPECT_THAT(Speakers("Marullah Matali, Wali Kota Jakarta Selatan, yang dihubungi, juga "
                       "membenarkan penonaktifan lurah itu. ”Pemeriksaan dilakukan pekan ini,” "
                       "katanya.",
                       {{"Marullah Matali", EntityType::kPerson, {}},
                        {"Jakarta Selatan", EntityType::kLocation, {}}}),
              ElementsAre("Marullah Matali", "Marullah Matali"));
}

// "Sebab, menurut dia, Tarawih adalah ...": the pronoun is that
// sentence's subject, so a later "tuturnya" is the person named before.
TEST(ClaimExtractorTest, APronounBeforeANameSendsTheCliticFurtherBack) {
  EXPECT_THAT(Speakers("Nasaruddin menegaskan, ibadah dapat dilakukan di rumah. Sebab, menurut "
                       "dia, Tarawih adalah ibadah sunah. ”Saya memahami umat rindu ibadah "
                       "berjemaah,” tuturnya.",
                       {{"Nasaruddin", EntityType::kPerson, {}},
                        {"Tarawih", EntityType::kPerson, {}}}),
              ElementsAre("Nasaruddin", "Nasaruddin"));
}

// "kata Head of Startupindonesia.co Erwin Arifin": a domain name does not
// end the phrase naming the speaker.
TEST(ClaimExtractorTest, ADomainNameInsideTheSpeakerPhrase) {
  EXPECT_THAT(Speakers("”Saya sangat yakin dengan perkembangan teknologi,” kata Head of "
                       "Startupindonesia.co Erwin Arifin.",
                       {{"Erwin Arifin", EntityType::kPerson, {}}}),
              ElementsAre("Erwin Arifin"));
}

}  // namespace
}  // namespace warta::enrichment
