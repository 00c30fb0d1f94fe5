#include "storage/contested_groups.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "common/status_macros.h"
#include "storage/article_keys.h"
#include "storage/contested_claims.h"
#include "storage/page_token.h"

namespace warta::storage {
namespace {

constexpr std::string_view kGroupsPage = "contested-groups";
// Figures read back per key when regrouping: the most recent ones.
constexpr int kMaxFiguresPerKey = 1000;
constexpr int64_t kNanosPerDay = int64_t{86400} * 1'000'000'000;

// `claim` with only its quantities `filed` (their indexes, ascending).
warta::v1::StoredClaim OnlyFiled(warta::v1::StoredClaim claim, const std::set<int64_t>& filed) {
  google::protobuf::RepeatedPtrField<warta::v1::Quantity> all;
  all.Swap(claim.mutable_claim()->mutable_quantities());
  for (int64_t q : filed) {
    if (q >= 0 && q < all.size()) *claim.mutable_claim()->add_quantities() = std::move(all[q]);
  }
  return claim;
}

// The figures filed under `key` published in [from, to], and the undated
// ones (from 0: all of them). Most recent first, at most kMaxFiguresPerKey. The
// time range is read from the index, never by walking the whole key.
absl::StatusOr<std::vector<warta::v1::StoredClaim>> FiguresNear(const SqlRunner& run,
                                                                 const std::string& key,
                                                                 int64_t from, int64_t to) {
  constexpr const char* kSelect =
      "SELECT c.article_id, c.idx, c.data, f.arrival, f.quantity_idx FROM figures f "
      "JOIN claims c ON c.article_id = f.article_id AND c.idx = f.claim_idx "
      "WHERE f.group_key = ?";
  SqlQuery q{kSelect, {key}};
  if (from != 0) {
    q.sql = absl::StrCat(kSelect, " AND f.published_at BETWEEN ? AND ? UNION ALL ", kSelect,
                         " AND f.published_at = 0");
    q.args = {key, from, to, key};
  }
  q.sql += " ORDER BY 4 DESC LIMIT ?";
  q.args.push_back(int64_t{kMaxFiguresPerKey});
  ASSIGN_OR_RETURN(SqlRows rows, run(q));
  // One row per figure: a claim with two figures under the key comes twice.
  // The figures table says which of its quantities are filed here.
  std::map<std::pair<std::string, int64_t>, std::set<int64_t>> filed;
  std::vector<const std::vector<SqlValue>*> first_rows;
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) {  // stored order
    auto& quantities = filed[{std::string(BytesOf((*it)[0])), IntOf((*it)[1])}];
    if (quantities.empty()) first_rows.push_back(&*it);
    quantities.insert(IntOf((*it)[4]));
  }
  std::vector<warta::v1::StoredClaim> claims;
  for (const auto* row : first_rows) {
    ASSIGN_OR_RETURN(auto claim, ParseStored<warta::v1::StoredClaim>(BytesOf((*row)[2]), "claim"));
    claims.push_back(
        OnlyFiled(std::move(claim), filed[{std::string(BytesOf((*row)[0])), IntOf((*row)[1])}]));
  }
  return claims;
}

// A group's id: its key and its earliest claim, so regrouping the same
// figures gives the same id and groups of other times keep theirs.
std::string GroupId(const std::string& key, const warta::v1::ContestedClaim& group, size_t n) {
  const warta::v1::StoredClaim* first = &group.claims(0);
  for (const auto& c : group.claims()) {
    const auto order = [](const warta::v1::StoredClaim& x) {
      return std::make_tuple(TimestampToNanos(x.published_at()), x.article_id(),
                             x.claim().content().start());
    };
    if (order(c) < order(*first)) first = &c;
  }
  return absl::StrCat(key, "#", first->article_id(), "/", first->claim().content().start(), "/",
                      n);
}

// Regroups the figures of `key` around `around` and replaces the stored
// groups that the regrouping covers: those of the window (and the undated
// ones), not the key's groups of other months.
absl::Status Regroup(const SqlRunner& run, const std::string& key, int64_t around) {
  // The window around the figure, widened to the stored groups it touches,
  // so that every group replaced below is regrouped whole.
  int64_t from = 0, to = 0;
  if (around != 0) {
    const int64_t window = kStoredContestedWindowDays * kNanosPerDay;
    from = around - window;
    to = around + window;
    ASSIGN_OR_RETURN(SqlRows touched,
                     run({"SELECT MIN(first_published), MAX(last_published) FROM contested_groups "
                          "WHERE group_key = ? AND last_published != 0 AND last_published >= ? "
                          "AND first_published <= ?",
                          {key, from, to}}));
    if (!touched.empty() && IntOf(touched[0][0]) != 0) {
      from = std::min(from, IntOf(touched[0][0]));
      to = std::max(to, IntOf(touched[0][1]));
    }
  }
  ASSIGN_OR_RETURN(std::vector<warta::v1::StoredClaim> claims, FiguresNear(run, key, from, to));
  ContestedOptions options;
  options.window = absl::Hours(24) * kStoredContestedWindowDays;
  const std::vector<warta::v1::ContestedClaim> groups = GroupContestedClaims(claims, options);
  if (around == 0) {
    RETURN_IF_ERROR(run({"DELETE FROM contested_groups WHERE group_key = ?", {key}}).status());
  } else {
    RETURN_IF_ERROR(run({"DELETE FROM contested_groups WHERE group_key = ? AND "
                         "(last_published = 0 OR (first_published >= ? AND last_published <= ?))",
                         {key, from, to}})
                        .status());
  }
  for (size_t i = 0; i < groups.size(); ++i) {
    const warta::v1::ContestedClaim& group = groups[i];
    int64_t first = 0, last = 0;
    std::set<std::string> entities;
    for (const auto& c : group.claims()) {
      if (c.has_published_at()) {
        const int64_t t = TimestampToNanos(c.published_at());
        first = first == 0 ? t : std::min(first, t);
        last = std::max(last, t);
      }
      entities.insert(c.claim().subject_entity_ids().begin(),
                      c.claim().subject_entity_ids().end());
    }
    RETURN_IF_ERROR(run({"INSERT INTO contested_groups (group_id, group_key, first_published, "
                         "last_published, entities, data) VALUES (?, ?, ?, ?, ?, ?) "
                         "ON CONFLICT (group_id) DO UPDATE SET "
                         "first_published = excluded.first_published, "
                         "last_published = excluded.last_published, "
                         "entities = excluded.entities, data = excluded.data",
                         {GroupId(key, group, i), key, first, last,
                          absl::StrCat(",", absl::StrJoin(entities, ","), ","),
                          SqlBlob{group.SerializeAsString()}}})
                        .status());
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status UpdateContestedGroups(const SqlRunner& run, const warta::v1::EnrichedArticle& article,
                                   int64_t arrival) {
  const std::string& id = article.article().id();
  std::set<std::string> keys;
  ASSIGN_OR_RETURN(SqlRows old,
                   run({"SELECT DISTINCT group_key FROM figures WHERE article_id = ?", {id}}));
  for (const auto& row : old) keys.emplace(BytesOf(row[0]));
  RETURN_IF_ERROR(run({"DELETE FROM figures WHERE article_id = ?", {id}}).status());
  const int64_t published = PublishedAtNanos(article);
  const std::vector<warta::v1::StoredClaim> claims = StoredClaimsOf(article);
  for (size_t c = 0; c < claims.size(); ++c) {
    for (int q = 0; q < claims[c].claim().quantities_size(); ++q) {
      std::optional<MeasuredThing> thing = MeasuredThingOf(claims[c], q);
      if (!thing) continue;
      const std::string key = GroupKey(*thing);
      keys.insert(key);
      RETURN_IF_ERROR(run({"INSERT INTO figures (article_id, claim_idx, quantity_idx, group_key, "
                           "published_at, arrival) VALUES (?, ?, ?, ?, ?, ?)",
                           {id, static_cast<int64_t>(c), int64_t{q}, key, published, arrival}})
                          .status());
    }
  }
  for (const std::string& key : keys) RETURN_IF_ERROR(Regroup(run, key, published));
  return absl::OkStatus();
}

absl::StatusOr<warta::v1::ListContestedClaimsResponse> ListStoredContestedGroups(
    const SqlRunner& run, std::string_view entity_id, int page_size,
    std::string_view page_token) {
  auto make = [&](const std::optional<PageKey>& after, int limit) {
    SqlQuery q{"SELECT last_published, group_id, 0, data FROM contested_groups WHERE 1 = 1", {}};
    if (!entity_id.empty()) {
      q.sql += absl::StrCat(" AND entities", kLikeEscaped);
      q.args.push_back(LikePattern("%,", entity_id, ",%"));
    }
    if (after) {
      q.sql += " AND (last_published < ? OR (last_published = ? AND group_id > ?))";
      q.args.insert(q.args.end(), {after->published_at, after->published_at, after->id});
    }
    q.sql += " ORDER BY last_published DESC, group_id LIMIT ?";
    q.args.push_back(int64_t{limit} + 1);
    return q;
  };
  warta::v1::ListContestedClaimsResponse response;
  ASSIGN_OR_RETURN(std::string next,
                   RunKeysetPage(RowsPageRunner(run), kGroupsPage, page_size, page_token, make,
                                 [&response](std::string_view data) -> absl::Status {
                                   ASSIGN_OR_RETURN(*response.add_contested(),
                                                    ParseStored<warta::v1::ContestedClaim>(
                                                        data, "contested group"));
                                   return absl::OkStatus();
                                 }));
  response.set_next_page_token(std::move(next));
  return response;
}

}  // namespace warta::storage
