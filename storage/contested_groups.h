// Contested groups kept as articles arrive, so that ListContestedClaims is a
// cheap paged read. Each figure of a new article is filed under its
// measured-thing key (storage/contested_claims.h GroupKey); the groups of
// each key the article touched are regrouped from that key's figures
// within the window around the article (GroupContestedClaims, at most
// kMaxFiguresPerKey of them) and stored. The cost per article depends on
// its own figures, not on the size of the store.
//
// Portable SQL over a backend's SqlRunner; called in the write transaction.
#ifndef WARTA_STORAGE_CONTESTED_GROUPS_H_
#define WARTA_STORAGE_CONTESTED_GROUPS_H_

#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "storage/sql_backend.h"
#include "warta/v1/article.pb.h"
#include "warta/v1/services.pb.h"

namespace warta::storage {

// The window the stored groups are computed with (ListContestedClaims with
// another window_days groups on demand instead).
inline constexpr int kStoredContestedWindowDays = 30;

// Files `article`'s figures (replacing those of an earlier version) and
// regroups the keys it touches. `arrival` grows with every stored article.
absl::Status UpdateContestedGroups(const SqlRunner& run, const warta::v1::EnrichedArticle& article,
                                   int64_t arrival);

// A page of the stored groups, most recently published first; `entity_id`
// non-empty: groups in which some claim has that subject.
absl::StatusOr<warta::v1::ListContestedClaimsResponse> ListStoredContestedGroups(
    const SqlRunner& run, std::string_view entity_id, int page_size, std::string_view page_token);

}  // namespace warta::storage

#endif  // WARTA_STORAGE_CONTESTED_GROUPS_H_
