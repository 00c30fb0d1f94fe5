#include "eval/stories/story_metrics.h"

#include <map>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace warta::eval {
namespace {

PrecisionRecall Of(double correct_p, double total_p, double correct_r, double total_r) {
  PrecisionRecall pr;
  pr.precision = total_p > 0 ? correct_p / total_p : 1;
  pr.recall = total_r > 0 ? correct_r / total_r : 1;
  pr.f1 = pr.precision + pr.recall > 0
              ? 2 * pr.precision * pr.recall / (pr.precision + pr.recall)
              : 0;
  return pr;
}

double Pairs(double n) { return n * (n - 1) / 2; }

}  // namespace

StoryScores ScoreStories(const std::vector<StoryOutcome>& outcomes) {
  StoryScores scores;
  scores.articles = static_cast<int>(outcomes.size());
  absl::flat_hash_map<std::string, int> gold_size, predicted_size;
  std::map<std::pair<std::string, std::string>, int> both;
  for (const auto& o : outcomes) {
    ++gold_size[o.gold_story];
    ++predicted_size[o.predicted_story];
    ++both[{o.gold_story, o.predicted_story}];
  }
  scores.gold_stories = static_cast<int>(gold_size.size());
  scores.predicted_stories = static_cast<int>(predicted_size.size());

  double same_both = 0, same_gold = 0, same_predicted = 0;
  for (const auto& [key, n] : both) same_both += Pairs(n);
  for (const auto& [key, n] : gold_size) same_gold += Pairs(n);
  for (const auto& [key, n] : predicted_size) same_predicted += Pairs(n);
  scores.pairwise = Of(same_both, same_predicted, same_both, same_gold);

  double bp = 0, br = 0;
  for (const auto& o : outcomes) {
    const double overlap = both[{o.gold_story, o.predicted_story}];
    bp += overlap / predicted_size[o.predicted_story];
    br += overlap / gold_size[o.gold_story];
  }
  const double n = outcomes.empty() ? 1 : outcomes.size();
  scores.bcubed = Of(bp, n, br, n);

  absl::flat_hash_map<std::string, std::string> root;
  for (const auto& o : outcomes) {
    root[o.id] = o.gold_duplicate_of.empty() ? o.id : o.gold_duplicate_of;
  }
  auto family = [&](const std::string& id) {
    auto it = root.find(id);
    return it == root.end() ? id : it->second;
  };
  double right = 0, found = 0;
  for (const auto& o : outcomes) {
    if (!o.gold_duplicate_of.empty()) ++scores.gold_duplicates;
    if (o.predicted_duplicate_of.empty()) continue;
    ++scores.predicted_duplicates;
    // Naming any member of its own family (even its own copy) is right.
    if (family(o.id) == family(o.predicted_duplicate_of)) ++right;
    if (!o.gold_duplicate_of.empty() && family(o.id) == family(o.predicted_duplicate_of)) {
      ++found;
    }
  }
  scores.duplicates = Of(right, scores.predicted_duplicates, found, scores.gold_duplicates);
  return scores;
}

}  // namespace warta::eval
