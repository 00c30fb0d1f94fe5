#include "article/article_json.h"

#include <algorithm>
#include <optional>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/time_util.h"

namespace warta::article {
namespace {

using google::protobuf::Value;

enum class Field { kId, kUrl, kSource, kTitle, kBody, kPublishedAt, kLanguageHint, kMetadata, kOther };

// Keys compared lowercased, so "publishedAt", "published_at" and
// "PublishedAt" are one field.
Field FieldOf(const std::string& key) {
  if (key == "id") return Field::kId;
  if (key == "url" || key == "source_url" || key == "sourceurl" || key == "link") return Field::kUrl;
  if (key == "source" || key == "outlet" || key == "publisher") return Field::kSource;
  if (key == "title" || key == "headline") return Field::kTitle;
  if (key == "body" || key == "text" || key == "content") return Field::kBody;
  if (key == "published_at" || key == "publishedat" || key == "date" || key == "published") {
    return Field::kPublishedAt;
  }
  if (key == "language_hint" || key == "languagehint" || key == "lang" || key == "language") {
    return Field::kLanguageHint;
  }
  if (key == "metadata") return Field::kMetadata;
  return Field::kOther;
}

bool IsScalar(const Value& v) {
  return v.kind_case() == Value::kStringValue || v.kind_case() == Value::kNumberValue ||
         v.kind_case() == Value::kBoolValue || v.kind_case() == Value::kNullValue;
}

std::string ScalarText(const Value& v) {
  switch (v.kind_case()) {
    case Value::kStringValue: return v.string_value();
    case Value::kNumberValue: {
      double d = v.number_value();
      // Whole numbers print without ".0"; the range check comes first since
      // casting 1e78 to int64_t is undefined (found by fuzz_article).
      if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 &&
          d == static_cast<double>(static_cast<int64_t>(d))) {
        return absl::StrCat(static_cast<int64_t>(d));
      }
      return absl::StrCat(d);
    }
    case Value::kBoolValue: return v.bool_value() ? "true" : "false";
    default: return "";
  }
}

// Ten digits of Unix seconds, 2001-09-09 to 2099 (from 2100 on, ten digits
// are more likely a counter than a time); nullopt otherwise. The one reading
// for a date field and for an id's prefix.
std::optional<int64_t> UnixSeconds(absl::string_view digits) {
  constexpr int64_t kEndOfUnixSeconds = 4102444800;  // 2100-01-01T00:00:00Z
  int64_t seconds = 0;
  if (digits.size() != 10 || !std::all_of(digits.begin(), digits.end(), absl::ascii_isdigit) ||
      !absl::SimpleAtoi(digits, &seconds) || seconds >= kEndOfUnixSeconds) {
    return std::nullopt;
  }
  return seconds;
}

// RFC 3339 ("2024-11-05T09:20:00+07:00"), without zone (UTC), a bare day, or
// Unix time as crawlers and scrapers write it: ten digits of seconds or
// thirteen of milliseconds (a JSON number or a string of digits).
absl::Status ParseTime(const std::string& text, google::protobuf::Timestamp* out) {
  const absl::string_view view(text);
  if ((text.size() == 10 || text.size() == 13) &&
      std::all_of(text.begin(), text.end(), absl::ascii_isdigit)) {
    if (std::optional<int64_t> seconds = UnixSeconds(view.substr(0, 10))) {
      int millis = 0;  // three digits after the seconds always parse
      if (text.size() == 13) absl::SimpleAtoi(view.substr(10), &millis);
      out->set_seconds(*seconds);
      out->set_nanos(millis * 1000000);
      return absl::OkStatus();
    }
  }
  std::string t = text;
  if (t.size() == 10) t += "T00:00:00Z";
  if (t.size() == 19) t += "Z";
  if (google::protobuf::util::TimeUtil::FromString(t, out)) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      "published_at \"", text,
      "\" is not an RFC 3339 time (2024-11-05T09:20:00+07:00) nor Unix seconds (1730798400)"));
}

// An id that starts with the Unix time its crawler saw the article, then
// "-" or "_" (IndoSum's "1490674536-mustahil-transportasi-..."), dates an
// article that carries no time of its own: without one the store cannot
// tell a month's reports of one affair apart.
void TimeFromId(warta::v1::Article* a) {
  const std::string& id = a->id();
  if (id.size() < 12 || (id[10] != '-' && id[10] != '_')) return;
  const std::optional<int64_t> seconds = UnixSeconds(absl::string_view(id).substr(0, 10));
  if (!seconds) return;
  a->mutable_published_at()->set_seconds(*seconds);
  (*a->mutable_metadata())["published_at_from"] = "id";
}

}  // namespace

absl::StatusOr<warta::v1::Article> ArticleFromJson(absl::string_view json) {
  google::protobuf::Struct object;
  auto parsed = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), &object);
  if (!parsed.ok()) {
    // The parser's first line says what is wrong; the lines after it quote
    // the input, which may be bytes that are no text (and end up in a
    // dead-letter header or a gRPC status).
    std::string reason = parsed.message().as_string();
    reason = reason.substr(0, reason.find('\n'));
    return absl::InvalidArgumentError(absl::StrCat("not a JSON object: ", reason));
  }
  warta::v1::Article a;
  for (const auto& [key, value] : object.fields()) {
    const Field field = FieldOf(absl::AsciiStrToLower(key));
    if (field == Field::kMetadata) {
      if (!value.has_struct_value()) {
        return absl::InvalidArgumentError("metadata must be an object of strings");
      }
      for (const auto& [mk, mv] : value.struct_value().fields()) {
        if (IsScalar(mv)) (*a.mutable_metadata())[mk] = ScalarText(mv);
      }
      continue;
    }
    if (!IsScalar(value)) {
      // A crawler's nested extras are dropped; a known field that is not
      // text is a mistake the sender should hear about.
      if (field == Field::kOther) continue;
      return absl::InvalidArgumentError(
          absl::StrCat("\"", key, "\" must be a string, not an object or a list"));
    }
    const std::string s = ScalarText(value);
    switch (field) {
      case Field::kId: a.set_id(s); break;
      case Field::kUrl: a.set_url(s); break;
      case Field::kSource: a.set_source(s); break;
      case Field::kTitle: a.set_title(s); break;
      case Field::kBody: a.set_body(s); break;
      case Field::kLanguageHint: a.set_language_hint(s); break;
      case Field::kPublishedAt:
        if (!s.empty()) {
          if (absl::Status st = ParseTime(s, a.mutable_published_at()); !st.ok()) return st;
        }
        break;
      case Field::kOther:
        if (value.kind_case() != Value::kNullValue) (*a.mutable_metadata())[key] = s;
        break;
      case Field::kMetadata: break;
    }
  }
  if (!a.has_published_at()) TimeFromId(&a);
  return a;
}

}  // namespace warta::article
