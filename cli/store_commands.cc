// warta get/list/show/claims/contested/stories/story/entities/entity/search/
// tail/wait: StoreService clients.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <grpcpp/grpcpp.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "cli/commands.h"
#include "cli/summary.h"
#include "common/flags.h"
#include "google/protobuf/util/json_util.h"
#include "services/common/grpc_tls.h"
#include "warta/v1/services.grpc.pb.h"

namespace warta::cli {
namespace {

void SetDeadline(grpc::ClientContext& context, int seconds = 30) {
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(seconds));
}

int Fail(const char* what, const grpc::Status& status) {
  std::fprintf(stderr, "warta %s: %s (gRPC code %d)\n", what, status.error_message().c_str(),
               static_cast<int>(status.error_code()));
  return 1;
}

void PrintJson(const google::protobuf::Message& message) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  std::cout << json << "\n";
}

struct StoreFlags {
  std::string store = "127.0.0.1:50053";
  services::ClientTlsOptions tls;
  void Register(FlagSet& flags) {
    flags.String("store", &store, "warta-store gRPC address");
    services::RegisterClientTlsFlags(flags, &tls);
  }
};

// Exits 2 when the TLS flags name files that cannot be used.
std::unique_ptr<warta::v1::StoreService::Stub> Connect(const StoreFlags& flags) {
  // A page of enriched articles is easily more than gRPC's 4 MB default.
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(256 * 1024 * 1024);
  auto channel = services::CreateChannel(flags.store, flags.tls, args);
  if (!channel.ok()) {
    std::fprintf(stderr, "warta: %s\n", std::string(channel.status().message()).c_str());
    std::exit(2);
  }
  return warta::v1::StoreService::NewStub(*channel);
}

// Calls `call` for page after page (setting the request's page token) and
// `each_page` with every response, until the last page or until
// `each_page` returns false.
template <typename Request, typename Response>
grpc::Status ForEachPage(
    Request request,
    const std::function<grpc::Status(grpc::ClientContext*, const Request&, Response*)>& call,
    const std::function<bool(const Response&)>& each_page) {
  std::string token;
  do {
    grpc::ClientContext context;
    SetDeadline(context);
    request.set_page_token(token);
    Response response;
    grpc::Status status = call(&context, request, &response);
    if (!status.ok()) return status;
    if (!each_page(response)) break;
    token = response.next_page_token();
  } while (!token.empty());
  return grpc::Status::OK;
}

// Pages through ListArticles, calling `each` per article (at most `limit`
// of them when limit > 0).
int ForEachArticle(warta::v1::StoreService::Stub& stub, const warta::v1::ArticleFilter& filter,
                   int limit, const std::function<void(const warta::v1::EnrichedArticle&)>& each) {
  warta::v1::ListArticlesRequest request;
  *request.mutable_filter() = filter;
  request.set_page_size(200);
  int seen = 0;
  grpc::Status status = ForEachPage<warta::v1::ListArticlesRequest, warta::v1::ListArticlesResponse>(
      request,
      [&](grpc::ClientContext* c, const auto& r, auto* out) { return stub.ListArticles(c, r, out); },
      [&](const warta::v1::ListArticlesResponse& page) {
        for (const auto& a : page.articles()) {
          each(a);
          if (limit > 0 && ++seen >= limit) return false;
        }
        return true;
      });
  return status.ok() ? 0 : Fail("list", status);
}

// Pages through a list with `call`, printing each item of `items(page)` as
// protobuf JSON or `summarize(item)`, at most `limit` of them (0: all).
template <typename Request, typename Response, typename Items, typename Summarize>
grpc::Status PrintPages(
    Request request,
    const std::function<grpc::Status(grpc::ClientContext*, const Request&, Response*)>& call,
    Items items, int limit, bool json, Summarize summarize) {
  request.set_page_size(limit > 0 && limit < 200 ? limit : 200);
  int seen = 0;
  return ForEachPage<Request, Response>(request, call, [&](const Response& page) {
    for (const auto& item : items(page)) {
      if (json) PrintJson(item);
      else std::cout << summarize(item);
      if (limit > 0 && ++seen >= limit) return false;
    }
    return true;
  });
}

