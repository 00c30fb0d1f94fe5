// What the SQL backends (storage/sqlite/, storage/postgres/) share beyond
// the SQL engine: argument checks, the rows an EnrichedArticle is stored
// as, the list queries (standard SQL with `?` placeholders, which the
// PostgreSQL backend renumbers to $1, $2, ...), page assembly and the
// contested-claims request. Keeping it here means both backends key,
// filter, order and page exactly alike.
//
// Pure functions and value types; thread-safe.
#ifndef WARTA_STORAGE_SQL_BACKEND_H_
#define WARTA_STORAGE_SQL_BACKEND_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "storage/contested_claims.h"
#include "storage/page_token.h"
#include "storage/store.h"
#include "warta/v1/article.pb.h"
#include "warta/v1/services.pb.h"

namespace warta::storage {

inline constexpr std::string_view kArticlesToken = "articles";
inline constexpr std::string_view kClaimsToken = "claims";
inline constexpr std::string_view kContestedToken = "contested";

// INVALID_ARGUMENT when an article has no id or an offset is malformed.
absl::Status ValidateUpsert(absl::Span<const warta::v1::EnrichedArticle> articles,
                            const std::vector<ConsumedOffset>& offsets);

// The rows one article is stored as. Times are nanoseconds since the epoch
// (0 = unknown); units are normalised (NormalizeUnit).
struct ArticleRows {
  struct Entity {
    std::string entity_id;
    int64_t type = 0;
    std::string name;
  };
  struct Quantity {
    int64_t quantity_idx = 0;
    std::string unit;
    double value = 0;
  };
  struct Claim {
    int64_t idx = 0;
    std::string speaker_entity_id;
    bool has_quantities = false;
    std::string data;  // serialized StoredClaim, names filled in
    std::vector<std::string> subject_entity_ids;
    std::vector<Quantity> quantities;
  };
  std::string id;
  std::string source;
  std::string language;
  int64_t published_at = 0;
  std::string pipeline_version;
  std::string data;  // the serialized EnrichedArticle
  std::vector<Entity> entities;  // only entities with an id
  std::vector<Claim> claims;
};
ArticleRows RowsOf(const warta::v1::EnrichedArticle& article);

// Parses a blob the store wrote itself; a failure means a corrupt database.
template <typename Message>
absl::StatusOr<Message> ParseStored(std::string_view blob, const char* what) {
  Message message;
  if (!message.ParseFromArray(blob.data(), static_cast<int>(blob.size()))) {
    return absl::DataLossError(absl::StrCat("stored ", what, " does not parse"));
  }
  return message;
}

// A query and its arguments, in placeholder order.
using SqlArg = std::variant<int64_t, std::string>;
struct SqlQuery {
  std::string sql;
  std::vector<SqlArg> args;
};

// The page query of ListArticles / ListClaims. Each selects (published_at,
// article id, index, serialized item) and asks for `limit` + 1 rows: the
// extra row tells whether there is a next page. `after` is where the
// previous page ended.
SqlQuery ListArticlesQuery(const warta::v1::ArticleFilter& filter,
                           const std::optional<PageKey>& after, int limit);
SqlQuery ListClaimsQuery(const ClaimFilter& filter,
                         const std::optional<PageKey>& after, int limit);
// Selects the serialized StoredClaim of every claim that could join a
// contested group (with an entity: every claim in a unit that some claim
// about the entity uses, since groups chain through other subjects).
SqlQuery ContestedCandidatesQuery(std::string_view entity_id);

// Decodes a page token of `kind` (empty: the first page).
absl::StatusOr<std::optional<PageKey>> PageStart(std::string_view kind,
                                                 std::string_view page_token);

// Collects the rows of a page query into `items`.
template <typename Message>
class PageCollector {
 public:
  PageCollector(std::string_view kind, int limit,
                google::protobuf::RepeatedPtrField<Message>* items)
      : kind_(kind), limit_(limit), items_(items) {}

  // Returns false when this row is the extra one: stop reading, there is a
  // next page.
  absl::StatusOr<bool> Add(int64_t published_at, std::string_view id,
                           int64_t index, std::string_view data) {
    if (items_->size() == limit_) {
      more_ = true;
      return false;
    }
    auto parsed = ParseStored<Message>(data, "row");
    if (!parsed.ok()) return parsed.status();
    *items_->Add() = *std::move(parsed);
    last_.published_at = published_at;
    last_.id = std::string(id);
    last_.index = index;
    return true;
  }
  // The next page's token, "" on the last page.
  std::string NextPageToken() const {
    return more_ ? EncodePageToken(kind_, last_) : std::string();
  }

 private:
  std::string_view kind_;
  int limit_;
  google::protobuf::RepeatedPtrField<Message>* items_;
  PageKey last_;
  bool more_ = false;
};

// A checked ListContestedClaims request.
struct ContestedRequest {
  int limit = 0;
  int64_t offset = 0;
  ContestedOptions options;
};
absl::StatusOr<ContestedRequest> ParseContestedRequest(std::string_view entity_id,
                                                       int window_days, int page_size,
                                                       std::string_view page_token);
// Groups the candidate claims and cuts out the requested page.
warta::v1::ListContestedClaimsResponse ContestedPage(
    absl::Span<const warta::v1::StoredClaim> claims, const ContestedRequest& request);

}  // namespace warta::storage

#endif  // WARTA_STORAGE_SQL_BACKEND_H_
