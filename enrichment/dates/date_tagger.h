// DateTagger: the DATE entities of an article. Finds absolute dates and
// day names in Document::text, resolves day names and year-less dates
// against the publication date (Document::clean.published_at_unix, else
// Document::published_at_unix) and appends one Entity per distinct date,
// with one Mention per occurrence.
//
// Thread-safe: Process is const and keeps no state between calls.
#ifndef WARTA_ENRICHMENT_DATES_DATE_TAGGER_H_
#define WARTA_ENRICHMENT_DATES_DATE_TAGGER_H_

#include <memory>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "enrichment/document.h"

namespace warta::enrichment {

struct DateTaggerOptions {
  // Zone used to turn the publication time into a calendar date: WIB
  // (UTC+7), where most of the articles Warta reads are published.
  int reference_utc_offset_minutes = 7 * 60;
  // Tag day names ("pada hari Senin") when a publication date is known.
  bool resolve_day_names = true;
};

class DateTagger {
 public:
  static absl::StatusOr<std::unique_ptr<DateTagger>> Create(const DateTaggerOptions& options);

  // Appends DATE entities to doc.entities (existing entities are kept; a
  // DATE entity already there with the same id gets the new mentions).
  // Entity::normalized and name are the ISO 8601 date ("2024-11-04"), or
  // ISO 8601's year-less "--03-27" when the article has no publication date
  // to take the year from (the day still tells which event a report is
  // about: stories use it); id is "date:" + normalized. Never fails on any text.
  absl::Status Process(Document& doc) const;

 private:
  explicit DateTagger(const DateTaggerOptions& options) : options_(options) {}
  DateTaggerOptions options_;
};

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_DATES_DATE_TAGGER_H_