// Gets each of `ids` with `call` and prints it as protobuf JSON or
// `summarize(reply)`; 2 when no id was given, 1 on the first failure.
template <typename Request, typename Reply, typename Summarize>
int PrintEach(const char* command, const char* hint, const Args& ids,
              const std::function<grpc::Status(grpc::ClientContext*, const Request&, Reply*)>& call,
              bool json, Summarize summarize) {
  if (ids.empty()) {
    std::fprintf(stderr, "warta %s: %s\n", command, hint);
    return 2;
  }
  for (const std::string& id : ids) {
    grpc::ClientContext context;
    SetDeadline(context);
    Request request;
    request.set_id(id);
    Reply reply;
    grpc::Status status = call(&context, request, &reply);
    if (!status.ok()) return Fail(command, status);
    if (json) PrintJson(reply);
    else std::cout << summarize(reply) << "\n";
  }
  return 0;
}

struct FilterOptions {
  std::string language, source, entity, story;
};

void FilterFlags(FlagSet& flags, FilterOptions* f) {
  flags.String("language", &f->language, "only articles in this language (e.g. id)");
  flags.String("source", &f->source, "only articles from this source");
  flags.String("entity", &f->entity, "only articles mentioning this entity id");
  flags.String("story", &f->story, "only articles of this story id");
}

warta::v1::ArticleFilter MakeFilter(const FilterOptions& f) {
  warta::v1::ArticleFilter filter;
  filter.set_language(f.language);
  filter.set_source(f.source);
  filter.set_entity_id(f.entity);
  filter.set_story_id(f.story);
  return filter;
}

}  // namespace

int RunGet(const Args& args) {
  StoreFlags sf;
  FlagSet flags("warta get [flags] ID", "Prints one stored article as protobuf JSON.");
  sf.Register(flags);
  Args ids = flags.ParseOrExit(args);
  if (ids.size() != 1) {
    std::fputs("warta get: give exactly one article ID\n", stderr);
    return 2;
  }
  auto stub = Connect(sf);
  grpc::ClientContext context;
  SetDeadline(context);
  warta::v1::GetArticleRequest request;
  request.set_id(ids[0]);
  warta::v1::EnrichedArticle article;
  grpc::Status status = stub->GetArticle(&context, request, &article);
  if (!status.ok()) return Fail("get", status);
  PrintJson(article);
  return 0;
}

int RunList(const Args& args) {
  StoreFlags sf;
  FilterOptions filter;
  int limit = 0;
  bool json = false;
  FlagSet flags("warta list [flags]",
                "Lists stored articles, newest first: id, date, language, title (or --json).");
  sf.Register(flags);
  FilterFlags(flags, &filter);
  flags.Int("limit", &limit, "at most this many (0: all)");
  flags.Bool("json", &json, "one EnrichedArticle per line as protobuf JSON");
  flags.ParseOrExit(args);
  auto stub = Connect(sf);
  return ForEachArticle(*stub, MakeFilter(filter), limit,
                        [&](const warta::v1::EnrichedArticle& a) {
                          if (json) return PrintJson(a);
                          std::printf("%s  %s  %-3s  %s\n", a.article().id().c_str(),
                                      a.text().has_published_at()
                                          ? absl::FormatTime("%Y-%m-%d",
                                                             absl::FromUnixSeconds(a.text().published_at().seconds()),
                                                             absl::UTCTimeZone()).c_str()
                                          : "----------",
                                      a.language().code().c_str(), a.text().title().c_str());
                        });
}

int RunShow(const Args& args) {
  StoreFlags sf;
  FilterOptions filter;
  FlagSet flags("warta show [flags] [ID...]",
                "Prints a readable summary (language, top entities, claims with speakers) of the\n"
                "given stored articles, or of all of them.");
  sf.Register(flags);
  FilterFlags(flags, &filter);
  Args ids = flags.ParseOrExit(args);
  auto stub = Connect(sf);
  if (ids.empty()) {
    return ForEachArticle(*stub, MakeFilter(filter), 0,
                          [](const warta::v1::EnrichedArticle& a) {
                            std::cout << SummarizeArticle(a) << "\n";
                          });
  }
  for (const std::string& id : ids) {
    grpc::ClientContext context;
    SetDeadline(context);
    warta::v1::GetArticleRequest request;
    request.set_id(id);
    warta::v1::EnrichedArticle article;
    grpc::Status status = stub->GetArticle(&context, request, &article);
    if (!status.ok()) return Fail("show", status);
    std::cout << SummarizeArticle(article) << "\n";
  }
  return 0;
}

