#include "storage/sql_backend.h"

#include <algorithm>
#include <utility>

#include "storage/article_keys.h"

namespace warta::storage {
namespace {

constexpr std::string_view kArticlesToken = "articles";
constexpr std::string_view kClaimsToken = "claims";
constexpr std::string_view kContestedToken = "contested";

}  // namespace

absl::Status ValidateUpsert(absl::Span<const warta::v1::EnrichedArticle> articles,
                            const std::vector<ConsumedOffset>& offsets) {
  for (const auto& article : articles) {
    if (article.article().id().empty()) {
      return absl::InvalidArgumentError(
          "cannot store an enriched article without article.id");
    }
  }
  for (const ConsumedOffset& o : offsets) {
    if (o.topic.empty() || o.partition < 0 || o.next_offset < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "bad consumed offset (topic \"", o.topic, "\", partition ",
          o.partition, ", next offset ", o.next_offset,
          "): topic must be set, partition and offset non-negative"));
    }
  }
  return absl::OkStatus();
}

ArticleRows RowsOf(const warta::v1::EnrichedArticle& article) {
  ArticleRows rows;
  rows.id = article.article().id();
  rows.source = article.article().source();
  rows.language = article.language().code();
  rows.published_at = PublishedAtNanos(article);
  rows.pipeline_version = article.pipeline_version();
  rows.data = article.SerializeAsString();
  for (const auto& entity : article.entities()) {
    if (entity.id().empty()) continue;
    rows.entities.push_back(
        {entity.id(), static_cast<int64_t>(entity.type()), entity.name()});
  }
  const std::vector<warta::v1::StoredClaim> claims = StoredClaimsOf(article);
  for (int64_t idx = 0; idx < static_cast<int64_t>(claims.size()); ++idx) {
    const warta::v1::Claim& claim = claims[idx].claim();
    ArticleRows::Claim& row = rows.claims.emplace_back();
    row.idx = idx;
    row.speaker_entity_id = claim.speaker().entity_id();
    row.has_quantities = claim.quantities_size() > 0;
    row.data = claims[idx].SerializeAsString();
    row.subject_entity_ids.assign(claim.subject_entity_ids().begin(),
                                  claim.subject_entity_ids().end());
    // Subjects are a set per claim (the table's key).
    std::sort(row.subject_entity_ids.begin(), row.subject_entity_ids.end());
    row.subject_entity_ids.erase(
        std::unique(row.subject_entity_ids.begin(), row.subject_entity_ids.end()),
        row.subject_entity_ids.end());
    for (int64_t q = 0; q < claim.quantities_size(); ++q) {
      row.quantities.push_back(
          {q, NormalizeUnit(claim.quantities(q).unit()), claim.quantities(q).value()});
    }
  }
  return rows;
}

SqlQuery ListArticlesQuery(const warta::v1::ArticleFilter& filter,
                           const std::optional<PageKey>& after, int limit) {
  // The SQL varies with the filters present so that the engine can use the
  // matching index.
  SqlQuery q;
  q.sql = "SELECT published_at, id, 0, data FROM articles a WHERE 1 = 1";
  if (!filter.language().empty()) {
    q.sql += " AND language = ?";
    q.args.push_back(filter.language());
  }
  if (!filter.source().empty()) {
    q.sql += " AND source = ?";
    q.args.push_back(filter.source());
  }
  if (filter.has_published_after() || filter.has_published_before()) {
    q.sql += " AND published_at != 0";
  }
  if (filter.has_published_after()) {
    q.sql += " AND published_at >= ?";
    q.args.push_back(TimestampToNanos(filter.published_after()));
  }
  if (filter.has_published_before()) {
    q.sql += " AND published_at < ?";
    q.args.push_back(TimestampToNanos(filter.published_before()));
  }
  if (!filter.story_id().empty()) {
    q.sql += " AND story_id = ?";
    q.args.push_back(filter.story_id());
  }
  if (!filter.entity_id().empty()) {
    q.sql += " AND EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id "
             "AND e.entity_id = ?)";
    q.args.push_back(filter.entity_id());
  }
  if (after) {
    q.sql += " AND (published_at < ? OR (published_at = ? AND id > ?))";
    q.args.insert(q.args.end(), {after->published_at, after->published_at, after->id});
  }
  q.sql += " ORDER BY published_at DESC, id LIMIT ?";
  q.args.push_back(static_cast<int64_t>(limit) + 1);
  return q;
}

