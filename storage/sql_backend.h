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
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "storage/contested_claims.h"
#include "storage/page_token.h"
#include "storage/search/search_query.h"
#include "storage/sql_schema.h"
#include "storage/store.h"
#include "warta/v1/article.pb.h"
#include "warta/v1/services.pb.h"

namespace warta::storage {

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

// Bytes bound as a BLOB / BYTEA (a serialized message), not as text.
// LIKE patterns from user text: the text's own %, _ and \ match only
// themselves. Use with kLikeEscaped: "... AND col" + kLikeEscaped, and
// LikePattern("%,", value, ",%") as its argument.
inline constexpr char kLikeEscaped[] = " LIKE ? ESCAPE '\\'";
std::string LikePattern(std::string_view before, std::string_view text, std::string_view after);

struct SqlBlob {
  std::string bytes;
};
// A query and its arguments, in placeholder order.
using SqlArg = std::variant<int64_t, std::string, SqlBlob, double>;
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

// Runs `query` and calls `row(published_at, article_id, index, data)` for
// each result row, in order, until `row` returns false.
using PageRow = std::function<absl::StatusOr<bool>(
    int64_t published_at, std::string_view id, int64_t index, std::string_view data)>;
using PageQueryRunner = std::function<absl::Status(const SqlQuery& query, const PageRow& row)>;
// A result cell: NULL, an integer, text / bytes, or a floating-point number.
using SqlValue = std::variant<std::monostate, int64_t, std::string, double>;
using SqlRows = std::vector<std::vector<SqlValue>>;
// Runs any statement and returns its rows (none for a write).
using SqlRunner = std::function<absl::StatusOr<SqlRows>(const SqlQuery& query)>;
// The integer / bytes in a cell (0 / "" for NULL or another type).
int64_t IntOf(const SqlValue& v);
std::string_view BytesOf(const SqlValue& v);
// The number in a cell (an integer converted; 0 for NULL or text).
double DoubleOf(const SqlValue& v);

// Builds a list's page query from where the previous page ended and the
// page size; the query selects (ordering key, id, index, data) and asks for
// `limit` + 1 rows.
using PageQueryMaker =
    std::function<SqlQuery(const std::optional<PageKey>& after, int limit)>;
// Takes the data of one row of the page.
using PageRowAdder = std::function<absl::Status(std::string_view data)>;
// One keyset page of a list of `kind`: page size and token checks, the query
// `make` builds, `add` for each row of the page; returns the next page's
// token ("" on the last page). Every List* call pages this way.
absl::StatusOr<std::string> RunKeysetPage(const PageQueryRunner& run, std::string_view kind,
                                          int page_size, std::string_view page_token,
                                          const PageQueryMaker& make, const PageRowAdder& add);
// A PageQueryRunner over any SqlRunner.
PageQueryRunner RowsPageRunner(SqlRunner run);

// Runs `query` (ContestedCandidatesQuery) and returns the parsed claims.
using ClaimLoader =
    std::function<absl::StatusOr<std::vector<warta::v1::StoredClaim>>(const SqlQuery& query)>;

// The List* calls of ArticleStore over a backend's query runner: page size
// and token checks, the query, page assembly and the next token.
absl::StatusOr<warta::v1::ListArticlesResponse> ListArticlesVia(
    const PageQueryRunner& run, const warta::v1::ArticleFilter& filter, int page_size,
    std::string_view page_token);
absl::StatusOr<warta::v1::ListClaimsResponse> ListClaimsVia(const PageQueryRunner& run,
                                                            const ClaimFilter& filter,
                                                            int page_size,
                                                            std::string_view page_token);
absl::StatusOr<warta::v1::ListContestedClaimsResponse> ListContestedClaimsVia(
    const ClaimLoader& load, std::string_view entity_id, int window_days, int page_size,
    std::string_view page_token);

// ---- Full-text search (the index: SQLite FTS5 table article_search,
// PostgreSQL column articles.search; see storage/search/).
//
// Candidates: the kSearchCandidates most recently stored articles that
// match the query and pass the filter (all of them when fewer match). The
// index is walked newest first and stops there, so a query of common words
// costs the same at 1M articles as at 10k instead of scoring every match
// (100k+ for two common words at 1M). What this gives up: an older article
// behind that many newer matches is not found; the recency boost below
// would rank it low anyway unless it were much more relevant.
//
// Score = relevance × (1 + kSearchRecencyBoost × 0.5^(age /
// kSearchRecencyHalfLifeDays)). Relevance: on SQLite warta_relevance
// (storage/sqlite/fts5_search.h: BM25's term-frequency part, k1 = 1.2, b =
// 0.75, title × kSearchTitleWeight, no IDF); on PostgreSQL ts_rank_cd
// (cover density, weights A = title 1.0, B = body 0.4, divided by 1 + log of
// the article's length). Age: from publication to the search's reference
// time (the first page's "now", kept in the page token), never negative.
// An article published today counts double an equally relevant one from a
// year ago, one from a month ago 1.5×; undated articles get no boost.
// Scores are comparable within one search only (not across backends).
// Ties: the more recently stored first.
inline constexpr int kSearchCandidates = 1000;
inline constexpr double kSearchRecencyBoost = 1.0;
inline constexpr int64_t kSearchRecencyHalfLifeDays = 30;
inline constexpr double kSearchTitleWeight = 2.5;
// The SQLite relevance function (storage/sqlite/fts5_search.h registers it).
inline constexpr char kFts5RelevanceSql[] = "warta_relevance";

// The statement text SQLite's FTS5 MATCH gets for `search` (every word
// quoted and tagged with the query language; see TagSearchText).
std::string Fts5MatchExpression(const ParsedSearch& search);

// Selects (article id, score, position) of the hits after `after`, best
// first (ties: the newer stored version first), at most `limit` + 1 rows.
SqlQuery SearchRankQuery(SqlDialect dialect, const ParsedSearch& search,
                         const warta::v1::ArticleFilter& filter, int64_t reference_time,
                         const std::optional<SearchPageKey>& after, int limit);

// ArticleStore::SearchArticles over a backend's runner: query parsing and
// page checks, the rank query, then the page's articles (bodies cleared)
// with their snippets. `now` is the reference time of a first page.
absl::StatusOr<warta::v1::SearchArticlesResponse> SearchArticlesVia(
    const SqlRunner& run, SqlDialect dialect, const warta::v1::SearchArticlesRequest& request,
    absl::Time now);

}  // namespace warta::storage

#endif  // WARTA_STORAGE_SQL_BACKEND_H_