int RunClaims(const Args& args) {
  StoreFlags sf;
  std::string speaker, entity, article;
  FlagSet flags("warta claims [flags]", "Lists stored claims as protobuf JSON, one per line.");
  sf.Register(flags);
  flags.String("speaker", &speaker, "claims by this speaker entity id");
  flags.String("entity", &entity, "claims mentioning this entity id");
  flags.String("article", &article, "claims of this article id");
  flags.ParseOrExit(args);
  auto stub = Connect(sf);
  warta::v1::ListClaimsRequest request;
  request.set_speaker_entity_id(speaker);
  request.set_entity_id(entity);
  request.set_article_id(article);
  request.set_page_size(500);
  grpc::Status status = ForEachPage<warta::v1::ListClaimsRequest, warta::v1::ListClaimsResponse>(
      request,
      [&](grpc::ClientContext* c, const auto& r, auto* out) { return stub->ListClaims(c, r, out); },
      [](const warta::v1::ListClaimsResponse& page) {
        for (const auto& c : page.claims()) PrintJson(c);
        return true;
      });
  return status.ok() ? 0 : Fail("claims", status);
}

int RunContested(const Args& args) {
  StoreFlags sf;
  std::string entity;
  int window_days = 0;
  bool json = false;
  FlagSet flags("warta contested [flags]",
                "Lists contested claims: the same measured thing given different values by\n"
                "different speakers or sources.");
  sf.Register(flags);
  flags.String("entity", &entity, "only groups about this entity id");
  flags.Int("window_days", &window_days, "compare claims at most this many days apart (0: 30)");
  flags.Bool("json", &json, "protobuf JSON instead of text");
  flags.ParseOrExit(args);
  auto stub = Connect(sf);
  warta::v1::ListContestedClaimsRequest request;
  request.set_entity_id(entity);
  request.set_window_days(window_days);
  grpc::Status status =
      ForEachPage<warta::v1::ListContestedClaimsRequest, warta::v1::ListContestedClaimsResponse>(
          request,
          [&](grpc::ClientContext* c, const auto& r, auto* out) {
            return stub->ListContestedClaims(c, r, out);
          },
          [&](const warta::v1::ListContestedClaimsResponse& page) {
            for (const auto& c : page.contested()) {
              if (json) PrintJson(c);
              else std::cout << SummarizeContested(c);
            }
            return true;
          });
  return status.ok() ? 0 : Fail("contested", status);
}

int RunStories(const Args& args) {
  StoreFlags sf;
  std::string entity, language, order = "update";
  int min_sources = 0, limit = 20;
  bool json = false;
  FlagSet flags("warta stories [flags]",
                "Lists stories (articles about one event, grouped as they arrive): id, articles,\n"
                "sources, languages, dates and title, most recently updated first.");
  sf.Register(flags);
  flags.String("entity", &entity, "only stories mentioning this entity id");
  flags.String("language", &language, "only stories with an article in this language");
  flags.Int("min_sources", &min_sources, "only stories reported by at least this many sources");
  flags.String("order", &order, "update (most recently updated first) or size (largest first)");
  flags.Int("limit", &limit, "at most this many (0: all)");
  flags.Bool("json", &json, "protobuf JSON instead of text");
  flags.ParseOrExit(args);
  if (order != "update" && order != "size") {
    std::fprintf(stderr, "warta stories: --order must be update or size, not \"%s\"\n",
                 order.c_str());
    return 2;
  }
  auto stub = Connect(sf);
  warta::v1::ListStoriesRequest request;
  request.set_entity_id(entity);
  request.set_language(language);
  request.set_min_sources(min_sources);
  request.set_order(order == "size" ? warta::v1::STORY_ORDER_SIZE
                                    : warta::v1::STORY_ORDER_LAST_UPDATE);
  grpc::Status status =
      PrintPages<warta::v1::ListStoriesRequest, warta::v1::ListStoriesResponse>(
          request,
          [&](grpc::ClientContext* c, const auto& r, auto* out) {
            return stub->ListStories(c, r, out);
          },
          [](const auto& page) -> const auto& { return page.stories(); }, limit, json,
          SummarizeStoryLine);
  return status.ok() ? 0 : Fail("stories", status);
}

