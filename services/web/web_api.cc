#include "services/web/web_api.h"

#include <cctype>
#include <optional>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/time_util.h"
#include "storage/article_keys.h"
#include "storage/stories/story_clusterer.h"

namespace warta::web {
namespace {

constexpr int kMaxPageSize = 100;
constexpr int kMaxDays = 3650;
constexpr int kMaxSources = 1000;
constexpr size_t kMaxTokenBytes = 1024;
constexpr size_t kMaxIdBytes = 200;
constexpr size_t kMaxQueryBytes = 500;

const std::string* Find(const QueryParams& params, const char* name) {
  auto it = params.find(name);
  return it == params.end() ? nullptr : &it->second;
}

// Quotes a bad value back in an error message, shortened.
std::string Quoted(const std::string& value) {
  return absl::StrCat("\"", value.size() > 40 ? value.substr(0, 40) + "…" : value, "\"");
}

// An optional whole number in [min, max]; `out` keeps its value when absent.
absl::Status ParseInt(const QueryParams& params, const char* name, int min, int max, int* out) {
  const std::string* value = Find(params, name);
  if (value == nullptr || value->empty()) return absl::OkStatus();
  int parsed = 0;
  if (!absl::SimpleAtoi(*value, &parsed) || parsed < min || parsed > max) {
    return absl::InvalidArgumentError(absl::StrCat(name, " must be a whole number from ", min,
                                                   " to ", max, ", not ", Quoted(*value)));
  }
  *out = parsed;
  return absl::OkStatus();
}

absl::Status ParseText(const QueryParams& params, const char* name, size_t max_bytes,
                       std::string* out) {
  const std::string* value = Find(params, name);
  if (value == nullptr) return absl::OkStatus();
  if (value->size() > max_bytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, " is longer than ", max_bytes, " bytes"));
  }
  for (unsigned char c : *value) {
    if (c < 0x20 || c == 0x7f) {
      return absl::InvalidArgumentError(absl::StrCat(name, " holds a control character"));
    }
  }
  *out = *value;
  return absl::OkStatus();
}

// A language code as the store keeps them: "id", "en", "ms", "jv", "zh-Hant".
bool IsLanguageCode(const std::string& code) {
  size_t letters = 0;
  while (letters < code.size() && std::isalpha(static_cast<unsigned char>(code[letters]))) {
    ++letters;
  }
  if (letters < 2 || letters > 3) return false;
  if (letters == code.size()) return true;
  if (code[letters] != '-' || code.size() - letters - 1 < 1 || code.size() - letters - 1 > 8) {
    return false;
  }
  for (size_t i = letters + 1; i < code.size(); ++i) {
    if (!std::isalnum(static_cast<unsigned char>(code[i]))) return false;
  }
  return true;
}

absl::Status ParseLanguage(const QueryParams& params, std::string* out) {
  const std::string* value = Find(params, "language");
  if (value == nullptr || value->empty()) return absl::OkStatus();
  if (!IsLanguageCode(*value)) {
    return absl::InvalidArgumentError(
        absl::StrCat("language must be a language code such as id or en, not ", Quoted(*value)));
  }
  *out = *value;
  return absl::OkStatus();
}

// page_size and page_token, shared by every list.
absl::Status ParsePage(const QueryParams& params, int default_size, int* size,
                       std::string* token) {
  *size = default_size;
  RETURN_IF_ERROR(ParseInt(params, "page_size", 1, kMaxPageSize, size));
  return ParseText(params, "page_token", kMaxTokenBytes, token);
}

absl::Status ParseOptionalId(const QueryParams& params, const char* name, std::string* out) {
  const std::string* value = Find(params, name);
  if (value == nullptr || value->empty()) return absl::OkStatus();
  absl::Status valid = ValidateId(*value);
  if (!valid.ok()) return absl::InvalidArgumentError(absl::StrCat(name, ": ", valid.message()));
  *out = *value;
  return absl::OkStatus();
}

// `days` (0 to kMaxDays): when positive, the time that many days before
// `now` ("published / seen in the last N days"); nullopt when absent or 0,
// so the caller leaves its timestamp field unset.
absl::StatusOr<std::optional<google::protobuf::Timestamp>> ParseDaysBack(const QueryParams& params,
                                                                        absl::Time now) {
  int days = 0;
  RETURN_IF_ERROR(ParseInt(params, "days", 0, kMaxDays, &days));
  if (days == 0) return std::nullopt;
  return storage::NanosToTimestamp(absl::ToUnixNanos(now - absl::Hours(24) * days));
}

}  // namespace

absl::StatusOr<warta::v1::ListStoriesRequest> ParseStoriesQuery(const QueryParams& params,
                                                                absl::Time now) {
  warta::v1::ListStoriesRequest request;
  int min_sources = 0, page_size = 0;
  ASSIGN_OR_RETURN(const auto published_after, ParseDaysBack(params, now));
  if (published_after) *request.mutable_published_after() = *published_after;
  RETURN_IF_ERROR(ParseInt(params, "min_sources", 0, kMaxSources, &min_sources));
  RETURN_IF_ERROR(ParseLanguage(params, request.mutable_language()));
  RETURN_IF_ERROR(ParseOptionalId(params, "entity", request.mutable_entity_id()));
  RETURN_IF_ERROR(ParsePage(params, kDefaultStoriesPage, &page_size,
                            request.mutable_page_token()));
  if (const std::string* order = Find(params, "order"); order != nullptr && !order->empty()) {
    if (*order == "size") {
      request.set_order(warta::v1::STORY_ORDER_SIZE);
    } else if (*order == "update") {
      request.set_order(warta::v1::STORY_ORDER_LAST_UPDATE);
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("order must be update or size, not ", Quoted(*order)));
    }
  }
  request.set_min_sources(min_sources);
  request.set_page_size(page_size);
  return request;
}

