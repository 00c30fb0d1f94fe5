#include "storage/sql_backend.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "storage/article_keys.h"
#include "storage/search/search_text.h"

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

namespace {

// The ArticleFilter conditions (each " AND ...") on a row of `alias` with
// the articles table's filter columns; `article_id` is the SQL giving its
// article id. The SQL varies with the filters present so that the engine
// can use the matching index.
void AppendArticleFilter(const warta::v1::ArticleFilter& filter, SqlQuery& q,
                         std::string_view alias = "a", std::string_view article_id = "a.id") {
  const std::string a(alias);
  const std::string id(article_id);
  if (!filter.language().empty()) {
    absl::StrAppend(&q.sql, " AND ", a, ".language = ?");
    q.args.push_back(filter.language());
  }
  if (!filter.source().empty()) {
    absl::StrAppend(&q.sql, " AND ", a, ".source = ?");
    q.args.push_back(filter.source());
  }
  if (filter.has_published_after() || filter.has_published_before()) {
    absl::StrAppend(&q.sql, " AND ", a, ".published_at != 0");
  }
  if (filter.has_published_after()) {
    absl::StrAppend(&q.sql, " AND ", a, ".published_at >= ?");
    q.args.push_back(TimestampToNanos(filter.published_after()));
  }
  if (filter.has_published_before()) {
    absl::StrAppend(&q.sql, " AND ", a, ".published_at < ?");
    q.args.push_back(TimestampToNanos(filter.published_before()));
  }
  if (!filter.story_id().empty()) {
    absl::StrAppend(&q.sql, " AND ", a, ".story_id = ?");
    q.args.push_back(filter.story_id());
  }
  if (!filter.entity_id().empty()) {
    absl::StrAppend(&q.sql, " AND EXISTS (SELECT 1 FROM entities e WHERE e.article_id = ", id,
                    " AND e.entity_id = ?)");
    q.args.push_back(filter.entity_id());
  }
}

}  // namespace

