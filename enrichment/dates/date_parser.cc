#include "enrichment/dates/date_parser.h"

#include <array>
#include <cstdio>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace warta::enrichment::dates {
namespace {

absl::CivilDay ToCivilDay(const CivilDate& date) {
  return absl::CivilDay(date.year, date.month, date.day);
}

CivilDate FromCivilDay(absl::CivilDay day) {
  return CivilDate{static_cast<int>(day.year()), day.month(), day.day()};
}

constexpr absl::CivilDay kUnixEpoch(1970, 1, 1);

// The tokens the patterns are written over: ASCII letter runs, digit runs,
// single punctuation bytes; any other (non-ASCII) byte run is kOther.
enum class Kind : uint8_t { kAlpha, kNum, kPunct, kOther };
struct Tok {
  int begin;
  int end;
  Kind kind;
  bool space_before;
};

std::vector<Tok> Tokenize(std::string_view s) {
  std::vector<Tok> toks;
  toks.reserve(s.size() / 4);
  const int n = static_cast<int>(s.size());
  int i = 0;
  bool space = true;
  while (i < n) {
    const unsigned char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      ++i;
      continue;
    }
    int j = i + 1;
    Kind kind;
    if (absl::ascii_isalpha(c)) {
      kind = Kind::kAlpha;
      while (j < n && absl::ascii_isalpha(static_cast<unsigned char>(s[j]))) ++j;
    } else if (absl::ascii_isdigit(c)) {
      kind = Kind::kNum;
      while (j < n && absl::ascii_isdigit(static_cast<unsigned char>(s[j]))) ++j;
    } else if (c >= 0x80) {
      kind = Kind::kOther;
      while (j < n && static_cast<unsigned char>(s[j]) >= 0x80) ++j;
    } else {
      kind = Kind::kPunct;
    }
    toks.push_back({i, j, kind, space});
    space = false;
    i = j;
  }
  return toks;
}

struct NameValue {
  std::string_view name;
  int value;
};

// Month names and abbreviations, Indonesian and English, lower case.
constexpr std::array<NameValue, 41> kMonths = {{
    {"januari", 1},   {"january", 1},  {"jan", 1},      {"februari", 2},
    {"pebruari", 2},  {"february", 2}, {"feb", 2},      {"maret", 3},
    {"march", 3},     {"mar", 3},      {"april", 4},    {"apr", 4},
    {"mei", 5},       {"may", 5},      {"juni", 6},     {"june", 6},
    {"jun", 6},       {"juli", 7},     {"july", 7},     {"jul", 7},
    {"agustus", 8},   {"august", 8},   {"agu", 8},      {"agt", 8},
    {"ags", 8},       {"aug", 8},      {"september", 9}, {"sept", 9},
    {"sep", 9},       {"oktober", 10}, {"october", 10}, {"okt", 10},
    {"oct", 10},      {"november", 11}, {"nov", 11},    {"nopember", 11},
    {"desember", 12}, {"december", 12}, {"des", 12},    {"dec", 12},
    {"dedember", 12},
}};

// Day names; Indonesian spellings include common variants.
constexpr std::array<NameValue, 17> kWeekdays = {{
    {"senin", 0},   {"monday", 0},   {"selasa", 1},   {"tuesday", 1},
    {"rabu", 2},    {"wednesday", 2}, {"kamis", 3},   {"thursday", 3},
    {"jumat", 4},   {"jum'at", 4},   {"friday", 4},   {"sabtu", 5},
    {"saturday", 5}, {"minggu", 6},  {"ahad", 6},     {"sunday", 6},
    {"jumaat", 4},
}};

bool EqualsLower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (absl::ascii_tolower(static_cast<unsigned char>(word[i])) != lower[i]) return false;
  }
  return true;
}

template <size_t N>
int Lookup(const std::array<NameValue, N>& table, std::string_view word) {
  if (word.size() < 3 || word.size() > 9) return -1;
  const char first = absl::ascii_tolower(static_cast<unsigned char>(word[0]));
  for (const NameValue& nv : table) {
    if (nv.name[0] == first && EqualsLower(word, nv.name)) return nv.value;
  }
  return -1;
}

class Matcher {
 public:
  Matcher(std::string_view text, std::optional<CivilDate> reference, bool keep_yearless = false)
      : s_(text), toks_(Tokenize(text)), ref_(reference), keep_yearless_(keep_yearless) {}