absl::StatusOr<warta::v1::ListEntitiesRequest> ParseEntitiesQuery(const QueryParams& params,
                                                                  absl::Time now) {
  warta::v1::ListEntitiesRequest request;
  int page_size = 0;
  RETURN_IF_ERROR(ParseText(params, "q", kMaxQueryBytes, request.mutable_query()));
  ASSIGN_OR_RETURN(const auto seen_after, ParseDaysBack(params, now));
  if (seen_after) *request.mutable_seen_after() = *seen_after;
  if (const std::string* type = Find(params, "type"); type != nullptr && !type->empty()) {
    if (*type == "person") {
      request.set_type(warta::v1::PERSON);
    } else if (*type == "organization") {
      request.set_type(warta::v1::ORGANIZATION);
    } else if (*type == "location") {
      request.set_type(warta::v1::LOCATION);
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          "type must be person, organization or location, not ", Quoted(*type)));
    }
  }
  RETURN_IF_ERROR(ParsePage(params, kDefaultEntitiesPage, &page_size,
                            request.mutable_page_token()));
  request.set_page_size(page_size);
  return request;
}

absl::StatusOr<warta::v1::SearchArticlesRequest> ParseSearchQuery(const QueryParams& params) {
  warta::v1::SearchArticlesRequest request;
  int page_size = 0;
  RETURN_IF_ERROR(ParseText(params, "q", kMaxQueryBytes, request.mutable_query()));
  if (request.query().find_first_not_of(" \t") == std::string::npos) {
    return absl::InvalidArgumentError("q (the words to search for) is required");
  }
  warta::v1::ArticleFilter* filter = request.mutable_filter();
  RETURN_IF_ERROR(ParseLanguage(params, filter->mutable_language()));
  RETURN_IF_ERROR(ParseText(params, "source", kMaxIdBytes, filter->mutable_source()));
  RETURN_IF_ERROR(ParseOptionalId(params, "story", filter->mutable_story_id()));
  RETURN_IF_ERROR(ParseOptionalId(params, "entity", filter->mutable_entity_id()));
  RETURN_IF_ERROR(ParsePage(params, kDefaultSearchPage, &page_size,
                            request.mutable_page_token()));
  request.set_page_size(page_size);
  return request;
}

absl::Status ValidateId(const std::string& id) {
  if (id.empty()) return absl::InvalidArgumentError("the id is empty");
  if (id.size() > kMaxIdBytes) {
    return absl::InvalidArgumentError(absl::StrCat("the id is longer than ", kMaxIdBytes, " bytes"));
  }
  for (unsigned char c : id) {
    if (c < 0x20 || c == 0x7f || c == '/') {
      return absl::InvalidArgumentError("the id holds a control character or a '/'");
    }
  }
  return absl::OkStatus();
}

int HttpStatusFor(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk: return 200;
    case absl::StatusCode::kCancelled: return 499;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kOutOfRange: return 400;
    case absl::StatusCode::kUnauthenticated: return 401;
    case absl::StatusCode::kPermissionDenied: return 403;
    case absl::StatusCode::kNotFound: return 404;
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kAborted: return 409;
    case absl::StatusCode::kResourceExhausted: return 429;
    case absl::StatusCode::kUnimplemented: return 501;
    case absl::StatusCode::kUnavailable: return 503;
    case absl::StatusCode::kDeadlineExceeded: return 504;
    default: return 500;  // UNKNOWN, INTERNAL, DATA_LOSS
  }
}

std::string ErrorJson(const absl::Status& status) {
  google::protobuf::Struct body;
  auto& fields = *body.mutable_fields();
  fields["error"].set_string_value(std::string(status.message()));
  fields["code"].set_string_value(absl::StatusCodeToString(status.code()));
  std::string json;
  (void)google::protobuf::util::MessageToJsonString(body, &json);
  return json;
}

std::string ArticleEventJson(const warta::v1::EnrichedArticle& article) {
  google::protobuf::Struct event;
  auto& fields = *event.mutable_fields();
  fields["id"].set_string_value(article.article().id());
  fields["storyId"].set_string_value(article.story_id());
  fields["title"].set_string_value(storage::TitleOf(article));
  fields["source"].set_string_value(storage::SourceOf(article));
  fields["language"].set_string_value(article.language().code());
  fields["duplicateOf"].set_string_value(article.duplicate_of());
  if (const int64_t published = storage::PublishedAtNanos(article); published != 0) {
    fields["publishedAt"].set_string_value(google::protobuf::util::TimeUtil::ToString(
        storage::NanosToTimestamp(published)));
  }
  std::string json;
  (void)google::protobuf::util::MessageToJsonString(event, &json);
  return json;
}

std::string ToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  std::string json;
  // Printing a well-formed message only fails on invalid UTF-8, which the
  // store never hands out; an empty object keeps the answer valid JSON.
  if (!google::protobuf::util::MessageToJsonString(message, &json, options).ok()) return "{}";
  return json;
}

}  // namespace warta::web
