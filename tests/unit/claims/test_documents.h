// Documents for claims tests: the segment stage's sentences and tokens,
// and hand-made entity mentions, so the claim extractor is tested without
// the NER model.
#ifndef WARTA_TESTS_UNIT_CLAIMS_TEST_DOCUMENTS_H_
#define WARTA_TESTS_UNIT_CLAIMS_TEST_DOCUMENTS_H_

#include <string>
#include <vector>

#include "enrichment/document.h"

namespace warta::enrichment::testing {

struct EntitySpec {
  std::string name;  // canonical name; every occurrence becomes a mention
  EntityType type = EntityType::kPerson;
  std::vector<std::string> aliases;  // also found as mentions
};

// Runs the segmenter over `text`. Mentions are all whole-word occurrences
// of names and aliases, longest first.
Document MakeDocument(const std::string& text,
                      const std::vector<EntitySpec>& entities);

// The text of a claim's content / speaker, for readable assertions.
std::string ContentOf(const Document& doc, const Claim& claim);
std::string SpeakerOf(const Document& doc, const Claim& claim);

}  // namespace warta::enrichment::testing

#endif  // WARTA_TESTS_UNIT_CLAIMS_TEST_DOCUMENTS_H_
