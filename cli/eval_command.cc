// warta eval: hands over to the evaluation adapters in eval/.
#include <cstdio>
#include <iostream>

#include "article/article_json.h"
#include "cli/commands.h"
#include "eval/attribution/attribution_eval.h"
#include "eval/contested/contested_eval.h"
#include "eval/langid/langid_eval.h"
#include "eval/ner/ner_eval.h"
#include "eval/stories/stories_eval.h"
#include "cli/article_files.h"
#include "common/flags.h"
#include "common/models_dir.h"
#include "services/common/model_files.h"

namespace warta::cli {

namespace {

absl::Status RunStoriesEvalCommand(const Args& args) {
  if (args.empty()) return absl::InvalidArgumentError(eval::kStoriesEvalUsage);
  eval::StoriesEvalOptions eval_options;
  storage::StoryOptions& c = eval_options.clustering;
  FlagSet flags("warta eval stories FILE.jsonl [flags]",
                "Runs the store's story clusterer on labelled articles; the settings are for\n"
                "tuning (defaults: the store's).");
  flags.Bool("errors", &eval_options.errors, "list each article's gold and predicted story");
  flags.Double("join_threshold", &c.join_threshold, "join score, same language, dated");
  flags.Double("undated_join_threshold", &c.undated_join_threshold, "join score when undated");
  flags.Double("other_day_factor", &c.other_day_factor,
               "undated: score factor when the texts name only other days");
  flags.Double("cross_language_threshold", &c.cross_language_threshold,
               "join score across languages");
  flags.Double("term_weight", &c.term_weight, "word cosine against entity cosine");
  flags.Double("sigma_days", &c.sigma_days, "time kernel's standard deviation");
  flags.Double("duplicate_containment", &c.duplicate_containment, "near-copy containment");
  flags.Int("index_terms", &c.index_terms, "word keys indexed per article");
  flags.Int("index_entities", &c.index_entities, "entity keys indexed per article");
  flags.Int("stories_per_key", &c.stories_per_key, "stories read per key");
  flags.Int("max_candidates", &c.max_candidates, "candidate stories scored per article");
  const Args files = flags.ParseOrExit(args);
  if (files.size() != 1) return absl::InvalidArgumentError(eval::kStoriesEvalUsage);
  eval_options.path = files[0];
  auto options = services::LoadPipelineModels(DefaultModelsDir(), "");
  if (!options.ok()) return options.status();
  auto pipeline = enrichment::Pipeline::Create(*options);
  if (!pipeline.ok()) return pipeline.status();
  auto weights = services::LoadStoryWeights(DefaultModelsDir());
  if (!weights.ok()) return weights.status();
  auto decode = [](const std::string& json) { return article::ArticleFromJson(json); };
  return eval::RunStoriesEval(eval_options, **pipeline, *weights, decode, std::cout);
}

}  // namespace

int RunEval(const Args& args) {
  constexpr char kUsage[] =
      "usage: warta eval langid DIR | ner FILE... | attribution FILE... | stories FILE\n"
      "       | contested FILE...\n"
      "  langid DIR         DIR holds <code>.txt files, one text a line\n"
      "  ner FILE...        CoNLL files (token<TAB>tag or token POS tag; IOB2/BILOU)\n"
      "  attribution FILE   PFSA-ID BILOU files (PERSON, CUE, STATEMENT ...)\n"
      "  stories FILE       JSON lines: articles with gold \"story\" (and \"duplicate_of\")\n"
      "  contested FILE     labelled figure pairs (tests/data/contested/pairs.jsonl)\n"
      "Each prints its scores as JSON; add --help after the task for its flags.\n";
  if (args.empty() || args[0] == "--help") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  Args rest(args.begin() + 1, args.end());
  // Each task's usage is its own error message for missing arguments.
  const bool help = !rest.empty() && (rest[0] == "--help" || rest[0] == "-h");
  if (help) rest.clear();
  absl::Status status;
  if (args[0] == "langid") {
    status = eval::RunLangidEval(rest, std::cout);
  } else if (args[0] == "ner") {
    status = eval::RunNerEval(rest, DefaultModelsDir(), std::cout);
  } else if (args[0] == "attribution") {
    status = eval::RunAttributionEval(rest, DefaultModelsDir(), std::cout);
  } else if (args[0] == "stories") {
    status = RunStoriesEvalCommand(rest);
  } else if (args[0] == "contested") {
    status = eval::RunContestedEval(rest, std::cout);
  } else {
    std::fprintf(stderr, "warta eval: unknown task \"%s\"\n%s", args[0].c_str(), kUsage);
    return 2;
  }
  if (help) {
    std::printf("usage: warta eval %s ...\n%s\n", args[0].c_str(),
                std::string(status.message()).c_str());
    return 0;
  }
  if (!status.ok()) {
    std::fprintf(stderr, "warta eval %s: %s\n", args[0].c_str(),
                 std::string(status.message()).c_str());
    return status.code() == absl::StatusCode::kInvalidArgument ? 2 : 1;
  }
  return 0;
}

}  // namespace warta::cli
