// Cleaner: the first enrichment stage. Splits a scraped news page
// (Document::original) into title, bylines, dateline, publication time and
// body; drops what is not the article ("Baca juga: ...", "Pilihan editor:
// ...", "Berita Terkait", "Sumber: ...", image captions, share and
// advertisement lines, "Read more:", "Related:", "Advertisement") and
// reports each removed span; normalises Unicode (see unicode_normalizer.h)
// while keeping Document::original_offsets back to the original.
//
// Document::text is the body only: one line per paragraph, paragraphs
// separated by a blank line ("\n\n"). Title, bylines and dateline are in
// Document::clean, never in the text, so their entities are not the
// article's.
//
// clean.removed lists every part of the page left out of the text, in page
// order, so text + removed cover the page: the header parts ("title",
// "byline", "dateline", "publication_time", "section") and what is not the
// article ("related_link", "editor_pick", "source_credit", "image_credit",
// "share", "advertisement", "tags", "decoration"). Filter on the reason to
// show only boilerplate.
//
// Bylines are names as printed: "Dewi Rina Cahyani", "Tempo.co", "Web
// Warouw"; editor initials such as "(ard)" are removed but not listed.
// The publication time comes from a header line ("Selasa, 5 November 2024
// 09:20 WIB", "DECEMBER 9, 2022") or, failing that, from a dated day name
// in the first lines of the body ("Jumat (1/11/2024)"); a date without a
// time is taken as 12:00 in its zone.
//
// Never loses the article: when boilerplate rules would remove most of a
// body, the body is kept whole and clean.suspicious_cleaning is set.
//
// Thread-safe: a Cleaner is immutable after Create; Process is const.
#ifndef WARTA_ENRICHMENT_TEXT_CLEANER_H_
#define WARTA_ENRICHMENT_TEXT_CLEANER_H_

#include <memory>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "enrichment/document.h"

namespace warta::enrichment {

struct CleanerOptions {
  // Zone assumed for a publication time that names none (WIB, UTC+7: the
  // zone of Jakarta, where most Indonesian outlets publish).
  int default_utc_offset_minutes = 7 * 60;
  // How many non-empty lines at the top of a page may be header (title,
  // bylines, date, section, image caption) before the body must start.
  int max_header_lines = 12;
  // When boilerplate removal would keep less than this fraction of the
  // body's bytes, keep the body whole and flag the document instead.
  double min_kept_fraction = 0.5;
  // Look for the publication date ("Jumat (1/11/2024)") in this many bytes
  // of the body when the header has none.
  int body_date_search_bytes = 600;
};

class Cleaner {
 public:
  static absl::StatusOr<std::unique_ptr<Cleaner>> Create(const CleanerOptions& options);

  // Reads doc.original, doc.title_hint, doc.source; fills doc.clean,
  // doc.text and doc.original_offsets (replacing what was there). Never
  // fails on bad input; ill-formed UTF-8 becomes U+FFFD.
  absl::Status Process(Document& doc) const;

 private:
  explicit Cleaner(const CleanerOptions& options) : options_(options) {}
  CleanerOptions options_;
};

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_TEXT_CLEANER_H_
