// StoryClusterer: puts each arriving article into a story — the articles
// about one event, across outlets and languages — and spots near-copies
// (syndicated wire copy, re-posts with other boilerplate, title or ads). One
// pass, when the article arrives; never a batch job.
//
// After Miranda et al. 2018 ("Multilingual Clustering of Streaming News"):
// - An article is a TF-IDF vector of its words (title words count twice), a
//   vector of its language-independent keys (canonical entity ids of people,
//   organisations and places, weighted by how rare their names are, and
//   normalised amounts), its publication time, and a MinHash signature of
//   its body's word 4-shingles.
// - Candidate stories come from an inverted index (StoryIndex) over each
//   story's recent keys, so the cost per article does not grow with the
//   number of stories. Each candidate is scored: cosine of the word vectors
//   (same language only) and of the key vectors, times a Gaussian of the
//   distance in days from the story's centre (sigma 3 days; 1 when either
//   is undated). The best story is joined when the score clears the
//   threshold, else the article starts a story.
// - Undated articles (a feed without publication times) use a higher
//   threshold, unless the days their texts name ("Senin (27/3)") say when:
//   a shared day (within one) lowers it to the dated one, only other days
//   scale the score down (StoryOptions::other_day_factor).
// - Across languages only the key vector counts (with its own threshold):
//   "Korea Utara" and "North Korea" are one loc: id, 8000 is 8000.
// - Near-copy: the estimated containment of the shorter body's shingles in
//   the other's (from MinHash Jaccard and the shingle counts) is at least
//   0.75, or the titles are the same after normalising and the bodies share
//   a fifth of their shingles. A near-copy always joins its original's
//   story, and duplicate_of names the first article of the chain.
//
// StoryIndex is the I/O boundary (the store's tables, or memory for
// `warta eval stories` and tests); the clusterer itself holds no state and
// is thread-safe. Callers serialise Assign calls on one index (the store
// does it inside its write transaction, which PostgreSQL serialises across
// processes with an advisory lock), so two racing stores never open two
// stories for one event.
#ifndef WARTA_STORAGE_STORIES_STORY_CLUSTERER_H_
#define WARTA_STORAGE_STORIES_STORY_CLUSTERER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "storage/stories/story_state.pb.h"
#include "storage/stories/term_weights.h"
#include "warta/v1/article.pb.h"

namespace warta::storage {

// Where stories live between articles.
class StoryIndex {
 public:
  virtual ~StoryIndex() = default;
  // For each key, the ids of the `per_key` stories that indexed it most
  // recently (by arrival). Order and repeats do not matter.
  virtual absl::StatusOr<std::vector<std::string>> StoriesForKeys(
      absl::Span<const std::string> keys, int per_key) = 0;
  // Null when no story has this id. The story is shared with the index (a
  // cache may hand the same one out again): copy it to change it.
  virtual absl::StatusOr<std::shared_ptr<const StoryState>> LoadStory(std::string_view id) = 0;
  // Creates or replaces `story` and indexes it under `keys` at `arrival`
  // (a number that grows with every stored article).
  virtual absl::Status SaveStory(const StoryState& story,
                                 absl::Span<const std::string> keys, int64_t arrival) = 0;
};

// Defaults tuned with `warta eval stories` on the half of
// tests/data/stories whose labels hash even (see its README).
struct StoryOptions {
  // Join the best story when its score is at least this (same language).
  double join_threshold = 0.21;
  // The same when the article or the story has no date: time cannot tell
  // this week's hearing from last month's, so the words must agree more.
  double undated_join_threshold = 0.30;
  // Undated, but the article and the story name days in their text
  // ("Senin (27/3)"): when a day agrees (within a day), time agrees and the
  // dated threshold applies; when none does, the score is multiplied by
  // this.
  double other_day_factor = 0.25;
  // The same across languages (key vector only).
  double cross_language_threshold = 0.45;
  // Weight of the word cosine against the key cosine (same language).
  double term_weight = 0.8;
  // Standard deviation of the time kernel.
  double sigma_days = 3.0;
  // Index keys per article, and stories read per key.
  int index_terms = 8;
  int index_entities = 4;
  int stories_per_key = 10;
  // Candidate stories scored per article (most shared keys first).
  int max_candidates = 12;
  // Recent articles kept per story for near-copy checks and its title.
  int max_sketches = 40;
  // Keys kept in a story's running sums.
  int max_story_terms = 150;
  int max_story_entities = 60;
  double duplicate_containment = 0.75;
};

struct StoryAssignment {
  std::string story_id;
  // Empty unless the article is a near-copy.
  std::string duplicate_of;
  bool new_story = false;
  // The winning score (0 for a new story or a near-copy).
  double score = 0;
  // The story as saved with the article in it.
  StoryState story;
};

// The features of one article (exposed for tests and the benchmark).
ArticleSketchState SketchArticle(const warta::v1::EnrichedArticle& article,
                                 const TermWeights& weights,
                                 std::vector<WeightedKey>* entity_keys);


// The id a story founded by `article_id` gets: stable, so a replayed stream
// gives the same ids.
std::string StoryIdFor(std::string_view article_id);

class StoryClusterer {
 public:
  // `weights` must outlive the clusterer.
  explicit StoryClusterer(const TermWeights* weights, StoryOptions options = {})
      : weights_(weights), options_(options) {}

  // Assigns `article` to a story in `index` and updates that story.
  absl::StatusOr<StoryAssignment> Assign(const warta::v1::EnrichedArticle& article,
                                         int64_t arrival, StoryIndex& index) const;

  const StoryOptions& options() const { return options_; }

 private:
  const TermWeights* weights_;
  StoryOptions options_;
};

}  // namespace warta::storage

#endif  // WARTA_STORAGE_STORIES_STORY_CLUSTERER_H_
