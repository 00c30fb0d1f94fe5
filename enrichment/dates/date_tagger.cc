#include "enrichment/dates/date_tagger.h"

#include <string>
#include <unordered_map>

#include "absl/strings/str_format.h"
#include "enrichment/dates/date_parser.h"

namespace warta::enrichment {

absl::StatusOr<std::unique_ptr<DateTagger>> DateTagger::Create(const DateTaggerOptions& options) {
  if (options.reference_utc_offset_minutes < -14 * 60 ||
      options.reference_utc_offset_minutes > 14 * 60) {
    return absl::InvalidArgumentError("DateTaggerOptions: UTC offset outside -14h..+14h");
  }
  return std::unique_ptr<DateTagger>(new DateTagger(options));
}

absl::Status DateTagger::Process(Document& doc) const {
  std::optional<int64_t> published = doc.clean.published_at_unix.has_value()
                                         ? doc.clean.published_at_unix
                                         : doc.published_at_unix;
  std::optional<dates::CivilDate> reference;
  if (published) {
    reference = dates::LocalDateOfUnix(*published, options_.reference_utc_offset_minutes);
  }
  std::unordered_map<std::string, size_t> by_id;
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    if (doc.entities[i].type == EntityType::kDate) by_id.emplace(doc.entities[i].id, i);
  }
  for (const dates::DateMatch& m :
       dates::FindDates(doc.text, reference, dates::Yearless::kKeep)) {
    if (m.kind == dates::DateKind::kRelativeDay && !options_.resolve_day_names) continue;
    const std::string iso = m.kind == dates::DateKind::kYearUnknown
                                ? absl::StrFormat("--%02d-%02d", m.date.month, m.date.day)
                                : dates::ToIsoDate(m.date);
    std::string id = "date:" + iso;
    auto [it, inserted] = by_id.emplace(id, doc.entities.size());
    if (inserted) {
      Entity e;
      e.id = std::move(id);
      e.type = EntityType::kDate;
      e.name = iso;
      e.normalized = iso;
      doc.entities.push_back(std::move(e));
    }
    doc.entities[it->second].mentions.push_back(Mention{Span{m.begin, m.end}});
  }
  return absl::OkStatus();
}

}  // namespace warta::enrichment
