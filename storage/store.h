// ArticleStore: where warta-store persists enriched articles, and what the
// gRPC StoreService reads. An interface because it is an I/O boundary: the
// embedded SQLite backend (storage/sqlite/) is the default, PostgreSQL
// (storage/postgres/) is for several stores sharing one database, and both
// must behave the same way.
//
// Semantics every implementation keeps:
// - Upserts are idempotent by article id. A redelivered article changes
//   nothing; a re-enrichment (newer pipeline_version, or the same version
//   enriched later, or different content of the same age) replaces the
//   article and all its entity and claim rows; an OLDER enrichment arriving
//   late is ignored (see IsNewerEnrichment in storage/article_keys.h).
// - Consumed Kafka offsets are written in the same transaction as the rows,
//   so a consumer that seeks to LoadOffsets() on assignment gets each message
//   into the database exactly once.
// - Every stored change gets a sequence number, strictly increasing over the
//   life of the database; ChangesSince/WaitForChange let watchers follow
//   them without polling.
//
// - Every stored article version is in the full-text index in the same
//   transaction (SearchArticles finds it as soon as the write commits).
//
// - Every newly stored article is put into a story (storage/stories/) in
//   the same transaction: EnrichedArticle.story_id, and duplicate_of for a
//   near-copy. A re-enrichment keeps the article's story. One-word person
//   names are linked to the full name of the story or the registry, and
//   the article's entities are added to the registry.
//
// Implementations are thread-safe: any method may be called from any thread.
#ifndef WARTA_STORAGE_STORE_H_
#define WARTA_STORAGE_STORE_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "warta/v1/article.pb.h"
#include "warta/v1/services.pb.h"

namespace warta::storage {

// The position a Kafka consumer has reached in one partition: the offset of
// the next message it will read.
struct ConsumedOffset {
  std::string topic;
  int partition = 0;
  int64_t next_offset = 0;
};

// Which claims ListClaims returns; empty fields do not filter.
struct ClaimFilter {
  std::string article_id;
  // Claims whose speaker is this entity.
  std::string speaker_entity_id;
  // Claims whose content mentions this entity (Claim.subject_entity_ids).
  std::string entity_id;
};

// One stored article version, as watchers see it.
struct Change {
  int64_t seq = 0;
  absl::Time stored_at;
  warta::v1::EnrichedArticle article;
};

// What one write did: for the store loop's log and operators' metrics.
struct UpsertCounts {
  int inserted = 0;   // articles new to the store
  int replaced = 0;   // re-enrichments that replaced the stored version
  int unchanged = 0;  // redeliveries and older enrichments, left as they were
  // How each inserted article found its story.
  int new_stories = 0;     // it started one
  int joined_stories = 0;  // it joined one (not as a near-copy)
  int near_copies = 0;     // a near-copy of an earlier article, in that one's story
};

// Page sizes: 0 means kDefaultPageSize; larger than kMaxPageSize is clamped.
inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 1000;

class ArticleStore {
 public:
  virtual ~ArticleStore() = default;

  // Stores one article (see the semantics above) and `offsets`, atomically.
  // INVALID_ARGUMENT when the article has no id or an offset is malformed.
  virtual absl::Status Upsert(const warta::v1::EnrichedArticle& article,
                              const std::vector<ConsumedOffset>& offsets) = 0;
  // The same for a batch, in one transaction: all or nothing. Returns what
  // the committed transaction did.
  virtual absl::StatusOr<UpsertCounts> UpsertBatch(
      absl::Span<const warta::v1::EnrichedArticle> articles,
      const std::vector<ConsumedOffset>& offsets) = 0;

  // partition -> next offset for `topic` (empty when none was stored).
  virtual absl::StatusOr<std::map<int, int64_t>> LoadOffsets(
      std::string_view topic) = 0;

  // NOT_FOUND when no article has this id.
  virtual absl::StatusOr<warta::v1::EnrichedArticle> GetArticle(
      std::string_view id) = 0;

  // Articles matching `filter`, newest publication first (then by id).
  // published_after is inclusive, published_before exclusive. Articles are
  // dated by CleanText.published_at, else Article.published_at; undated ones
  // come last. INVALID_ARGUMENT for a negative page size or a bad token.
  virtual absl::StatusOr<warta::v1::ListArticlesResponse> ListArticles(
      const warta::v1::ArticleFilter& filter, int page_size,
      std::string_view page_token) = 0;

  // Claims matching `filter`, newest article first, then by article id and
  // position in the article. speaker_name and subject_names are filled from
  // the article's entities.
  virtual absl::StatusOr<warta::v1::ListClaimsResponse> ListClaims(
      const ClaimFilter& filter, int page_size,
      std::string_view page_token) = 0;

  // Groups of claims giving different values for the same measured thing
  // (see storage/contested_claims.h). `entity_id` empty: all groups;
  // window_days 0 means 30. Groups are computed on demand, so the page token
  // is a position in the current result, not a snapshot.
  virtual absl::StatusOr<warta::v1::ListContestedClaimsResponse>
  ListContestedClaims(std::string_view entity_id, int window_days,
                      int page_size, std::string_view page_token) = 0;

  // Stories matching the request's filters, in its order, paged.
  virtual absl::StatusOr<warta::v1::ListStoriesResponse> ListStories(
      const warta::v1::ListStoriesRequest& request) = 0;
  // One story with its articles, claims, contested figures and timeline;
  // NOT_FOUND for an unknown id.
  virtual absl::StatusOr<warta::v1::Story> GetStory(std::string_view id) = 0;

  // The registry of canonical entities (storage/entities/).
  virtual absl::StatusOr<warta::v1::ListEntitiesResponse> ListEntities(
      const warta::v1::ListEntitiesRequest& request) = 0;
  // NOT_FOUND for an id the registry does not hold.
  virtual absl::StatusOr<warta::v1::EntityDetail> GetEntity(std::string_view id) = 0;

  // Full-text search over titles and bodies (storage/search/): the query
  // language of storage/search/search_query.h, the request's ArticleFilter
  // as in ListArticles, hits best first (relevance with a recency boost,
  // see SearchRankQuery in storage/sql_backend.h), each article without
  // its body but with a marked snippet of it and its marked title. Page
  // size 0 -> 20, above 100 -> 100. INVALID_ARGUMENT for an empty or
  // unusable query (the message says why), a negative page size, or a page
  // token of another query or filter.
  virtual absl::StatusOr<warta::v1::SearchArticlesResponse> SearchArticles(
      const warta::v1::SearchArticlesRequest& request) = 0;

  // The sequence number of the latest stored change (0 for an empty store).
  virtual absl::StatusOr<int64_t> LatestSeq() = 0;
  // A sequence number s such that every change stored after `t` has a
  // sequence number greater than s.
  virtual absl::StatusOr<int64_t> SeqAtTime(absl::Time t) = 0;
  // The current version of each article changed after `seq`, in sequence
  // order, at most `limit` of them. An article changed twice appears once,
  // at its latest sequence number.
  virtual absl::StatusOr<std::vector<Change>> ChangesSince(int64_t seq,
                                                           int limit) = 0;
  // Blocks until a change newer than `seq` is stored, `deadline` passes or
  // StopWatchers() has been called; returns the latest sequence number then.
  virtual int64_t WaitForChange(int64_t seq, absl::Time deadline) = 0;
  // Wakes every WaitForChange caller now and makes later calls return at
  // once: for server shutdown. Writes and reads keep working.
  virtual void StopWatchers() = 0;
};

}  // namespace warta::storage

#endif  // WARTA_STORAGE_STORE_H_