int RunStory(const Args& args) {
  StoreFlags sf;
  bool json = false;
  FlagSet flags("warta story [flags] ID...",
                "Prints stories: their articles by source and time, main entities, contested\n"
                "figures and timeline of figures (which source said what when).");
  sf.Register(flags);
  flags.Bool("json", &json, "protobuf JSON instead of text");
  Args ids = flags.ParseOrExit(args);
  auto stub = Connect(sf);
  return PrintEach<warta::v1::GetStoryRequest, warta::v1::Story>(
      "story", "give a story id (see `warta stories`)", ids,
      [&](grpc::ClientContext* c, const auto& r, auto* out) { return stub->GetStory(c, r, out); },
      json, SummarizeStory);
}

int RunEntities(const Args& args) {
  StoreFlags sf;
  std::string type;
  int limit = 20;
  bool json = false;
  FlagSet flags("warta entities [flags] [NAME]",
                "Lists canonical entities (most mentioned first) whose name or an alias contains\n"
                "NAME, with the id that `warta claims --speaker` and `--entity` take.");
  sf.Register(flags);
  flags.String("type", &type, "person, org or place (empty: all three)");
  flags.Int("limit", &limit, "at most this many (0: all)");
  flags.Bool("json", &json, "protobuf JSON instead of text");
  Args rest = flags.ParseOrExit(args);
  warta::v1::ListEntitiesRequest request;
  request.set_query(absl::StrJoin(rest, " "));
  if (type == "person") request.set_type(warta::v1::PERSON);
  else if (type == "org") request.set_type(warta::v1::ORGANIZATION);
  else if (type == "place") request.set_type(warta::v1::LOCATION);
  else if (!type.empty()) {
    std::fprintf(stderr, "warta entities: --type must be person, org or place\n");
    return 2;
  }
  auto stub = Connect(sf);
  grpc::Status status =
      PrintPages<warta::v1::ListEntitiesRequest, warta::v1::ListEntitiesResponse>(
          request,
          [&](grpc::ClientContext* c, const auto& r, auto* out) {
            return stub->ListEntities(c, r, out);
          },
          [](const auto& page) -> const auto& { return page.entities(); }, limit, json,
          SummarizeEntityLine);
  return status.ok() ? 0 : Fail("entities", status);
}

int RunEntity(const Args& args) {
  StoreFlags sf;
  bool json = false;
  FlagSet flags("warta entity [flags] ID...",
                "Prints entities: aliases, roles, the entities seen with them, their stories and\n"
                "the claims they made.");
  sf.Register(flags);
  flags.Bool("json", &json, "protobuf JSON instead of text");
  Args ids = flags.ParseOrExit(args);
  auto stub = Connect(sf);
  return PrintEach<warta::v1::GetEntityRequest, warta::v1::EntityDetail>(
      "entity", "give an entity id (see `warta entities NAME`)", ids,
      [&](grpc::ClientContext* c, const auto& r, auto* out) { return stub->GetEntity(c, r, out); },
      json, SummarizeEntity);
}

