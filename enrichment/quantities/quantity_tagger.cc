#include "enrichment/quantities/quantity_tagger.h"

#include <string>

namespace warta::enrichment {

absl::StatusOr<std::unique_ptr<QuantityTagger>> QuantityTagger::Create(
    const QuantityTaggerOptions& options) {
  return std::unique_ptr<QuantityTagger>(new QuantityTagger(options));
}

absl::Status QuantityTagger::Process(Document& doc) const {
  NumberStyle style = NumberStyleFor(doc.language.code);
  if (style == NumberStyle::kAuto) style = options_.default_style;
  doc.quantities.clear();
  for (const FoundQuantity& fq : FindQuantities(doc, style)) {
    const EntityType type =
        fq.is_money() ? EntityType::kMoney : EntityType::kQuantity;
    const std::string normalized = NormalizedQuantity(fq);
    const std::string id = (fq.is_money() ? "money:" : "qty:") + normalized;
    Entity* entity = nullptr;
    for (Entity& e : doc.entities) {
      if (e.type == type && e.id == id) {
        entity = &e;
        break;
      }
    }
    if (entity == nullptr) {
      entity = &doc.entities.emplace_back();
      entity->id = id;
      entity->type = type;
      entity->name = std::string(doc.Text(fq.quantity.span));
      entity->normalized = normalized;
    }
    entity->mentions.push_back(Mention{fq.quantity.span});
    doc.quantities.push_back(fq.quantity);
  }
  return absl::OkStatus();
}

}  // namespace warta::enrichment
