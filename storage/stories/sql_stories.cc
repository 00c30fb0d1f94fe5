#include "storage/stories/sql_stories.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status_macros.h"
#include "storage/article_keys.h"
#include "storage/contested_claims.h"
#include "storage/page_token.h"

namespace warta::storage {
namespace {

constexpr std::string_view kStoriesPage = "stories";
// GetStory returns at most this many articles and claims.
constexpr int kMaxStoryArticles = 500;
constexpr int kMaxStoryClaims = 1000;
constexpr int kMainEntities = 10;

// ",id,en," so that a language is found with LIKE '%,id,%'.
std::string LanguagesColumn(const StoryState& story) {
  if (story.languages().empty()) return ",";
  return absl::StrCat(",", absl::StrJoin(story.languages(), ","), ",");
}

google::protobuf::Timestamp Ts(int64_t nanos) { return NanosToTimestamp(nanos); }

}  // namespace

absl::StatusOr<std::optional<StoryState>> AssignStory(const StoryClusterer& clusterer,
                                                      const SqlRunner& run, int64_t arrival,
                                                      const warta::v1::EnrichedArticle* stored,
                                                      warta::v1::EnrichedArticle& article,
                                                      StoryCache* cache) {
  if (stored != nullptr && !stored->story_id().empty()) {
    article.set_story_id(stored->story_id());
    article.set_duplicate_of(stored->duplicate_of());
    return std::nullopt;
  }
  SqlStoryIndex index(run, cache);
  ASSIGN_OR_RETURN(StoryAssignment assigned, clusterer.Assign(article, arrival, index));
  article.set_story_id(assigned.story_id);
  article.set_duplicate_of(assigned.duplicate_of);
  return std::move(assigned.story);
}

absl::StatusOr<std::vector<std::string>> SqlStoryIndex::StoriesForKeys(
    absl::Span<const std::string> keys, int per_key) {
  if (keys.empty()) return std::vector<std::string>();
  // One statement for all keys: one round trip on PostgreSQL.
  SqlQuery q;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) q.sql += " UNION ALL ";
    absl::StrAppend(&q.sql, "SELECT story_id FROM (SELECT story_id FROM story_keys WHERE key = ? "
                            "ORDER BY arrival DESC LIMIT ?) AS k", i);
    q.args.push_back(keys[i]);
    q.args.push_back(int64_t{per_key});
  }
  ASSIGN_OR_RETURN(SqlRows rows, run_(q));
  std::vector<std::string> ids;
  ids.reserve(rows.size());
  for (const auto& row : rows) ids.emplace_back(BytesOf(row[0]));
  return ids;
}

absl::StatusOr<std::shared_ptr<const StoryState>> SqlStoryIndex::LoadStory(std::string_view id) {
  if (cache_ != nullptr) {
    if (std::shared_ptr<const StoryState> cached = cache_->Find(id)) return cached;
  }
  ASSIGN_OR_RETURN(SqlRows rows,
                   run_({"SELECT data FROM stories WHERE story_id = ?", {std::string(id)}}));
  if (rows.empty()) return nullptr;
  const std::string_view data = BytesOf(rows[0][0]);
  ASSIGN_OR_RETURN(StoryState parsed, ParseStored<StoryState>(data, "story"));
  auto story = std::make_shared<const StoryState>(std::move(parsed));
  if (cache_ != nullptr) cache_->Put(story, data.size());
  return story;
}

