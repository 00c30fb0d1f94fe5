// `warta eval contested FILE...`: scores the contested-figures rules of
// storage/contested_claims.h on labelled pairs of figures.
//
// Each line of FILE is one JSON object:
//   {"id": "...", "a": StoredClaim, "qa": 0, "b": StoredClaim, "qb": 0,
//    "same_thing": true, "disagree": false}
// where a and b are warta.v1.StoredClaim protobuf JSON (as the pipeline
// stores them), qa and qb index the figure in each claim's quantities, and
// the gold says whether the two figures measure the same thing and whether
// they disagree. Two scores come out: "same thing" (SameMeasuredThing of
// the two MeasuredThingOf) and "contested" (same thing AND
// FiguresDisagree), each as precision, recall and F1.
//
// With --groups, FILE... are EnrichedArticle JSON lines (`warta enrich`
// output) and the command prints the contested groups GroupContestedClaims
// finds in all of them, as JSON.
//
// An adapter: reads files, calls the pure rules.
#ifndef WARTA_EVAL_CONTESTED_CONTESTED_EVAL_H_
#define WARTA_EVAL_CONTESTED_CONTESTED_EVAL_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "warta/v1/services.pb.h"

namespace warta::eval {

struct FigurePair {
  std::string id;
  warta::v1::StoredClaim a;
  int quantity_a = 0;
  warta::v1::StoredClaim b;
  int quantity_b = 0;
  bool same_thing = false;
  bool disagree = false;
};

// Parses pair lines (blank lines skipped); an error names the bad line.
absl::StatusOr<std::vector<FigurePair>> ParseFigurePairs(std::string_view contents);

// True/false positives and false negatives of one yes/no decision.
struct BinaryCounts {
  int true_positives = 0;
  int false_positives = 0;
  int false_negatives = 0;
  double Precision() const;
  double Recall() const;
  double F1() const;
  void Add(bool gold, bool predicted);
};

struct ContestedScores {
  int pairs = 0;
  int gold_same_thing = 0;
  int gold_contested = 0;
  BinaryCounts same_thing;
  BinaryCounts contested;
  std::string ToJson() const;
};

// What the rules say about one pair: (same thing, contested).
std::pair<bool, bool> Predict(const FigurePair& pair);

ContestedScores ScoreFigurePairs(const std::vector<FigurePair>& pairs);

// args: FILE... [--errors] (prints wrong pairs to stderr) or
// --groups FILE... (EnrichedArticle JSON lines).
absl::Status RunContestedEval(const std::vector<std::string>& args, std::ostream& out);

}  // namespace warta::eval

#endif  // WARTA_EVAL_CONTESTED_CONTESTED_EVAL_H_
