// The facts about an EnrichedArticle that every storage backend keys, orders
// and filters on, computed in one place so that SQL backends and the Watch
// stream (which filters in memory) agree.
//
// Pure functions; thread-safe.
#ifndef WARTA_STORAGE_ARTICLE_KEYS_H_
#define WARTA_STORAGE_ARTICLE_KEYS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "google/protobuf/timestamp.pb.h"
#include "warta/v1/article.pb.h"
#include "warta/v1/services.pb.h"

namespace warta::storage {

// Nanoseconds since the Unix epoch; 0 for an unset timestamp. Times outside
// 1677..2262 (int64 nanoseconds) sort at the ends: the largest or smallest value.
int64_t TimestampToNanos(const google::protobuf::Timestamp& t);
google::protobuf::Timestamp NanosToTimestamp(int64_t nanos);

// When the article was published: CleanText.published_at (found in the
// page) when set, else Article.published_at; 0 when neither is.
int64_t PublishedAtNanos(const warta::v1::EnrichedArticle& article);

// Who published the article, for stories: Article.source, else the host of
// its URL, else the outlet its dateline names ("TEMPO.CO, Jakarta" ->
// "tempo.co"); "" when none says.
std::string SourceOf(const warta::v1::EnrichedArticle& article);

// The article's headline, or its first sentence when it has none (IndoSum,
// many feeds), cut to about 160 bytes; `real_title` tells which.
std::string TitleOf(const warta::v1::EnrichedArticle& article, bool* real_title = nullptr);

// Whether `article` passes `filter` (empty fields do not filter;
// published_after inclusive, published_before exclusive; an undated
// article fails any time filter).
bool MatchesFilter(const warta::v1::EnrichedArticle& article,
                   const warta::v1::ArticleFilter& filter);

// Orders pipeline versions ("warta-0.1.0+<model hash>") by their release
// part, naturally: runs of digits compare as numbers ("1.10" > "1.9", "v2" >
// "v1"), the rest byte-wise. Build metadata after the first '+' (the models'
// fingerprint) has no precedence, as in semver: "warta-0.1.0+1a2b" and
// "warta-0.1.0+9f00" compare equal, since a hash says which models were used,
// not which are newer. Returns <0, 0, >0.
int ComparePipelineVersions(std::string_view a, std::string_view b);

// Whether `incoming` should replace `stored` (same article id): true unless
// it is an older enrichment (older release, or the same release enriched
// earlier, whatever its models) or the same input from the same models
// (a redelivery, whenever it was enriched). Re-enriching the archive with
// other models therefore replaces what it enriched before.
bool ShouldReplace(const warta::v1::EnrichedArticle& incoming,
                   const warta::v1::EnrichedArticle& stored);

// The article's claims as StoredClaims, in article order, with the
// speaker's and subjects' canonical names copied from its entities (the
// speaker's own name when the speaker is not among them).
std::vector<warta::v1::StoredClaim> StoredClaimsOf(
    const warta::v1::EnrichedArticle& article);

}  // namespace warta::storage

#endif  // WARTA_STORAGE_ARTICLE_KEYS_H_
