// Contested claims: claims about the same measured thing that give
// different numbers, e.g. North Korean troops in Russia at 3.000 (the US),
// 8.000 (the US, later), 10.000 (the State Department's spokesman) and
// 11.000 (Zelensky). Pure: takes stored claims, returns groups, no SQL, so
// every backend groups the same way and the rules are tested on their own.
//
// The rules, per quantity of each claim:
// - Same thing measured: the same unit after NormalizeUnit (case folded,
//   synonyms merged: "tentara", "pasukan", "prajurit", "troops", "soldiers"
//   are all "troops") and two subject entities in common (North Korea and
//   Russia), or the same one when each claim names only one. One shared
//   subject is too weak in a national corpus ("Indonesia" is everywhere).
//   Durations and ages ("tahun", "hari", "years") are not compared.
// - Close in time: published at most `window` apart. A claim whose article
//   has no date is compared with every other claim.
// - Linking is transitive: A~B and B~C put A, B and C in one group, so a
//   story that moves over weeks stays one group.
// - Contested: the group holds at least two distinct values AND at least
//   two distinct (speaker, source) pairs. (Then some two claims differ in
//   value and in speaker or source.) One speaker revising a figure in one
//   outlet is not a contest.
// - Values are compared as given; qualifiers ("sedikitnya", "sekitar") do
//   not make ranges.
// - Vague amounts (Quantity.exact_value false: "ribuan pasukan", value
//   1000 as a lower bound) are no figures: they link nothing, add no value
//   and no voice. Each joins the group of the exact figure nearest in time
//   that shares its unit and a subject within the window (ties: the first
//   stored), so it is listed beside the figures but can neither make a group
//   contested nor bridge two groups; with no such figure it is left out.
//
// Thread-safe (pure functions).
#ifndef WARTA_STORAGE_CONTESTED_CLAIMS_H_
#define WARTA_STORAGE_CONTESTED_CLAIMS_H_

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
// ascending; `subject_entity_ids` are the subjects of most
// of the group's claims (of the most claims when none is in a majority),
// most shared first.
std::vector<warta::v1::ContestedClaim> GroupContestedClaims(
    absl::Span<const warta::v1::StoredClaim> claims,
    const ContestedOptions& options);

}  // namespace warta::storage

#endif  // WARTA_STORAGE_CONTESTED_CLAIMS_H_
