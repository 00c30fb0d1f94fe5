// How search reads text and queries (storage/search/): words, folding,
// stop words, stems, the query language, page tokens and snippets.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/page_token.h"
#include "storage/search/search_query.h"
#include "storage/search/search_text.h"
#include "storage/sql_backend.h"

namespace warta::storage {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::vector<std::string> Folded(std::string_view text) {
  std::vector<std::string> words;
  for (const SearchWord& w : SearchWords(text)) words.push_back(w.folded);
  return words;
}

TEST(SearchTextTest, SplitsAndFoldsWordsWithTheirOffsets) {
  EXPECT_THAT(Folded("Kafe POKÉMON dibuka, 11.000 orang—di São Paulo (Zürich)!"),
              ElementsAre("kafe", "pokemon", "dibuka", "11", "000", "orang", "di", "sao",
                          "paulo", "zurich"));
  EXPECT_THAT(Folded("covid-19 g20 Jum'at"), ElementsAre("covid", "19", "g20", "jum", "at"));
  // Decomposed accents stay inside their word.
  EXPECT_THAT(Folded("Cafe\xCC\x81 noir"), ElementsAre("cafe", "noir"));
  // Ill-formed UTF-8 separates words.
  EXPECT_THAT(Folded("abc\xFF" "def"), ElementsAre("abc", "def"));
  EXPECT_THAT(Folded(std::string(200, 'x') + " ok"), ElementsAre("ok"));
  const std::vector<SearchWord> words = SearchWords("  Zürich ok");
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0].start, 2);
  EXPECT_EQ(words[0].end, 9);  // ü is two bytes
}

TEST(SearchTextTest, StemsByLanguageAndDropsStopWords) {
  SearchStemmer stemmer;
  const auto id = SearchLanguage::kIndonesian;
  const auto en = SearchLanguage::kEnglish;
  EXPECT_EQ(stemmer.Term("pembangunan", id), "bangun");
  EXPECT_EQ(stemmer.Term("bangun", id), "bangun");
  EXPECT_EQ(stemmer.Term("diserang", id), stemmer.Term("serangan", id));
  EXPECT_EQ(stemmer.Term("attacks", en), stemmer.Term("attacked", en));
  EXPECT_EQ(stemmer.Term("yang", id), "");
  EXPECT_EQ(stemmer.Term("the", en), "");
  EXPECT_EQ(stemmer.Term("the", id), "the");
  EXPECT_EQ(stemmer.Term("pembangunan", SearchLanguage::kOther), "pembangunan");
  EXPECT_EQ(stemmer.Term("2024an", id), "2024an");  // words with digits are not stemmed
  // A query word without a language: each stem and the word itself.
  EXPECT_THAT(stemmer.QueryTerms("attacks", SearchLanguage::kAny),
              ElementsAre("attacks", "attack"));
  EXPECT_THAT(stemmer.QueryTerms("pembangunan", SearchLanguage::kAny),
              ElementsAre("bangun", "pembangunan"));
  EXPECT_THAT(stemmer.QueryTerms("dan", SearchLanguage::kAny), IsEmpty());
  EXPECT_THAT(stemmer.QueryTerms("the", SearchLanguage::kAny), IsEmpty());

  EXPECT_EQ(SearchLanguageOf("id"), id);
  EXPECT_EQ(SearchLanguageOf("ms-MY"), id);
  EXPECT_EQ(SearchLanguageOf("EN_us"), en);
  EXPECT_EQ(SearchLanguageOf("jv"), SearchLanguage::kOther);
  EXPECT_EQ(SearchLanguageOf(""), SearchLanguage::kOther);
  EXPECT_EQ(PostgresSearchText("Yang Pokémon dan the Bangun", id), "pokemon the bangun");
  EXPECT_EQ(PostgresSearchText("The attacks", en), "attacks");
}

TEST(SearchTextTest, StopListsAreCompiledInAndEnglishIsPostgresOwn) {
  // english.stop is PostgreSQL's list, so both backends drop the same words.
  EXPECT_EQ(SearchStopWords(SearchLanguage::kEnglish).size(), 127u);
  EXPECT_EQ(SearchStopWords(SearchLanguage::kEnglish).front(), "i");
  EXPECT_GT(SearchStopWords(SearchLanguage::kIndonesian).size(), 100u);
  for (const std::string& word : SearchStopWords(SearchLanguage::kIndonesian)) {
    // Folded, one word a line.
    EXPECT_THAT(Folded(word), ElementsAre(word));
  }
  // Content words people search for stay searchable.
  for (const char* word : {"tahun", "orang", "negara", "pemerintah", "dua", "presiden"}) {
    EXPECT_FALSE(IsSearchStopWord(word, SearchLanguage::kIndonesian)) << word;
  }
}

TEST(SearchTextTest, LanguageTags) {
  const std::string tagged = TagSearchText("abc", SearchLanguage::kEnglish);
  EXPECT_EQ(tagged.size(), 6u);
  const UntaggedText untagged = UntagSearchText(tagged);
  EXPECT_EQ(untagged.language, SearchLanguage::kEnglish);
  EXPECT_EQ(tagged.substr(untagged.offset), "abc");
  EXPECT_EQ(UntagSearchText("abc").language, SearchLanguage::kOther);
  EXPECT_EQ(UntagSearchText("abc").offset, 0u);
}

