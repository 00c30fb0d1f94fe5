#include "common/flags.h"

#include <cstdio>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace warta {

FlagSet::FlagSet(std::string usage, std::string summary)
    : usage_(std::move(usage)), summary_(std::move(summary)) {}

void FlagSet::String(const std::string& name, std::string* target, const std::string& help) {
  flags_.push_back({name, Kind::kString, target, help, absl::StrCat("\"", *target, "\"")});
}
void FlagSet::Int(const std::string& name, int* target, const std::string& help) {
  flags_.push_back({name, Kind::kInt, target, help, absl::StrCat(*target)});
}
void FlagSet::Int64(const std::string& name, int64_t* target, const std::string& help) {
  flags_.push_back({name, Kind::kInt64, target, help, absl::StrCat(*target)});
}
void FlagSet::Double(const std::string& name, double* target, const std::string& help) {
  flags_.push_back({name, Kind::kDouble, target, help, absl::StrCat(*target)});
}
void FlagSet::Bool(const std::string& name, bool* target, const std::string& help) {
  flags_.push_back({name, Kind::kBool, target, help, *target ? "true" : "false"});
}

std::string FlagSet::EnvName(const std::string& name) {
  return "WARTA_" + absl::AsciiStrToUpper(absl::StrReplaceAll(name, {{"-", "_"}}));
}

bool FlagSet::Set(const Flag& flag, const std::string& value, std::string* error) {
  switch (flag.kind) {
    case Kind::kString:
      *static_cast<std::string*>(flag.target) = value;
      return true;
    case Kind::kInt:
      if (absl::SimpleAtoi(value, static_cast<int*>(flag.target))) return true;
      break;
    case Kind::kInt64:
      if (absl::SimpleAtoi(value, static_cast<int64_t*>(flag.target))) return true;
      break;
    case Kind::kDouble:
      if (absl::SimpleAtod(value, static_cast<double*>(flag.target))) return true;
      break;
    case Kind::kBool:
      if (absl::SimpleAtob(value, static_cast<bool*>(flag.target))) return true;
      break;
  }
  *error = absl::StrCat("bad value \"", value, "\" for --", flag.name);
  return false;
}

std::string FlagSet::Help() const {
  std::string out = absl::StrCat("usage: ", usage_, "\n\n", summary_, "\n\nflags:\n");
  for (const Flag& f : flags_) {
    absl::StrAppend(&out, "  --", f.name, "  (default ", f.default_text, "; env ",
                    EnvName(f.name), ")\n      ", f.help, "\n");
  }
  absl::StrAppend(&out, "  --help\n      show this help and exit\n");
  return out;
}

std::vector<std::string> FlagSet::ParseOrExit(int argc, char** argv) {
  return ParseOrExit(std::vector<std::string>(argv + 1, argv + argc));
}

std::vector<std::string> FlagSet::ParseOrExit(const std::vector<std::string>& args) {
  std::string error;
  for (const Flag& f : flags_) {
    if (const char* env = std::getenv(EnvName(f.name).c_str()); env != nullptr) {
      if (!Set(f, env, &error)) {
        std::fprintf(stderr, "%s (from %s)\n", error.c_str(), EnvName(f.name).c_str());
        std::exit(2);
      }
    }
  }
  std::vector<std::string> positional;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      positional.insert(positional.end(), args.begin() + i + 1, args.end());
      break;
    }
    if (arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
      positional.push_back(arg);
      continue;
    }
    if (arg == "--help" || arg == "-help" || arg == "--helpfull") {
      std::fputs(Help().c_str(), stdout);
      std::exit(0);
    }
    std::string name = arg.substr(2), value;
    bool has_value = false;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_value = true;
    }
    const Flag* flag = nullptr;
    bool negated = false;
    for (const Flag& f : flags_) {
      if (f.name == name) flag = &f;
      if (f.kind == Kind::kBool && "no" + f.name == name) flag = &f, negated = true;
    }
    if (flag == nullptr) {
      std::fprintf(stderr, "unknown flag --%s\n\n%s", name.c_str(), Help().c_str());
      std::exit(2);
    }
    if (!has_value) {
      if (flag->kind == Kind::kBool) {
        value = negated ? "false" : "true";
      } else if (i + 1 < args.size()) {
        value = args[++i];
      } else {
        std::fprintf(stderr, "flag --%s needs a value\n", name.c_str());
        std::exit(2);
      }
    }
    if (!Set(*flag, value, &error)) {
      std::fprintf(stderr, "%s\n", error.c_str());
      std::exit(2);
    }
  }
  return positional;
}

}  // namespace warta
