#include "eval/stories/stories_eval.h"

#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "common/status_macros.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "storage/stories/memory_story_index.h"

namespace warta::eval {
namespace {

std::string PrJson(const PrecisionRecall& pr) {
  return absl::StrFormat(R"({"precision": %.4f, "recall": %.4f, "f1": %.4f})", pr.precision,
                         pr.recall, pr.f1);
}

// A string field of `object`, removed from it; "" when absent.
absl::StatusOr<std::string> TakeString(google::protobuf::Struct& object, const std::string& name) {
  auto* fields = object.mutable_fields();
  auto it = fields->find(name);
  if (it == fields->end()) return std::string();
  if (it->second.kind_case() != google::protobuf::Value::kStringValue) {
    return absl::InvalidArgumentError(absl::StrCat("\"", name, "\" must be a string"));
  }
  std::string value = it->second.string_value();
  fields->erase(it);
  return value;
}

absl::StatusOr<LabelledArticle> ParseLine(const std::string& line, const ArticleDecoder& decode) {
  google::protobuf::Struct object;
  if (!google::protobuf::util::JsonStringToMessage(line, &object).ok()) {
    return absl::InvalidArgumentError("not a JSON object");
  }
  LabelledArticle labelled;
  ASSIGN_OR_RETURN(labelled.story, TakeString(object, "story"));
  if (labelled.story.empty()) {
    return absl::InvalidArgumentError("needs \"story\", the gold story label");
  }
  ASSIGN_OR_RETURN(labelled.duplicate_of, TakeString(object, "duplicate_of"));
  std::string article_json;
  if (!google::protobuf::util::MessageToJsonString(object, &article_json).ok()) {
    return absl::InternalError("cannot re-encode the article");
  }
  ASSIGN_OR_RETURN(labelled.article, decode(article_json));
  if (labelled.article.id().empty()) return absl::InvalidArgumentError("needs an \"id\"");
  return labelled;
}

}  // namespace

absl::StatusOr<std::vector<LabelledArticle>> ReadLabelledArticles(const std::string& path,
                                                                  const ArticleDecoder& decode) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::vector<LabelledArticle> articles;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    absl::StatusOr<LabelledArticle> labelled = ParseLine(line, decode);
    if (!labelled.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": ", labelled.status().message()));
    }
    articles.push_back(*std::move(labelled));
  }
  if (articles.empty()) return absl::InvalidArgumentError(absl::StrCat(path, " has no articles"));
  return articles;
}

absl::StatusOr<std::vector<StoryOutcome>> ClusterLabelled(
    const std::vector<LabelledArticle>& articles, const enrichment::Pipeline& pipeline,
    const storage::StoryClusterer& clusterer) {
  storage::MemoryStoryIndex index;
  std::vector<StoryOutcome> outcomes;
  int64_t arrival = 0;
  // A fixed enrichment time: the figures do not depend on the clock.
  const absl::Time now = absl::FromUnixSeconds(1'800'000'000);
  for (const LabelledArticle& labelled : articles) {
    absl::StatusOr<warta::v1::EnrichedArticle> enriched = pipeline.Enrich(labelled.article, now);
    if (!enriched.ok()) {
      return absl::Status(enriched.status().code(),
                          absl::StrCat("article ", labelled.article.id(), ": ",
                                       enriched.status().message()));
    }
    ASSIGN_OR_RETURN(storage::StoryAssignment assigned,
                     clusterer.Assign(*enriched, ++arrival, index));
    outcomes.push_back({labelled.article.id(), labelled.story, assigned.story_id,
                        labelled.duplicate_of, assigned.duplicate_of});
  }
  return outcomes;
}

std::string ScoresJson(const StoryScores& s) {
  return absl::StrCat(
      "{\"articles\": ", s.articles, ", \"gold_stories\": ", s.gold_stories,
      ", \"predicted_stories\": ", s.predicted_stories, ",\n \"pairwise\": ", PrJson(s.pairwise),
      ",\n \"bcubed\": ", PrJson(s.bcubed), ",\n \"near_duplicates\": ", PrJson(s.duplicates),
      ", \"gold_duplicates\": ", s.gold_duplicates,
      ", \"predicted_duplicates\": ", s.predicted_duplicates, "}\n");
}

absl::Status RunStoriesEval(const StoriesEvalOptions& options,
                            const enrichment::Pipeline& pipeline,
                            const storage::TermWeights& weights, const ArticleDecoder& decode,
                            std::ostream& out) {
  if (options.path.empty()) return absl::InvalidArgumentError(kStoriesEvalUsage);
  ASSIGN_OR_RETURN(std::vector<LabelledArticle> articles,
                   ReadLabelledArticles(options.path, decode));
  storage::StoryClusterer clusterer(&weights, options.clustering);
  ASSIGN_OR_RETURN(std::vector<StoryOutcome> outcomes,
                   ClusterLabelled(articles, pipeline, clusterer));
  if (options.errors) {
    for (const StoryOutcome& o : outcomes) {
      out << o.id << "\tgold=" << o.gold_story << "\tpredicted=" << o.predicted_story
          << "\tdup_gold=" << o.gold_duplicate_of << "\tdup_predicted=" << o.predicted_duplicate_of
          << "\n";
    }
  }
  out << ScoresJson(ScoreStories(outcomes));
  return absl::OkStatus();
}

}  // namespace warta::eval
