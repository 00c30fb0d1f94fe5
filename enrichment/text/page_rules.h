// Line-level rules the Cleaner applies to a scraped page, after Unicode
// normalisation (so dashes are '-', quotes '"', spaces ' '). Each function
// looks at one trimmed line; the Cleaner decides where in the page it may
// apply (header, body, last lines).
//
// Pure functions; thread-safe.
#ifndef WARTA_ENRICHMENT_TEXT_PAGE_RULES_H_
#define WARTA_ENRICHMENT_TEXT_PAGE_RULES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace warta::enrichment::page_rules {

// Why a whole line is not article text ("related_link", "editor_pick",
// "source_credit", "image_credit", "share", "advertisement", "byline",
// "tags", "decoration"), or nullopt when it may be. `near_end`: the line is
// among the last few of the page, where agency credits ("CNA | REUTERS")
// and editor initials ("(ard)") live.
std::optional<std::string_view> BoilerplateReason(std::string_view line, bool near_end);

// "Reporter", "Editor", "Penulis" alone on a line: the name follows on the
// next line.
bool IsBylineLabel(std::string_view line);

// "Penulis : Haryo Jati Editor : Deni-Muliya", "Reporter: Tempo.co": appends
// the names and returns true.
bool ParseBylineLine(std::string_view line, std::vector<std::string>* names);

// A byline name on the line after a label: short, no sentence.
bool LooksLikeName(std::string_view line);

struct Dateline {
  int name_end = 0;    // "TEMPO.CO, Jakarta" is line[0, name_end)
  int body_begin = 0;  // the article starts at line[body_begin]
};
// "TEMPO.CO, Jakarta - ", "MOSKWA - ", "Jakarta, CNN Indonesia--",
// "Suara.com-", "Wamena (ANTARA News)-". `source` (the article's outlet,
// may be empty) lets "Rimanews-" count as one.
std::optional<Dateline> FindDateline(std::string_view line, std::string_view source);

struct TrailingCredit {
  int begin = 0;     // the credit is line[begin, end of line)
  std::string name;  // "Web Warouw"; empty for initials such as "(ard)"
};
// "... kata dia. (Web Warouw)" or "... (ard/ard)" at the end of the last
// paragraph.
std::optional<TrailingCredit> FindTrailingCredit(std::string_view line);

// The name in a credit line "(Web Warouw)", or empty for initials such as
// "(ard)" and anything else.
std::string CreditLineName(std::string_view line);

// A headline: 3-30 words, not a sentence ending with '.'.
bool LooksLikeTitle(std::string_view line);

// A short header label above the headline ("Internasional", "image",
// "Kompas dunia"): at most three words, no sentence punctuation.
bool LooksLikeSectionLabel(std::string_view line);

// An image caption: ends with a photo credit such as "(ANTARA
// Photo/Sputnik/Alexei Nikolsky)" or "(Foto: Dok. Istimewa)".
bool LooksLikeImageCaption(std::string_view line);

// Header text before a publication time on the same line ("Kompas dunia |",
// "Diperbarui:", "Published"), or empty.
bool IsPublicationTimePrefix(std::string_view prefix);

}  // namespace warta::enrichment::page_rules

#endif  // WARTA_ENRICHMENT_TEXT_PAGE_RULES_H_