absl::Status SqlStoryIndex::SaveStory(const StoryState& story,
                                      absl::Span<const std::string> keys, int64_t arrival) {
  const std::string serialized = story.SerializeAsString();
  RETURN_IF_ERROR(run_({"INSERT INTO stories (story_id, last_arrival, article_count, "
                        "source_count, first_published, last_published, languages, data) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (story_id) DO UPDATE SET "
                        "last_arrival = excluded.last_arrival, "
                        "article_count = excluded.article_count, "
                        "source_count = excluded.source_count, "
                        "first_published = excluded.first_published, "
                        "last_published = excluded.last_published, "
                        "languages = excluded.languages, data = excluded.data",
                        {story.id(), story.last_arrival(), int64_t{story.article_count()},
                         int64_t{story.sources_size()}, story.first_published(),
                         story.last_published(), LanguagesColumn(story),
                         SqlBlob{serialized}}})
                      .status());
  if (cache_ != nullptr) cache_->Put(std::make_shared<const StoryState>(story), serialized.size());
  if (keys.empty()) return absl::OkStatus();
  SqlQuery q;
  q.sql = "INSERT INTO story_keys (key, story_id, arrival) VALUES ";
  for (size_t i = 0; i < keys.size(); ++i) {
    q.sql += i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)";
    q.args.insert(q.args.end(), {keys[i], story.id(), arrival});
  }
  q.sql += " ON CONFLICT (key, story_id) DO UPDATE SET arrival = excluded.arrival";
  return run_(q).status();
}

warta::v1::Story StorySummary(const StoryState& state) {
  warta::v1::Story story;
  story.set_id(state.id());
  story.set_title(state.title());
  if (state.first_published() != 0) {
    *story.mutable_first_published_at() = Ts(state.first_published());
    *story.mutable_last_published_at() = Ts(state.last_published());
  }
  story.set_article_count(state.article_count());
  story.set_duplicate_count(state.duplicate_count());
  *story.mutable_sources() = state.sources();
  *story.mutable_languages() = state.languages();
  for (int i = 0; i < std::min(kMainEntities, state.entities_size()); ++i) {
    const WeightedKey& k = state.entities(i);
    if (k.type() == warta::v1::QUANTITY || k.type() == warta::v1::MONEY) continue;
    warta::v1::StoryEntity* e = story.add_main_entities();
    e->set_id(k.key());
    e->set_type(static_cast<warta::v1::EntityType>(k.type()));
    e->set_name(k.name());
    e->set_weight(k.weight());
  }
  return story;
}

absl::StatusOr<warta::v1::ListStoriesResponse> ListStoriesVia(
    const SqlRunner& run, const warta::v1::ListStoriesRequest& request) {
  if (!warta::v1::StoryOrder_IsValid(request.order())) {
    return absl::InvalidArgumentError("unknown story order");
  }
  const char* column =
      request.order() == warta::v1::STORY_ORDER_SIZE ? "article_count" : "last_arrival";
  auto make = [&](const std::optional<PageKey>& after, int limit) {
    SqlQuery q;
    q.sql = absl::StrCat("SELECT ", column, ", story_id, 0, data FROM stories s WHERE 1 = 1");
    if (request.min_sources() > 0) {
      q.sql += " AND source_count >= ?";
      q.args.push_back(int64_t{request.min_sources()});
    }
    if (!request.language().empty()) {
      q.sql += absl::StrCat(" AND languages", kLikeEscaped);
      q.args.push_back(LikePattern("%,", request.language(), ",%"));
    }
    if (request.has_published_after()) {
      q.sql += " AND last_published != 0 AND last_published >= ?";
      q.args.push_back(TimestampToNanos(request.published_after()));
    }
    if (request.has_published_before()) {
      q.sql += " AND first_published != 0 AND first_published < ?";
      q.args.push_back(TimestampToNanos(request.published_before()));
    }
    if (!request.entity_id().empty()) {
      q.sql += " AND story_id IN (SELECT a.story_id FROM entities e JOIN articles a "
               "ON a.id = e.article_id WHERE e.entity_id = ?)";
      q.args.push_back(request.entity_id());
    }
    if (after) {
      absl::StrAppend(&q.sql, " AND (", column, " < ? OR (", column, " = ? AND story_id > ?))");
      q.args.insert(q.args.end(), {after->published_at, after->published_at, after->id});
    }
    absl::StrAppend(&q.sql, " ORDER BY ", column, " DESC, story_id LIMIT ?");
    q.args.push_back(int64_t{limit} + 1);
    return q;
  };
  warta::v1::ListStoriesResponse response;
  ASSIGN_OR_RETURN(std::string next,
                   RunKeysetPage(RowsPageRunner(run), kStoriesPage, request.page_size(),
                                 request.page_token(), make,
                                 [&response](std::string_view data) -> absl::Status {
                                   ASSIGN_OR_RETURN(StoryState state,
                                                    ParseStored<StoryState>(data, "story"));
                                   *response.add_stories() = StorySummary(state);
                                   return absl::OkStatus();
                                 }));
  response.set_next_page_token(std::move(next));
  return response;
}

