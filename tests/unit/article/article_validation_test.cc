// What every door into Warta accepts and refuses, and the ids it derives.
#include "article/article_validation.h"

#include "absl/strings/str_cat.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace warta::article {
namespace {

using ::testing::HasSubstr;

TEST(DecodeArticleTest, ReadsProtobufJsonWithEitherFieldNames) {
  auto a = DecodeArticle(R"( {"id":"x1","languageHint":"id","body":"Halo","published_at":"2024-11-05T02:20:00Z"})");
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->id(), "x1");
  EXPECT_EQ(a->language_hint(), "id");
  EXPECT_EQ(a->published_at().seconds(), 1730773200);
}

TEST(DecodeArticleTest, IgnoresUnknownJsonFields) {
  auto a = DecodeArticle(R"({"body":"Halo","crawler_version":"7"})");
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->body(), "Halo");
}

// The crawler JSON `warta publish` reads is read the same way off
// articles.raw (kcat) and from IngestService's article_json.
TEST(DecodeArticleTest, MapsCrawlerFieldNamesOntoTheArticle) {
  auto a = DecodeArticle(R"({"id":"x","source":"kumparan","source_url":"https://k.id/a",
      "text":"Isi","lang":"id","category":"tajuk utama","date":"2017-03-27"})");
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->url(), "https://k.id/a");
  EXPECT_EQ(a->body(), "Isi");
  EXPECT_EQ(a->language_hint(), "id");
  EXPECT_EQ(a->metadata().at("category"), "tajuk utama");
  EXPECT_EQ(a->published_at().seconds(), 1490572800);
  auto content = DecodeArticle(R"({"content":"Isi lain","headline":"Judul"})");
  ASSERT_TRUE(content.ok()) << content.status();
  EXPECT_EQ(content->body(), "Isi lain");
  EXPECT_EQ(content->title(), "Judul");
}

TEST(DecodeArticleTest, BadDateIsAClearError) {
  auto a = DecodeArticle(R"({"body":"x","published_at":"kemarin"})");
  ASSERT_FALSE(a.ok());
  EXPECT_THAT(a.status().message(), HasSubstr("RFC 3339"));
}

// Crawlers write times as Unix seconds or milliseconds, numbers or strings.
TEST(DecodeArticleTest, ReadsUnixTimesInTheDateField) {
  auto seconds = DecodeArticle(R"({"body":"x","date":1490674536})");
  ASSERT_TRUE(seconds.ok()) << seconds.status();
  EXPECT_EQ(seconds->published_at().seconds(), 1490674536);
  auto millis = DecodeArticle(R"({"body":"x","published_at":"1490674536250"})");
  ASSERT_TRUE(millis.ok()) << millis.status();
  EXPECT_EQ(millis->published_at().seconds(), 1490674536);
  EXPECT_EQ(millis->published_at().nanos(), 250000000);
  // Eleven digits are neither, and say so.
  auto odd = DecodeArticle(R"({"body":"x","date":14906745360})");
  ASSERT_FALSE(odd.ok());
  EXPECT_THAT(odd.status().message(), HasSubstr("Unix seconds"));
}

// IndoSum's lines have no date field; their ids start with the Unix time the
// article was collected ("1490674536-mustahil-..."), and that dates them, so
// the same line is dated whether it comes through `warta publish`, kcat or
// IngestService. A date the article gives wins; other ids date nothing.
TEST(DecodeArticleTest, AnIdStartingWithAUnixTimeDatesAnUndatedArticle) {
  auto a = DecodeArticle(R"({"id":"1490674536-mustahil-transportasi","text":"Isi"})");
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->published_at().seconds(), 1490674536);
  EXPECT_EQ(a->metadata().at("published_at_from"), "id");

  auto dated = DecodeArticle(R"({"id":"1490674536-x","text":"Isi","date":"2017-03-27"})");
  ASSERT_TRUE(dated.ok()) << dated.status();
  EXPECT_EQ(dated->published_at().seconds(), 1490572800);
  EXPECT_EQ(dated->metadata().count("published_at_from"), 0u);

  for (const char* id : {"149067453-x", "14906745360-x", "1490674536", "1490674536x",
                         "9999999999-x", "2024-11-04_putin", "nc-001-1490674536"}) {
    auto undated = DecodeArticle(absl::StrCat(R"({"id":")", id, R"(","text":"Isi"})"));
    ASSERT_TRUE(undated.ok()) << undated.status();
    EXPECT_FALSE(undated->has_published_at()) << id;
  }
}

