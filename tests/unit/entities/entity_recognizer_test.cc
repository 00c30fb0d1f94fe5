#include "enrichment/entities/entity_recognizer.h"

#include <map>

#include "enrichment/entities/name_key.h"
#include "enrichment/segment/segmenter.h"
#include "gmock/gmock.h"
#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/testing/shared_data.h"

namespace warta::enrichment {
namespace {

using ::testing::Contains;
using ::testing::Not;

std::string ModelBytes() {
  static const std::string* bytes = new std::string(
      warta::testing::ReadFileOrDie(warta::testing::SourceDir() / "models/ner/ner.model"));
  return *bytes;
}

const EntityRecognizer& Recognizer() {
  static const EntityRecognizer* r = [] {
    EntityOptions options;
    options.model = ModelBytes();
    auto created = EntityRecognizer::Create(options);
    if (!created.ok()) std::abort();
    return created->release();
  }();
  return *r;
}

// The segment stage's tokens and sentences of `doc.text`.
void Segment(Document& doc) {
  static const Segmenter* segmenter = Segmenter::Create({}).value().release();
  ASSERT_TRUE(segmenter->Process(doc).ok());
}

std::vector<Entity> Entities(const EntityRecognizer& r, std::string text,
                             std::string language = "id") {
  Document doc;
  doc.text = std::move(text);
  Segment(doc);
  doc.language.code = std::move(language);
  EXPECT_TRUE(r.Process(doc).ok());
  return doc.entities;
}

// The entity with a mention whose text is `surface`; nullptr when none.
const Entity* WithMention(const std::vector<Entity>& entities, const std::string& text,
                          std::string_view surface) {
  for (const Entity& e : entities) {
    for (const Mention& m : e.mentions) {
      if (std::string_view(text).substr(m.span.begin, m.span.size()) == surface) return &e;
    }
  }
  return nullptr;
}

// The canonical name of the entity `text` mentions as `surface` ("" when
// none does).
std::string NameFor(const std::vector<Entity>& entities, const std::string& text,
                    std::string_view surface) {
  const Entity* e = WithMention(entities, text, surface);
  return e == nullptr ? "" : e->name;
}

const Entity* Named(const std::vector<Entity>& entities, std::string_view name) {
  for (const Entity& e : entities) {
    if (NameKey(e.name) == NameKey(name)) return &e;
  }
  return nullptr;
}

TEST(EntityRecognizerTest, RolesAreAttributesNotPartOfTheName) {
  const std::string text =
      "Menteri Luar Negeri Korea Utara Choe Son Hui bertemu Presiden Rusia Vladimir Putin. "
      "Juru bicara Departemen Luar Negeri AS Matthew Miller mengatakan hal itu.";
  const auto entities = Entities(Recognizer(), text);
  const Entity* choe = Named(entities, "Choe Son Hui");
  ASSERT_NE(choe, nullptr);
  EXPECT_EQ(choe->type, EntityType::kPerson);
  EXPECT_THAT(choe->roles, Contains("Menteri Luar Negeri Korea Utara"));
  const Entity* miller = Named(entities, "Matthew Miller");
  ASSERT_NE(miller, nullptr);
  EXPECT_THAT(miller->roles, Contains("Juru bicara Departemen Luar Negeri AS"));
  const Entity* putin = Named(entities, "Vladimir Putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_THAT(putin->roles, Contains("Presiden Rusia"));
}

// Each alias group of the issue ends as one entity.
// A kind of place alone is a common noun: it must not become a place
// that later speaks ("Taman ... mengumumkan").
TEST(EntityRecognizerTest, AKindOfPlaceAloneIsNoEntity) {
  const std::string text =
      "Taman bermain Disneyland Hong Kong mengumumkan akan melakukan perluasan wilayah.";
  const auto entities = Entities(Recognizer(), text);
  EXPECT_EQ(WithMention(entities, text, "Taman"), nullptr);
  // The place after it is still found, alone or as the park's name.
  const Entity* place = WithMention(entities, text, "Hong Kong");
  if (place == nullptr) place = WithMention(entities, text, "Disneyland Hong Kong");
  ASSERT_NE(place, nullptr);
  EXPECT_EQ(place->type, EntityType::kLocation);
}

TEST(EntityRecognizerTest, AliasGroupsEndAsOneEntity) {
  struct Case {
    std::string text;
    std::vector<std::string> surfaces;
  };
  const std::vector<Case> cases = {
      {"Menteri Luar Negeri Choe Son Hui tiba kemarin. Choe mengatakan Korea Utara siap. "
       "Menurut Choe Son-hui, kunjungan itu penting.",
       {"Choe Son Hui", "Choe", "Choe Son-hui"}},
      {"Pemimpin Korea Utara Kim Jong-un menyambut tamu. Kim Jong-Un tersenyum. "
       "Kantor berita melaporkan Kim Jong Un puas.",
       {"Kim Jong-un", "Kim Jong-Un", "Kim Jong Un"}},
      {"Presiden Ukraina Volodymyr Zelenskyy berpidato. Zelensky meminta bantuan.",
       {"Volodymyr Zelenskyy", "Zelensky"}},
      {"Presiden Rusia Vladimir Putin berbicara di Moskow. Putin menyebut Moskwa aman. "
       "Pasukan kembali ke Moscow.",
       {"Vladimir Putin", "Putin"}},
      {"Pasukan Rusia mendekati Kiev pekan lalu. Warga Kyiv bertahan.", {"Kiev", "Kyiv"}},
      {"Rudal Korut jatuh di laut. Pemerintah Korea Utara membantah.", {"Korut", "Korea Utara"}},
      {"Pejabat AS tiba di Jakarta. Pemerintah Amerika Serikat menyambut baik.",
       {"AS", "Amerika Serikat"}},
  };
  for (const Case& c : cases) {
    const auto entities = Entities(Recognizer(), c.text);
    const Entity* first = WithMention(entities, c.text, c.surfaces[0]);
    ASSERT_NE(first, nullptr) << c.surfaces[0] << " not found in: " << c.text;
    for (const std::string& s : c.surfaces) {
      EXPECT_EQ(WithMention(entities, c.text, s), first) << s << " is not " << first->name;
    }
  }
  const std::string moscow = "Presiden Rusia Vladimir Putin berbicara di Moskow. Putin menyebut Moskwa aman.";
  const auto entities = Entities(Recognizer(), moscow);
  const Entity* m = WithMention(entities, moscow, "Moskow");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m, WithMention(entities, moscow, "Moskwa"));
  EXPECT_EQ(m->type, EntityType::kLocation);
}

// Abbreviations that are also words count only in capitals; an article
// before a country is no part of it; "Barat" alone is the West, in "Jawa
// Barat" part of a province.
// "Presiden Joko Widodo (Jokowi)": the bracketed nickname is the same
// person from then on (and speaks as him); a place in brackets after a
// place is not a nickname.
TEST(EntityRecognizerTest, ANicknameInBracketsIsTheNameBeforeIt) {
  const std::string text =
      "Presiden Joko Widodo (Jokowi) meresmikan jalan tol di Medan, Senin. Jokowi mengatakan "
      "proyek itu selesai tepat waktu. Gubernur Basuki Tjahaja Purnama (Ahok) hadir.";
  const auto entities = Entities(Recognizer(), text);
  const Entity* jokowi = WithMention(entities, text, "Jokowi");
  ASSERT_NE(jokowi, nullptr);
  EXPECT_EQ(jokowi->name, "Joko Widodo");
  EXPECT_EQ(jokowi->mentions.size(), 3u);
  EXPECT_THAT(jokowi->aliases, Contains("Jokowi"));
  ASSERT_EQ(jokowi->nicknames.size(), 1u);
  EXPECT_EQ(jokowi->nicknames[0].name, "Jokowi");
  EXPECT_EQ(NameFor(entities, text, "Ahok"), "Basuki Tjahaja Purnama");

  const std::string places = "Banjir melanda Kabupaten Bandung Barat (Cimahi) sejak kemarin.";
  const auto place_entities = Entities(Recognizer(), places);
  const Entity* cimahi = WithMention(place_entities, places, "Cimahi");
  if (cimahi != nullptr) EXPECT_EQ(cimahi->name, "Cimahi");
}

// "X alias Y" names one person twice: IndoSum writes it 127 times ("Andi
// Agustinus alias Andi Narogong" 18), and each had given two people, so a
// later "Andi Narogong mengaku" was someone else's claim.
TEST(EntityRecognizerTest, ANameAfterAliasIsTheSamePerson) {
  const std::string text =
      "Jaksa menghadirkan Andi Agustinus alias Andi Narogong dalam sidang kasus e-KTP. Andi "
      "Narogong mengaku menerima uang. Gubernur DKI Jakarta Basuki Tjahaja Purnama alias Ahok "
      "hadir.";
  const auto entities = Entities(Recognizer(), text);
  const Entity* andi = WithMention(entities, text, "Andi Narogong");
  ASSERT_NE(andi, nullptr);
  EXPECT_EQ(andi->name, "Andi Agustinus");
  EXPECT_EQ(andi->mentions.size(), 3u);
  EXPECT_THAT(andi->aliases, Contains("Andi Narogong"));
  // The store links other articles' "Andi Narogong" by it.
  ASSERT_EQ(andi->nicknames.size(), 1u);
  EXPECT_EQ(andi->nicknames[0].name, "Andi Narogong");
  // With the id an article that says only "Andi Narogong" gives him.
  const std::string alone = "Andi Narogong mengaku menerima uang.";
  const auto alone_entities = Entities(Recognizer(), alone);
  const Entity* narogong = WithMention(alone_entities, alone, "Andi Narogong");
  ASSERT_NE(narogong, nullptr);
  EXPECT_EQ(andi->nicknames[0].id, narogong->id);
  EXPECT_EQ(NameFor(entities, text, "Ahok"), "Basuki Tjahaja Purnama");
}

// A club's nickname is the club when the article names it: "The Gunners"
// was an organisation of its own in 26 articles of the news demo. "The
// Blues" is Chelsea in a Chelsea report, Everton in an Everton one, and
// nobody's where the article names neither.
TEST(EntityRecognizerTest, AClubsNicknameIsTheClubTheArticleNames) {
  const std::string text =
      "Arsenal menang 2-0 atas Everton di Stadion Emirates. The Gunners tampil dominan sejak "
      "menit awal, sementara The Blues kesulitan keluar dari tekanan.";
  const auto entities = Entities(Recognizer(), text);
  const Entity* arsenal = WithMention(entities, text, "The Gunners");
  ASSERT_NE(arsenal, nullptr);
  EXPECT_EQ(arsenal->name, "Arsenal");
  ASSERT_EQ(arsenal->nicknames.size(), 1u);
  EXPECT_EQ(arsenal->nicknames[0].name, "The Gunners");
  EXPECT_EQ(NameFor(entities, text, "The Blues"), "Everton");

  const std::string alone = "The Blues kesulitan keluar dari tekanan sepanjang laga.";
  EXPECT_EQ(NameFor(Entities(Recognizer(), alone), alone, "The Blues"), "The Blues");
}

// One word of a club's name alone is the club the article names so
// ("United" was an organisation of its own in 35 articles of the news
// demo); with two such clubs it stays apart.
TEST(EntityRecognizerTest, AWordOfOneOrganisationsNameAloneIsThatOrganisation) {
  const std::string text =
      "Manchester United menang 2-0 atas Everton di Old Trafford. United kini di posisi kedua "
      "klasemen. Manchester City juga menang, sementara City tetap di puncak.";
  const auto entities = Entities(Recognizer(), text);
  EXPECT_EQ(NameFor(entities, text, "United"), "Manchester United");
  EXPECT_EQ(NameFor(entities, text, "City"), "Manchester City");

  const std::string two = "Bali United dan Madura United bermain imbang, United tampil buruk.";
  EXPECT_EQ(NameFor(Entities(Recognizer(), two), two, "United"), "United");
}

// A results list names each rider's team in brackets: the team is an
// organisation, not the rider's nickname (the news demo had "Ducati" as an
// alias of Jorge Lorenzo and "Ferrari" of Sebastian Vettel).
TEST(EntityRecognizerTest, ATeamInBracketsAfterAPersonIsNoNickname) {
  const std::string text =
      "Hasil kualifikasi: 1. Marc Marquez (Honda), 2. Jorge Lorenzo (Ducati). Lorenzo mengaku "
      "puas. Ducati akan mengevaluasi motor.";
  const auto entities = Entities(Recognizer(), text);
  const Entity* lorenzo = WithMention(entities, text, "Jorge Lorenzo");
  ASSERT_NE(lorenzo, nullptr);
  EXPECT_THAT(lorenzo->aliases, Not(Contains("Ducati")));
  const Entity* ducati = WithMention(entities, text, "Ducati");
  ASSERT_NE(ducati, nullptr);
  EXPECT_NE(ducati, lorenzo);
  EXPECT_EQ(ducati->type, EntityType::kOrganization);
}

// "Anies-Sandi" is a ticket of two people: "Anies" and "Sandi" are not it.
// "Sandi" begins the first name of Sandiaga Uno, the one such person in the
// article: it is him.
TEST(EntityRecognizerTest, ATicketIsNoFullNameAndAShortenedFirstNameIsThePerson) {
  const std::string text =
      "Anies Baswedan dan Sandiaga Uno berkampanye di Jakarta. Pasangan Anies-Sandi unggul di "
      "survei. Anies mengatakan Sandi akan fokus pada program OK OCE.";
  const auto entities = Entities(Recognizer(), text);
  const Entity* anies = WithMention(entities, text, "Anies Baswedan");
  ASSERT_NE(anies, nullptr);
  EXPECT_EQ(anies->mentions.size(), 2u);  // "Anies Baswedan", "Anies"
  const Entity* sandi = WithMention(entities, text, "Sandiaga Uno");
  ASSERT_NE(sandi, nullptr);
  EXPECT_THAT(sandi->aliases, Contains("Sandi"));
  const Entity* ticket = WithMention(entities, text, "Anies-Sandi");
  ASSERT_NE(ticket, nullptr);
  EXPECT_EQ(ticket->mentions.size(), 1u);

  const std::string spaced =
      "Pasangan Agus Harimurti Yudhoyono-Sylviana Murni kalah. Agus Harimurti Yudhoyono "
      "mengakui kekalahan.";
  const auto spaced_entities = Entities(Recognizer(), spaced);
  const Entity* agus = Named(spaced_entities, "Agus Harimurti Yudhoyono");
  ASSERT_NE(agus, nullptr);
  EXPECT_EQ(agus->name, "Agus Harimurti Yudhoyono");
}

// Religious titles before a name are outside it, as NERGrit and NERP label them.
TEST(EntityRecognizerTest, ReligiousTitlesStayOutOfNames) {
  const std::string text =
      "Habib Rizieq Shihab belum pulang ke Indonesia. Rizieq berada di Arab Saudi. Ustaz Abdul "
      "Somad berceramah di Medan.";
  const auto entities = Entities(Recognizer(), text);
  const Entity* rizieq = WithMention(entities, text, "Rizieq");
  ASSERT_NE(rizieq, nullptr);
  EXPECT_EQ(rizieq->name, "Rizieq Shihab");
  EXPECT_EQ(rizieq->mentions.size(), 2u);
  EXPECT_NE(Named(entities, "Abdul Somad"), nullptr);
}

// The source a report is taken from is a news outlet, whatever the model
// calls it ("Ace Showbiz" was a person in 35 articles of the news demo); a
// person quoted after "mengutip" and named again stays a person.
TEST(EntityRecognizerTest, TheOutletAReportIsTakenFromIsAnOrganisation) {
  const std::string text =
      "Mengutip Ace Showbiz, penyanyi itu membatalkan konsernya. Seperti dilansir Ace Showbiz, "
      "tiket akan dikembalikan. Presiden Joko Widodo meresmikan jalan tol. Mengutip Joko "
      "Widodo, jalan itu dibangun dua tahun.";
  const auto entities = Entities(Recognizer(), text);
  const Entity* outlet = WithMention(entities, text, "Ace Showbiz");
  ASSERT_NE(outlet, nullptr);
  EXPECT_EQ(outlet->type, EntityType::kOrganization);
  const Entity* jokowi = Named(entities, "Joko Widodo");
  ASSERT_NE(jokowi, nullptr);
  EXPECT_EQ(jokowi->type, EntityType::kPerson);
  EXPECT_EQ(jokowi->mentions.size(), 2u);
}

// "Partai Golkar" and "Golkar", "Persib Bandung" and "Persib", "Arema FC"
// and "Arema" were two organisations each in the news demo.
TEST(EntityRecognizerTest, AnOrganisationIsOneWithOrWithoutTheWordForItsKind) {
  const std::string text =
      "Partai Golkar menggelar rapat pleno di Jakarta. Golkar akan mengumumkan calonnya pekan "
      "depan. Persib Bandung mengalahkan Arema FC di Stadion Gelora Bandung Lautan Api. Pelatih "
      "Persib memuji para pemain, sementara Arema kecewa.";
  const auto entities = Entities(Recognizer(), text);
  for (std::string_view name : {"Golkar", "Persib", "Arema"}) {
    const Entity* e = WithMention(entities, text, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->type, EntityType::kOrganization) << name;
    EXPECT_EQ(e->mentions.size(), 2u) << name;
  }
  EXPECT_EQ(WithMention(entities, text, "Partai Golkar")->id, WithMention(entities, text, "Golkar")->id);
}

// A minister's or officer's short title alone names nobody ("Menpora" and
// "Mendagri" were people in the news demo); before a name it is the role.
TEST(EntityRecognizerTest, AShortTitleAloneIsNoPerson) {
  const std::string text =
      "Menpora Imam Nahrawi membuka kejuaraan itu. Menurut Menpora, atlet harus siap. Mendagri "
      "juga hadir bersama Kabid Humas.";
  const auto entities = Entities(Recognizer(), text);
  for (std::string_view title : {"Menpora", "Mendagri", "Kabid"}) {
    const Entity* e = WithMention(entities, text, title);
    EXPECT_TRUE(e == nullptr || e->type != EntityType::kPerson) << title;
  }
  const Entity* imam = Named(entities, "Imam Nahrawi");
  ASSERT_NE(imam, nullptr);
  EXPECT_EQ(imam->type, EntityType::kPerson);
}

// Police ranks, ministers by their ministry's short name and a province's
// abbreviation before a name are the person's role, not the name ("Sulut
// Ardiles Mewoh", "Menkominfo Rudiantara" were people in the news demo).
TEST(EntityRecognizerTest, RanksMinistriesAndProvincesBeforeANameAreItsRole) {
  const std::string text =
      "Kapolda Sulut Ardiles Mewoh mengatakan pelaku sudah ditangkap. Menkominfo Rudiantara "
      "membenarkan hal itu. Kapolda Metro Jaya Irjen Idham Azis hadir. Menteri Koordinator "
      "Bidang Politik, Hukum, dan Keamanan Wiranto pada Selasa menegaskan hal itu. Menteri "
      "Koordinator bidang Politik, Hukum, dan Keamana Wiranto juga hadir. Kabag Mitra "
      "Divisi Humas Polri Kombes Pol Awi Setiyono mengatakan hal itu.";
  const auto entities = Entities(Recognizer(), text);
  const Entity* wiranto = Named(entities, "Wiranto");
  ASSERT_NE(wiranto, nullptr);
  EXPECT_EQ(wiranto->type, EntityType::kPerson);
  EXPECT_EQ(wiranto->mentions.size(), 2u);  // the title's last word misspelt too
  for (std::string_view name : {"Ardiles Mewoh", "Rudiantara", "Idham Azis", "Awi Setiyono"}) {
    const Entity* e = Named(entities, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->type, EntityType::kPerson) << name;
    EXPECT_FALSE(e->roles.empty()) << name;
  }
}

// Warta's span conventions on Indonesian text (README): the place-kind
// word is part of the place's mention, though not of its name or id
// ("kota Bandung" is Bandung); a capitalised word after a lower-case one
// is meant ("seberang Dataran Tinggi Golan" keeps "Dataran"); a city
// opening a person's name is part of it ("Aden Hashi Ayro").
TEST(EntityRecognizerTest, PlaceKindWordsAndMidSentenceCapitalsStayInNames) {
  const std::string text =
      "Deklarasi akan digelar di lapangan Sabuga, kota Bandung. Roket menghantam lokasi di "
      "seberang Dataran Tinggi Golan, kata militer Israel. Kertas berdarah ditemukan bersama "
      "Aden Hashi Ayro, seorang milisi.";
  const auto entities = Entities(Recognizer(), text);
  const std::map<std::string_view, EntityType> mentions = {
      {"kota Bandung", EntityType::kLocation},
      {"lapangan Sabuga", EntityType::kLocation},
      {"Dataran Tinggi Golan", EntityType::kLocation},
      {"Aden Hashi Ayro", EntityType::kPerson}};
  for (const auto& [surface, type] : mentions) {
    const Entity* e = WithMention(entities, text, surface);
    ASSERT_NE(e, nullptr) << surface;
    EXPECT_EQ(e->type, type) << surface;
  }
  EXPECT_EQ(WithMention(entities, text, "kota Bandung")->name, "Bandung");
}

// "Wiranto Selasa (24/10)", "Amanda Vanstone Selasa dicoret": the day of a
// report is no part of the name; "Pasar Minggu" keeps its Minggu.
TEST(EntityRecognizerTest, ADayBeforeADateIsNoPartOfAName) {
  const std::string text =
      "Wiranto Selasa (24/10) menegaskan hal itu. Banjir melanda kawasan Pasar Minggu "
      "(Jakarta Selatan) kemarin. Menteri Imigrasi Australia, Amanda Vanstone Selasa dicoret "
      "dari jabatannya, tulis Financial Times Senin.";
  const auto entities = Entities(Recognizer(), text);
  EXPECT_NE(Named(entities, "Wiranto"), nullptr);
  EXPECT_EQ(Named(entities, "Wiranto Selasa"), nullptr);
  EXPECT_NE(Named(entities, "Amanda Vanstone"), nullptr);
  EXPECT_EQ(Named(entities, "Amanda Vanstone Selasa"), nullptr);
  EXPECT_EQ(Named(entities, "Financial Times Senin"), nullptr);
  EXPECT_NE(Named(entities, "Pasar Minggu"), nullptr);
}

// Academic honorifics are no part of a name, wherever the model put them
// ("Universitas Indonesia Prof. Dr." as one organisation before).
TEST(EntityRecognizerTest, HonorificsStayOutOfNames) {
  const std::string text =
      "Guru besar Universitas Indonesia Prof. Dr. Emil Salim mengatakan, pemerintah harus "
      "segera bertindak. Menurut Dr. Ir. Sri Adiningsih, ekonomi tumbuh. \"Kami siap,\" kata "
      "Prof Dr Mahfud MD.";
  const auto entities = Entities(Recognizer(), text);
  for (std::string_view name : {"Emil Salim", "Sri Adiningsih", "Mahfud MD"}) {
    const Entity* e = Named(entities, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->type, EntityType::kPerson) << name;
  }
  for (const Entity& e : entities) {
    for (std::string_view honorific : {"Prof", "Dr", "Ir."}) {
      EXPECT_EQ(e.name.find(honorific), std::string::npos) << e.name;
    }
  }
}

// "Anies Rasyid Baswedan ... Anies Baswedan": one person, named in full.
TEST(EntityRecognizerTest, ANameWithoutItsMiddleNameIsTheSamePerson) {
  const std::string text =
      "Gubernur DKI Jakarta Anies Rasyid Baswedan meninjau banjir di Kemang, Senin. Anies "
      "Baswedan mengatakan pompa air sudah disiapkan. Novel Baswedan tidak hadir.";
  const auto entities = Entities(Recognizer(), text);
  const Entity* anies = WithMention(entities, text, "Anies Baswedan");
  ASSERT_NE(anies, nullptr);
  EXPECT_EQ(anies->name, "Anies Rasyid Baswedan");
  EXPECT_EQ(anies->mentions.size(), 2u);
  const Entity* novel = WithMention(entities, text, "Novel Baswedan");
  ASSERT_NE(novel, nullptr);
  EXPECT_NE(novel, anies);
}

// "Joko Widodo" beside his wife "Iriana Joko Widodo", "Donald Trump"
// beside "Donald Trump Jr": two people; "Basuki Tjahaja" is the first
// words of "Basuki Tjahaja Purnama", one.
TEST(EntityRecognizerTest, ANameAtTheEndOfALongerOneIsAnotherPerson) {
  const std::string text =
      "Presiden Joko Widodo dan Ibu Negara Iriana Joko Widodo tiba di Bandung, Senin. Donald "
      "Trump Jr bertemu Donald Trump di New York. Basuki Tjahaja Purnama hadir; Basuki Tjahaja "
      "tersenyum.";
  const auto entities = Entities(Recognizer(), text);
  const Entity* jokowi = WithMention(entities, text, "Joko Widodo");
  const Entity* iriana = WithMention(entities, text, "Iriana Joko Widodo");
  ASSERT_NE(jokowi, nullptr);
  ASSERT_NE(iriana, nullptr);
  EXPECT_NE(jokowi, iriana);
  const Entity* trump = WithMention(entities, text, "Donald Trump");
  const Entity* junior = WithMention(entities, text, "Donald Trump Jr");
  ASSERT_NE(trump, nullptr);
  ASSERT_NE(junior, nullptr);
  EXPECT_NE(trump, junior);
  const Entity* basuki = WithMention(entities, text, "Basuki Tjahaja");
  ASSERT_NE(basuki, nullptr);
  EXPECT_EQ(basuki->name, "Basuki Tjahaja Purnama");
}

TEST(EntityRecognizerTest, KnownNamesNeedTheirOwnSpelling) {
  const std::string english =
      "As the war went on, the United States and the U.S. Congress disagreed. "
      "The United States said it would respond.";
  const auto en = Entities(Recognizer(), english, "en");
  EXPECT_EQ(WithMention(en, english, "As"), nullptr);
  const Entity* us = WithMention(en, english, "United States");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->type, EntityType::kLocation);
  EXPECT_EQ(us->id, EntityId(EntityType::kLocation, NameKey("Amerika Serikat")));
  const std::string west =
      "Barat telah mengklaim bahwa ribuan tentara tiba. Warga Jawa Barat menonton berita.";
  const auto id = Entities(Recognizer(), west);
  const Entity* barat = WithMention(id, west, "Barat");
  ASSERT_NE(barat, nullptr);
  EXPECT_EQ(barat->type, EntityType::kOrganization);
  for (const Entity& e : id) {
    for (const Mention& m : e.mentions) {
      if (m.span.begin > static_cast<int>(west.find("Jawa"))) EXPECT_NE(&e, barat);
    }
  }
}

// A surname with its particles is the full name it ends, in one article as
// for one-word surnames: "De Bruyne mengatakan" is Kevin De Bruyne speaking.
TEST(EntityRecognizerTest, ASurnameWithParticlesJoinsTheFullName) {
  const std::string text =
      "Gelandang Manchester City Kevin De Bruyne mencetak gol kemenangan. "
      "De Bruyne mengatakan timnya bermain baik. Virgil van Dijk juga bermain. "
      "Van Dijk mengaku kecewa.";
  const auto id = Entities(Recognizer(), text);
  const Entity* kevin = WithMention(id, text, "De Bruyne");
  ASSERT_NE(kevin, nullptr);
  EXPECT_EQ(kevin->name, "Kevin De Bruyne");
  EXPECT_EQ(kevin->mentions.size(), 2u);
  const Entity* virgil = WithMention(id, text, "Van Dijk");
  ASSERT_NE(virgil, nullptr);
  EXPECT_EQ(virgil->name, "Virgil van Dijk");
}

// "Partai PAN" is PAN, the Partai Amanat Nasional: the word for the kind
// before a known party's abbreviation does not make another party.
TEST(EntityRecognizerTest, TheWordPartaiBeforeAKnownPartyIsThatParty) {
  const std::string text =
      "Politikus Partai PAN itu bertemu Ketua Umum Partai Amanat Nasional. PAN mendukung.";
  const auto id = Entities(Recognizer(), text);
  const Entity* pan = WithMention(id, text, "Partai PAN");
  ASSERT_NE(pan, nullptr);
  EXPECT_EQ(pan->name, "Partai Amanat Nasional");
  EXPECT_EQ(WithMention(id, text, "PAN"), pan);
}

// A company's legal form written apart from its name is no entity: "Tbk"
// was a person or a place in the news demo.
TEST(EntityRecognizerTest, ALegalFormIsNoEntityOfItsOwn) {
  const std::string text =
      "PT Bank Rakyat Indonesia (Persero) Tbk mencatat laba Rp 10 triliun. "
      "Direktur Utama PT Jasa Marga, Tbk, Desi Arryani mengatakan hal itu.";
  const auto id = Entities(Recognizer(), text);
  EXPECT_EQ(WithMention(id, text, "Tbk"), nullptr);
  EXPECT_EQ(WithMention(id, text, "Persero"), nullptr);
  ASSERT_NE(WithMention(id, text, "PT Bank Rakyat Indonesia"), nullptr);
}

// An acronym for a kind of thing is no organisation: "PC" had been one in
// 33 articles of the news demo, "PNS" (civil servants) in 15. An
// organisation's acronym stays, and so does a kind's acronym inside a
// longer name ("UU ITE" is not "ITE" alone).
TEST(EntityRecognizerTest, AnAcronymForAKindOfThingIsNoOrganisation) {
  const std::string text =
      "Harga PC dan SSD naik, sementara penjualan SUV turun. Gaji PNS naik tahun depan, "
      "kata juru bicara KPK Febri Diansyah. Pemerintah juga menaikkan PPN. "
      "PT Jasa Marga mencatat laba.";
  const auto id = Entities(Recognizer(), text);
  for (const char* kind : {"PC", "SSD", "SUV", "PNS", "PPN", "PT"}) {
    EXPECT_EQ(WithMention(id, text, kind), nullptr) << kind;
  }
  ASSERT_NE(WithMention(id, text, "KPK"), nullptr);
  ASSERT_NE(WithMention(id, text, "Febri Diansyah"), nullptr);
  ASSERT_NE(WithMention(id, text, "PT Jasa Marga"), nullptr);
}

// The office before a name is no part of the person: the registry had
// "Kemendagri Irman" (5 articles) and "Kominfo Rudiantara" (4) beside
// "Irman" and "Rudiantara". Two capitals open names ("TB Hasanuddin").
TEST(EntityRecognizerTest, AnOfficeBeforeANameIsNoPartOfThePerson) {
  const std::string text =
      "Dirjen Dukcapil Kemendagri Irman mengatakan blanko tersedia. Kominfo Rudiantara "
      "menjelaskan aturan baru. TB Hasanuddin hadir dalam rapat itu. Mantan Dirjen Dukcapil "
      "Irman divonis tujuh tahun.";
  const auto entities = Entities(Recognizer(), text);
  for (const Entity& e : entities) {
    EXPECT_FALSE(absl::StrContains(e.name, "Kemendagri")) << e.name;
    EXPECT_FALSE(absl::StrContains(e.name, "Kominfo")) << e.name;
    EXPECT_FALSE(absl::StrContains(e.name, "Dukcapil")) << e.name;
  }
  EXPECT_NE(Named(entities, "Irman"), nullptr);
  EXPECT_NE(Named(entities, "Rudiantara"), nullptr);
  EXPECT_NE(Named(entities, "TB Hasanuddin"), nullptr);
}

// A club or team the article names on its own, glued to a person's name,
// is no part of it: the registry had "Chelsea Antonio Conte" beside Antonio
// Conte, "Bhayangkara Thiago Furtuoso" beside Thiago Furtuoso.
TEST(EntityRecognizerTest, AnOrganisationGluedToANameIsNoPartOfThePerson) {
  const std::string text =
      "Chelsea menang 2-0 atas Arsenal di Stamford Bridge. Manajer Chelsea Antonio Conte "
      "mengatakan timnya bermain baik. Bhayangkara FC menahan imbang Persija. Pemain "
      "Bhayangkara Thiago Furtuoso sukses mengeksekusi penalti.";
  const auto entities = Entities(Recognizer(), text);
  for (const Entity& e : entities) {
    if (e.type != EntityType::kPerson) continue;
    EXPECT_FALSE(absl::StrContains(e.name, "Chelsea")) << e.name;
    EXPECT_FALSE(absl::StrContains(e.name, "Bhayangkara")) << e.name;
  }
  EXPECT_NE(Named(entities, "Antonio Conte"), nullptr);
  EXPECT_NE(Named(entities, "Thiago Furtuoso"), nullptr);

  // A first name that is also a company's, at a sentence's start, stays
  // the person's: "Sony" here is tagged as an organisation once.
  const std::string badminton =
      "Sony Dwi Kuncoro sering terkendala cedera sedangkan Simon Santoso sudah pensiun. Di bawah "
      "generasi Sony dan Simon, angkatan Dionysius Hayom Rumbaka tidak mampu bersaing.";
  EXPECT_NE(Named(Entities(Recognizer(), badminton), "Sony Dwi Kuncoro"), nullptr);
}

// An acronym the article spells out in lower case names a kind of thing,
// in brackets and alone later: "augmented reality (AR)" had been a person
// in 9 articles of the news demo. Spelt out with capitals it is a name.
TEST(EntityRecognizerTest, AnAcronymSpeltOutInLowerCaseIsNoName) {
  const std::string text =
      "Industri augmented reality (AR) tumbuh pesat. Kacamata AR buatan Mad Gaze dijual "
      "dengan harga eceran tertinggi (HET) Rp 5 juta. Pemerintah menetapkan HET baru. "
      "Komisi Pemberantasan Korupsi (KPK) memeriksa pejabat itu. KPK menahan dia.";
  const auto id = Entities(Recognizer(), text);
  EXPECT_EQ(WithMention(id, text, "AR"), nullptr);
  EXPECT_EQ(WithMention(id, text, "HET"), nullptr);
  const Entity* kpk = WithMention(id, text, "KPK");
  ASSERT_NE(kpk, nullptr);
  EXPECT_EQ(kpk, WithMention(id, text, "Komisi Pemberantasan Korupsi"));
}

// A line-up writes the shirt number before the name: the person is the name.
TEST(EntityRecognizerTest, AShirtNumberIsNoPartOfTheName) {
  const std::string lineup =
      "Juventus: 1-Gianluigi Buffon, 4-Medhi Benatia, 6-Sami Khedira (Mario Mandzukic 59'), "
      "21-Paulo Dybala. Paulo Dybala mencetak dua gol.";
  const auto id = Entities(Recognizer(), lineup);
  const Entity* dybala = WithMention(id, lineup, "Paulo Dybala");
  ASSERT_NE(dybala, nullptr);
  EXPECT_EQ(dybala->name, "Paulo Dybala");
  EXPECT_EQ(dybala->mentions.size(), 2u);
  for (const Entity& e : id) EXPECT_FALSE(absl::StrContains(e.name, "-")) << e.name;
}

// "Lima" opening an Indonesian sentence is the number five, a word the news
// writes in lower case, not Peru's capital; inside a sentence it is the
// capital. The news demo had a place "Lima" in 33 articles, all "five".
TEST(EntityRecognizerTest, ASentencesFirstWordIsNoKnownPlaceWhenTheNewsWritesItInLowerCase) {
  const std::string five =
      "Lima orang tewas dalam kecelakaan itu. \"Lima pertandingan terakhir terasa aneh,\" katanya.";
  const auto id = Entities(Recognizer(), five);
  EXPECT_EQ(WithMention(id, five, "Lima"), nullptr);
  const std::string capital = "Presiden Peru berpidato di Lima pada Senin.";
  const auto named = Entities(Recognizer(), capital);
  const Entity* lima = WithMention(named, capital, "Lima");
  ASSERT_NE(lima, nullptr);
  EXPECT_EQ(lima->type, EntityType::kLocation);
  // A place the news writes capitalised stays one at a sentence's start.
  const std::string jakarta = "Jakarta diguyur hujan deras sejak pagi.";
  const auto city = Entities(Recognizer(), jakarta);
  ASSERT_NE(WithMention(city, jakarta, "Jakarta"), nullptr);
}

// The type of the entity with a mention `surface`; fails the test when
// there is none.
void ExpectType(const std::vector<Entity>& entities, const std::string& text, std::string_view surface,
                EntityType type) {
  const Entity* e = WithMention(entities, text, surface);
  ASSERT_NE(e, nullptr) << surface;
  EXPECT_EQ(e->type, type) << surface;
}

// English names whose own words say what they are, against the model's
// guess (it called both places, and "Secretary" alone an organisation).
TEST(EntityRecognizerTest, EnglishNamesTypedByTheirHeadAndTitlesAloneAreNoNames) {
  const std::string text =
      "Back in college, back in Collins College, Isabel and I met. In 1954 Coron was reduced "
      "by the creation of the Municipality of Culion. So Secretary Cardona invoked the Act, "
      "and the Secretary acted within his authority.";
  const auto en = Entities(Recognizer(), text, "en");
  ExpectType(en, text, "Collins College", EntityType::kOrganization);
  ExpectType(en, text, "Municipality of Culion", EntityType::kLocation);
  EXPECT_EQ(WithMention(en, text, "Secretary"), nullptr);
}

// A name the model takes for a person is a place once the document puts
// something in it and never lets it speak (English).
TEST(EntityRecognizerTest, EnglishNameInAPlaceIsAPlace) {
  const std::string text =
      "Coron is in the province of Palawan. Coron is both the name of the largest town on the "
      "island and of a smaller island. Japanese ships were sunk by American warplanes in Coron "
      "waters.";
  ExpectType(Entities(Recognizer(), text, "en"), text, "Coron", EntityType::kLocation);
  const std::string speaker = "Norton said he was in Norton's office. Norton left.";
  ExpectType(Entities(Recognizer(), speaker, "en"), speaker, "Norton", EntityType::kPerson);
}

// A capitalised word the same English document writes in lower case is a
// common noun, whatever the model thought of it; "I" is nobody, not even
// after "Norton I"; a storm and "the Court" are no names.
TEST(EntityRecognizerTest, EnglishCommonWordsStormsAndInstitutionsAreNoNames) {
  const std::string text =
      "Iodine deficiency can lead to brain damage. Iodine comes from milk, and dietary iodine is "
      "declining in Australia, Creswell Eastman said. I, Joshua Norton, declare it. NORTON I, "
      "Emperor. Cyclone Phailin hit Odisha. Phailin's winds were strong, Jeff Masters said. "
      "The Court's opinion was read by Justice Scalia.";
  const auto en = Entities(Recognizer(), text, "en");
  for (std::string_view word : {"Iodine", "I", "Cyclone Phailin", "Phailin", "Court"}) {
    EXPECT_EQ(WithMention(en, text, word), nullptr) << word;
  }
  ExpectType(en, text, "Australia", EntityType::kLocation);
  ExpectType(en, text, "Joshua Norton", EntityType::kPerson);
  // A surname that is also a common word stays the person's.
  const std::string brown =
      "Prime Minister Gordon Brown spoke on Monday in London. Brown said the brown envelope was "
      "empty.";
  const auto brown_entities = Entities(Recognizer(), brown, "en");
  const Entity* person = WithMention(brown_entities, brown, "Brown");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->name, "Gordon Brown");
}