namespace {

absl::Status AddArticles(const SqlRunner& run, std::string_view id, warta::v1::Story& story) {
  ASSIGN_OR_RETURN(SqlRows rows,
                   run({"SELECT data FROM articles WHERE story_id = ? "
                        "ORDER BY published_at, seq LIMIT ?",
                        {std::string(id), int64_t{kMaxStoryArticles}}}));
  for (const auto& row : rows) {
    ASSIGN_OR_RETURN(auto article,
                     ParseStored<warta::v1::EnrichedArticle>(BytesOf(row[0]), "article"));
    warta::v1::StoryArticle* a = story.add_articles();
    a->set_id(article.article().id());
    a->set_source(SourceOf(article));
    a->set_language(article.language().code());
    a->set_title(TitleOf(article));
    if (const int64_t t = PublishedAtNanos(article); t != 0) *a->mutable_published_at() = Ts(t);
    a->set_duplicate_of(article.duplicate_of());
  }
  return absl::OkStatus();
}

// The claim's figures that measure something (storage/contested_claims.h),
// as one timeline entry: "2004" or "13 tahun" in a quote is no figure.
void AddToTimeline(const warta::v1::StoredClaim& claim, warta::v1::Story& story) {
  warta::v1::TimelineEntry entry;
  for (int q = 0; q < claim.claim().quantities_size(); ++q) {
    if (MeasuredThingOf(claim, q)) *entry.add_quantities() = claim.claim().quantities(q);
  }
  if (entry.quantities().empty()) return;
  if (claim.has_published_at()) *entry.mutable_published_at() = claim.published_at();
  entry.set_source(claim.source());
  entry.set_article_id(claim.article_id());
  entry.set_speaker_name(claim.speaker_name());
  entry.set_text(claim.claim().content().text());
  *story.add_timeline() = std::move(entry);
}

absl::Status AddClaims(const SqlRunner& run, std::string_view id, warta::v1::Story& story) {
  ASSIGN_OR_RETURN(SqlRows rows,
                   run({"SELECT c.data FROM claims c JOIN articles a ON a.id = c.article_id "
                        "WHERE a.story_id = ? ORDER BY c.published_at, c.article_id, c.idx "
                        "LIMIT ?",
                        {std::string(id), int64_t{kMaxStoryClaims}}}));
  std::vector<warta::v1::StoredClaim> with_figures;
  for (const auto& row : rows) {
    ASSIGN_OR_RETURN(auto claim, ParseStored<warta::v1::StoredClaim>(BytesOf(row[0]), "claim"));
    if (claim.claim().quantities_size() > 0) {
      with_figures.push_back(claim);
      AddToTimeline(claim, story);
    }
    *story.add_claims() = std::move(claim);
  }
  // Within one story every pair of figures is close enough in time.
  ContestedOptions options;
  options.window = absl::InfiniteDuration();
  for (auto& group : GroupContestedClaims(with_figures, options)) {
    *story.add_contested() = std::move(group);
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<warta::v1::Story> GetStoryVia(const SqlRunner& run, std::string_view id) {
  ASSIGN_OR_RETURN(SqlRows rows,
                   run({"SELECT data FROM stories WHERE story_id = ?", {std::string(id)}}));
  if (rows.empty()) {
    return absl::NotFoundError(absl::StrCat("no story with id \"", std::string(id), "\" is stored"));
  }
  ASSIGN_OR_RETURN(StoryState state, ParseStored<StoryState>(BytesOf(rows[0][0]), "story"));
  warta::v1::Story story = StorySummary(state);
  RETURN_IF_ERROR(AddArticles(run, id, story));
  RETURN_IF_ERROR(AddClaims(run, id, story));
  return story;
}

}  // namespace warta::storage
