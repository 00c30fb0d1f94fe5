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

namespace {

using Sizes = absl::flat_hash_map<std::string, int>;
using Overlaps = std::map<std::pair<std::string, std::string>, int>;

// Pairs of articles put together: by both, by the gold, by the prediction.
PrecisionRecall Pairwise(const Sizes& gold, const Sizes& predicted, const Overlaps& both) {
  double same_both = 0, same_gold = 0, same_predicted = 0;
  for (const auto& [key, n] : both) same_both += Pairs(n);
  for (const auto& [key, n] : gold) same_gold += Pairs(n);
  for (const auto& [key, n] : predicted) same_predicted += Pairs(n);
  return Of(same_both, same_predicted, same_both, same_gold);
}

// Per article: the share of its predicted story that is in its gold story,
// and the other way round (Bagga & Baldwin 1998).
PrecisionRecall BCubed(const std::vector<StoryOutcome>& outcomes, const Sizes& gold,
                       const Sizes& predicted, const Overlaps& both) {
  double precision = 0, recall = 0;
  for (const auto& o : outcomes) {
    const double overlap = both.at({o.gold_story, o.predicted_story});
    precision += overlap / predicted.at(o.predicted_story);
    recall += overlap / gold.at(o.gold_story);
  }
  const double n = outcomes.empty() ? 1 : outcomes.size();
  return Of(precision, n, recall, n);
}

// A predicted near-copy is right when it names a member of its own gold
// family (the first article and its copies), even its own copy.
PrecisionRecall NearCopies(const std::vector<StoryOutcome>& outcomes, StoryScores& scores) {
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
    const bool gold_copy = !o.gold_duplicate_of.empty();
    scores.gold_duplicates += gold_copy;
    if (o.predicted_duplicate_of.empty()) continue;
    ++scores.predicted_duplicates;
    const bool same_family = family(o.id) == family(o.predicted_duplicate_of);
    right += same_family;
    found += gold_copy && same_family;
  }
  return Of(right, scores.predicted_duplicates, found, scores.gold_duplicates);
}

}  // namespace

StoryScores ScoreStories(const std::vector<StoryOutcome>& outcomes) {
  StoryScores scores;
  scores.articles = static_cast<int>(outcomes.size());
  Sizes gold, predicted;
  Overlaps both;
  for (const auto& o : outcomes) {
    ++gold[o.gold_story];
    ++predicted[o.predicted_story];
    ++both[{o.gold_story, o.predicted_story}];
  }
  scores.gold_stories = static_cast<int>(gold.size());
  scores.predicted_stories = static_cast<int>(predicted.size());
  scores.pairwise = Pairwise(gold, predicted, both);
  scores.bcubed = BCubed(outcomes, gold, predicted, both);
  scores.duplicates = NearCopies(outcomes, scores);
  return scores;
}

}  // namespace warta::eval
