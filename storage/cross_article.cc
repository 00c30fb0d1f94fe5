#include "storage/cross_article.h"

#include <optional>

#include "common/status_macros.h"
#include "storage/entities/entity_registry.h"
#include "storage/stories/sql_stories.h"

namespace warta::storage {

absl::StatusOr<warta::v1::EnrichedArticle> PrepareForStore(
    const StoryClusterer& clusterer, const SqlRunner& run, int64_t arrival,
    const warta::v1::EnrichedArticle* stored, const warta::v1::EnrichedArticle& article,
    UpsertCounts& counts, StoryCache* stories) {
  warta::v1::EnrichedArticle prepared = article;
  ASSIGN_OR_RETURN(std::optional<StoryState> story,
                   AssignStory(clusterer, run, arrival, stored, prepared, stories));
  RETURN_IF_ERROR(LinkShortNames(run, story ? &*story : nullptr, prepared));
  // A re-enrichment is not another article: the registry counts it once.
  if (stored == nullptr) RETURN_IF_ERROR(RecordEntities(run, prepared));
  if (stored != nullptr) {
    ++counts.replaced;
    return prepared;
  }
  ++counts.inserted;
  if (!prepared.duplicate_of().empty()) {
    ++counts.near_copies;
  } else if (story && story->article_count() == 1) {
    ++counts.new_stories;
  } else {
    ++counts.joined_stories;
  }
  return prepared;
}

}  // namespace warta::storage
