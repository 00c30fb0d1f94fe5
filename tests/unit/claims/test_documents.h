// Hand-built Documents for claims tests: text, sentences, tokens and entity
// mentions filled the way the segment and entities stages would, so the
// claim extractor can be tested without them.
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

// Sentences end at ". ", "! ", "? " (after a closing quote if one follows)
// and at newlines; tokens are the word scanner's pieces. Mentions are all
// whole-word occurrences of names and aliases, longest first.
Document MakeDocument(const std::string& text,
                      const std::vector<EntitySpec>& entities);

// The text of a claim's content / speaker, for readable assertions.
std::string ContentOf(const Document& doc, const Claim& claim);
std::string SpeakerOf(const Document& doc, const Claim& claim);

}  // namespace warta::enrichment::testing

#endif  // WARTA_TESTS_UNIT_CLAIMS_TEST_DOCUMENTS_H_
