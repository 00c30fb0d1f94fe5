// libFuzzer target for the clean and segment stages (and the date tagger
// that reads their output): no crash, no offset outside the text, offsets
// back to the original in range and non-decreasing.
//
// Input: the first byte picks whether the next line is a title hint; the
// rest is the page.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "enrichment/dates/date_tagger.h"
#include "enrichment/document.h"
#include "enrichment/segment/segmenter.h"
#include "enrichment/text/cleaner.h"
#include "fuzz/fuzz_check.h"

namespace {

using warta::enrichment::Cleaner;
using warta::enrichment::DateTagger;
using warta::enrichment::Document;
using warta::enrichment::Segmenter;
using warta::enrichment::Span;

using warta::fuzz::Check;

void CheckSpan(const Span& s, int size) { Check(0 <= s.begin && s.begin <= s.end && s.end <= size); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::unique_ptr<Cleaner> cleaner = *Cleaner::Create({});
  static const std::unique_ptr<Segmenter> segmenter = *Segmenter::Create({});
  static const std::unique_ptr<DateTagger> tagger = *DateTagger::Create({});
  if (size == 0) return 0;
  Document doc;
  std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1) {
    const size_t nl = input.find('\n');
    doc.title_hint = input.substr(0, nl);
  }
  if (data[0] & 2) doc.published_at_unix = 1730773200;
  if (data[0] & 4) doc.source = "rimanews";
  doc.original = std::move(input);

  Check(cleaner->Process(doc).ok());
  const int text_size = static_cast<int>(doc.text.size());
  const int original_size = static_cast<int>(doc.original.size());
  Check(doc.original_offsets.size() == doc.text.size() + 1);
  for (size_t i = 0; i < doc.original_offsets.size(); ++i) {
    Check(0 <= doc.original_offsets[i] && doc.original_offsets[i] <= original_size);
    if (i > 0) Check(doc.original_offsets[i - 1] <= doc.original_offsets[i]);
    // An ASCII letter or digit of the text is the same byte in the original,
    // or comes from a character NFC makes one (U+212A KELVIN SIGN is "K").
    if (i < doc.text.size()) {
      const unsigned char c = doc.text[i];
      if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
        const unsigned char from = doc.original[doc.original_offsets[i]];
        Check(from == c || from >= 0x80);
      }
    }
  }
  for (const auto& r : doc.clean.removed) CheckSpan(r.original, original_size);

  Check(segmenter->Process(doc).ok());
  for (const auto& t : doc.tokens) {
    CheckSpan(t.span, text_size);
    Check(t.span.size() > 0);
  }
  for (const auto& p : doc.paragraphs) CheckSpan(p.span, text_size);
  int previous_end = 0;
  for (const auto& s : doc.sentences) {
    CheckSpan(s.span, text_size);
    Check(0 <= s.first_token && s.first_token < s.end_token &&
          s.end_token <= static_cast<int>(doc.tokens.size()));
    Check(s.first_token == previous_end);
    previous_end = s.end_token;
  }
  Check(previous_end == static_cast<int>(doc.tokens.size()));

  Check(tagger->Process(doc).ok());
  for (const auto& e : doc.entities) {
    for (const auto& m : e.mentions) CheckSpan(m.span, text_size);
  }
  return 0;
}
