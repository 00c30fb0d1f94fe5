#include "enrichment/dates/date_parser.h"

#include <string>

#include "gtest/gtest.h"

namespace warta::enrichment::dates {
namespace {

// Publication time as ISO local date + time + offset, for readable asserts.
std::string Pub(std::string_view text) {
  std::optional<DateMatch> m = FindPublicationTime(text);
  if (!m) return "none";
  std::string out = ToIsoDate(m->date);
  if (m->has_time) {
    char buf[16];
    std::snprintf(buf, sizeof(buf), " %02d:%02d", m->hour, m->minute);
    out += buf;
  }
  if (m->utc_offset_minutes) out += " " + std::to_string(*m->utc_offset_minutes);
  return out;
}

TEST(PublicationTimeTest, IndonesianAndEnglishHeaders) {
  EXPECT_EQ(Pub("Selasa, 5 November 2024 09:20 WIB"), "2024-11-05 09:20 420");
  EXPECT_EQ(Pub("Kompas dunia | 21 Januari 2024, 14:32 WIB"), "2024-01-21 14:32 420");
  EXPECT_EQ(Pub("Jumat (1/11/2024)"), "2024-11-01");
  EXPECT_EQ(Pub("DECEMBER 9, 2022"), "2022-12-09");
  EXPECT_EQ(Pub("Dec. 9, 2022 at 3:05 PM GMT"), "2022-12-09 15:05 0");
  EXPECT_EQ(Pub("Rabu, 3 Januari 2024 08:00 WITA"), "2024-01-03 08:00 480");
  EXPECT_EQ(Pub("Kamis, 4 Juli 2024 | 19.45 WIT"), "2024-07-04 19:45 540");
  EXPECT_EQ(Pub("2024-11-05"), "2024-11-05");
}

TEST(PublicationTimeTest, OffsetsOnlyWithinRealZones) {
  EXPECT_EQ(Pub("9 Desember 2022 15:05 GMT+7"), "2022-12-09 15:05 420");
  EXPECT_EQ(Pub("9 Desember 2022 15:05 UTC-03:30"), "2022-12-09 15:05 -210");
  // Found by fuzz_dates: a 70-hour "offset" moved the time by days.
  EXPECT_EQ(Pub("9 Desember 2022 15:05 GMT-70"), "2022-12-09 15:05 0");
  EXPECT_EQ(Pub("9 Desember 2022 15:05 UTC+07:99"), "2022-12-09 15:05 0");
}

TEST(PublicationTimeTest, ZoneGluedToTheNextWordOnScrapedPages) {
  const std::string line = "21 Januari 2024, 14:32 WIBPYONGYANG, KOMPAS.TV - Menteri";
  std::optional<DateMatch> m = FindPublicationTime(line);
  ASSERT_TRUE(m);
  EXPECT_EQ(line.substr(m->begin, m->end - m->begin), "21 Januari 2024, 14:32 WIB");
  EXPECT_EQ(m->utc_offset_minutes, 420);
}

TEST(PublicationTimeTest, NotADate) {
  EXPECT_EQ(Pub("Skor akhir 3/0 dan 12.000 penonton"), "none");
  EXPECT_EQ(Pub("31 Februari 2024"), "none");
  EXPECT_EQ(Pub("versi 1.2.2024"), "none");
}

TEST(UnixTimeTest, ZonesAndDateOnly) {
  DateMatch m = *FindPublicationTime("Selasa, 5 November 2024 09:20 WIB");
  EXPECT_EQ(ToUnixSeconds(m, 0), 1730773200);  // 2024-11-05T02:20:00Z
  DateMatch date_only = *FindPublicationTime("Jumat (1/11/2024)");
  // Noon in the default zone: the calendar date is the same in UTC.
  EXPECT_EQ(ToUnixSeconds(date_only, 420), 1730437200);  // 2024-11-01T05:00:00Z
  EXPECT_EQ(LocalDateOfUnix(1730437200, 420), (CivilDate{2024, 11, 1}));
  EXPECT_EQ(LocalDateOfUnix(1730437200, 0), (CivilDate{2024, 11, 1}));
}

TEST(CalendarTest, WeekdaysAndRoundTrip) {
  EXPECT_EQ(Weekday({2024, 11, 4}), 0);  // Monday
  EXPECT_EQ(Weekday({2024, 11, 1}), 4);  // Friday
  EXPECT_EQ(Weekday({1970, 1, 1}), 3);
  for (int64_t d = -800000; d < 800000; d += 997) {
    EXPECT_EQ(DaysFromCivil(CivilFromDays(d)), d);
  }
  EXPECT_TRUE(IsValidDate({2024, 2, 29}));
  EXPECT_FALSE(IsValidDate({2023, 2, 29}));
}

std::string Resolve(std::string_view text, CivilDate reference) {
  std::vector<DateMatch> all = FindDates(text, reference);
  std::string out;
  for (const DateMatch& m : all) {
    if (!out.empty()) out += ";";
    out += std::string(text.substr(m.begin, m.end - m.begin)) + "=" + ToIsoDate(m.date);
  }
  return out;
}

TEST(DayNameTest, ResolvedAgainstThePublicationDate) {
  const CivilDate tuesday{2024, 11, 5};
  EXPECT_EQ(Resolve("Putin menyapa Choe pada hari Senin, katanya.", tuesday), "Senin=2024-11-04");
  EXPECT_EQ(Resolve("Kapal tiba pada Selasa lalu.", tuesday), "Selasa lalu=2024-10-29");
  EXPECT_EQ(Resolve("Rapat digelar Selasa.", tuesday), "Selasa=2024-11-05");
  EXPECT_EQ(Resolve("Jumat lalu, Choe mengatakan", tuesday), "Jumat lalu=2024-11-01");
  EXPECT_EQ(Resolve("Mereka akan bertemu pada Kamis.", tuesday), "Kamis=2024-11-07");
  EXPECT_EQ(Resolve("Sidang dilanjutkan Senin depan.", tuesday), "Senin depan=2024-11-11");
  EXPECT_EQ(Resolve("He spoke last Friday and leaves next Monday.", tuesday),
            "last Friday=2024-11-01;next Monday=2024-11-11");
}

TEST(DayNameTest, WeekIsNotSunday) {
  const CivilDate tuesday{2024, 11, 5};
  EXPECT_EQ(Resolve("Choe minggu lalu mengadakan pembicaraan.", tuesday), "");
  EXPECT_EQ(Resolve("Minggu lalu ia datang.", tuesday), "");
  EXPECT_EQ(Resolve("Pada Minggu (21/1/2024) media melaporkan.", tuesday),
            "Minggu (21/1/2024)=2024-01-21");
}

TEST(DayNameTest, DayAndMonthWithoutYearTakeTheReferenceYear) {
  EXPECT_EQ(Resolve("ucap Zulkifli, Senin (27/3).", {2017, 3, 28}), "Senin (27/3)=2017-03-27");
  EXPECT_EQ(Resolve("pada 25 Desember lalu", {2018, 1, 3}), "25 Desember=2017-12-25");
  EXPECT_EQ(Resolve("Talks resume on December 9 in Geneva.", {2022, 12, 1}),
            "December 9=2022-12-09");
  EXPECT_EQ(Resolve("Maret 2 tahun lalu", {2022, 12, 1}), "");
  // The day name picks the year: 10 May was a Wednesday in 2017, not 2016.
  EXPECT_EQ(Resolve("di Bandung, Rabu (10/5).", {2017, 3, 20}), "Rabu (10/5)=2017-05-10");
  // Without a reference they cannot be resolved and are left out.
  EXPECT_TRUE(FindDates("Senin (27/3) dan hari Senin", std::nullopt).empty());
  // Unless the caller keeps them: the day and month, year unknown.
  const std::vector<DateMatch> kept =
      FindDates("Senin (27/3), 30 Februari, 29 Februari", std::nullopt, Yearless::kKeep);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].kind, DateKind::kYearUnknown);
  EXPECT_EQ(kept[0].date, (CivilDate{0, 3, 27}));
  EXPECT_EQ(kept[1].date, (CivilDate{0, 2, 29}));
}

TEST(DatesTest, NeverReadsOutsideTheText) {
  const std::string odd[] = {"(", "(1/", "(1/11/", "Jum'", "5 Nov.", "DECEMBER 9,", "09:",
                             "Senin", "\xff\xfe(", "21 Januari 2024, 14:"};
  for (const std::string& s : odd) {
    for (const DateMatch& m : FindDates(s, CivilDate{2024, 1, 1})) {
      EXPECT_LE(0, m.begin);
      EXPECT_LE(m.end, static_cast<int>(s.size()));
    }
  }
}

}  // namespace
}  // namespace warta::enrichment::dates