SqlQuery ListArticlesQuery(const warta::v1::ArticleFilter& filter,
                           const std::optional<PageKey>& after, int limit) {
  SqlQuery q;
  q.sql = "SELECT published_at, id, 0, data FROM articles a WHERE 1 = 1";
  AppendArticleFilter(filter, q);
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

double DoubleOf(const SqlValue& v) {
  if (const double* d = std::get_if<double>(&v)) return *d;
  if (const int64_t* i = std::get_if<int64_t>(&v)) return static_cast<double>(*i);
  return 0;
}

// ---------------------------------------------------------------- search

std::string Fts5MatchExpression(const ParsedSearch& search) {
  // Each term one FTS5 string: the tokenizer analyses it like an article
  // of the query's language, a phrase when it holds several words. The
  // words are folded letters and digits: no quote can end a string early.
  auto quoted = [&search](const SearchTerm& term) {
    return absl::StrCat("\"", TagSearchText(absl::StrJoin(term.words, " "), search.language),
                        "\"");
  };
  std::string expression;
  for (const SearchTerm& term : search.required) {
    if (!expression.empty()) expression += " AND ";
    expression += quoted(term);
  }
  for (const SearchTerm& term : search.excluded) {
    expression = absl::StrCat("(", expression, ") NOT ", quoted(term));
  }
  return expression;
}

namespace {

constexpr double kHalfLifeNanos = kSearchRecencyHalfLifeDays * 86400.0 * 1e9;

// The recency factor of `published_at`, measured from the first
// placeholder.
std::string RecencyFactor(SqlDialect dialect, std::string_view published_at) {
  const std::string p(published_at);
  const std::string boost = absl::StrCat(kSearchRecencyBoost);
  const std::string half_life = absl::StrFormat("%.1f", kHalfLifeNanos);
  if (dialect == SqlDialect::kSqlite) {
    return absl::StrCat("(1.0 + CASE WHEN ", p, " = 0 THEN 0.0 ELSE ", boost,
                        " * pow(0.5, max(0, ? - ", p, ") / ", half_life, ") END)");
  }
  return absl::StrCat("(1.0 + CASE WHEN ", p, " = 0 THEN 0.0 ELSE CAST(", boost,
                      " AS DOUBLE PRECISION) * power(CAST(0.5 AS DOUBLE PRECISION), "
                      "GREATEST(0, CAST(? AS BIGINT) - ", p, ") / CAST(", half_life,
                      " AS DOUBLE PRECISION)) END)");
}

// The tsquery of one query word, as PostgreSQL's configurations stem it:
// the query language's, or each of Indonesian, English and none (kAny).
void AppendTsqueryWord(SearchLanguage language, const std::string& word, SqlQuery& q) {
  if (language != SearchLanguage::kAny) {
    absl::StrAppend(&q.sql, "plainto_tsquery('", PostgresSearchConfig(language), "', ?)");
    q.args.push_back(word);
    return;
  }
  q.sql += "(plainto_tsquery('indonesian', ?) || plainto_tsquery('english', ?) || "
           "plainto_tsquery('simple', ?))";
  q.args.insert(q.args.end(), {word, word, word});
}

// A word, or a phrase: tsquery_phrase(tsquery_phrase(w1, w2), w3).
void AppendTsqueryTerm(SearchLanguage language, const SearchTerm& term, SqlQuery& q) {
  for (size_t i = 1; i < term.words.size(); ++i) q.sql += "tsquery_phrase(";
  for (size_t i = 0; i < term.words.size(); ++i) {
    if (i > 0) q.sql += ", ";
    AppendTsqueryWord(language, term.words[i], q);
    if (i > 0) q.sql += ")";
  }
}

}  // namespace

SqlQuery SearchRankQuery(SqlDialect dialect, const ParsedSearch& search,
                         const warta::v1::ArticleFilter& filter, int64_t reference_time,
                         const std::optional<SearchPageKey>& after, int limit) {
  // Innermost: the newest kSearchCandidates matches passing the filter
  // (the index walked newest first, so a common word stops early), scored.
  // Then the page of them, by score. Arguments go in placeholder order.
  SqlQuery q;
  auto page = [&]() {
    if (after) {
      q.sql += " WHERE score < ? OR (score = ? AND position < ?)";
      q.args.insert(q.args.end(), {after->score, after->score, after->position});
    }
    q.sql += " ORDER BY score DESC, position DESC LIMIT ?";
    q.args.push_back(static_cast<int64_t>(limit) + 1);
  };
  if (dialect == SqlDialect::kSqlite) {
    // Position: the FTS5 rowid (= articles.rowid, new for every stored
    // version). Candidates read only search_docs; the page's few rows then
    // their article ids.
    q.sql = absl::StrCat(
        "SELECT a.id, top.score, top.position FROM (SELECT position, score FROM (SELECT "
        "d.rowid AS position, ",
        kFts5RelevanceSql, "(article_search, ", absl::StrFormat("%.2f", kSearchTitleWeight),
        ", 1.0) * ", RecencyFactor(dialect, "d.published_at"),
        " AS score FROM article_search JOIN search_docs d ON d.rowid = article_search.rowid "
        "WHERE article_search MATCH ?");
    q.args.push_back(reference_time);
    q.args.push_back(Fts5MatchExpression(search));
    AppendArticleFilter(filter, q, "d", "(SELECT id FROM articles WHERE rowid = d.rowid)");
    absl::StrAppend(&q.sql, " ORDER BY article_search.rowid DESC LIMIT ", kSearchCandidates,
                    ")");
    page();
    q.sql += ") top JOIN articles a ON a.rowid = top.position "
             "ORDER BY top.score DESC, top.position DESC";
    return q;
  }
  // Position: the change sequence number. The rank of the candidates only:
  // computed above their LIMIT.
  q.sql = absl::StrCat(
      "SELECT id, score, position FROM (SELECT id, seq AS position, "
      "ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', search, q, 1) * ",
      RecencyFactor(dialect, "published_at"),
      " AS score FROM (SELECT a.id, a.seq, a.search, a.published_at, query.q FROM articles a, "
      "(SELECT ");
  q.args.push_back(reference_time);
  std::string sep;
  for (const SearchTerm& term : search.required) {
    q.sql += sep;
    AppendTsqueryTerm(search.language, term, q);
    sep = " && ";
  }
  for (const SearchTerm& term : search.excluded) {
    q.sql += " && !!";
    AppendTsqueryTerm(search.language, term, q);
  }
  q.sql += " AS q) query WHERE a.search @@ query.q";
  AppendArticleFilter(filter, q);
  absl::StrAppend(&q.sql, " ORDER BY a.seq DESC LIMIT ", kSearchCandidates,
                  ") candidates) ranked");
  page();
  return q;
}

namespace {

// A hit without the bulk of the article: the body and the spans into it.
void StripBody(warta::v1::EnrichedArticle& article) {
  article.mutable_article()->clear_body();
  article.mutable_text()->clear_body();
  article.mutable_text()->clear_paragraphs();
  article.mutable_text()->clear_sentences();
}

}  // namespace

absl::StatusOr<warta::v1::SearchArticlesResponse> SearchArticlesVia(
    const SqlRunner& run, SqlDialect dialect, const warta::v1::SearchArticlesRequest& request,
    absl::Time now) {
  const warta::v1::ArticleFilter& filter = request.filter();
  auto search = ParseSearchQuery(request.query(), QueryLanguageOf(filter.language()));
  if (!search.ok()) return search.status();
  auto limit = EffectiveSearchPageSize(request.page_size());
  if (!limit.ok()) return limit.status();
  const uint64_t fingerprint = SearchFingerprint(request.query(), filter);
  std::optional<SearchPageKey> after;
  int64_t reference_time = absl::ToUnixNanos(now);
  if (!request.page_token().empty()) {
    auto key = DecodeSearchPageToken(request.page_token(), fingerprint);
    if (!key.ok()) return key.status();
    reference_time = key->reference_time;
    after = *std::move(key);
  }
  auto ranked =
      run(SearchRankQuery(dialect, *search, filter, reference_time, after, *limit));
  if (!ranked.ok()) return ranked.status();

  warta::v1::SearchArticlesResponse response;
  response.set_snippet_mark_start(std::string(kSnippetMarkStart));
  response.set_snippet_mark_end(std::string(kSnippetMarkEnd));
  const size_t hits = std::min(ranked->size(), static_cast<size_t>(*limit));
  if (hits == 0) return response;
  // The page's articles, in one query.
  SqlQuery articles;
  articles.sql = "SELECT id, data FROM articles WHERE id IN (";
  for (size_t i = 0; i < hits; ++i) {
    articles.sql += i == 0 ? "?" : ", ?";
    articles.args.push_back(std::string(BytesOf((*ranked)[i][0])));
  }
  articles.sql += ")";
  auto rows = run(articles);
  if (!rows.ok()) return rows.status();
  absl::flat_hash_map<std::string_view, std::string_view> data_by_id;
  for (const auto& row : *rows) data_by_id[BytesOf(row[0])] = BytesOf(row[1]);

  const SearchHighlighter highlighter(*search);
  for (size_t i = 0; i < hits; ++i) {
    const std::string_view id = BytesOf((*ranked)[i][0]);
    auto data = data_by_id.find(id);
    if (data == data_by_id.end()) continue;  // not there any more (the statements are apart)
    auto article = ParseStored<warta::v1::EnrichedArticle>(data->second, "article");
    if (!article.ok()) return article.status();
    warta::v1::SearchHit& hit = *response.add_hits();
    const SearchLanguage language = SearchLanguageOf(article->language().code());
    hit.set_score(DoubleOf((*ranked)[i][1]));
    // An article without a headline is shown by its first sentence, as in
    // the story list (IndoSum has no titles).
    hit.set_title_snippet(highlighter.Highlight(TitleOf(*article), language));
    hit.set_snippet(highlighter.Snippet(SearchBodyOf(*article), language));
    StripBody(*article);
    *hit.mutable_article() = *std::move(article);
  }
  if (ranked->size() > hits) {
    SearchPageKey next;
    next.fingerprint = fingerprint;
    next.reference_time = reference_time;
    next.score = DoubleOf((*ranked)[hits - 1][1]);
    next.position = IntOf((*ranked)[hits - 1][2]);
    response.set_next_page_token(EncodeSearchPageToken(next));
  }
  return response;
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
