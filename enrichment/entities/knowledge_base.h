// An optional knowledge base that entities are linked to (EntityOptions::
// knowledge_base). Format: UTF-8 text, one entity a line, tab-separated:
//
//   id <TAB> type <TAB> name [<TAB> alias|alias|...]
//
// e.g. "Q7747\tPERSON\tVladimir Putin\tPutin|Vladimir Vladimirovich Putin".
// type is PERSON, ORGANIZATION or LOCATION (PER/ORG/LOC also accepted).
// Blank lines and lines starting with '#' are ignored. Names and aliases are
// matched after NameKey folding. A linked entity gets kb_id = id, the KB
// name as its canonical name, and its id from that name, so every article
// that mentions any alias joins on the same id.
//
// Immutable after Parse; thread-safe.
#ifndef WARTA_ENRICHMENT_ENTITIES_KNOWLEDGE_BASE_H_
#define WARTA_ENRICHMENT_ENTITIES_KNOWLEDGE_BASE_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "enrichment/document.h"

namespace warta::enrichment {

struct KbEntry {
  std::string id;
  EntityType type = EntityType::kPerson;
  std::string name;
};

class KnowledgeBase {
 public:
  static absl::StatusOr<KnowledgeBase> Parse(std::string_view contents);

  // The entry whose name or alias folds to `key`; nullptr when none. A key
  // claimed by two entries of different ids is ambiguous and matches none.
  const KbEntry* Find(std::string_view key) const;
  size_t size() const { return entries_.size(); }

 private:
  std::vector<KbEntry> entries_;
  absl::flat_hash_map<std::string, int> by_key_;  // -1 = ambiguous
};

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_ENTITIES_KNOWLEDGE_BASE_H_