int RunSearch(const Args& args) {
  StoreFlags sf;
  FilterOptions filter;
  int limit = 10;
  bool json = false;
  FlagSet flags("warta search [flags] QUERY...",
                "Full-text search of the stored articles, best first (relevance with a recency\n"
                "boost): rank, title, source, date, score, id and a snippet, matches marked.\n"
                "QUERY: words (all must match, stemmed: \"pembangunan\" finds \"bangun\"),\n"
                "\"quoted phrases\" and -exclusions, e.g.  warta search 'pasukan \"korea utara\" "
                "-ukraina'");
  sf.Register(flags);
  FilterFlags(flags, &filter);
  flags.Int("limit", &limit, "at most this many hits (0: all, up to the ranked candidates)");
  flags.Bool("json", &json, "one SearchHit per line as protobuf JSON");
  Args words = flags.ParseOrExit(args);
  if (words.empty()) {
    std::fputs("warta search: give a query, e.g. warta search \"pasukan korea utara\"\n", stderr);
    return 2;
  }
  // Bold matches on a terminal, the response's marks elsewhere.
  const bool bold = !json && isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
  auto stub = Connect(sf);
  warta::v1::SearchArticlesRequest request;
  request.set_query(absl::StrJoin(words, " "));
  *request.mutable_filter() = MakeFilter(filter);
  int rank = 0;
  std::pair<std::string, std::string> marks;
  grpc::Status status =
      PrintPages<warta::v1::SearchArticlesRequest, warta::v1::SearchArticlesResponse>(
          request,
          [&](grpc::ClientContext* c, const auto& r, auto* out) {
            return stub->SearchArticles(c, r, out);
          },
          [&](const auto& page) -> const auto& {
            // The marks come with each page; the hits are printed with them.
            marks = {page.snippet_mark_start(), page.snippet_mark_end()};
            return page.hits();
          },
          limit, json, [&](const warta::v1::SearchHit& hit) {
            return SummarizeSearchHit(hit, ++rank, marks.first, marks.second, bold);
          });
  if (!status.ok()) return Fail("search", status);
  if (rank == 0 && !json) std::fputs("no articles found\n", stderr);
  return 0;
}

int RunTail(const Args& args) {
  StoreFlags sf;
  FilterOptions filter;
  bool json = false;
  FlagSet flags("warta tail [flags]",
                "Follows the store: prints each article as it is stored, until interrupted.");
  sf.Register(flags);
  FilterFlags(flags, &filter);
  flags.Bool("json", &json, "protobuf JSON instead of a readable summary");
  flags.ParseOrExit(args);
  auto stub = Connect(sf);
  grpc::ClientContext context;
  warta::v1::WatchRequest request;
  *request.mutable_filter() = MakeFilter(filter);
  auto reader = stub->Watch(&context, request);
  warta::v1::EnrichedArticle article;
  while (reader->Read(&article)) {
    if (json) PrintJson(article);
    else std::cout << SummarizeArticle(article) << std::endl;
  }
  grpc::Status status = reader->Finish();
  return status.ok() ? 0 : Fail("tail", status);
}

int RunWait(const Args& args) {
  StoreFlags sf;
  int count = 1, timeout_s = 120;
  FlagSet flags("warta wait [flags]",
                "Waits until the store holds at least --count articles; exits 1 on timeout.");
  sf.Register(flags);
  flags.Int("count", &count, "articles to wait for");
  flags.Int("timeout_s", &timeout_s, "give up after this many seconds");
  flags.ParseOrExit(args);
  auto stub = Connect(sf);
  absl::Time deadline = absl::Now() + absl::Seconds(timeout_s);
  int have = 0;
  while (absl::Now() < deadline) {
    have = 0;
    warta::v1::ListArticlesRequest request;
    request.set_page_size(100);
    bool ok = ForEachPage<warta::v1::ListArticlesRequest, warta::v1::ListArticlesResponse>(
                  request,
                  [&](grpc::ClientContext* c, const auto& r, auto* out) {
                    return stub->ListArticles(c, r, out);
                  },
                  [&](const warta::v1::ListArticlesResponse& page) {
                    have += page.articles_size();
                    return true;
                  })
                  .ok();
    if (ok && have >= count) {
      std::fprintf(stderr, "store holds %d article(s)\n", have);
      return 0;
    }
    absl::SleepFor(absl::Milliseconds(500));
  }
  std::fprintf(stderr, "warta wait: store holds %d of %d article(s) after %ds\n", have, count,
               timeout_s);
  return 1;
}

}  // namespace warta::cli
