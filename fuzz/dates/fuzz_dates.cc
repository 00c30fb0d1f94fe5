// libFuzzer target for the date parser on its own (fuzz_text reaches it
// only through cleaned text): no crash, matches inside the text, in order
// and not overlapping, every date a real calendar date whose day count
// converts back to it, times and zones in range, and year-less or day-name
// dates only when there is a reference to resolve them against (or, when
// asked to keep them, year-less ones with year 0).
//
// Input: the first two bytes pick the reference date (none when both are
// zero); the rest is the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "enrichment/dates/date_parser.h"
#include "fuzz/fuzz_check.h"

namespace {

using namespace warta::enrichment::dates;

using warta::fuzz::Check;

void CheckMatch(const DateMatch& m, int text_size) {
  Check(0 <= m.begin && m.begin < m.end && m.end <= text_size);
  Check(IsValidDate(m.date));
  Check(CivilFromDays(DaysFromCivil(m.date)) == m.date);
  Check(-1 <= m.weekday && m.weekday <= 6);
  if (m.weekday >= 0 && m.kind == DateKind::kRelativeDay) Check(Weekday(m.date) == m.weekday);
  if (m.has_time) Check(0 <= m.hour && m.hour <= 23 && 0 <= m.minute && m.minute <= 59);
  // Zones are whole-day offsets at most ("UTC+99" is not a zone).
  if (m.utc_offset_minutes) Check(-24 * 60 < *m.utc_offset_minutes && *m.utc_offset_minutes < 24 * 60);
  // Unix seconds of the match land on its calendar date, seen from its zone.
  const int offset = m.utc_offset_minutes.value_or(420);
  Check(LocalDateOfUnix(ToUnixSeconds(m, 420), offset) == m.date);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const int days = (data[0] << 8) | data[1];
  std::optional<CivilDate> reference;
  // A reference between 1970 and about 2149.
  if (days != 0) reference = CivilFromDays(days);
  const std::string_view text(reinterpret_cast<const char*>(data) + 2, size - 2);
  const int n = static_cast<int>(text.size());

  int previous_end = 0;
  for (const DateMatch& m : FindDates(text, reference)) {
    CheckMatch(m, n);
    Check(m.begin >= previous_end);
    previous_end = m.end;
    if (!reference) Check(m.kind == DateKind::kAbsolute);
  }
  // Kept year-less dates: a day and month some year has, year 0.
  if (!reference) {
    for (const DateMatch& m : FindDates(text, std::nullopt, Yearless::kKeep)) {
      if (m.kind != DateKind::kYearUnknown) continue;
      Check(0 <= m.begin && m.begin < m.end && m.end <= n);
      Check(m.date.year == 0 && IsValidDate({2000, m.date.month, m.date.day}));
    }
  }
  if (const std::optional<DateMatch> published = FindPublicationTime(text)) {
    CheckMatch(*published, n);
    Check(published->kind == DateKind::kAbsolute);
  }
  return 0;
}
