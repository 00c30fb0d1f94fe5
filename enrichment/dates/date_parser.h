// Date and time expressions in Indonesian and English news text: the
// publication time in page headers and datelines ("Selasa, 5 November 2024
// 09:20 WIB", "21 Januari 2024, 14:32 WIB", "Jumat (1/11/2024)",
// "DECEMBER 9, 2022") and dates in the body, including day names ("pada
// hari Senin", "Jumat lalu") resolved against a reference date.
//
// Pure functions over string_views; thread-safe. Offsets are byte offsets
// into the text passed in. The parser expects text already normalised by
// the cleaner (ASCII "-" for dashes, plain spaces) but never crashes on
// anything else.
#ifndef WARTA_ENRICHMENT_DATES_DATE_PARSER_H_
#define WARTA_ENRICHMENT_DATES_DATE_PARSER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace warta::enrichment::dates {

// A proleptic Gregorian calendar date.
struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  bool operator==(const CivilDate& o) const {
    return year == o.year && month == o.month && day == o.day;
  }
};

// Days since 1970-01-01 (negative before).
int64_t DaysFromCivil(const CivilDate& date);
CivilDate CivilFromDays(int64_t days);
// 0 = Monday ... 6 = Sunday.
int Weekday(const CivilDate& date);
bool IsValidDate(const CivilDate& date);
// "2024-11-05".
std::string ToIsoDate(const CivilDate& date);
// The local calendar date of a Unix time seen from a UTC offset.
CivilDate LocalDateOfUnix(int64_t unix_seconds, int utc_offset_minutes);

enum class DateKind : uint8_t {
  kAbsolute,  // the text gives day, month and year
  kInferredYear,  // day and month given ("Senin (27/3)"), year from the reference
  kRelativeDay,   // a day name ("pada hari Senin"), resolved against the reference
  kYearUnknown,   // day and month given, no reference to take the year from:
                  // CivilDate::year is 0 (FindDates with Yearless::kKeep only)
};

struct DateMatch {
  int begin = 0;  // byte span of the whole expression, weekday included
  int end = 0;
  CivilDate date;
  DateKind kind = DateKind::kAbsolute;
  int weekday = -1;  // 0 = Monday, when the expression names the day
  bool has_time = false;
  int hour = 0;
  int minute = 0;
  // Set when the text names a zone: WIB +420, WITA +480, WIT +540, GMT/UTC 0.
  std::optional<int> utc_offset_minutes;
};

enum class Yearless : uint8_t { kSkip, kKeep };

// All date expressions in `text`, in order, not overlapping. Without a
// reference, day names are skipped (they cannot be resolved), and so are
// year-less dates unless `yearless` is kKeep: then they come back as
// kYearUnknown with year 0 ("Senin (27/3)" still says which day of the
// year a report is about). A day name on its own means the most recent such day on or
// before the reference (news reports the past); "lalu"/"kemarin"/"last"
// means strictly before, "depan"/"mendatang"/"next" strictly after, and
// "akan"/"will" shortly before it means on or after.
std::vector<DateMatch> FindDates(std::string_view text, std::optional<CivilDate> reference,
                                 Yearless yearless = Yearless::kSkip);

// The first expression in `text` that can be a publication time: an
// absolute date (with a year), with its time and zone when given.
std::optional<DateMatch> FindPublicationTime(std::string_view text);

// Unix seconds of a match (never a kYearUnknown one): its time (12:00 when the text gives only a
// date, so the calendar date survives conversion to UTC and back) in its
// zone, or `default_utc_offset_minutes` when it names none.
int64_t ToUnixSeconds(const DateMatch& match, int default_utc_offset_minutes);

}  // namespace warta::enrichment::dates

#endif  // WARTA_ENRICHMENT_DATES_DATE_PARSER_H_
