// libFuzzer target: any bytes through the quote finder, the number and
// quantity parsers and the claim extractor (with entity mentions cut from
// the input so speaker resolution runs too). Checks that every span stays
// inside the text and that quotes come in order without overlapping.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "enrichment/claims/claim_extractor.h"
#include "enrichment/claims/quote_finder.h"
#include "enrichment/document.h"
#include "enrichment/quantities/quantity_parser.h"
#include "enrichment/segment/segmenter.h"
#include "fuzz/fuzz_check.h"

namespace {

using namespace warta::enrichment;

using warta::fuzz::Check;

void CheckSpan(Span s, int size) { Check(s.begin >= 0 && s.begin <= s.end && s.end <= size); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const int n = static_cast<int>(text.size());

  int last_end = 0;
  for (const QuoteSpan& q : FindQuotes(text)) {
    CheckSpan(q.outer, n);
    CheckSpan(q.inner, n);
    Check(q.outer.begin >= last_end);
    Check(q.inner.begin >= q.outer.begin && q.inner.end <= q.outer.end);
    last_end = q.outer.end;
  }
  for (NumberStyle style : {NumberStyle::kIndonesian, NumberStyle::kEnglish, NumberStyle::kAuto}) {
    for (const FoundQuantity& q : FindQuantities(text, style)) {
      CheckSpan(q.quantity.span, n);
      (void)NormalizedQuantity(q);
    }
    (void)ParseNumeral(std::string_view(text).substr(0, 24), style);
  }

  Document doc;
  doc.text = text;
  // The claims stage reads the segment stage's tokens and sentences.
  static const auto* segmenter = Segmenter::Create({}).value().release();
  Check(segmenter->Process(doc).ok());
  // Every fifth of the text is a "person" mention, so the resolver has
  // entities to choose from.
  if (n >= 10) {
    Entity person;
    person.name = "X";
    person.type = EntityType::kPerson;
    for (int b = 0; b + 3 <= n; b += n / 5 + 1) person.mentions.push_back(Mention{Span{b, b + 3}});
    doc.entities.push_back(person);
    Entity place = person;
    place.type = EntityType::kLocation;
    place.mentions = {Mention{Span{n / 2, n}}};
    doc.entities.push_back(place);
  }
  static const auto* extractor = ClaimExtractor::Create({}).value().release();
  Check(extractor->Process(doc).ok());
  for (const Claim& c : doc.claims) {
    CheckSpan(c.content, n);
    CheckSpan(c.cue, n);
    CheckSpan(c.speaker_span, n);
    Check(c.speaker_entity >= -1 && c.speaker_entity < static_cast<int>(doc.entities.size()));
    for (const Quantity& q : c.quantities) CheckSpan(q.span, n);
    for (int e : c.subject_entities) Check(e >= 0 && e < static_cast<int>(doc.entities.size()));
  }
  return 0;
}