SqlQuery ListClaimsQuery(const ClaimFilter& filter, const std::optional<PageKey>& after,
                         int limit) {
  SqlQuery q;
  q.sql = "SELECT published_at, article_id, idx, data FROM claims c WHERE 1 = 1";
  if (!filter.article_id.empty()) {
    q.sql += " AND article_id = ?";
    q.args.push_back(filter.article_id);
  }
  if (!filter.speaker_entity_id.empty()) {
    q.sql += " AND speaker_entity_id = ?";
    q.args.push_back(filter.speaker_entity_id);
  }
  if (!filter.entity_id.empty()) {
    q.sql += " AND EXISTS (SELECT 1 FROM claim_subjects s WHERE s.article_id = "
             "c.article_id AND s.claim_idx = c.idx AND s.entity_id = ?)";
    q.args.push_back(filter.entity_id);
  }
  if (after) {
    q.sql += " AND (published_at < ? OR (published_at = ? AND (article_id > ? OR "
             "(article_id = ? AND idx > ?))))";
    q.args.insert(q.args.end(), {after->published_at, after->published_at, after->id,
                                 after->id, after->index});
  }
  q.sql += " ORDER BY published_at DESC, article_id, idx LIMIT ?";
  q.args.push_back(static_cast<int64_t>(limit) + 1);
  return q;
}

SqlQuery ContestedCandidatesQuery(std::string_view entity_id) {
  SqlQuery q;
  q.sql = "SELECT data FROM claims c WHERE has_quantities = 1 AND EXISTS (SELECT 1 "
          "FROM claim_subjects s WHERE s.article_id = c.article_id AND s.claim_idx = "
          "c.idx)";
  if (!entity_id.empty()) {
    q.sql += " AND EXISTS (SELECT 1 FROM claim_quantities q WHERE q.article_id = "
             "c.article_id AND q.claim_idx = c.idx AND q.unit IN (SELECT q2.unit FROM "
             "claim_subjects s2 JOIN claim_quantities q2 ON q2.article_id = "
             "s2.article_id AND q2.claim_idx = s2.claim_idx WHERE s2.entity_id = ?))";
    q.args.push_back(std::string(entity_id));
  }
  // Stored order ("the first stored" breaks ties in the grouping), the same
  // on every backend.
  q.sql += " ORDER BY (SELECT a.seq FROM articles a WHERE a.id = c.article_id), c.idx";
  return q;
}

namespace {

// Decodes a page token of `kind` (empty: the first page).
absl::StatusOr<std::optional<PageKey>> PageStart(std::string_view kind,
                                                 std::string_view page_token) {
  if (page_token.empty()) return std::optional<PageKey>();
  auto key = DecodePageToken(kind, page_token);
  if (!key.ok()) return key.status();
  return std::optional<PageKey>(*std::move(key));
}

// Collects the rows of a page query (which asks for one row more than the
// page holds: that row tells whether there is a next page).
class PageCollector {
 public:
  PageCollector(std::string_view kind, int limit, const PageRowAdder& add)
      : kind_(kind), limit_(limit), add_(add) {}

  // false when this row is the extra one: stop reading.
  absl::StatusOr<bool> Add(int64_t published_at, std::string_view id, int64_t index,
                           std::string_view data) {
    if (taken_ == limit_) {
      more_ = true;
      return false;
    }
    if (absl::Status status = add_(data); !status.ok()) return status;
    ++taken_;
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
  const PageRowAdder& add_;
  int taken_ = 0;
  PageKey last_;
  bool more_ = false;
};

// RunKeysetPage into `items`, each row's data parsed as a Message.
template <typename Message>
absl::StatusOr<std::string> RunPage(const PageQueryRunner& run, std::string_view kind,
                                    int page_size, std::string_view page_token,
                                    const PageQueryMaker& make,
                                    google::protobuf::RepeatedPtrField<Message>* items) {
  return RunKeysetPage(run, kind, page_size, page_token, make,
                       [items](std::string_view data) -> absl::Status {
                         auto parsed = ParseStored<Message>(data, "row");
                         if (!parsed.ok()) return parsed.status();
                         *items->Add() = *std::move(parsed);
                         return absl::OkStatus();
                       });
}

struct ContestedRequest {
  int limit = 0;
  int64_t offset = 0;
  ContestedOptions options;
};

absl::StatusOr<ContestedRequest> ParseContestedRequest(std::string_view entity_id,
                                                       int window_days, int page_size,
                                                       std::string_view page_token) {
  ContestedRequest request;
  auto limit = EffectivePageSize(page_size);
  if (!limit.ok()) return limit.status();
  request.limit = *limit;
  if (window_days < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("window_days must not be negative, got ", window_days));
  }
  if (!page_token.empty()) {
    auto key = DecodePageToken(kContestedToken, page_token);
    if (!key.ok()) return key.status();
    request.offset = key->index;
    if (request.offset < 0) return absl::InvalidArgumentError("invalid page_token");
  }
  request.options.window = absl::Hours(24) * (window_days == 0 ? 30 : window_days);
  request.options.entity_id = std::string(entity_id);
  return request;
}

}  // namespace

