#include "storage/stories/story_cache.h"

#include <utility>

namespace warta::storage {
namespace {

// A parsed story takes several times its serialized size (a WeightedKey of
// ~15 bytes on disk is a message with two strings in memory).
constexpr size_t kMemoryPerSerializedByte = 6;

}  // namespace

std::shared_ptr<const StoryState> StoryCache::Find(std::string_view id) {
  auto it = by_id_.find(absl::string_view(id.data(), id.size()));
  if (it == by_id_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->story;
}

void StoryCache::Put(std::shared_ptr<const StoryState> story, size_t serialized_bytes) {
  if (auto it = by_id_.find(story->id()); it != by_id_.end()) Erase(it->second);
  const size_t bytes = serialized_bytes * kMemoryPerSerializedByte + sizeof(Entry);
  if (bytes > max_bytes_) return;
  std::string id = story->id();
  lru_.push_front(Entry{std::move(story), bytes});
  by_id_.emplace(std::move(id), lru_.begin());
  bytes_ += bytes;
  while (bytes_ > max_bytes_) Erase(std::prev(lru_.end()));
}

void StoryCache::Clear() {
  lru_.clear();
  by_id_.clear();
  bytes_ = 0;
}

void StoryCache::Erase(std::list<Entry>::iterator it) {
  bytes_ -= it->bytes;
  by_id_.erase(it->story->id());
  lru_.erase(it);
}

}  // namespace warta::storage
