// The pure part of warta-web's JSON API, without HTTP or gRPC: turning query
// parameters into StoreService requests (bad values are INVALID_ARGUMENT,
// answered 400), mapping a status code to an HTTP status, the JSON error
// body, and the JSON the live event stream sends per stored article.
//
// Pure functions; thread-safe.
#ifndef WARTA_SERVICES_WEB_WEB_API_H_
#define WARTA_SERVICES_WEB_WEB_API_H_

#include <map>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "google/protobuf/message.h"
#include "warta/v1/article.pb.h"
#include "warta/v1/services.pb.h"

namespace warta::web {

// A request's query parameters, name → value (the type httplib::Params is,
// so the adapter hands them over unchanged). With a repeated name the first
// value counts; unknown names are ignored (cache busters and the like).
using QueryParams = std::multimap<std::string, std::string>;

// Page sizes the API hands to the store when the client gives none.
inline constexpr int kDefaultStoriesPage = 30;
inline constexpr int kDefaultEntitiesPage = 20;
inline constexpr int kDefaultSearchPage = 20;

// GET /api/stories?days=&language=&min_sources=&entity=&order=update|size
//   &page_size=&page_token=
// `days` keeps the stories with an article published in the last `days`
// days before `now` (absent or 0: all, undated ones included).
absl::StatusOr<warta::v1::ListStoriesRequest> ParseStoriesQuery(const QueryParams& params,
                                                                absl::Time now);

// GET /api/entities?q=&type=&days=&page_size=&page_token=
absl::StatusOr<warta::v1::ListEntitiesRequest> ParseEntitiesQuery(const QueryParams& params,
                                                                  absl::Time now);

// GET /api/search?q=&language=&source=&story=&page_size=&page_token= (q required).
absl::StatusOr<warta::v1::SearchArticlesRequest> ParseSearchQuery(const QueryParams& params);

// A story, entity or article id taken from the path: non-empty, at most 200
// bytes, no control characters and no '/'.
absl::Status ValidateId(const std::string& id);

// The HTTP status for a status code (Google's gRPC ↔ HTTP table: NOT_FOUND
// 404, INVALID_ARGUMENT 400, UNIMPLEMENTED 501, UNAVAILABLE 503,
// DEADLINE_EXCEEDED 504, ...). absl and gRPC share the numbering.
int HttpStatusFor(absl::StatusCode code);

// {"error": "<message>", "code": "NOT_FOUND"} for a non-OK status.
std::string ErrorJson(const absl::Status& status);

// The event for one stored article: {"id", "storyId", "title", "source",
// "language", "publishedAt", "duplicateOf"} with the story's own notion of
// title and source (storage/article_keys.h), so the page files it under the
// same source the story page shows.
std::string ArticleEventJson(const warta::v1::EnrichedArticle& article);

// A protobuf message as the API's JSON: lowerCamelCase names, empty lists and
// zero values printed (the page need not guess).
std::string ToJson(const google::protobuf::Message& message);

}  // namespace warta::web

#endif  // WARTA_SERVICES_WEB_WEB_API_H_
