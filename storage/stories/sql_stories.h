// The stories part of the SQL backends (storage/sqlite/, storage/postgres/):
// their tables, the StoryIndex the clusterer runs on inside the store's
// write transaction, and the ListStories / GetStory reads. Portable SQL
// with `?` placeholders, run through a backend's SqlRunner, so both
// backends store and read stories alike.
//
// Thread-safety: as the runner; the backends call these under their lock.
#ifndef WARTA_STORAGE_STORIES_SQL_STORIES_H_
#define WARTA_STORAGE_STORIES_SQL_STORIES_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "storage/sql_backend.h"
#include "storage/stories/story_cache.h"
#include "storage/stories/story_clusterer.h"
#include "warta/v1/services.pb.h"

namespace warta::storage {

// What a SQL backend needs to put articles into stories.
struct StoryStoreOptions {
  // Word weights (models/stories/idf.tsv via services::LoadStoryWeights);
  // without them every word weighs the same.
  std::shared_ptr<const TermWeights> weights = std::make_shared<TermWeights>();
  StoryOptions clustering;
};

// Sets `article`'s story_id (and duplicate_of) for a newly stored article,
// clustering it at `arrival` over the story tables through `run`, and
// returns its story as saved. For an article already stored (`stored`),
// keeps the stored assignment and returns nullopt. `cache` (may be null):
// see SqlStoryIndex.
absl::StatusOr<std::optional<StoryState>> AssignStory(const StoryClusterer& clusterer,
                                                      const SqlRunner& run, int64_t arrival,
                                                      const warta::v1::EnrichedArticle* stored,
                                                      warta::v1::EnrichedArticle& article,
                                                      StoryCache* cache = nullptr);

// StoryIndex over the story tables. With a `cache` (owned by the caller,
// only for a store that is its tables' one writer: story_cache.h), stories
// are read from it when there and every saved story is put into it.
class SqlStoryIndex final : public StoryIndex {
 public:
  explicit SqlStoryIndex(SqlRunner run, StoryCache* cache = nullptr)
      : run_(std::move(run)), cache_(cache) {}
  absl::StatusOr<std::vector<std::string>> StoriesForKeys(absl::Span<const std::string> keys,
                                                          int per_key) override;
  absl::StatusOr<std::shared_ptr<const StoryState>> LoadStory(std::string_view id) override;
  absl::Status SaveStory(const StoryState& story, absl::Span<const std::string> keys,
                         int64_t arrival) override;

 private:
  SqlRunner run_;
  StoryCache* cache_;
};

// The page of stories `request` asks for. INVALID_ARGUMENT for a bad page
// size, token or order.
absl::StatusOr<warta::v1::ListStoriesResponse> ListStoriesVia(
    const SqlRunner& run, const warta::v1::ListStoriesRequest& request);

// One story with its articles, claims, contested figures and timeline.
// NOT_FOUND for an unknown id.
absl::StatusOr<warta::v1::Story> GetStoryVia(const SqlRunner& run, std::string_view id);

// The Story summary (no articles, claims or timeline) of a stored state.
warta::v1::Story StorySummary(const StoryState& state);

}  // namespace warta::storage

#endif  // WARTA_STORAGE_STORIES_SQL_STORIES_H_
