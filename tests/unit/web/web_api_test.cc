#include "services/web/web_api.h"

#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace warta::web {
namespace {

// The string fields of a JSON object (the order of keys is not fixed).
std::map<std::string, std::string> Fields(const std::string& json) {
  google::protobuf::Struct object;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json, &object).ok()) << json;
  std::map<std::string, std::string> fields;
  for (const auto& [name, value] : object.fields()) fields[name] = value.string_value();
  return fields;
}

const absl::Time kNow = absl::FromUnixSeconds(1730800000);  // 2024-11-05

TEST(StoriesQueryTest, ReadsEveryFilter) {
  auto request = ParseStoriesQuery({{"days", "7"},
                                    {"language", "id"},
                                    {"min_sources", "3"},
                                    {"order", "size"},
                                    {"entity", "per:putin"},
                                    {"page_size", "10"},
                                    {"page_token", "abc"}},
                                   kNow);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->published_after().seconds(), absl::ToUnixSeconds(kNow - absl::Hours(7 * 24)));
  EXPECT_EQ(request->language(), "id");
  EXPECT_EQ(request->min_sources(), 3);
  EXPECT_EQ(request->order(), warta::v1::STORY_ORDER_SIZE);
  EXPECT_EQ(request->entity_id(), "per:putin");
  EXPECT_EQ(request->page_size(), 10);
  EXPECT_EQ(request->page_token(), "abc");
}

TEST(StoriesQueryTest, NoParametersMeansEveryStoryNewestFirstInDefaultPages) {
  auto request = ParseStoriesQuery({}, kNow);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_FALSE(request->has_published_after());  // undated stories stay in
  EXPECT_EQ(request->order(), warta::v1::STORY_ORDER_UNSPECIFIED);
  EXPECT_EQ(request->page_size(), kDefaultStoriesPage);
  // An empty value is the same as none (a form's empty select).
  auto empty = ParseStoriesQuery({{"days", ""}, {"language", ""}, {"min_sources", ""}}, kNow);
  ASSERT_TRUE(empty.ok()) << empty.status();
  EXPECT_FALSE(empty->has_published_after());
  EXPECT_EQ(empty->language(), "");
}

TEST(StoriesQueryTest, BadValuesAreInvalidArgumentNamingTheParameter) {
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"days", "-1"}, {"days", "seven"}, {"days", "99999"}, {"min_sources", "1.5"},
           {"page_size", "0"}, {"page_size", "1000"}, {"order", "random"},
           {"language", "indonesian"}, {"language", "i"}, {"language", "id;drop"},
           {"entity", "per:a/b"}, {"page_token", std::string(2000, 'x')}}) {
    auto request = ParseStoriesQuery({{name, value}}, kNow);
    ASSERT_FALSE(request.ok()) << name << "=" << value;
    EXPECT_EQ(request.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(request.status().message().find(name), std::string::npos)
        << request.status().message();
  }
}

TEST(StoriesQueryTest, FirstValueOfARepeatedParameterCounts) {
  auto request = ParseStoriesQuery({{"min_sources", "2"}, {"min_sources", "9"}}, kNow);
  ASSERT_TRUE(request.ok());
  EXPECT_EQ(request->min_sources(), 2);
}

TEST(StoriesQueryTest, AcceptsRegionalLanguageCodes) {
  auto request = ParseStoriesQuery({{"language", "zh-Hant"}}, kNow);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->language(), "zh-Hant");
}

TEST(EntitiesQueryTest, PassesTheNameQueryThrough) {
  auto request = ParseEntitiesQuery({{"q", "Put"}}, kNow);
  ASSERT_TRUE(request.ok());
  EXPECT_EQ(request->query(), "Put");
  EXPECT_EQ(request->page_size(), kDefaultEntitiesPage);
  EXPECT_FALSE(ParseEntitiesQuery({{"q", "a\nb"}}, kNow).ok());
}

TEST(EntitiesQueryTest, DaysKeepsEntitiesSeenSinceThen) {
  EXPECT_FALSE(ParseEntitiesQuery({}, kNow)->has_seen_after());
  auto week = ParseEntitiesQuery({{"days", "7"}}, kNow);
  ASSERT_TRUE(week.ok()) << week.status();
  EXPECT_EQ(absl::FromUnixSeconds(week->seen_after().seconds()), kNow - absl::Hours(24 * 7));
  EXPECT_FALSE(ParseEntitiesQuery({{"days", "-1"}}, kNow).ok());
  EXPECT_FALSE(ParseEntitiesQuery({{"days", "many"}}, kNow).ok());
}

