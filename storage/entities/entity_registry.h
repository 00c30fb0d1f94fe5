// The store's registry of canonical entities across articles, kept in the
// write transaction of each new article (portable SQL over a backend's
// SqlRunner, so SQLite and PostgreSQL keep it alike):
//
// - Linking: the enrichment gives "Putin" alone (an article that never
//   says "Vladimir Putin") its own id. When the article's story, or failing
//   that the registry's recent stream, has exactly one person whose full
//   name contains that word, the store maps the short name to that
//   person's id in the stored article (entities, speakers, claim subjects),
//   keeping "Putin" as an alias. Ambiguous short names ("Kim" with Kim Jong
//   Un and Kim Yo Jong about) stay as they are, unless the registry names
//   one of the people five times more than the others together (and 20
//   times at least): "Trump" is Donald Trump, not Ivanka or Melania. A nickname an article
//   introduced in brackets ("Presiden Joko Widodo (Jokowi)", an alias that
//   is no word of the name) links the same way, before and over words of
//   names. So does an organisation's acronym alone ("PSSI"), to the one
//   recent organisation an article introduced by it ("Persatuan Sepakbola
//   Seluruh Indonesia (PSSI)"); words of organisations' names link nothing
//   ("United"). A name with or without middle names ("Anies Baswedan", "Anies
//   Rasyid Baswedan") links to the one recent person the registry holds
//   under the other form, and so does a name that is the first or last
//   words of a registered person's ("Sri Mulyani", "Suu Kyi"); a longer
//   name joins a shorter registered one only by its first words. Ids stay
//   deterministic:
//   the link is a mapping the store applies, not a new id. A name of two
//   words or more that the registry holds under another type, in 5
//   articles at least and twice as many as under its own, is that entity
//   ("Maverick Vinales" the model called an organisation).
// - Registry: one row per person, organisation and place with the name most
//   articles gave it (and how many gave each), every alias seen, roles, article and mention counts, first and last
//   seen; ListEntities / GetEntity read it.
//
// Thread-safety: as the runner (the backends call under their lock).
#ifndef WARTA_STORAGE_ENTITIES_ENTITY_REGISTRY_H_
#define WARTA_STORAGE_ENTITIES_ENTITY_REGISTRY_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "storage/sql_backend.h"
#include "storage/stories/story_state.pb.h"
#include "warta/v1/article.pb.h"
#include "warta/v1/services.pb.h"

namespace warta::storage {

// Rewrites one-word person names of `article` to the full-name entity of
// its story or of the registry, one-word organisations to the one whose
// acronym they are, and names with or without middle names, or cut short
// at one end, to the registry's form, as described above. `story` is the
// article's story when the caller has it at hand (else it is read by
// article.story_id(), when there is a short name to link).
absl::Status LinkShortNames(const SqlRunner& run, const StoryState* story,
                            warta::v1::EnrichedArticle& article);

// Adds the article's people, organisations and places to the registry.
absl::Status RecordEntities(const SqlRunner& run, const warta::v1::EnrichedArticle& article);

absl::StatusOr<warta::v1::ListEntitiesResponse> ListEntitiesVia(
    const SqlRunner& run, const warta::v1::ListEntitiesRequest& request);

// NOT_FOUND for an id the registry does not hold.
absl::StatusOr<warta::v1::EntityDetail> GetEntityVia(const SqlRunner& run, std::string_view id);

// How names and queries are compared: lower case, words joined by one
// space ("Choe Son-hui" -> "choe son hui").
std::string FoldName(std::string_view name);

}  // namespace warta::storage

#endif  // WARTA_STORAGE_ENTITIES_ENTITY_REGISTRY_H_
