// Scores of a story clustering against gold labels: pairwise and B-cubed
// precision/recall/F1, and near-copy precision/recall. Pure.
#ifndef WARTA_EVAL_STORIES_STORY_METRICS_H_
#define WARTA_EVAL_STORIES_STORY_METRICS_H_

#include <string>
#include <vector>

namespace warta::eval {

// One article: its gold and predicted story, and gold and predicted
// duplicate_of ("" when none).
struct StoryOutcome {
  std::string id;
  std::string gold_story;
  std::string predicted_story;
  std::string gold_duplicate_of;
  std::string predicted_duplicate_of;
};

struct PrecisionRecall {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

struct StoryScores {
  PrecisionRecall pairwise;
  PrecisionRecall bcubed;
  // A predicted near-copy is right when it and the article it names belong
  // to one gold near-copy family; recall is over the gold near-copies.
  PrecisionRecall duplicates;
  int articles = 0;
  int gold_stories = 0;
  int predicted_stories = 0;
  int gold_duplicates = 0;
  int predicted_duplicates = 0;
};

StoryScores ScoreStories(const std::vector<StoryOutcome>& outcomes);

}  // namespace warta::eval

#endif  // WARTA_EVAL_STORIES_STORY_METRICS_H_
