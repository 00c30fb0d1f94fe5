// A small command-line flag parser for Warta's programs. Each flag can also
// come from the environment (WARTA_<NAME>, upper-cased, '-' → '_'); the
// command line wins. `--help` lists every flag with its default and env var.
// Flags are read in main() only and turned into plain options structs.
#ifndef WARTA_COMMON_FLAGS_H_
#define WARTA_COMMON_FLAGS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace warta {

class FlagSet {
 public:
  // `usage` is printed first by --help, e.g. "warta-enrich [flags]".
  FlagSet(std::string usage, std::string summary);

  // Registers a flag; the target's current value is the default.
  void String(const std::string& name, std::string* target, const std::string& help);
  void Int(const std::string& name, int* target, const std::string& help);
  void Int64(const std::string& name, int64_t* target, const std::string& help);
  void Double(const std::string& name, double* target, const std::string& help);
  void Bool(const std::string& name, bool* target, const std::string& help);

  // Applies env vars, then argv (--name=value, --name value, --flag,
  // --noflag). Returns the positional arguments. Prints help and exits 0 on
  // --help; prints a clear message and exits 2 on an unknown flag or bad value.
  std::vector<std::string> ParseOrExit(int argc, char** argv);
  // Same, for arguments that follow a subcommand.
  std::vector<std::string> ParseOrExit(const std::vector<std::string>& args);

  std::string Help() const;

 private:
  enum class Kind { kString, kInt, kInt64, kDouble, kBool };
  struct Flag {
    std::string name;
    Kind kind;
    void* target;
    std::string help;
    std::string default_text;
  };
  bool Set(const Flag& flag, const std::string& value, std::string* error);
  static std::string EnvName(const std::string& name);

  std::string usage_;
  std::string summary_;
  std::vector<Flag> flags_;
};

}  // namespace warta

#endif  // WARTA_COMMON_FLAGS_H_
