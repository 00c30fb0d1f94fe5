// `warta eval stories FILE.jsonl`: runs the store's story clusterer (the
// same StoryClusterer, over an in-memory StoryIndex) on articles with gold
// labels, in the order given, and prints pairwise and B-cubed P/R/F1 and
// near-copy P/R as JSON.
//
// Each line is an article as `warta publish` reads it (warta.v1.Article
// JSON names or crawler names) plus "story" (gold label, required) and
// "duplicate_of" (gold, optional). tests/data/stories/ builds such a file
// from IndoSum.
#ifndef WARTA_EVAL_STORIES_STORIES_EVAL_H_
#define WARTA_EVAL_STORIES_STORIES_EVAL_H_

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "enrichment/pipeline.h"
#include "eval/stories/story_metrics.h"
#include "storage/stories/story_clusterer.h"
#include "warta/v1/article.pb.h"

namespace warta::eval {

struct LabelledArticle {
  warta::v1::Article article;
  std::string story;
  std::string duplicate_of;
};

// Decodes one JSON line into an Article (the CLI's reader).
using ArticleDecoder = std::function<absl::StatusOr<warta::v1::Article>(const std::string&)>;

// Reads FILE's lines; INVALID_ARGUMENT naming the line for a bad one.
absl::StatusOr<std::vector<LabelledArticle>> ReadLabelledArticles(const std::string& path,
                                                                  const ArticleDecoder& decode);

// Enriches and clusters `articles` in order.
absl::StatusOr<std::vector<StoryOutcome>> ClusterLabelled(
    const std::vector<LabelledArticle>& articles, const enrichment::Pipeline& pipeline,
    const storage::StoryClusterer& clusterer);

std::string ScoresJson(const StoryScores& scores);

inline constexpr char kStoriesEvalUsage[] =
    "FILE.jsonl [--errors] [clusterer settings]: articles with \"story\" (and optional "
    "\"duplicate_of\") labels, in arrival order; --errors lists each article's gold and "
    "predicted story; see `warta eval stories FILE --help` for the settings";

struct StoriesEvalOptions {
  std::string path;
  // Also list each article's gold and predicted story, for tuning.
  bool errors = false;
  // The clusterer's settings (the store's defaults unless tuning).
  storage::StoryOptions clustering;
};

absl::Status RunStoriesEval(const StoriesEvalOptions& options,
                            const enrichment::Pipeline& pipeline,
                            const storage::TermWeights& weights, const ArticleDecoder& decode,
                            std::ostream& out);

}  // namespace warta::eval

#endif  // WARTA_EVAL_STORIES_STORIES_EVAL_H_
