// warta: the command-line tool. Publishes articles, enriches files offline,
// queries the store, and runs the evaluations.
#include <cstdio>
#include <cstring>

#include "cli/commands.h"
#include "common/logging.h"

namespace {

constexpr char kUsage[] =
    "usage: warta COMMAND [flags] [args]\n"
    "\n"
    "commands:\n"
    "  publish PATH...     publish articles (text pages, JSON, JSON lines, folders) to Kafka\n"
    "                      or to warta-ingest over gRPC, with a progress bar\n"
    "  enrich FILE...      enrich offline (no Kafka): one EnrichedArticle per line, protobuf JSON\n"
    "  get ID              one stored article as protobuf JSON\n"
    "  list                stored articles (filters: --language --source --entity)\n"
    "  show [ID...]        readable summary of stored articles (all when no ID)\n"
    "  claims              stored claims (--speaker ENTITY_ID, --entity ENTITY_ID, --article ID)\n"
    "  contested           claims whose numbers disagree across sources\n"
    "  stories             stories: articles about one event (--entity --language --min_sources)\n"
    "  story ID            one story: articles by source and time, entities, figures, timeline\n"
    "  entities [NAME]     canonical entities whose name or alias contains NAME, with their ids\n"
    "  entity ID           one entity: aliases, who appears with it, its stories, its claims\n"
    "  search QUERY        full-text search: words, \"phrases\", -exclusions (--language --source\n"
    "                      --story --entity --limit)\n"
    "  tail                follow articles as the store receives them\n"
    "  wait                wait until the store holds N articles (--count N)\n"
    "  eval langid|ner|attribution|stories ...   accuracy on gold data, as JSON\n"
    "\n"
    "Run `warta COMMAND --help` for a command's flags.\n";

}  // namespace

int main(int argc, char** argv) {
  warta::SetLogProgramName("warta");
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "help") ||
      !std::strcmp(argv[1], "-h")) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  std::string command = argv[1];
  warta::cli::Args args(argv + 2, argv + argc);
  using namespace warta::cli;
  if (command == "publish") return RunPublish(args);
  if (command == "enrich") return RunEnrich(args);
  if (command == "get") return RunGet(args);
  if (command == "list") return RunList(args);
  if (command == "show") return RunShow(args);
  if (command == "claims") return RunClaims(args);
  if (command == "contested") return RunContested(args);
  if (command == "stories") return RunStories(args);
  if (command == "story") return RunStory(args);
  if (command == "entities") return RunEntities(args);
  if (command == "entity") return RunEntity(args);
  if (command == "search") return RunSearch(args);
  if (command == "tail") return RunTail(args);
  if (command == "wait") return RunWait(args);
  if (command == "eval") return RunEval(args);
  std::fprintf(stderr, "warta: unknown command \"%s\"\n\n%s", command.c_str(), kUsage);
  return 2;
}