TEST(SearchQueryTest, ParsesWordsPhrasesAndExclusions) {
  auto parsed = ParseSearchQuery("Pasukan \"Korea yang Utara\" -ukraina -\"kim jong-un\" covid-19 \"open",
                                 SearchLanguage::kAny);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_EQ(parsed->required.size(), 4u);
  EXPECT_THAT(parsed->required[0].words, ElementsAre("pasukan"));
  EXPECT_THAT(parsed->required[1].words, ElementsAre("korea", "utara"));
  EXPECT_THAT(parsed->required[2].words, ElementsAre("covid", "19"));
  EXPECT_THAT(parsed->required[3].words, ElementsAre("open"));
  ASSERT_EQ(parsed->excluded.size(), 2u);
  EXPECT_THAT(parsed->excluded[0].words, ElementsAre("ukraina"));
  EXPECT_THAT(parsed->excluded[1].words, ElementsAre("kim", "jong", "un"));
  // A lone "-" is not an exclusion.
  EXPECT_EQ(ParseSearchQuery("banjir - bandung", SearchLanguage::kAny)->required.size(), 2u);
  // Stop words depend on the query language.
  EXPECT_EQ(ParseSearchQuery("the yang", SearchLanguage::kIndonesian)->required.size(), 1u);
  EXPECT_FALSE(ParseSearchQuery("the yang", SearchLanguage::kAny).ok());
}

TEST(SearchQueryTest, UnusableQueriesSayWhy) {
  for (const auto& [query, message] : std::vector<std::pair<std::string, std::string>>{
           {"", "empty"},
           {" \t\n", "empty"},
           {"!!! ...", "no words"},
           {"\"\"", "no words"},
           {"-banjir", "only excludes"},
           {"yang dan", "only common words that are not indexed (yang, dan)"},
           {std::string(1001, 'a'), "too long"},
           {"a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg",
            "too many words"},
       }) {
    auto parsed = ParseSearchQuery(query, SearchLanguage::kAny);
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << query;
    EXPECT_THAT(std::string(parsed.status().message()), HasSubstr(message)) << query;
  }
}

TEST(SearchQueryTest, Fts5ExpressionQuotesAndTagsEveryTerm) {
  auto parsed = ParseSearchQuery("a \"b c\" -d", SearchLanguage::kIndonesian);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(Fts5MatchExpression(*parsed),
            "(\"\x02i\x03" "a\" AND \"\x02i\x03" "b c\") NOT \"\x02i\x03" "d\"");
}

TEST(SearchQueryTest, SnippetsMarkMatchesAroundTheDensestPassage) {
  auto parsed = ParseSearchQuery("pembangunan jembatan", SearchLanguage::kAny);
  ASSERT_TRUE(parsed.ok());
  const SearchHighlighter highlighter(*parsed);
  EXPECT_EQ(highlighter.Highlight("Warga  bangun\nJembatan [baru]", SearchLanguage::kIndonesian),
            "Warga [bangun] [Jembatan] (baru)");
  std::string text;
  for (int i = 0; i < 40; ++i) text += "isi ";
  text += "jembatan dibangun lagi.";
  for (int i = 0; i < 40; ++i) text += " akhir";
  const std::string snippet = highlighter.Snippet(text, SearchLanguage::kIndonesian);
  EXPECT_EQ(snippet,
            "… isi isi isi [jembatan] [dibangun] lagi. akhir akhir akhir akhir akhir akhir akhir "
            "akhir akhir akhir akhir akhir akhir akhir akhir akhir akhir akhir akhir akhir akhir "
            "akhir akhir akhir …");
  // No match in the body: its start.
  EXPECT_EQ(highlighter.Snippet("Hujan deras sejak pagi.", SearchLanguage::kIndonesian),
            "Hujan deras sejak pagi.");
  EXPECT_EQ(highlighter.Snippet("", SearchLanguage::kIndonesian), "");
}

TEST(SearchPageTokenTest, RoundTripsExactlyAndBelongsToItsSearch) {
  SearchPageKey key;
  key.fingerprint = 0xfeedface12345678ULL;
  key.reference_time = 1730419200123456789;
  key.score = 0.1 + 0.2;  // not representable in short decimal
  key.position = 1234567;
  auto decoded = DecodeSearchPageToken(EncodeSearchPageToken(key), key.fingerprint);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(decoded->score, key.score);
  EXPECT_EQ(decoded->reference_time, key.reference_time);
  EXPECT_EQ(decoded->position, key.position);
  EXPECT_EQ(DecodeSearchPageToken(EncodeSearchPageToken(key), 1).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(DecodeSearchPageToken(EncodePageToken("articles", {}), 1).ok());
  warta::v1::ArticleFilter filter;
  const uint64_t plain = SearchFingerprint("q", filter);
  filter.set_language("id");
  EXPECT_NE(SearchFingerprint("q", filter), plain);
  EXPECT_NE(SearchFingerprint("q2", {}), plain);
  EXPECT_EQ(*EffectiveSearchPageSize(0), 20);
  EXPECT_EQ(*EffectiveSearchPageSize(500), 100);
  EXPECT_FALSE(EffectiveSearchPageSize(-1).ok());
}

}  // namespace
}  // namespace warta::storage
