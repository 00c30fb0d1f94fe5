// Reading a whole file into memory (model files, gold data, article pages),
// and writing a small one so that readers never see it half-written (the
// port files servers leave for their launchers). The one place that turns a
// missing, unreadable or unwritable file into a Status.
//
// Thread-safe (pure function over the file system).
#ifndef WARTA_COMMON_FILES_H_
#define WARTA_COMMON_FILES_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace warta {

// The file's bytes. NOT_FOUND ("cannot read PATH") when it cannot be opened,
// DATA_LOSS ("error reading PATH") when reading it fails half-way.
absl::StatusOr<std::string> ReadFileToString(const std::filesystem::path& path);

// Writes `contents` to PATH.tmp, then renames it to PATH: a reader sees the
// old file or the whole new one. UNAVAILABLE ("cannot write PATH") on failure.
absl::Status WriteFileAtomically(const std::filesystem::path& path, std::string_view contents);

}  // namespace warta

#endif  // WARTA_COMMON_FILES_H_
