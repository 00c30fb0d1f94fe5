#include "eval/contested/contested_eval.h"

#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/files.h"
#include "common/status_macros.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "storage/article_keys.h"
#include "storage/contested_claims.h"

namespace warta::eval {
namespace {

namespace pb = google::protobuf;

absl::Status ParseJson(const std::string& json, pb::Message& message) {
  pb::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  auto status = pb::util::JsonStringToMessage(json, &message, options);
  if (!status.ok()) return absl::InvalidArgumentError(std::string(status.message()));
  return absl::OkStatus();
}

// The StoredClaim under `field` of a parsed line.
absl::Status ClaimField(const pb::Struct& line, const std::string& field,
                        warta::v1::StoredClaim& claim) {
  auto it = line.fields().find(field);
  if (it == line.fields().end()) return absl::InvalidArgumentError("no \"" + field + "\"");
  std::string json;
  if (!pb::util::MessageToJsonString(it->second, &json).ok()) {
    return absl::InvalidArgumentError("bad \"" + field + "\"");
  }
  return ParseJson(json, claim);
}

const pb::Value* Field(const pb::Struct& line, const std::string& field) {
  auto it = line.fields().find(field);
  return it == line.fields().end() ? nullptr : &it->second;
}

absl::StatusOr<FigurePair> ParsePairLine(const std::string& text) {
  pb::Struct line;
  RETURN_IF_ERROR(ParseJson(text, line));
  FigurePair pair;
  RETURN_IF_ERROR(ClaimField(line, "a", pair.a));
  RETURN_IF_ERROR(ClaimField(line, "b", pair.b));
  const pb::Value* same = Field(line, "same_thing");
  const pb::Value* disagree = Field(line, "disagree");
  if (same == nullptr || disagree == nullptr) {
    return absl::InvalidArgumentError("needs \"same_thing\" and \"disagree\"");
  }
  pair.same_thing = same->bool_value();
  pair.disagree = disagree->bool_value();
  if (const pb::Value* qa = Field(line, "qa")) pair.quantity_a = static_cast<int>(qa->number_value());
  if (const pb::Value* qb = Field(line, "qb")) pair.quantity_b = static_cast<int>(qb->number_value());
  if (const pb::Value* id = Field(line, "id")) pair.id = id->string_value();
  if (pair.quantity_a >= pair.a.claim().quantities_size() ||
      pair.quantity_b >= pair.b.claim().quantities_size()) {
    return absl::InvalidArgumentError("qa or qb is not a quantity of its claim");
  }
  return pair;
}

double Ratio(int num, int den) { return den == 0 ? 0.0 : static_cast<double>(num) / den; }

std::string CountsJson(const BinaryCounts& c) {
  return absl::StrFormat(
      "{\"precision\": %.4f, \"recall\": %.4f, \"f1\": %.4f, \"tp\": %d, \"fp\": %d, \"fn\": %d}",
      c.Precision(), c.Recall(), c.F1(), c.true_positives, c.false_positives,
      c.false_negatives);
}

std::string Describe(const warta::v1::StoredClaim& claim, int q) {
  const auto& quantity = claim.claim().quantities(q);
  std::optional<storage::MeasuredThing> thing = storage::MeasuredThingOf(claim, q);
  return absl::StrCat(quantity.text(), " [", thing ? storage::GroupKey(*thing) : "-", "] ",
                      claim.claim().content().text());
}

void PrintError(const FigurePair& pair, std::pair<bool, bool> predicted) {
  std::cerr << absl::StrFormat("%s gold same=%d disagree=%d, predicted same=%d contested=%d\n  A: %s\n  B: %s\n",
                               pair.id, pair.same_thing, pair.disagree, predicted.first,
                               predicted.second, Describe(pair.a, pair.quantity_a),
                               Describe(pair.b, pair.quantity_b));
}

absl::Status RunPairs(const std::vector<std::string>& files, bool errors, std::ostream& out) {
  std::vector<FigurePair> pairs;
  for (const std::string& file : files) {
    ASSIGN_OR_RETURN(std::string contents, ReadFileToString(file));
    auto parsed = ParseFigurePairs(contents);
    if (!parsed.ok()) return absl::InvalidArgumentError(file + ": " + std::string(parsed.status().message()));
    for (auto& pair : *parsed) pairs.push_back(std::move(pair));
  }
  if (errors) {
    for (const FigurePair& pair : pairs) {
      const auto predicted = Predict(pair);
      if (predicted.first != pair.same_thing || predicted.second != (pair.same_thing && pair.disagree)) {
        PrintError(pair, predicted);
      }
    }
  }
  out << ScoreFigurePairs(pairs).ToJson() << "\n";
  return absl::OkStatus();
}

// One group as a JSON value: what, of whom, and who said which figure.
pb::Value GroupValue(const warta::v1::ContestedClaim& group) {
  pb::Value value;
  auto& fields = *value.mutable_struct_value()->mutable_fields();
  fields["unit"].set_string_value(group.unit());
  for (const auto& name : group.subject_names()) {
    fields["subjects"].mutable_list_value()->add_values()->set_string_value(name);
  }
  for (double v : group.values()) fields["values"].mutable_list_value()->add_values()->set_number_value(v);
  for (const auto& claim : group.claims()) {
    const auto& q = claim.claim().quantities(0);
    fields["figures"].mutable_list_value()->add_values()->set_string_value(absl::StrCat(
        q.text(), " (", q.qualifier(), ") — ", claim.speaker_name(), ", ", claim.article_id()));
  }
  return value;
}

absl::Status RunGroups(const std::vector<std::string>& files, std::ostream& out) {
  std::vector<warta::v1::StoredClaim> claims;
  int articles = 0;
  for (const std::string& file : files) {
    ASSIGN_OR_RETURN(std::string contents, ReadFileToString(file));
    for (absl::string_view line : absl::StrSplit(contents, '\n', absl::SkipWhitespace())) {
      warta::v1::EnrichedArticle article;
      RETURN_IF_ERROR(ParseJson(std::string(line), article));
      ++articles;
      for (auto& claim : storage::StoredClaimsOf(article)) claims.push_back(std::move(claim));
    }
  }
  const auto groups = storage::GroupContestedClaims(claims, {});
  pb::Struct result;
  auto& fields = *result.mutable_fields();
  fields["articles"].set_number_value(articles);
  fields["claims"].set_number_value(static_cast<double>(claims.size()));
  fields["groups"].set_number_value(static_cast<double>(groups.size()));
  for (const auto& group : groups) *fields["list"].mutable_list_value()->add_values() = GroupValue(group);
  std::string json;
  pb::util::JsonPrintOptions options;
  options.add_whitespace = true;
  if (!pb::util::MessageToJsonString(result, &json, options).ok()) {
    return absl::InternalError("cannot print the groups");
  }
  out << json;
  return absl::OkStatus();
}

}  // namespace

double BinaryCounts::Precision() const {
  return Ratio(true_positives, true_positives + false_positives);
}
double BinaryCounts::Recall() const {
  return Ratio(true_positives, true_positives + false_negatives);
}
double BinaryCounts::F1() const {
  const double p = Precision();
  const double r = Recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}
void BinaryCounts::Add(bool gold, bool predicted) {
  true_positives += gold && predicted;
  false_positives += !gold && predicted;
  false_negatives += gold && !predicted;
}

std::string ContestedScores::ToJson() const {
  return absl::StrFormat(
      "{\"pairs\": %d, \"gold_same_thing\": %d, \"gold_contested\": %d, "
      "\"same_thing\": %s, \"contested\": %s}",
      pairs, gold_same_thing, gold_contested, CountsJson(same_thing), CountsJson(contested));
}

absl::StatusOr<std::vector<FigurePair>> ParseFigurePairs(std::string_view contents) {
  std::vector<FigurePair> pairs;
  int number = 0;
  for (absl::string_view line : absl::StrSplit(absl::string_view(contents.data(), contents.size()), '\n')) {
    ++number;
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    auto pair = ParsePairLine(std::string(line));
    if (!pair.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("line ", number, ": ", pair.status().message()));
    }
    pairs.push_back(*std::move(pair));
  }
  return pairs;
}

