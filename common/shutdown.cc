#include "common/shutdown.h"

#include <atomic>
#include <csignal>

namespace warta {
namespace {
std::atomic<bool> g_shutdown{false};
extern "C" void OnSignal(int) { g_shutdown.store(true); }
}  // namespace

void InstallShutdownSignalHandlers() {
  struct sigaction action {};
  action.sa_handler = OnSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
}

bool ShutdownRequested() { return g_shutdown.load(); }
void RequestShutdown() { g_shutdown.store(true); }

}  // namespace warta
