// The claims stage: finds direct quotes and reported speech in an article,
// their speaker, the cue word, the content and the quantities inside, and
// fills Document::claims.
//
// Rule-based. The cue lists (cue_lexicon.h) and rules were written by hand
// and tuned by reading errors on the dev split of the PFSA-ID attribution
// data; nothing is trained on that data (its licence is non-commercial).
//
// Reads Document::text, ::sentences (from the segment stage: no sentences,
// no claims), ::entities (PERSON, ORGANIZATION, LOCATION mentions;
// optional: without them speakers get a speaker_name from the capitalised
// words after or before the cue) and ::quantities (the quantities stage's).
// Pronoun and clitic speakers ("ia", "katanya", "he") are resolved to the
// last person who spoke or acted, skipping mentions inside quotes.
//
// Immutable after Create: one instance may serve many threads.
#ifndef WARTA_ENRICHMENT_CLAIMS_CLAIM_EXTRACTOR_H_
#define WARTA_ENRICHMENT_CLAIMS_CLAIM_EXTRACTOR_H_

#include <memory>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "enrichment/document.h"

namespace warta::enrichment {

struct ClaimOptions {
  // Emit REPORTED claims ("X mengatakan bahwa ...", "menurut X, ...").
  bool reported_speech = true;
  // Quotes of fewer words with no cue in their sentence are scare quotes
  // ("operasi militer khusus" with nobody saying it), not claims.
  int min_uncued_quote_words = 4;
  // Attach the quantities tagged inside each claim's content
  // (Document::quantities, from the quantities stage).
  bool quantities = true;
};

class ClaimExtractor {
 public:
  static absl::StatusOr<std::unique_ptr<ClaimExtractor>> Create(
      const ClaimOptions& options = {});

  // Replaces doc.claims with the claims found in doc.text. Fails only on
  // inconsistent input (spans outside the text).
  absl::Status Process(Document& doc) const;

 private:
  explicit ClaimExtractor(const ClaimOptions& options) : options_(options) {}
  ClaimOptions options_;
};

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_CLAIMS_CLAIM_EXTRACTOR_H_
