#include "common/logging.h"

#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>

namespace warta {
namespace {
std::mutex& LogMutex() {
  static std::mutex mu;
  return mu;
}
std::string& ProgramName() {
  static std::string name = "warta";
  return name;
}
}  // namespace

void SetLogProgramName(std::string_view name) { ProgramName() = std::string(name); }

void Log(LogLevel level, std::string_view message) {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
  const char* level_name = level == LogLevel::kInfo      ? "INFO"
                           : level == LogLevel::kWarning ? "WARN"
                                                         : "ERROR";
  std::lock_guard<std::mutex> lock(LogMutex());
  std::fprintf(stderr, "%s %s %s %.*s\n", stamp, ProgramName().c_str(), level_name,
               static_cast<int>(message.size()), message.data());
  std::fflush(stderr);
}

}  // namespace warta
