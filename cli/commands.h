// The `warta` command's subcommands. Each takes the arguments after its
// name and returns the process exit code (0 ok, 1 failed, 2 bad usage).
#ifndef WARTA_CLI_COMMANDS_H_
#define WARTA_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace warta::cli {

using Args = std::vector<std::string>;

int RunPublish(const Args& args);
int RunEnrich(const Args& args);
int RunGet(const Args& args);
int RunList(const Args& args);
int RunShow(const Args& args);
int RunClaims(const Args& args);
int RunContested(const Args& args);
int RunStories(const Args& args);
int RunStory(const Args& args);
int RunEntities(const Args& args);
int RunEntity(const Args& args);
int RunSearch(const Args& args);
int RunTail(const Args& args);
int RunWait(const Args& args);
int RunEval(const Args& args);

}  // namespace warta::cli

#endif  // WARTA_CLI_COMMANDS_H_
