// Reading a whole file into memory: model files, gold data, article pages.
// The one place that turns a missing or unreadable file into a Status. And
// the port file servers write once they listen.
//
// Thread-safe (pure function over the file system).
#ifndef WARTA_COMMON_FILES_H_
#define WARTA_COMMON_FILES_H_

#include <filesystem>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace warta {

// The file's bytes. NOT_FOUND ("cannot read PATH") when it cannot be opened,
// DATA_LOSS ("error reading PATH") when reading it fails half-way.
absl::StatusOr<std::string> ReadFileToString(const std::filesystem::path& path);

// Writes a listening server's port to `path` ("PORT\n") through a rename, so
// a script or test that polls for the file never reads half of it.
absl::Status WritePortFile(const std::filesystem::path& path, int port);

}  // namespace warta

#endif  // WARTA_COMMON_FILES_H_
