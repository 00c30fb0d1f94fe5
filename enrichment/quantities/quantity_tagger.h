// The quantities stage: appends MONEY and QUANTITY entities, found by
// FindQuantities (quantity_parser.h) over the segment stage's
// Document::tokens, to Document::entities. One entity
// per normalised value ("qty:10000 tentara", "money:200000000 EUR");
// repeated mentions of the same value are merged into it. Every quantity
// found, with its unit and qualifier, also goes to Document::quantities
// (the claims stage reads them there).
//
// Immutable after Create, so one instance may serve many threads.
#ifndef WARTA_ENRICHMENT_QUANTITIES_QUANTITY_TAGGER_H_
#define WARTA_ENRICHMENT_QUANTITIES_QUANTITY_TAGGER_H_

#include <memory>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "enrichment/document.h"
#include "enrichment/quantities/quantity_parser.h"

namespace warta::enrichment {

struct QuantityTaggerOptions {
  // Style for documents whose language NumberStyleFor gives kAuto (not
  // "en" nor "id").
  NumberStyle default_style = NumberStyle::kAuto;
};

// Existing entities (e.g. DATEs) are kept.
class QuantityTagger {
 public:
  static absl::StatusOr<std::unique_ptr<QuantityTagger>> Create(
      const QuantityTaggerOptions& options = {});

  absl::Status Process(Document& doc) const;

 private:
  explicit QuantityTagger(const QuantityTaggerOptions& options)
      : options_(options) {}
  QuantityTaggerOptions options_;
};

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_QUANTITIES_QUANTITY_TAGGER_H_