absl::StatusOr<std::string> RunKeysetPage(const PageQueryRunner& run, std::string_view kind,
                                          int page_size, std::string_view page_token,
                                          const PageQueryMaker& make, const PageRowAdder& add) {
  auto limit = EffectivePageSize(page_size);
  if (!limit.ok()) return limit.status();
  auto after = PageStart(kind, page_token);
  if (!after.ok()) return after.status();
  PageCollector page(kind, *limit, add);
  absl::Status status = run(make(*after, *limit),
                            [&page](int64_t published_at, std::string_view id, int64_t index,
                                    std::string_view data) {
                              return page.Add(published_at, id, index, data);
                            });
  if (!status.ok()) return status;
  return page.NextPageToken();
}

PageQueryRunner RowsPageRunner(SqlRunner run) {
  return [run = std::move(run)](const SqlQuery& query, const PageRow& row) -> absl::Status {
    auto rows = run(query);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) {
      auto more = row(IntOf(r[0]), BytesOf(r[1]), IntOf(r[2]), BytesOf(r[3]));
      if (!more.ok()) return more.status();
      if (!*more) break;
    }
    return absl::OkStatus();
  };
}

absl::StatusOr<warta::v1::ListArticlesResponse> ListArticlesVia(
    const PageQueryRunner& run, const warta::v1::ArticleFilter& filter, int page_size,
    std::string_view page_token) {
  warta::v1::ListArticlesResponse response;
  auto token = RunPage(
      run, kArticlesToken, page_size, page_token,
      [&](const std::optional<PageKey>& after, int limit) {
        return ListArticlesQuery(filter, after, limit);
      },
      response.mutable_articles());
  if (!token.ok()) return token.status();
  response.set_next_page_token(*std::move(token));
  return response;
}

absl::StatusOr<warta::v1::ListClaimsResponse> ListClaimsVia(const PageQueryRunner& run,
                                                            const ClaimFilter& filter,
                                                            int page_size,
                                                            std::string_view page_token) {
  warta::v1::ListClaimsResponse response;
  auto token = RunPage(
      run, kClaimsToken, page_size, page_token,
      [&](const std::optional<PageKey>& after, int limit) {
        return ListClaimsQuery(filter, after, limit);
      },
      response.mutable_claims());
  if (!token.ok()) return token.status();
  response.set_next_page_token(*std::move(token));
  return response;
}

absl::StatusOr<warta::v1::ListContestedClaimsResponse> ListContestedClaimsVia(
    const ClaimLoader& load, std::string_view entity_id, int window_days, int page_size,
    std::string_view page_token) {
  auto request = ParseContestedRequest(entity_id, window_days, page_size, page_token);
  if (!request.ok()) return request.status();
  auto claims = load(ContestedCandidatesQuery(entity_id));
  if (!claims.ok()) return claims.status();
  std::vector<warta::v1::ContestedClaim> groups =
      GroupContestedClaims(*claims, request->options);
  warta::v1::ListContestedClaimsResponse response;
  const int64_t end = std::min<int64_t>(request->offset + request->limit, groups.size());
  for (int64_t i = request->offset; i < end; ++i) {
    *response.add_contested() = std::move(groups[i]);
  }
  if (end < static_cast<int64_t>(groups.size())) {
    PageKey next;
    next.index = end;
    response.set_next_page_token(EncodePageToken(kContestedToken, next));
  }
  return response;
}

int64_t IntOf(const SqlValue& v) {
  const int64_t* i = std::get_if<int64_t>(&v);
  return i ? *i : 0;
}

std::string_view BytesOf(const SqlValue& v) {
  const std::string* s = std::get_if<std::string>(&v);
  return s ? std::string_view(*s) : std::string_view();
}

std::string LikePattern(std::string_view before, std::string_view text, std::string_view after) {
  std::string out(before);
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.append(after);
  return out;
}

}  // namespace warta::storage
