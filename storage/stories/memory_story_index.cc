#include "storage/stories/memory_story_index.h"

namespace warta::storage {

absl::StatusOr<std::vector<std::string>> MemoryStoryIndex::StoriesForKeys(
    absl::Span<const std::string> keys, int per_key) {
  std::vector<std::string> ids;
  for (const std::string& key : keys) {
    auto it = postings_.find(key);
    if (it == postings_.end()) continue;
    int n = 0;
    for (auto p = it->second.rbegin(); p != it->second.rend() && n < per_key; ++p, ++n) {
      ids.push_back(p->second);
    }
  }
  return ids;
}

absl::StatusOr<std::shared_ptr<const StoryState>> MemoryStoryIndex::LoadStory(
    std::string_view id) {
  auto it = stories_.find(std::string(id));
  if (it == stories_.end()) return nullptr;
  return it->second;
}

absl::Status MemoryStoryIndex::SaveStory(const StoryState& story,
                                         absl::Span<const std::string> keys,
                                         int64_t arrival) {
  stories_[story.id()] = std::make_shared<const StoryState>(story);
  for (const std::string& key : keys) {
    auto& previous = last_arrival_[key];
    auto& posting = postings_[key];
    if (auto it = previous.find(story.id()); it != previous.end()) posting.erase(it->second);
    // Arrivals are unique per article; a story indexes a key once per article.
    posting[arrival] = story.id();
    previous[story.id()] = arrival;
  }
  return absl::OkStatus();
}

}  // namespace warta::storage
