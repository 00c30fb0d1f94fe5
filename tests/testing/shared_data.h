// Where tests find ../shared/data. Tests that need it call
// SharedDataDir() and skip with a message when it is absent, so a clone
// without ../shared still passes `make test`. Under CI=true (CI always has
// the shared data and a PostgreSQL server) a skip is a failure instead, so
// a suite that silently stopped running cannot show as passed.
#ifndef WARTA_TESTS_TESTING_SHARED_DATA_H_
#define WARTA_TESTS_TESTING_SHARED_DATA_H_

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "common/files.h"

namespace warta::testing {

// The shared data folder: $WARTA_SHARED_DATA, else ../shared/data beside
// the source tree. nullopt when it does not exist.
inline std::optional<std::filesystem::path> SharedDataDir() {
  std::filesystem::path dir;
  if (const char* env = std::getenv("WARTA_SHARED_DATA"); env && *env) {
    dir = env;
  } else {
    dir = std::filesystem::path(WARTA_SOURCE_DIR) / ".." / "shared" / "data";
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return std::nullopt;
  return std::filesystem::canonical(dir, ec);
}

inline bool InCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && (std::string(ci) == "true" || std::string(ci) == "1");
}

// The repository's own files (models/, testdata/).
inline std::filesystem::path SourceDir() { return WARTA_SOURCE_DIR; }

inline std::string ReadFileOrDie(const std::filesystem::path& path) {
  auto bytes = ::warta::ReadFileToString(path);
  if (!bytes.ok()) {
    std::fprintf(stderr, "%s\n", std::string(bytes.status().message()).c_str());
    std::abort();
  }
  return *std::move(bytes);
}

}  // namespace warta::testing

// GTEST_SKIP() with `message`, or GTEST_FAIL() under CI=true.
#define WARTA_SKIP_UNLESS_CI(message)                                         \
  do {                                                                        \
    if (::warta::testing::InCi()) {                                           \
      GTEST_FAIL() << "CI=true, so this may not be skipped: " << message;     \
    } else {                                                                  \
      GTEST_SKIP() << message;                                                \
    }                                                                         \
  } while (0)

#define WARTA_REQUIRE_SHARED_DATA(var)                                   \
  auto var##_opt = ::warta::testing::SharedDataDir();                    \
  if (!var##_opt) {                                                      \
    WARTA_SKIP_UNLESS_CI("skipped: ../shared/data is absent (set "       \
                         "WARTA_SHARED_DATA to run this test)");         \
  }                                                                      \
  const std::filesystem::path var = *var##_opt

#endif  // WARTA_TESTS_TESTING_SHARED_DATA_H_