  std::vector<DateMatch> Run(bool absolute_only) {
    std::vector<DateMatch> out;
    const int n = static_cast<int>(toks_.size());
    for (int i = 0; i < n;) {
      int next = i;
      std::optional<DateMatch> m = MatchAt(i, &next, absolute_only);
      if (m) {
        out.push_back(*m);
        i = next;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  std::string_view Text(int t) const {
    return s_.substr(toks_[t].begin, toks_[t].end - toks_[t].begin);
  }
  bool IsPunct(int t, char c) const {
    return t < static_cast<int>(toks_.size()) && toks_[t].kind == Kind::kPunct &&
           s_[toks_[t].begin] == c;
  }
  bool IsNum(int t, int min_len, int max_len) const {
    if (t >= static_cast<int>(toks_.size()) || toks_[t].kind != Kind::kNum) return false;
    const int len = toks_[t].end - toks_[t].begin;
    return len >= min_len && len <= max_len;
  }
  int NumValue(int t) const {
    int v = 0;
    for (char c : Text(t)) v = v * 10 + (c - '0');
    return v;
  }
  // A number not glued to a preceding "/", "." or digit-ish token, so
  // "2/1/11/2024" or "1.5 Mei" do not half-match.
  bool StartsCleanly(int t) const {
    if (t == 0 || toks_[t].space_before) return true;
    const Tok& prev = toks_[t - 1];
    if (prev.kind == Kind::kNum || prev.kind == Kind::kAlpha) return false;
    if (prev.kind == Kind::kPunct) {
      const char c = s_[prev.begin];
      return c != '/' && c != '.' && c != ',' && c != '-' && c != ':';
    }
    return true;
  }
  bool EndsCleanly(int t_after) const {
    if (t_after >= static_cast<int>(toks_.size()) || toks_[t_after].space_before) return true;
    const Tok& next = toks_[t_after];
    if (next.kind == Kind::kNum || next.kind == Kind::kAlpha) return false;
    if (next.kind == Kind::kPunct) {
      const char c = s_[next.begin];
      if (c == '/' || c == ':') return false;
      if ((c == '.' || c == ',' || c == '-') && t_after + 1 < static_cast<int>(toks_.size()) &&
          !toks_[t_after + 1].space_before && toks_[t_after + 1].kind == Kind::kNum) {
        return false;
      }
    }
    return true;
  }
  int MonthAt(int t) const {
    if (t >= static_cast<int>(toks_.size()) || toks_[t].kind != Kind::kAlpha) return -1;
    return Lookup(kMonths, Text(t));
  }
  // Skips the period of an abbreviated month ("Dec. 9").
  int AfterMonth(int t) const {
    if (IsPunct(t + 1, '.') && Text(t).size() <= 4) return t + 2;
    return t + 1;
  }
  int WeekdayAt(int t) const {
    if (t >= static_cast<int>(toks_.size()) || toks_[t].kind != Kind::kAlpha) return -1;
    std::string_view w = Text(t);
    // Indonesian day names are capitalised; lower-case "minggu" is "week".
    if (!absl::ascii_isupper(static_cast<unsigned char>(w[0]))) return -1;
    // "Jum'at": the apostrophe splits the token.
    if (EqualsLower(w, "jum") && IsPunct(t + 1, '\'') && t + 2 < static_cast<int>(toks_.size()) &&
        EqualsLower(Text(t + 2), "at") && !toks_[t + 2].space_before) {
      return 4;
    }
    return Lookup(kWeekdays, w);
  }
  int WeekdayEnd(int t) const {
    if (EqualsLower(Text(t), "jum") && IsPunct(t + 1, '\'')) return t + 3;
    return t + 1;
  }

  std::optional<int> YearAt(int t) const {
    if (IsNum(t, 4, 4)) {
      const int y = NumValue(t);
      if (y >= 1900 && y <= 2199) return y;
    }
    return std::nullopt;
  }

  // Year-less dates take the reference's year, or the year before when that
  // would put them more than a month after the reference. A day name
  // ("Rabu (10/5)") picks, among the neighbouring years, the one where the
  // date falls on that day.
  // Without a reference the year stays unknown (year 0, kYearUnknown) when
  // the caller keeps such dates, else the date is dropped.
  std::optional<CivilDate> InferYear(int month, int day, int weekday) const {
    if (!ref_) {
      // 2000 is a leap year: "29/2" is a day some year has.
      if (!keep_yearless_ || !IsValidDate({2000, month, day})) return std::nullopt;
      return CivilDate{0, month, day};
    }
    if (weekday >= 0) {
      std::optional<CivilDate> best;
      int64_t best_distance = 0;
      for (int year = ref_->year - 1; year <= ref_->year + 1; ++year) {
        const CivilDate d{year, month, day};
        if (!IsValidDate(d) || Weekday(d) != weekday) continue;
        const int64_t distance = std::abs(DaysFromCivil(d) - DaysFromCivil(*ref_));
        if (!best || distance < best_distance) {
          best = d;
          best_distance = distance;
        }
      }
      if (best && best_distance <= 366) return best;
    }
    CivilDate d{ref_->year, month, day};
    if (!IsValidDate(d)) {
      d.year -= 1;
      return IsValidDate(d) ? std::optional<CivilDate>(d) : std::nullopt;
    }
    if (DaysFromCivil(d) > DaysFromCivil(*ref_) + 31) {
      d.year -= 1;
      if (!IsValidDate(d)) return std::nullopt;
    }
    return d;
  }

  // Absolute or year-less date starting at token t. Sets *end to one past
  // its last token.
  std::optional<DateMatch> DateAt(int t, int weekday, int* end) const {
    const int n = static_cast<int>(toks_.size());
    if (t >= n) return std::nullopt;
    DateMatch m;
    // "(1/11/2024)", "(27/3)".
    if (IsPunct(t, '(') && IsNum(t + 1, 1, 2) && IsPunct(t + 2, '/') && IsNum(t + 3, 1, 2)) {
      const int day = NumValue(t + 1), month = NumValue(t + 3);
      if (IsPunct(t + 4, '/') && (IsNum(t + 5, 4, 4) || IsNum(t + 5, 2, 2)) &&
          IsPunct(t + 6, ')')) {
        int year = NumValue(t + 5);
        if (year < 100) year += 2000;
        m.date = {year, month, day};
        if (!IsValidDate(m.date)) return std::nullopt;
        m.kind = DateKind::kAbsolute;
        *end = t + 7;
        return m;
      }
      if (IsPunct(t + 4, ')')) {
        std::optional<CivilDate> d = InferYear(month, day, weekday);
        if (!d || month < 1 || month > 12 || day < 1) return std::nullopt;
        m.date = *d;
        m.kind = YearKind();
        *end = t + 5;
        return m;
      }
      return std::nullopt;
    }
    if (toks_[t].kind == Kind::kNum && !StartsCleanly(t)) return std::nullopt;
    // "1/11/2024", "05-10-2017".
    if (IsNum(t, 1, 2) && (IsPunct(t + 1, '/') || IsPunct(t + 1, '-')) && IsNum(t + 2, 1, 2) &&
        IsPunct(t + 3, s_[toks_[t + 1].begin]) && IsNum(t + 4, 4, 4) &&
        !toks_[t + 1].space_before && !toks_[t + 2].space_before &&
        !toks_[t + 3].space_before && !toks_[t + 4].space_before && EndsCleanly(t + 5)) {
      m.date = {NumValue(t + 4), NumValue(t + 2), NumValue(t)};
      if (!IsValidDate(m.date)) return std::nullopt;
      *end = t + 5;
      return m;
    }
    // ISO "2024-11-05".
    if (IsNum(t, 4, 4) && IsPunct(t + 1, '-') && IsNum(t + 2, 2, 2) && IsPunct(t + 3, '-') &&
        IsNum(t + 4, 2, 2) && !toks_[t + 1].space_before && !toks_[t + 2].space_before &&
        !toks_[t + 3].space_before && !toks_[t + 4].space_before && EndsCleanly(t + 5)) {
      m.date = {NumValue(t), NumValue(t + 2), NumValue(t + 4)};
      if (!IsValidDate(m.date)) return std::nullopt;
      *end = t + 5;
      return m;
    }
    // "5 November 2024", "5 Nov. 2024", "25 September".
    if (IsNum(t, 1, 2) && MonthAt(t + 1) > 0) {
      const int day = NumValue(t), month = MonthAt(t + 1);
      const int after = AfterMonth(t + 1);
      if (std::optional<int> year = YearAt(after); year && EndsCleanly(after + 1)) {
        m.date = {*year, month, day};
        if (!IsValidDate(m.date)) return std::nullopt;
        *end = after + 1;
        return m;
      }
      // Year-less: only full month names, so "3 Mar" in a score table is
      // not a date.
      const std::string_view name = Text(t + 1);
      if (after == t + 2 && (name.size() >= 5 || EqualsLower(name, "mei") ||
                             EqualsLower(name, "may") || EqualsLower(name, "juni") ||
                             EqualsLower(name, "juli") || EqualsLower(name, "june") ||
                             EqualsLower(name, "july"))) {
        std::optional<CivilDate> d = InferYear(month, day, weekday);
        if (!d) return std::nullopt;
        m.date = *d;
        m.kind = YearKind();
        *end = t + 2;
        return m;
      }
      return std::nullopt;
    }
    // "DECEMBER 9, 2022", "Dec. 9, 2022". The cheap test first: most words
    // are not followed by a number.
    if ((IsNum(t + 1, 1, 2) || IsPunct(t + 1, '.')) && MonthAt(t) > 0) {
      const int month = MonthAt(t);
      const int d = AfterMonth(t);
      if (IsNum(d, 1, 2)) {
        int y = d + 1;
        if (IsPunct(y, ',')) ++y;
        if (std::optional<int> year = YearAt(y); year && EndsCleanly(y + 1)) {
          m.date = {*year, month, NumValue(d)};
          if (!IsValidDate(m.date)) return std::nullopt;
          *end = y + 1;
          return m;
        }
        // English "on December 9": full English month names only, so
        // Indonesian text ("Maret 2 tahun lalu") is not misread.
        if (IsEnglishMonthName(Text(t)) && EndsCleanly(d + 1) && NumValue(d) >= 1) {
          std::optional<CivilDate> inferred = InferYear(month, NumValue(d), weekday);
          if (!inferred) return std::nullopt;
          m.date = *inferred;
          m.kind = YearKind();
          *end = d + 1;
          return m;
        }
      }
    }
    return std::nullopt;
  }

  static bool IsEnglishMonthName(std::string_view w) {
    static constexpr std::string_view kNames[] = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    for (std::string_view n : kNames) {
      if (EqualsLower(w, n)) return true;
    }
    return false;
  }

  // Optional time after a date: [","] ["pukul"|"jam"|"at"|"-"] HH(:|.)MM
  // [AM|PM] [zone].
  void TimeAfter(int t, DateMatch* m, int* end) const {
    int u = t;
    if (IsPunct(u, ',') || IsPunct(u, '-') || IsPunct(u, '|')) ++u;
    if (u < static_cast<int>(toks_.size()) && toks_[u].kind == Kind::kAlpha &&
        (EqualsLower(Text(u), "pukul") || EqualsLower(Text(u), "jam") ||
         EqualsLower(Text(u), "at") || EqualsLower(Text(u), "pkl"))) {
      ++u;
    }
    if (!(IsNum(u, 1, 2) && (IsPunct(u + 1, ':') || IsPunct(u + 1, '.')) && IsNum(u + 2, 2, 2) &&
          !toks_[u + 1].space_before && !toks_[u + 2].space_before)) {
      return;
    }
    int hour = NumValue(u);
    const int minute = NumValue(u + 2);
    if (hour > 23 || minute > 59) return;
    int v = u + 3;
    // Seconds.
    if (IsPunct(v, ':') && IsNum(v + 1, 2, 2) && !toks_[v].space_before) v += 2;
    if (v < static_cast<int>(toks_.size()) && toks_[v].kind == Kind::kAlpha) {
      if (EqualsLower(Text(v), "pm") && hour < 12) {
        hour += 12;
        ++v;
      } else if (EqualsLower(Text(v), "am")) {
        if (hour == 12) hour = 0;
        ++v;
      }
    }
    m->has_time = true;
    m->hour = hour;
    m->minute = minute;
    *end = v;
    // Zone. "WIB" may be glued to what follows on scraped pages
    // ("14:32 WIBPYONGYANG"): match the prefix of the token.
    if (v < static_cast<int>(toks_.size()) && toks_[v].kind == Kind::kAlpha) {
      std::string_view z = Text(v);
      struct Zone {
        std::string_view name;
        int offset;
      };
      static constexpr Zone kZones[] = {{"WITA", 480}, {"WIB", 420}, {"WIT", 540},
                                        {"GMT", 0},    {"UTC", 0}};
      for (const Zone& zone : kZones) {
        if (z.size() >= zone.name.size() && z.substr(0, zone.name.size()) == zone.name) {
          // Only a glued prefix when the rest is capitalised text.
          if (z.size() > zone.name.size() &&
              !absl::ascii_isupper(static_cast<unsigned char>(z[zone.name.size()]))) {
            continue;
          }
          m->utc_offset_minutes = zone.offset;
          m->end = toks_[v].begin + static_cast<int>(zone.name.size());
          *end = v + 1;
          // "GMT+7", "UTC+07:00".
          if (zone.offset == 0 && z.size() == zone.name.size() &&
              (IsPunct(v + 1, '+') || IsPunct(v + 1, '-')) && IsNum(v + 2, 1, 2) &&
              !toks_[v + 1].space_before) {
            const int sign = IsPunct(v + 1, '-') ? -1 : 1;
            const int hours = NumValue(v + 2);
            int minutes = 0;
            int w = v + 3;
            if (IsPunct(w, ':') && IsNum(w + 1, 2, 2)) {
              minutes = NumValue(w + 1);
              w += 2;
            }
            // Real zones lie within UTC-12..UTC+14; "GMT-70" is plain GMT
            // followed by something else (found by fuzz_dates).
            if (hours <= 14 && minutes <= 59) {
              m->utc_offset_minutes = sign * (hours * 60 + minutes);
              m->end = toks_[w - 1].end;
              *end = w;
            }
          }
          return;
        }
      }
    }
    m->end = toks_[*end - 1].end;
  }

  // Words that make a day name point forward.
  bool FutureCueBefore(int t) const {
    for (int k = t - 1; k >= 0 && k >= t - 8; --k) {
      if (toks_[k].kind == Kind::kPunct) {
        const char c = s_[toks_[k].begin];
        if (c == '.' || c == '!' || c == '?' || c == '"') return false;
        continue;
      }
      if (toks_[k].kind != Kind::kAlpha) continue;
      std::string_view w = Text(k);
      if (EqualsLower(w, "akan") || EqualsLower(w, "will") || EqualsLower(w, "dijadwalkan") ||
          EqualsLower(w, "rencananya") || EqualsLower(w, "berencana") ||
          EqualsLower(w, "scheduled")) {
        return true;
      }
    }
    return false;
  }

  std::optional<DateMatch> RelativeDay(int t, int weekday, int* end) const {
    if (!ref_) return std::nullopt;
    const int n = static_cast<int>(toks_.size());
    int after = WeekdayEnd(t);
    std::string_view next = after < n && toks_[after].kind == Kind::kAlpha ? Text(after) : "";
    std::string_view prev = t > 0 && toks_[t - 1].kind == Kind::kAlpha ? Text(t - 1) : "";
    enum { kOnOrBefore, kBefore, kAfter, kOnOrAfter } dir = kOnOrBefore;
    int span_begin = t;
    if (EqualsLower(next, "lalu") || EqualsLower(next, "kemarin") || EqualsLower(next, "silam")) {
      // "Minggu lalu" is "last week".
      if (weekday == 6 && EqualsLower(Text(t), "minggu")) return std::nullopt;
      dir = kBefore;
      ++after;
    } else if (EqualsLower(next, "depan") || EqualsLower(next, "mendatang") ||
               EqualsLower(next, "besok")) {
      if (weekday == 6 && EqualsLower(Text(t), "minggu")) return std::nullopt;
      dir = kAfter;
      ++after;
    } else if (EqualsLower(prev, "last")) {
      dir = kBefore;
      span_begin = t - 1;
    } else if (EqualsLower(prev, "next")) {
      dir = kAfter;
      span_begin = t - 1;
    } else if (EqualsLower(next, "ini") && weekday == 6 && EqualsLower(Text(t), "minggu")) {
      return std::nullopt;  // "Minggu ini": this week.
    } else if (FutureCueBefore(t)) {
      dir = kOnOrAfter;
    }
    const int64_t ref_days = DaysFromCivil(*ref_);
    const int rw = Weekday(*ref_);
    int64_t days = ref_days;
    switch (dir) {
      case kOnOrBefore:
        days -= (rw - weekday + 7) % 7;
        break;
      case kBefore: {
        const int d = (rw - weekday + 7) % 7;
        days -= d == 0 ? 7 : d;
        break;
      }
      case kAfter: {
        const int d = (weekday - rw + 7) % 7;
        days += d == 0 ? 7 : d;
        break;
      }
      case kOnOrAfter:
        days += (weekday - rw + 7) % 7;
        break;
    }
    DateMatch m;
    m.begin = toks_[span_begin].begin;
    m.end = toks_[after - 1].end;
    m.date = CivilFromDays(days);
    m.kind = DateKind::kRelativeDay;
    m.weekday = weekday;
    *end = after;
    return m;
  }

  std::optional<DateMatch> MatchAt(int t, int* next, bool absolute_only) const {
    const int weekday = WeekdayAt(t);
    int date_start = t;
    if (weekday >= 0) {
      date_start = WeekdayEnd(t);
      if (IsPunct(date_start, ',')) ++date_start;
    }
    int end = date_start;
    std::optional<DateMatch> m = DateAt(date_start, weekday, &end);
    if (m && weekday < 0 && date_start == t && IsPunct(t, '(')) {
      // A bare "(27/3)" without a day name is too often something else.
      if (m->kind != DateKind::kAbsolute) m.reset();
    }
    if (m) {
      if (absolute_only && m->kind != DateKind::kAbsolute) return std::nullopt;
      m->begin = toks_[t].begin;
      m->end = toks_[end - 1].end;
      m->weekday = weekday;
      TimeAfter(end, &*m, &end);
      *next = end;
      return m;
    }
    if (weekday >= 0 && !absolute_only) return RelativeDay(t, weekday, next);
    return std::nullopt;
  }

  std::string_view s_;
  std::vector<Tok> toks_;
  DateKind YearKind() const { return ref_ ? DateKind::kInferredYear : DateKind::kYearUnknown; }

  std::optional<CivilDate> ref_;
  bool keep_yearless_ = false;
};

}  // namespace

int64_t DaysFromCivil(const CivilDate& date) { return ToCivilDay(date) - kUnixEpoch; }

CivilDate CivilFromDays(int64_t days) { return FromCivilDay(kUnixEpoch + days); }

int Weekday(const CivilDate& date) {
  // absl::Weekday counts from Monday = 0, as Weekday does.
  return static_cast<int>(absl::GetWeekday(ToCivilDay(date)));
}

bool IsValidDate(const CivilDate& date) {
  if (date.year < 1 || date.year > 9999) return false;
  // CivilDay normalises "31 February" to a day in March.
  return FromCivilDay(ToCivilDay(date)) == date;
}

std::string ToIsoDate(const CivilDate& date) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", date.year, date.month, date.day);
  return buf;
}

CivilDate LocalDateOfUnix(int64_t unix_seconds, int utc_offset_minutes) {
  const absl::TimeZone zone = absl::FixedTimeZone(utc_offset_minutes * 60);
  return FromCivilDay(absl::ToCivilDay(absl::FromUnixSeconds(unix_seconds), zone));
}

std::vector<DateMatch> FindDates(std::string_view text, std::optional<CivilDate> reference,
                                 Yearless yearless) {
  return Matcher(text, reference, yearless == Yearless::kKeep).Run(/*absolute_only=*/false);
}

std::optional<DateMatch> FindPublicationTime(std::string_view text) {
  std::vector<DateMatch> all = Matcher(text, std::nullopt).Run(/*absolute_only=*/true);
  if (all.empty()) return std::nullopt;
  return all.front();
}

int64_t ToUnixSeconds(const DateMatch& match, int default_utc_offset_minutes) {
  const int offset = match.utc_offset_minutes.value_or(default_utc_offset_minutes);
  const int hour = match.has_time ? match.hour : 12;
  const int minute = match.has_time ? match.minute : 0;
  return DaysFromCivil(match.date) * 86400 + hour * 3600 + minute * 60 -
         static_cast<int64_t>(offset) * 60;
}

}  // namespace warta::enrichment::dates
