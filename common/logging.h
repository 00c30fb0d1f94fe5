// Minimal structured-enough logging to stderr for Warta's programs:
// "2026-11-21T23:40:01Z warta-enrich INFO message". Thread-safe.
#ifndef WARTA_COMMON_LOGGING_H_
#define WARTA_COMMON_LOGGING_H_

#include <string_view>

#include "absl/strings/str_cat.h"

namespace warta {

enum class LogLevel { kInfo, kWarning, kError };

// Sets the program name shown in every line (call once from main).
void SetLogProgramName(std::string_view name);
void Log(LogLevel level, std::string_view message);

template <typename... Args>
void LogInfo(const Args&... args) { Log(LogLevel::kInfo, absl::StrCat(args...)); }
template <typename... Args>
void LogWarning(const Args&... args) { Log(LogLevel::kWarning, absl::StrCat(args...)); }
template <typename... Args>
void LogError(const Args&... args) { Log(LogLevel::kError, absl::StrCat(args...)); }

}  // namespace warta

#endif  // WARTA_COMMON_LOGGING_H_
