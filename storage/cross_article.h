// The cross-article step of a store write, the same for every SQL backend:
// before an article's rows are written (in the write transaction), put it
// into a story — a replacement keeps the story it has —, link its one-word
// person names, and add a new article's entities to the registry. (After
// the rows, UpdateContestedGroups files its figures.)
#ifndef WARTA_STORAGE_CROSS_ARTICLE_H_
#define WARTA_STORAGE_CROSS_ARTICLE_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "storage/sql_backend.h"
#include "storage/store.h"
#include "storage/stories/story_cache.h"
#include "storage/stories/story_clusterer.h"
#include "warta/v1/article.pb.h"

namespace warta::storage {

// `article` as it is to be stored: story fields set, short names linked.
// `stored` is the version already in the store (null for a new article);
// `arrival` grows with every stored article. Adds the write (inserted or
// replaced, and how a new article found its story) to `counts`. `stories`:
// the store's story cache, or null (storage/stories/story_cache.h).
absl::StatusOr<warta::v1::EnrichedArticle> PrepareForStore(
    const StoryClusterer& clusterer, const SqlRunner& run, int64_t arrival,
    const warta::v1::EnrichedArticle* stored, const warta::v1::EnrichedArticle& article,
    UpsertCounts& counts, StoryCache* stories = nullptr);

}  // namespace warta::storage

#endif  // WARTA_STORAGE_CROSS_ARTICLE_H_