TEST(DecodeArticleTest, TheReasonForBadBytesIsText) {
  auto a = DecodeArticle("{\"body\": \"\xff\xfe\"}");
  ASSERT_FALSE(a.ok());
  EXPECT_THAT(a.status().message(), HasSubstr("UTF-8"));
  EXPECT_TRUE(IsValidUtf8(a.status().message())) << "it goes into DLQ headers and gRPC statuses";
}

TEST(DecodeArticleTest, AKnownFieldThatIsNotTextNamesTheField) {
  auto a = DecodeArticle(R"({"body":{"html":"<p>x</p>"}})");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(a.status().message(), HasSubstr("\"body\" must be a string"));
  // Nested extras of a crawler's own are dropped, not refused.
  auto extras = DecodeArticle(R"({"body":"x","tags":["a","b"],"views":12})");
  ASSERT_TRUE(extras.ok()) << extras.status();
  EXPECT_EQ(extras->metadata().count("tags"), 0u);
  EXPECT_EQ(extras->metadata().at("views"), "12");
}

TEST(DecodeArticleTest, NumbersPastInt64StayNumbers) {
  // Found by fuzz_article: 1e78 was cast to int64_t (undefined behaviour).
  auto a = DecodeArticle(R"({"body":"x","views":1e78,"shares":-2.5,"n":9007199254740992})");
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->metadata().at("views"), "1e+78");
  EXPECT_EQ(a->metadata().at("shares"), "-2.5");
  EXPECT_EQ(a->metadata().at("n"), "9007199254740992");
}

TEST(DecodeArticleTest, BinaryWhoseBytesLookLikeJsonIsStillBinary) {
  // The id's tag is '\n' and a 123-byte id's length is '{'.
  warta::v1::Article in;
  in.set_id(std::string(123, 'x'));
  in.set_body("Isi berita");
  auto a = DecodeArticle(in.SerializeAsString());
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->id(), in.id());
  EXPECT_EQ(a->body(), "Isi berita");
}

TEST(DecodeArticleTest, ReadsBinaryProtobuf) {
  warta::v1::Article in;
  in.set_id("b1");
  in.set_body("Isi berita");
  auto a = DecodeArticle(in.SerializeAsString());
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->id(), "b1");
  EXPECT_EQ(a->body(), "Isi berita");
}

TEST(DecodeArticleTest, RefusesBrokenJsonWithAReason) {
  auto a = DecodeArticle("{this is not json");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(a.status().message(), HasSubstr("JSON"));
  EXPECT_FALSE(DecodeArticle("").ok());
}

TEST(ValidateArticleTest, DerivesAStableIdFromTheContent) {
  warta::v1::Article a;
  a.set_title("Judul");
  a.set_body("Isi");
  warta::v1::Article b = a;
  ASSERT_TRUE(ValidateArticle(a).ok());
  ASSERT_TRUE(ValidateArticle(b).ok());
  EXPECT_EQ(a.id().size(), 32u);
  EXPECT_EQ(a.id(), b.id());
  warta::v1::Article c = b;
  c.clear_id();
  c.set_body("Isi lain");
  ASSERT_TRUE(ValidateArticle(c).ok());
  EXPECT_NE(c.id(), a.id());
}

TEST(ValidateArticleTest, KeepsAGivenId) {
  warta::v1::Article a;
  a.set_id("mine");
  a.set_body("Isi");
  ASSERT_TRUE(ValidateArticle(a).ok());
  EXPECT_EQ(a.id(), "mine");
}

TEST(ValidateArticleTest, RefusesBlankBody) {
  warta::v1::Article a;
  a.set_body(" \n\t");
  absl::Status s = ValidateArticle(a);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("body"));
}

TEST(ValidateArticleTest, RefusesOversizedFieldsNamingTheLimit) {
  warta::v1::Article a;
  a.set_body(std::string(300 * 1024, 'x'));
  absl::Status s = ValidateArticle(a);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("262144"));
  ArticleLimits generous;
  generous.max_body_bytes = 1 << 20;
  EXPECT_TRUE(ValidateArticle(a, generous).ok());
}

TEST(ValidateArticleTest, RefusesInvalidUtf8) {
  warta::v1::Article a;
  a.set_body("caf\xC3");  // truncated sequence
  EXPECT_THAT(ValidateArticle(a).message(), HasSubstr("UTF-8"));
  a.set_body("ok");
  a.set_title("\xED\xA0\x80");  // a surrogate
  EXPECT_THAT(ValidateArticle(a).message(), HasSubstr("title"));
}

TEST(IsValidUtf8Test, AcceptsIndonesianAndQuotesRejectsOverlongForms) {
  EXPECT_TRUE(IsValidUtf8("“Kami siap,” kata Choe — 10.000 tentara"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));
}

}  // namespace
}  // namespace warta::article
