// Reading a whole file into memory: model files, gold data, article pages.
// The one place that turns a missing or unreadable file into a Status.
//
// Thread-safe (pure function over the file system).
#ifndef WARTA_COMMON_FILES_H_
#define WARTA_COMMON_FILES_H_

#include <filesystem>
#include <string>

#include "absl/status/statusor.h"

namespace warta {

// The file's bytes. NOT_FOUND ("cannot read PATH") when it cannot be opened,
// DATA_LOSS ("error reading PATH") when reading it fails half-way.
absl::StatusOr<std::string> ReadFileToString(const std::filesystem::path& path);

}  // namespace warta

#endif  // WARTA_COMMON_FILES_H_
