// Contested claims: claims about the same measured thing that give
// figures that disagree, e.g. North Korean troops in Russia at 3.000 (the
// US), 8.000 (the US, later), 10.000 (the State Department's spokesman) and
// 11.000 (Zelensky). Pure: takes stored claims, returns groups, no SQL, so
// every backend groups the same way and the rules are tested on their own.
//
// The rules, per quantity of each claim:
// - What a figure measures (MeasuredThingOf) is read from the claim's
//   content around the figure: the counted noun or property ("tentara",
//   "pasukan", "troops" are one; "inflasi", "pertumbuhan ekonomi",
//   "korban tewas", "anggaran"), the entity it belongs to (the subject
//   named right after the noun, "tentara Korea Utara", else the nearest one
//   before the figure), the period ("2017", "kuartal III", "bulan lalu"
//   resolved against the publication date) and the unit's dimension. A
//   figure whose thing cannot be read (a bare percentage or sum of money, a
//   duration, "500 orang" with nothing saying who) measures nothing known
//   and is left out: sharing a place name is not enough.
// - Two figures measure the same thing when all four parts are equal
//   (equal GroupKey) and they come from one story (SameMeasuredThing):
//   two claims of one article, or, for a thing the rules know (not a noun
//   taken as it is, "10 kota", which counts a set its sentence defines),
//   two articles the store put in one story (StoredClaim.story_id), or in
//   two stories (the clusterer may split short reports of one event) whose
//   claims name two subjects in common (North Korea and Russia) — naming
//   the owner is not enough across stories: a fraudster's "USD 10 juta to
//   invest in Indonesia" and the UAE's "US$ 2 miliar for each project in
//   Indonesia" are not one investment. Without
//   story ids (older stores, hand-built claims): two articles whose
//   sentences both name the owner, or else whose claims share two subjects
//   (or one names only subjects the other names too).
//   Two figures of one claim are an enumeration or a contrast
//   ("10 atlet putra dan delapan atlet putri"), never one thing twice.
// - Close in time: published at most `window` apart. A claim whose article
//   has no date is compared with every other claim of its key.
// - Linking is transitive: A~B and B~C put A, B and C in one group, so a
//   story that moves over weeks stays one group.
// - Contested: two exact figures of the group disagree (FiguresDisagree:
//   "sekitar 10.000" and "10.000" agree, "lebih dari 3.000" and "5.000"
//   agree) and come from different (speaker, source) pairs. One speaker
//   revising a figure in one outlet is not a contest.
// - Vague amounts (Quantity.exact_value false: "ribuan pasukan", value
//   1000 as a lower bound) are no figures: they link nothing, add no value
//   and no voice. Each joins the group of the exact figure of its key nearest
//   in time within the window (ties: the first stored), so it is listed
//   beside the figures but can neither make a group contested nor bridge two
//   groups; with no such figure it is left out.
//
// Thread-safe (pure functions).
#ifndef WARTA_STORAGE_CONTESTED_CLAIMS_H_
#define WARTA_STORAGE_CONTESTED_CLAIMS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "absl/types/span.h"
#include "warta/v1/services.pb.h"

namespace warta::storage {

// The canonical form of a quantity unit: lower case, single spaces, and a
// synonym table for the units news report most ("troops", "people",
// "deaths", "percent", "idr", "usd", "eur"). A multi-word unit whose first
// word is a known synonym maps to it ("tentara korea utara" -> "troops").
// Unknown units are returned folded but otherwise as they are; "" for an
// empty unit.
std::string NormalizeUnit(std::string_view unit);

// What one figure measures. Two figures measure the same thing when every
// field is equal.
struct MeasuredThing {
  // The counted noun or property, normalised across languages and
  // synonyms: "troops", "deaths", "inflation", "economic_growth",
  // "budget". A change of it ("inflasi naik 0,5 persen") ends in "_change".
  std::string thing;
  // Whether `thing` is one the rules know (a synonym-table unit such as
  // "troops", a property such as "inflation", "korban tewas"). A noun read
  // as it is ("10 kota", "tujuh menteri") counts a set that its sentence
  // defines, so it is compared only within its own article.
  bool known = false;
  // "count", "percent", a currency code ("idr", "usd"), or another unit of
  // measure ("ton", "km").
  std::string dimension;
  // The entity the thing belongs to ("loc:korea_utara" for "tentara Korea
  // Utara"); when the content names none of its subjects where they can be
  // found, all subject ids joined by "+".
  std::string owner;
  // Whether the sentence names the owner (else the first subject stands in).
  bool owner_named = false;
  // Every subject entity id of the claim, sorted, and the article the
  // figure was read in: which story it belongs to.
  std::vector<std::string> subject_entity_ids;
  std::string article_id;
  // The story the store put the article in (StoredClaim.story_id); empty
  // when unknown (claims stored before it was kept, hand-built claims).
  std::string story_id;
  // Where the figure's claim starts in the article (Claim.content.start);
  // -1 when the claim has no offsets.
  int content_start = -1;
  // The period the figure refers to: "2017", "2017-Q3", "2017-H1",
  // "2024-10"; without a publication date, relative periods stay as
  // written ("rel:bulan lalu") and a year-less quarter or month as "Q3" /
  // "M10". "" when the content gives none (the figure is about "now").
  std::string period;
};

// What quantity `quantity_index` of `claim` measures; nullopt when the
// index is out of range, the claim has no subjects, or the thing cannot
// be read (see the rules above).
std::optional<MeasuredThing> MeasuredThingOf(const warta::v1::StoredClaim& claim,
                                             int quantity_index);

// Whether `a` and `b` measure the same thing: equal thing, dimension,
// owner and period (equal GroupKey), not two figures of one claim, and
// either one article or two `known` things whose owners are named (else
// whose claims' subjects agree).
// SameMeasuredThing(a, b) implies GroupKey(a) == GroupKey(b).
bool SameMeasuredThing(const MeasuredThing& a, const MeasuredThing& b);

// "thing|dimension|owner|period": an index key; figures with the same key
// are the candidates for one group.
std::string GroupKey(const MeasuredThing& thing);

// Whether two figures of the same thing disagree once their qualifiers are
// read as ranges: "exact" is the value itself; "approximately" +-5%;
// "at_least"/"more_than" and vague amounts ("ribuan", a lower bound) from
// the value up, "at_most"/"less_than" up to it. Ranges that meet agree.
bool FiguresDisagree(const warta::v1::Quantity& a, const warta::v1::Quantity& b);

struct ContestedOptions {
  // Claims further apart than this are not compared.
  absl::Duration window = absl::Hours(24 * 30);
  // When set, only groups in which some claim has this subject entity.
  std::string entity_id;
};

// Groups `claims` as described above and returns the contested groups,
// most recently published first (then by unit). In each group, claims are
// unique per (value, exactness, speaker, article) and ordered by value (vague ones
// included, by their lower bound); `values` are the distinct exact values
// ascending; `unit` is the measured thing ("troops", "inflation");
// `subject_entity_ids` are the subjects of most of the group's claims (of
// the most claims when none is in a majority), most shared first.
std::vector<warta::v1::ContestedClaim> GroupContestedClaims(
    absl::Span<const warta::v1::StoredClaim> claims,
    const ContestedOptions& options);

}  // namespace warta::storage

#endif  // WARTA_STORAGE_CONTESTED_CLAIMS_H_
