#include "common/person_names.h"

#include <algorithm>
#include <cctype>
#include <set>

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

bool IsGenerationSuffix(std::string_view word) {
  static const std::set<std::string_view> kGenerations = {"jr", "sr", "ii", "iii", "iv"};
  return kGenerations.count(word) > 0;
}

NamePart PartOfName(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
  if (part.size() < 2 || part.size() >= whole.size()) return NamePart::kNone;
  const size_t cut = whole.size() - part.size();
  NamePart found = NamePart::kNone;
  if (std::equal(part.begin(), part.end(), whole.begin())) {
    found = NamePart::kFirstWords;
  } else if (std::equal(part.begin(), part.end(), whole.begin() + cut)) {
    found = NamePart::kLastWords;
  } else {
    return NamePart::kNone;
  }
  const auto first_cut = found == NamePart::kFirstWords ? whole.begin() + part.size() : whole.begin();
  for (auto it = first_cut; it != first_cut + cut; ++it) {
    if (IsGenerationSuffix(*it)) return NamePart::kNone;
  }
  return found;
}

bool IsSurnameWithParticles(const std::vector<std::string>& words) {
  static const std::set<std::string_view> kParticles = {
      "van", "von", "de", "der", "den", "di", "da", "del", "della", "dos", "das", "du",
      "le", "la", "al", "el", "ter", "ten", "bin", "ibn"};
  if (words.size() < 2 || words.size() > 3) return false;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (kParticles.count(words[i]) == 0) return false;
  }
  return kParticles.count(words.back()) == 0;
}

bool IsTicket(std::string_view name) {
  const bool one_word = name.find(' ') == std::string_view::npos;
  for (size_t h = name.find('-'); h != std::string_view::npos; h = name.find('-', h + 1)) {
    if (h == 0 || h + 1 >= name.size() || !std::isupper(static_cast<unsigned char>(name[h + 1])) ||
        !std::isalpha(static_cast<unsigned char>(name[h - 1]))) {
      continue;
    }
    if (one_word) return true;
    const std::string_view left = name.substr(0, h), right = name.substr(h + 1);
    if (left.find(' ') != std::string_view::npos && right.find(' ') != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace warta
