// The five sample pages (../shared/data/samples): every direct quote gets a
// speaker, and the troop numbers come out with value, unit and qualifier.
// The real clean, segment and entities stages run first (entities with the
// committed model).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "common/models_dir.h"
#include "enrichment/claims/claim_extractor.h"
#include "enrichment/quantities/quantity_tagger.h"
#include "enrichment/entities/entity_recognizer.h"
#include "enrichment/segment/segmenter.h"
#include "enrichment/text/cleaner.h"
#include "tests/testing/shared_data.h"
#include "tests/unit/claims/test_documents.h"

namespace warta::enrichment {
namespace {

using ::testing::HasSubstr;

const char* const kSamples[] = {
    "2024-11-04_putin_choe_kursk.txt",
    "bergelora_2024-11-01_choe_lavrov.txt",
    "kompastv_2024-01-21_choe_putin.txt",
    "orbitindonesia_2024-01_putin_choe.txt",
    "tempo_2024-11-05_putin_choe.txt",
};

Document Enrich(const std::string& page) {
  static const auto* stages = [] {
    struct Stages {
      std::unique_ptr<Cleaner> cleaner;
      std::unique_ptr<Segmenter> segmenter;
      std::unique_ptr<EntityRecognizer> entities;
    };
    auto* s = new Stages;
    s->cleaner = std::move(Cleaner::Create({}).value());
    s->segmenter = std::move(Segmenter::Create({}).value());
    EntityOptions options;
    options.model = warta::testing::ReadFileOrDie(warta::testing::SourceDir() / "models" /
                                                  kNerModelFile);
    s->entities = std::move(EntityRecognizer::Create(options).value());
    return s;
  }();
  Document doc;
  doc.original = page;
  doc.language.code = "id";
  EXPECT_TRUE(stages->cleaner->Process(doc).ok());
  EXPECT_TRUE(stages->segmenter->Process(doc).ok());
  EXPECT_TRUE(stages->entities->Process(doc).ok());
  EXPECT_TRUE(QuantityTagger::Create().value()->Process(doc).ok());
  auto extractor = ClaimExtractor::Create({});
  EXPECT_TRUE(extractor.ok());
  EXPECT_TRUE((*extractor)->Process(doc).ok());
  return doc;
}

std::vector<Document> EnrichSamples(const std::filesystem::path& data) {
  std::vector<Document> docs;
  for (const char* name : kSamples) {
    docs.push_back(Enrich(warta::testing::ReadFileOrDie(data / "samples" / name)));
  }
  return docs;
}

std::string SpeakerOf(const Document& doc, const Claim& c) {
  return testing::SpeakerOf(doc, c);
}

// The claim whose content contains `needle`, or nullptr.
const Claim* FindClaim(const Document& doc, std::string_view needle,
                       std::optional<ClaimKind> kind = std::nullopt) {
  for (const Claim& c : doc.claims) {
    if (kind && c.kind != *kind) continue;
    if (doc.Text(c.content).find(needle) != std::string_view::npos) return &c;
  }
  return nullptr;
}

TEST(SamplesTest, EveryDirectQuoteHasASpeaker) {
  WARTA_REQUIRE_SHARED_DATA(data);
  int quotes = 0;
  for (const Document& doc : EnrichSamples(data)) {
    for (const Claim& c : doc.claims) {
      if (c.kind != ClaimKind::kDirectQuote) continue;
      ++quotes;
      EXPECT_FALSE(SpeakerOf(doc, c).empty()) << "no speaker for: " << doc.Text(c.content);
    }
  }
  EXPECT_GE(quotes, 15);
}

TEST(SamplesTest, QuoteSpeakersAreThePeopleWhoSpoke) {
  WARTA_REQUIRE_SHARED_DATA(data);
  const std::vector<Document> docs = EnrichSamples(data);
  struct Expectation {
    int doc;
    const char* quote;
    const char* speaker;
  } const expectations[] = {
      {0, "Kami melihat peningkatan jumlah warga Korea Utara", "Zelensky"},
      {0, "Ketika musuh disingkirkan", "Putin"},
      {0, "Kami menyerukan kepada Eropa", "Sybiha"},
      {0, "Di sini dan saat ini", "Baerbock"},                 // katanya
      {0, "salam tulus, hangat, ramah", "Choe"},               // partial quote
      {0, "perlindungan yang tidak tahu malu", "Amerika Serikat"},
      {1, "Kami ulangi bahwa kami akan selalu", "Choe"},
      {1, "Kami sama sekali tidak ragu", "Choe"},              // tambahnya
      {1, "Hubungan yang sangat erat", "Lavrov"},              // tuturnya
      {1, "Citra adalah hal yang serius", "Putin"},            // ujarnya
      {2, "Pemerintah Korea Utara dengan hangat", "Choe"},
      {3, "operasi militer khusus", "Lavrov"},                 // "dia sebut"
      {4, "Presiden Putin menerima menteri luar negeri", "Kremlin"},
      {4, "Sekarang mereka akan belajar", "Zelensky"},
  };
  for (const auto& e : expectations) {
    const Claim* c = FindClaim(docs[e.doc], e.quote, ClaimKind::kDirectQuote);
    ASSERT_NE(c, nullptr) << e.quote;
    EXPECT_THAT(SpeakerOf(docs[e.doc], *c), HasSubstr(e.speaker)) << e.quote;
  }
}

TEST(SamplesTest, ReportedSpeechSpeakers) {
  WARTA_REQUIRE_SHARED_DATA(data);
  const std::vector<Document> docs = EnrichSamples(data);
  struct Expectation {
    int doc;
    const char* content;
    const char* speaker;
  } const expectations[] = {
      {0, "sebanyak 10.000 tentara Korea Utara", "Miller"},
      {1, "Moskwa sangat berterima kasih", "Lavrov"},          // "Ia mengatakan"
      {3, "kedua belah pihak akan membahas", "Lavrov"},
      {3, "Choe dan Lavrov akan bertemu terlebih dahulu", "Peskov"},
      {4, "sekitar 10.000 tentara Korea Utara", "Barat"},
  };
  for (const auto& e : expectations) {
    const Claim* c = FindClaim(docs[e.doc], e.content, ClaimKind::kReported);
    ASSERT_NE(c, nullptr) << e.content;
    EXPECT_THAT(SpeakerOf(docs[e.doc], *c), HasSubstr(e.speaker)) << e.content;
  }
}

TEST(SamplesTest, TroopNumbersHaveValueUnitAndQualifier) {
  WARTA_REQUIRE_SHARED_DATA(data);
  const std::vector<Document> docs = EnrichSamples(data);
  struct Expectation {
    int doc;
    const char* content;
    double value;
    const char* unit;
    const char* qualifier;
    bool exact_value;
  } const expectations[] = {
      {0, "11.000 tentara Korea Utara berada", 11000, "tentara", "exact", true},
      {0, "sebanyak 10.000 tentara", 10000, "tentara", "exact", true},
      {1, "8.000 tentara Korea Utara", 8000, "tentara", "exact", true},
      {1, "sedikitnya 3.000 tentara", 3000, "tentara", "at_least", true},
      {1, "ribuan pasukan Korea Utara", 1000, "pasukan", "order_of_magnitude", false},
      {2, "lebih dari satu juta peluru artileri", 1000000, "peluru artileri", "more_than", true},
      {4, "sekitar 10.000 tentara", 10000, "tentara", "approximately", true},
  };
  for (const auto& e : expectations) {
    const Claim* c = FindClaim(docs[e.doc], e.content);
    ASSERT_NE(c, nullptr) << e.content;
    bool found = false;
    for (const Quantity& q : c->quantities) {
      if (q.value == e.value && q.unit == e.unit) {
        found = true;
        EXPECT_EQ(q.qualifier, e.qualifier) << e.content;
        EXPECT_EQ(q.exact_value, e.exact_value) << e.content;
      }
    }
    EXPECT_TRUE(found) << "no " << e.value << " " << e.unit << " in: " << e.content;
  }
}

}  // namespace
}  // namespace warta::enrichment
