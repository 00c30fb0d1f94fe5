// SIGTERM/SIGINT handling: the handler only sets a flag (async-signal-safe);
// programs poll ShutdownRequested() from their loops and drain.
#ifndef WARTA_COMMON_SHUTDOWN_H_
#define WARTA_COMMON_SHUTDOWN_H_

namespace warta {

void InstallShutdownSignalHandlers();
bool ShutdownRequested();
// For tests and for programs that decide to stop on their own.
void RequestShutdown();

}  // namespace warta

#endif  // WARTA_COMMON_SHUTDOWN_H_
