#include "common/person_names.h"

namespace warta {

bool IsNameWithoutMiddle(const std::vector<std::string>& shorter,
                         const std::vector<std::string>& longer) {
  if (shorter.size() < 2 || shorter.size() >= longer.size()) return false;
  if (shorter.front() != longer.front() || shorter.back() != longer.back()) return false;
  // Match the shorter name's middle words, in order, among the longer's.
  size_t matched = 1;
  for (size_t i = 1; i + 1 < longer.size() && matched + 1 < shorter.size(); ++i) {
    if (longer[i] == shorter[matched]) ++matched;
  }
  return matched + 1 == shorter.size();
}

}  // namespace warta