TEST(EntityRecognizerTest, IdsAreStableAcrossArticlesAndRecognizers) {
  const auto a = Entities(Recognizer(), "Presiden Rusia Vladimir Putin tiba di Moskwa kemarin.");
  EntityOptions options;
  options.model = ModelBytes();
  auto other = EntityRecognizer::Create(options);
  ASSERT_TRUE(other.ok());
  const auto b = Entities(**other, "Kemarin Moskow menyambut kedatangan Vladimir Putin dari Kremlin.");
  const Entity* pa = Named(a, "Vladimir Putin");
  const Entity* pb = Named(b, "Vladimir Putin");
  ASSERT_NE(pa, nullptr);
  ASSERT_NE(pb, nullptr);
  EXPECT_EQ(pa->id, pb->id);
  EXPECT_EQ(pa->id, EntityId(EntityType::kPerson, NameKey("Vladimir Putin")));
  const Entity* ma = Named(a, "Moskwa");
  const Entity* mb = Named(b, "Moskwa");
  ASSERT_NE(ma, nullptr);
  ASSERT_NE(mb, nullptr);
  EXPECT_EQ(ma->id, mb->id);
}

TEST(EntityRecognizerTest, KnowledgeBaseLinksShortFormsToTheSameId) {
  EntityOptions options;
  options.model = ModelBytes();
  options.knowledge_base = "Q7747\tPERSON\tVladimir Putin\tPutin|Vladimir Vladimirovich Putin\n";
  auto linked = EntityRecognizer::Create(options);
  ASSERT_TRUE(linked.ok()) << linked.status();
  const std::string text = "Kremlin menyatakan Putin akan berkunjung ke Pyongyang.";
  const auto entities = Entities(**linked, text);
  const Entity* putin = WithMention(entities, text, "Putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->kb_id, "Q7747");
  EXPECT_EQ(putin->name, "Vladimir Putin");
  EXPECT_EQ(putin->id, Named(Entities(Recognizer(), "Presiden Vladimir Putin tiba."), "Vladimir Putin")->id);
}

TEST(EntityRecognizerTest, ReadsTheSegmentStagesTokens) {
  Document doc;
  doc.text = "Presiden Joko Widodo meresmikan bendungan di Bandung, Jawa Barat.";
  ASSERT_TRUE(Recognizer().Process(doc).ok());
  EXPECT_TRUE(doc.entities.empty());  // not segmented: nothing to read
  Segment(doc);
  ASSERT_TRUE(Recognizer().Process(doc).ok());
  const Entity* jokowi = Named(doc.entities, "Joko Widodo");
  ASSERT_NE(jokowi, nullptr);
  EXPECT_EQ(doc.Text(jokowi->mentions[0].span), "Joko Widodo");
  EXPECT_NE(WithMention(doc.entities, doc.text, "Bandung"), nullptr);
}

TEST(EntityRecognizerTest, ReplacesEntitiesAndRejectsBadTokens) {
  Document doc;
  doc.text = "Tidak ada nama di sini.";
  doc.entities.push_back(Entity{});
  ASSERT_TRUE(Recognizer().Process(doc).ok());
  EXPECT_TRUE(doc.entities.empty());
  doc.tokens.push_back({{0, 999}, TokenKind::kWord});
  EXPECT_FALSE(Recognizer().Process(doc).ok());
  EXPECT_FALSE(EntityRecognizer::Create(EntityOptions{}).ok());
}

TEST(EntityRecognizerTest, TagsPreTokenisedSentences) {
  const auto tags = Recognizer().TagTokens({"Kata", "Sergei", "Lavrov", "di", "Moskwa", "."});
  EXPECT_EQ(tags, (std::vector<std::string>{"O", "B-PERSON", "I-PERSON", "O", "B-LOCATION", "O"}));
}

// Every person quoted in the sample articles is found under the right
// canonical name, and the same person has the same id in every article.
TEST(EntityRecognizerTest, SamplesQuotedPeopleHaveCanonicalNames) {
  WARTA_REQUIRE_SHARED_DATA(data);
  const std::map<std::string, std::vector<std::string>> expected = {
      {"2024-11-04_putin_choe_kursk.txt",
       {"Vladimir Putin", "Choe Son Hui", "Volodymyr Zelensky", "Matthew Miller", "Andrii Sybiha",
        "Annalena Baerbock", "Sergei Lavrov"}},
      {"bergelora_2024-11-01_choe_lavrov.txt", {"Choe Son Hui", "Vladimir Putin", "Sergei Lavrov"}},
      {"kompastv_2024-01-21_choe_putin.txt", {"Choe Son Hui", "Vladimir Putin"}},
      {"orbitindonesia_2024-01_putin_choe.txt",
       {"Vladimir Putin", "Choe Son Hui", "Sergei Lavrov", "Dmitry Peskov"}},
      {"tempo_2024-11-05_putin_choe.txt",
       {"Vladimir Putin", "Choe Son Hui", "Volodymyr Zelensky", "Annalena Baerbock"}},
  };
  std::map<std::string, std::string> ids;
  for (const auto& [file, people] : expected) {
    const auto entities = Entities(Recognizer(), warta::testing::ReadFileOrDie(data / "samples" / file));
    for (const std::string& person : people) {
      const Entity* e = Named(entities, person);
      ASSERT_NE(e, nullptr) << person << " in " << file;
      EXPECT_EQ(e->type, EntityType::kPerson) << person;
      auto [it, added] = ids.emplace(person, e->id);
      EXPECT_EQ(it->second, e->id) << person << " changed id in " << file;
    }
    // Short forms never stay separate people ("Choe", "Putin").
    for (const Entity& e : entities) {
      if (e.type != EntityType::kPerson) continue;
      EXPECT_NE(NameKey(e.name), "choe") << file;
      EXPECT_NE(NameKey(e.name), "putin") << file;
    }
  }
}

}  // namespace
}  // namespace warta::enrichment