std::pair<bool, bool> Predict(const FigurePair& pair) {
  const auto a = storage::MeasuredThingOf(pair.a, pair.quantity_a);
  const auto b = storage::MeasuredThingOf(pair.b, pair.quantity_b);
  const bool same = a && b && storage::SameMeasuredThing(*a, *b);
  const bool contested = same && storage::FiguresDisagree(pair.a.claim().quantities(pair.quantity_a),
                                                          pair.b.claim().quantities(pair.quantity_b));
  return {same, contested};
}

ContestedScores ScoreFigurePairs(const std::vector<FigurePair>& pairs) {
  ContestedScores scores;
  for (const FigurePair& pair : pairs) {
    const auto [same, contested] = Predict(pair);
    const bool gold_contested = pair.same_thing && pair.disagree;
    ++scores.pairs;
    scores.gold_same_thing += pair.same_thing;
    scores.gold_contested += gold_contested;
    scores.same_thing.Add(pair.same_thing, same);
    scores.contested.Add(gold_contested, contested);
  }
  return scores;
}

absl::Status RunContestedEval(const std::vector<std::string>& args, std::ostream& out) {
  constexpr char kUsage[] =
      "FILE... [--errors]   labelled figure pairs (JSON lines; see eval/contested)\n"
      "--groups FILE...     EnrichedArticle JSON lines: print the contested groups";
  bool errors = false;
  bool groups = false;
  std::vector<std::string> files;
  for (const std::string& arg : args) {
    if (arg == "--errors") {
      errors = true;
    } else if (arg == "--groups") {
      groups = true;
    } else if (absl::StartsWith(arg, "--")) {
      return absl::InvalidArgumentError(absl::StrCat("unknown flag ", arg, "\n", kUsage));
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) return absl::InvalidArgumentError(kUsage);
  return groups ? RunGroups(files, out) : RunPairs(files, errors, out);
}

}  // namespace warta::eval
