#include "services/store/store_service.h"

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <thread>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/common/grpc_status.h"
#include "storage/sqlite/sqlite_store.h"
#include "tests/unit/storage/test_articles.h"

namespace warta::storage {
namespace {

using services::StoreServiceImpl;
using testing::MakeArticle;
using testing::Nov2024;

// A StoreService over an in-memory SqliteStore, reached through an
// in-process channel (no network).
class StoreServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SqliteStoreOptions options;
    options.clock = [this] {
      absl::MutexLock lock(&clock_mu_);
      return now_;
    };
    auto store = SqliteStore::Open(":memory:", options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    service_ = std::make_unique<StoreServiceImpl>(store_.get());
    grpc::ServerBuilder builder;
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    stub_ = warta::v1::StoreService::NewStub(
        server_->InProcessChannel(grpc::ChannelArguments()));
  }

  void TearDown() override {
    service_->Shutdown();
    server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
  }

  void Advance(absl::Duration d) {
    absl::MutexLock lock(&clock_mu_);
    now_ += d;
  }
  absl::Time Now() {
    absl::MutexLock lock(&clock_mu_);
    return now_;
  }

  absl::Mutex clock_mu_;
  absl::Time now_ = absl::FromUnixSeconds(Nov2024(10));
  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<StoreServiceImpl> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<warta::v1::StoreService::Stub> stub_;
};

TEST(ToGrpcStatusTest, KeepsCodeAndMessage) {
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
  const grpc::Status s = ToGrpcStatus(absl::NotFoundError("no article \"x\""));
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(s.error_message(), "no article \"x\"");
  EXPECT_EQ(ToGrpcStatus(absl::InvalidArgumentError("")).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(StoreServiceTest, GetArticleReturnsStoredOrNotFound) {
  ASSERT_TRUE(store_->Upsert(testing::KurskArticle(), {}).ok());
  grpc::ClientContext ok_context;
  warta::v1::GetArticleRequest request;
  request.set_id("putin-choe-kursk");
  warta::v1::EnrichedArticle response;
  ASSERT_TRUE(stub_->GetArticle(&ok_context, request, &response).ok());
  EXPECT_EQ(response.claims_size(), 3);

  grpc::ClientContext missing_context;
  request.set_id("missing");
  const grpc::Status status = stub_->GetArticle(&missing_context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), ::testing::HasSubstr("missing"));
}

TEST_F(StoreServiceTest, ListCallsPassFiltersAndErrorsThrough) {
  ASSERT_TRUE(store_->Upsert(testing::BergeloraArticle(), {}).ok());
  ASSERT_TRUE(store_->Upsert(testing::KurskArticle(), {}).ok());
  {
    grpc::ClientContext context;
    warta::v1::ListArticlesRequest request;
    request.mutable_filter()->set_entity_id("loc:kursk");
    warta::v1::ListArticlesResponse response;
    ASSERT_TRUE(stub_->ListArticles(&context, request, &response).ok());
    ASSERT_EQ(response.articles_size(), 1);
    EXPECT_EQ(response.articles(0).article().id(), "putin-choe-kursk");
  }
  {
    grpc::ClientContext context;
    warta::v1::ListArticlesRequest request;
    request.set_page_token("bogus");
    warta::v1::ListArticlesResponse response;
    EXPECT_EQ(stub_->ListArticles(&context, request, &response).error_code(),
              grpc::StatusCode::INVALID_ARGUMENT);
  }
  {
    grpc::ClientContext context;
    warta::v1::ListClaimsRequest request;
    request.set_speaker_entity_id("per:matthew_miller");
    warta::v1::ListClaimsResponse response;
    ASSERT_TRUE(stub_->ListClaims(&context, request, &response).ok());
    ASSERT_EQ(response.claims_size(), 1);
    EXPECT_EQ(response.claims(0).speaker_name(), "Matthew Miller");
  }
  {
    grpc::ClientContext context;
    warta::v1::ListContestedClaimsRequest request;
    request.set_entity_id("loc:rusia");
    warta::v1::ListContestedClaimsResponse response;
    ASSERT_TRUE(stub_->ListContestedClaims(&context, request, &response).ok());
    ASSERT_EQ(response.contested_size(), 1);
    EXPECT_EQ(response.contested(0).values_size(), 4);
  }
}

TEST_F(StoreServiceTest, SearchArticlesFindsStemmedWordsAndRefusesEmptyQueries) {
  auto article = testing::KurskArticle();
  article.mutable_text()->set_title("Serangan di Kursk");
  ASSERT_TRUE(store_->Upsert(article, {}).ok());
  {
    grpc::ClientContext context;
    warta::v1::SearchArticlesRequest request;
    request.set_query("diserang");
    request.mutable_filter()->set_language("id");
    warta::v1::SearchArticlesResponse response;
    ASSERT_TRUE(stub_->SearchArticles(&context, request, &response).ok());
    ASSERT_EQ(response.hits_size(), 1);
    EXPECT_EQ(response.hits(0).title_snippet(), "[Serangan] di Kursk");
    EXPECT_EQ(response.snippet_mark_start(), "[");
  }
  {
    grpc::ClientContext context;
    warta::v1::SearchArticlesRequest request;
    request.set_query("  ");
    warta::v1::SearchArticlesResponse response;
    const grpc::Status status = stub_->SearchArticles(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(status.error_message(), ::testing::HasSubstr("empty"));
  }
}

TEST_F(StoreServiceTest, WatchStreamsMatchingArticlesStoredAfterItStarts) {
  ASSERT_TRUE(store_->Upsert(MakeArticle("before", "s", "id", Nov2024(1)), {}).ok());
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  warta::v1::WatchRequest request;
  request.mutable_filter()->set_language("id");
  auto reader = stub_->Watch(&context, request);
  reader->WaitForInitialMetadata();  // the server is subscribed now

  ASSERT_TRUE(store_->Upsert(MakeArticle("english", "s", "en", Nov2024(2)), {}).ok());
  ASSERT_TRUE(store_->Upsert(MakeArticle("after", "s", "id", Nov2024(2)), {}).ok());
  warta::v1::EnrichedArticle article;
  ASSERT_TRUE(reader->Read(&article));
  EXPECT_EQ(article.article().id(), "after");

  // A re-enrichment of an article is streamed again.
  auto updated = MakeArticle("before", "s", "id", Nov2024(1));
  updated.set_pipeline_version("2.0");
  ASSERT_TRUE(store_->Upsert(updated, {}).ok());
  ASSERT_TRUE(reader->Read(&article));
  EXPECT_EQ(article.article().id(), "before");
  EXPECT_EQ(article.pipeline_version(), "2.0");

  context.TryCancel();
  while (reader->Read(&article)) {
  }
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
}

TEST_F(StoreServiceTest, WatchFollowsOneStory) {
  auto first = MakeArticle("first", "tempo.co", "id", Nov2024(4));
  first.mutable_text()->set_body(
      "Pasukan Korea Utara tiba di Kursk untuk membantu tentara Rusia melawan Ukraina.");
  ASSERT_TRUE(store_->Upsert(first, {}).ok());
  const std::string story = store_->GetArticle("first")->story_id();
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  warta::v1::WatchRequest request;
  request.mutable_filter()->set_story_id(story);
  auto reader = stub_->Watch(&context, request);
  reader->WaitForInitialMetadata();

  auto other = MakeArticle("other", "kompas.com", "id", Nov2024(4));
  other.mutable_text()->set_body("Harga beras di pasar induk naik menjelang akhir tahun.");
  ASSERT_TRUE(store_->Upsert(other, {}).ok());
  auto follow_up = MakeArticle("follow-up", "antaranews.com", "id", Nov2024(5));
  follow_up.mutable_text()->set_body(
      "Ribuan pasukan Korea Utara di Kursk siap membantu tentara Rusia melawan Ukraina.");
  ASSERT_TRUE(store_->Upsert(follow_up, {}).ok());
  warta::v1::EnrichedArticle article;
  ASSERT_TRUE(reader->Read(&article));
  EXPECT_EQ(article.article().id(), "follow-up");
  EXPECT_EQ(article.story_id(), story);
  context.TryCancel();
  while (reader->Read(&article)) {
  }
}

TEST_F(StoreServiceTest, WatchWithSinceAlsoSendsArticlesStoredAfterThatTime) {
  ASSERT_TRUE(store_->Upsert(MakeArticle("old", "s", "id", Nov2024(1)), {}).ok());
  Advance(absl::Minutes(10));
  const absl::Time since = Now();
  Advance(absl::Minutes(10));
  ASSERT_TRUE(store_->Upsert(MakeArticle("recent", "s", "id", Nov2024(2)), {}).ok());

  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  warta::v1::WatchRequest request;
  request.mutable_since()->set_seconds(absl::ToUnixSeconds(since));
  auto reader = stub_->Watch(&context, request);
  warta::v1::EnrichedArticle article;
  ASSERT_TRUE(reader->Read(&article));
  EXPECT_EQ(article.article().id(), "recent");
  ASSERT_TRUE(store_->Upsert(MakeArticle("new", "s", "id", Nov2024(3)), {}).ok());
  ASSERT_TRUE(reader->Read(&article));
  EXPECT_EQ(article.article().id(), "new");
  context.TryCancel();
  while (reader->Read(&article)) {
  }
}

TEST_F(StoreServiceTest, ShutdownEndsOpenWatchesPromptly) {
  grpc::ClientContext context;
  auto reader = stub_->Watch(&context, warta::v1::WatchRequest());
  reader->WaitForInitialMetadata();
  const absl::Time start = absl::Now();
  service_->Shutdown();
  warta::v1::EnrichedArticle article;
  EXPECT_FALSE(reader->Read(&article));
  EXPECT_TRUE(reader->Finish().ok());
  EXPECT_LT(absl::Now() - start, absl::Seconds(1));
}

TEST_F(StoreServiceTest, WatchEndsAtItsDeadline) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(300));
  auto reader = stub_->Watch(&context, warta::v1::WatchRequest());
  warta::v1::EnrichedArticle article;
  EXPECT_FALSE(reader->Read(&article));
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
}

}  // namespace
}  // namespace warta::storage