TEST(EntitiesQueryTest, ReadsTheTypeAndRefusesOthers) {
  EXPECT_EQ(ParseEntitiesQuery({}, kNow)->type(), warta::v1::ENTITY_TYPE_UNSPECIFIED);
  EXPECT_EQ(ParseEntitiesQuery({{"type", "person"}}, kNow)->type(), warta::v1::PERSON);
  EXPECT_EQ(ParseEntitiesQuery({{"type", "organization"}}, kNow)->type(), warta::v1::ORGANIZATION);
  EXPECT_EQ(ParseEntitiesQuery({{"type", "location"}}, kNow)->type(), warta::v1::LOCATION);
  auto bad = ParseEntitiesQuery({{"type", "date"}}, kNow);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(bad.status().message(), "type")) << bad.status();
}

TEST(SearchQueryTest, NeedsWordsAndKeepsTheFilters) {
  auto request = ParseSearchQuery(
      {{"q", "pasukan \"korea utara\" -ukraina"}, {"language", "id"}, {"story", "st-1"}});
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->query(), "pasukan \"korea utara\" -ukraina");
  EXPECT_EQ(request->filter().language(), "id");
  EXPECT_EQ(request->filter().story_id(), "st-1");
  EXPECT_EQ(request->page_size(), kDefaultSearchPage);
  for (const QueryParams& missing : {QueryParams{}, QueryParams{{"q", ""}}, QueryParams{{"q", "  "}}}) {
    auto bad = ParseSearchQuery(missing);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  }
  EXPECT_FALSE(ParseSearchQuery({{"q", std::string(600, 'a')}}).ok());
}

TEST(ValidateIdTest, RefusesEmptyLongAndPathLikeIds) {
  EXPECT_TRUE(ValidateId("st-3f2a").ok());
  EXPECT_TRUE(ValidateId("per:vladimir-putin").ok());
  EXPECT_FALSE(ValidateId("").ok());
  EXPECT_FALSE(ValidateId(std::string(201, 'a')).ok());
  EXPECT_FALSE(ValidateId("../etc").ok());
  EXPECT_FALSE(ValidateId("a\x01").ok());
}

TEST(HttpStatusTest, MapsStatusCodesTheWayClientsExpect) {
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kOk), 200);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kOutOfRange), 400);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kFailedPrecondition), 400);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kAlreadyExists), 409);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kAborted), 409);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kResourceExhausted), 429);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kCancelled), 499);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kUnknown), 500);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kInternal), 500);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kDataLoss), 500);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kUnimplemented), 501);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kUnavailable), 503);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kDeadlineExceeded), 504);
}

TEST(ErrorJsonTest, CarriesMessageAndCodeEscaped) {
  const std::string json = ErrorJson(absl::NotFoundError("no story \"st-1\""));
  EXPECT_NE(json.find(R"("no story \"st-1\"")"), std::string::npos) << json;
  EXPECT_EQ(Fields(json), (std::map<std::string, std::string>{{"error", "no story \"st-1\""},
                                                              {"code", "NOT_FOUND"}}));
}

TEST(ArticleEventJsonTest, NamesTheStoryTitleAndSource) {
  warta::v1::EnrichedArticle article;
  article.mutable_article()->set_id("a1");
  article.mutable_article()->set_url("https://www.tempo.co/read/1");
  article.mutable_article()->mutable_published_at()->set_seconds(1730800000);
  article.mutable_text()->set_title("Putin bertemu Choe");
  article.mutable_language()->set_code("id");
  article.set_story_id("st-9");
  EXPECT_EQ(Fields(ArticleEventJson(article)),
            (std::map<std::string, std::string>{{"id", "a1"},
                                                {"storyId", "st-9"},
                                                {"title", "Putin bertemu Choe"},
                                                {"source", "tempo.co"},
                                                {"language", "id"},
                                                {"publishedAt", "2024-11-05T09:46:40Z"},
                                                {"duplicateOf", ""}}));
}

TEST(ToJsonTest, PrintsEmptyListsAndZeroesSoThePageNeedNotGuess) {
  warta::v1::Story story;
  story.set_id("st-1");
  const std::string json = ToJson(story);
  EXPECT_NE(json.find(R"("articles":[])"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("articleCount":0)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("mainEntities":[])"), std::string::npos) << json;
}

}  // namespace
}  // namespace warta::web
