#include "eval/ner/label_conventions.h"

#include <algorithm>
#include <map>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "enrichment/entities/ner_features.h"
#include "enrichment/entities/place_names.h"

namespace warta::eval {
namespace {

// First token -> place names starting with it (as token lists), longest first.
using PlaceIndex = std::map<std::string, std::vector<std::vector<std::string>>>;

const PlaceIndex& Places() {
  static const PlaceIndex* index = [] {
    auto* out = new PlaceIndex();
    for (const enrichment::AliasGroup& g : enrichment::BuiltinAliasGroups()) {
      if (g.type != 2 || !g.in_label_conventions) continue;
      for (size_t i = 0; i < g.names.size() && i < g.model_names; ++i) {
        std::vector<std::string> tokens = absl::StrSplit(g.names[i], ' ', absl::SkipEmpty());
        if (!tokens.empty()) (*out)[tokens[0]].push_back(std::move(tokens));
      }
    }
    for (auto& [first, names] : *out) {
      std::stable_sort(names.begin(), names.end(),
                       [](const auto& a, const auto& b) { return a.size() > b.size(); });
    }
    return out;
  }();
  return *index;
}

// Length of the longest place name at token i whose tokens are all O, 0 if none.
size_t MatchAt(const ConllSentence& s, size_t i) {
  auto it = Places().find(s.tokens[i]);
  if (it == Places().end()) return 0;
  for (const auto& name : it->second) {
    if (i + name.size() > s.tokens.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < name.size() && ok; ++k) {
      ok = s.tokens[i + k] == name[k] && s.labels[i + k] == "O";
    }
    if (ok) return name.size();
  }
  return 0;
}

}  // namespace

int MarkKnownPlaces(std::vector<ConllSentence>& sentences) {
  int marked = 0;
  for (ConllSentence& s : sentences) {
    for (size_t i = 0; i < s.tokens.size();) {
      const size_t len = MatchAt(s, i);
      if (len == 0) {
        ++i;
        continue;
      }
      for (size_t k = 0; k < len; ++k) s.labels[i + k] = k == 0 ? "B-LOCATION" : "I-LOCATION";
      ++marked;
      i += len;
    }
  }
  return marked;
}

int JoinPlaceKindWords(std::vector<ConllSentence>& sentences) {
  int joined = 0;
  for (ConllSentence& s : sentences) {
    for (size_t i = 0; i + 1 < s.tokens.size(); ++i) {
      const std::string& next = s.labels[i + 1];
      if (s.labels[i] != "O" || !absl::StartsWith(next, "B-") || MapEntityType(next.substr(2)) != 2 ||
          !enrichment::IsPlaceKindWord(enrichment::ner::ToLower(s.tokens[i]))) {
        continue;
      }
      const std::string type = s.labels[i + 1].substr(2);
      s.labels[i] = "B-" + type;
      s.labels[i + 1] = "I-" + type;
      ++joined;
    }
  }
  return joined;
}

}  // namespace warta::eval
