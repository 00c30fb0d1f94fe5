// Who speaks in real articles: the five sample pages and the first 500
// IndoSum articles through the real pipeline (committed models). Every
// named speaker must be somebody: no capitalised function word ("Saat",
// "Selain"), no title alone ("Prof. Dr.", "CEO"), no single letter, no name
// with digits ("Covid-19"), and no common noun — judged independently of
// the claim rules: a one-word speaker, or one the NER did not find, whose
// every word the same articles write in lower case three times or more
// ("Polisi", "Informasi", "Pengelolaan Pembiayaan").
//
// The test prints the speakers it saw (name, entity type or TEXT when the
// name came from the words at the cue, count) so a reader can judge them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "article/article_json.h"
#include "enrichment/pipeline.h"
#include "tests/testing/real_pipeline.h"
#include "tests/testing/shared_data.h"

namespace warta {
namespace {

constexpr int kIndoSumArticles = 500;

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (char c : text + " ") {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u) || c == '\'' || c == '-') {
      w += c;
    } else if (!w.empty()) {
      out.push_back(w);
      w.clear();
    }
  }
  return out;
}

// Sentence-initial or not, words a function-word list must keep out.
const std::set<std::string> kFunctionWords = {
    "saat", "selain", "namun", "mereka", "menurut", "sementara", "ketika", "kini", "dia",
    "ia", "kami", "kita", "the", "however", "but", "they", "he", "she", "it", "iapun"};
const std::set<std::string> kBareTitles = {
    "prof", "dr", "presiden", "menteri", "ketua", "kepala", "ceo", "direktur", "gubernur",
    "juru", "bicara", "wakil", "pelaksana", "harian", "secretary", "minister", "president",
    "spokesman", "mr", "mrs"};

struct SpeakerCounts {
  std::map<std::pair<std::string, std::string>, int> seen;  // (type, name) -> claims
};

void Collect(const v1::EnrichedArticle& enriched, SpeakerCounts& counts) {
  std::map<std::string, std::string> types;
  for (const v1::Entity& e : enriched.entities()) types[e.id()] = v1::EntityType_Name(e.type());
  for (const v1::Claim& c : enriched.claims()) {
    if (c.speaker().name().empty()) continue;
    const auto it = types.find(c.speaker().entity_id());
    const std::string type = it == types.end() ? "TEXT" : it->second;
    ++counts.seen[{type, c.speaker().name()}];
  }
}

// Why `name` names nobody, or "" when it may be somebody. `lower` counts the
// lower-case words of the articles.
std::string WhyNotSomebody(const std::string& type, const std::string& name,
                           const std::map<std::string, int>& lower) {
  const std::vector<std::string> words = Words(name);
  if (name.size() < 2 || words.empty()) return "a letter";
  // "Covid-19", "2019": a disease or a year ("Tech3", a team, is a name).
  for (size_t i = 0; i < name.size(); ++i) {
    const bool digit = name[i] >= '0' && name[i] <= '9';
    if (digit && (i == 0 || name[i - 1] == '-' || name[i - 1] == ' ')) return "digits";
  }
  bool all_titles = true;
  bool all_common = true;
  for (std::string w : words) {
    std::string l = w;
    std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return std::tolower(c); });
    if (kBareTitles.count(l) == 0) all_titles = false;
    const auto it = lower.find(l);
    if (it == lower.end() || it->second < 3) all_common = false;
  }
  std::string first = words[0];
  std::transform(first.begin(), first.end(), first.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (words.size() == 1 && kFunctionWords.count(first) > 0) return "a function word";
  if (all_titles) return "a title alone";
  if (all_common && (words.size() == 1 || type == "TEXT")) return "common words";
  return "";
}

void ExpectOnlySomebody(const SpeakerCounts& counts, const std::map<std::string, int>& lower,
                        const std::string& where) {
  std::string listing;
  int claims = 0;
  for (const auto& [key, n] : counts.seen) {
    listing += "  " + key.second + " (" + key.first + ") x" + std::to_string(n) + "\n";
    claims += n;
    const std::string why = WhyNotSomebody(key.first, key.second, lower);
    EXPECT_EQ(why, "") << where << ": speaker \"" << key.second << "\" (" << key.first
                       << ", " << n << " claims) is " << why;
  }
  std::printf("%s: %zu speakers over %d claims with a named speaker:\n%s", where.c_str(),
              counts.seen.size(), claims, listing.c_str());
}

void CountLowerWords(const std::string& text, std::map<std::string, int>& lower) {
  for (const std::string& w : Words(text)) {
    if (std::islower(static_cast<unsigned char>(w[0]))) ++lower[w];
  }
}

