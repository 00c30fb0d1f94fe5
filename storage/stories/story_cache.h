// StoryCache: the parsed stories a store wrote or read lately, so that
// putting an article into a story does not read and parse its candidate
// stories' rows (up to StoryOptions::max_candidates blobs of a few KB) from
// the database every time.
//
// Only a store that is its tables' one writer may keep one: SqliteStore
// clears it when another connection has committed to the file since its
// own last write, and when a write transaction rolls back. PostgreSQL
// stores share their tables between processes and keep none.
//
// Bounded by an estimate of the parsed stories' memory; the least recently
// used story goes first. Not thread-safe (the store calls it under its
// lock).
#ifndef WARTA_STORAGE_STORIES_STORY_CACHE_H_
#define WARTA_STORAGE_STORIES_STORY_CACHE_H_

#include <cstddef>
#include <list>
#include <memory>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "storage/stories/story_state.pb.h"

namespace warta::storage {

class StoryCache {
 public:
  // `max_bytes`: 0 keeps nothing.
  explicit StoryCache(size_t max_bytes) : max_bytes_(max_bytes) {}
  StoryCache(const StoryCache&) = delete;
  StoryCache& operator=(const StoryCache&) = delete;

  // The story, or null when it is not cached.
  std::shared_ptr<const StoryState> Find(std::string_view id);
  // Keeps `story` (replacing a cached story with its id); `serialized_bytes`
  // is its stored size, from which its memory is estimated.
  void Put(std::shared_ptr<const StoryState> story, size_t serialized_bytes);
  void Clear();

  size_t size() const { return by_id_.size(); }

 private:
  struct Entry {
    std::shared_ptr<const StoryState> story;
    size_t bytes = 0;
  };
  void Erase(std::list<Entry>::iterator it);

  const size_t max_bytes_;
  size_t bytes_ = 0;
  std::list<Entry> lru_;  // most recently used first
  absl::flat_hash_map<std::string, std::list<Entry>::iterator> by_id_;
};

}  // namespace warta::storage

#endif  // WARTA_STORAGE_STORIES_STORY_CACHE_H_
