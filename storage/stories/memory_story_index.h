// MemoryStoryIndex: a StoryIndex in memory, for `warta eval stories` and
// tests — the same clusterer the store runs, without a database.
// Not thread-safe.
#ifndef WARTA_STORAGE_STORIES_MEMORY_STORY_INDEX_H_
#define WARTA_STORAGE_STORIES_MEMORY_STORY_INDEX_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "storage/stories/story_clusterer.h"

namespace warta::storage {

class MemoryStoryIndex final : public StoryIndex {
 public:
  absl::StatusOr<std::vector<std::string>> StoriesForKeys(absl::Span<const std::string> keys,
                                                          int per_key) override;
  absl::StatusOr<std::shared_ptr<const StoryState>> LoadStory(std::string_view id) override;
  absl::Status SaveStory(const StoryState& story, absl::Span<const std::string> keys,
                         int64_t arrival) override;

  size_t size() const { return stories_.size(); }

 private:
  absl::flat_hash_map<std::string, std::shared_ptr<const StoryState>> stories_;
  // key -> (arrival -> story id); an entry moves when the story indexes the
  // key again.
  absl::flat_hash_map<std::string, std::map<int64_t, std::string>> postings_;
  absl::flat_hash_map<std::string, absl::flat_hash_map<std::string, int64_t>> last_arrival_;
};

}  // namespace warta::storage

#endif  // WARTA_STORAGE_STORIES_MEMORY_STORY_INDEX_H_