TEST(RealSpeakersTest, IndoSumSpeakersAreSomebody) {
  WARTA_REQUIRE_SHARED_DATA(data);
  auto pipeline = warta::testing::RealPipeline();
  ASSERT_NE(pipeline, nullptr);
  std::ifstream in(data / "news" / "indosum_articles.jsonl");
  ASSERT_TRUE(in.good());
  SpeakerCounts counts;
  std::map<std::string, int> lower;
  std::string line;
  int read = 0;
  while (read < kIndoSumArticles && std::getline(in, line)) {
    auto article = article::ArticleFromJson(line);
    ASSERT_TRUE(article.ok()) << article.status();
    ++read;
    CountLowerWords(article->body(), lower);
    auto enriched = pipeline->Enrich(*article, absl::FromUnixSeconds(1767225600));
    ASSERT_TRUE(enriched.ok()) << enriched.status();
    Collect(*enriched, counts);
  }
  ASSERT_EQ(read, kIndoSumArticles);
  // A real run finds hundreds of speakers; none would mean claims broke.
  EXPECT_GT(counts.seen.size(), 300u);
  ExpectOnlySomebody(counts, lower, "first 500 IndoSum articles");
}

TEST(RealSpeakersTest, SampleSpeakersAreSomebody) {
  WARTA_REQUIRE_SHARED_DATA(data);
  auto pipeline = warta::testing::RealPipeline();
  ASSERT_NE(pipeline, nullptr);
  SpeakerCounts counts;
  std::map<std::string, int> lower;
  for (const auto& entry : std::filesystem::directory_iterator(data / "samples")) {
    if (entry.path().extension() != ".txt") continue;
    v1::Article article;
    article.set_body(warta::testing::ReadFileOrDie(entry.path()));
    CountLowerWords(article.body(), lower);
    auto enriched = pipeline->Enrich(article, absl::FromUnixSeconds(1767225600));
    ASSERT_TRUE(enriched.ok()) << enriched.status();
    Collect(*enriched, counts);
  }
  EXPECT_GT(counts.seen.size(), 10u);
  ExpectOnlySomebody(counts, lower, "the five samples");
  // Here every speaker is an entity with an id ("Barat", the West, too):
  // none is read off the words at the cue alone.
  for (const auto& [speaker, n] : counts.seen) {
    EXPECT_NE(speaker.first, "TEXT") << speaker.second << " speaks " << n << " times without an id";
  }
}

// The English paragraph through the real pipeline: both Blinken
// claims right and the 8,000 figure attached (the English NER finds Antony
// Blinken; tests/unit/entities/english_entities_test.cc checks the
// entities of the longer paragraph).
TEST(RealSpeakersTest, EnglishParagraphBlinkenClaims) {
  auto pipeline = warta::testing::RealPipeline();
  ASSERT_NE(pipeline, nullptr);
  v1::Article article;
  article.set_language_hint("en");
  article.set_body(
      "About 8,000 North Korean soldiers are now in Russia's Kursk region and are expected to "
      "join the fight against Ukraine in the coming days, U.S. Secretary of State Antony "
      "Blinken said on Thursday.\n\n"
      "Blinken told reporters at the State Department that Washington had not yet seen the "
      "North Korean troops enter combat but expected them to do so soon.\n\n"
      "Kremlin spokesman Dmitry Peskov said Moscow would not comment on the reports.");
  auto enriched = pipeline->Enrich(article, absl::FromUnixSeconds(1767225600));
  ASSERT_TRUE(enriched.ok()) << enriched.status();
  std::vector<const v1::Claim*> blinken;
  for (const v1::Claim& c : enriched->claims()) {
    if (c.speaker().name() == "Antony Blinken") blinken.push_back(&c);
  }
  ASSERT_EQ(blinken.size(), 2u) << enriched->DebugString();
  EXPECT_EQ(blinken[0]->content().text(),
            "About 8,000 North Korean soldiers are now in Russia's Kursk region and are expected "
            "to join the fight against Ukraine in the coming days");
  ASSERT_EQ(blinken[0]->quantities_size(), 1);
  EXPECT_EQ(blinken[0]->quantities(0).value(), 8000);
  EXPECT_EQ(blinken[0]->quantities(0).qualifier(), "approximately");
  EXPECT_EQ(blinken[1]->cue().text(), "told");
  EXPECT_EQ(blinken[1]->content().text().rfind("Washington had not yet seen", 0), 0u)
      << blinken[1]->content().text();
}

}  // namespace
}  // namespace warta
