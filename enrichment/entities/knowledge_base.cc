#include "enrichment/entities/knowledge_base.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "enrichment/entities/name_key.h"

namespace warta::enrichment {

absl::StatusOr<KnowledgeBase> KnowledgeBase::Parse(std::string_view contents) {
  KnowledgeBase kb;
  int line_number = 0;
  for (absl::string_view line :
       absl::StrSplit(absl::string_view(contents.data(), contents.size()), '\n')) {
    ++line_number;
    line = absl::StripTrailingAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    std::vector<absl::string_view> cols = absl::StrSplit(line, '\t');
    if (cols.size() < 3 || cols[0].empty() || cols[2].empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "knowledge base line ", line_number, ": expected id<TAB>type<TAB>name[<TAB>aliases]"));
    }
    KbEntry e;
    e.id = std::string(cols[0]);
    const std::string type = absl::AsciiStrToUpper(cols[1]);
    if (type == "PERSON" || type == "PER") e.type = EntityType::kPerson;
    else if (type == "ORGANIZATION" || type == "ORGANISATION" || type == "ORG") e.type = EntityType::kOrganization;
    else if (type == "LOCATION" || type == "LOC") e.type = EntityType::kLocation;
    else {
      return absl::InvalidArgumentError(absl::StrCat(
          "knowledge base line ", line_number, ": unknown type '", cols[1],
          "' (PERSON, ORGANIZATION or LOCATION)"));
    }
    e.name = std::string(cols[2]);
    std::vector<std::string> names = {e.name};
    if (cols.size() > 3) {
      for (absl::string_view a : absl::StrSplit(cols[3], '|', absl::SkipEmpty())) names.emplace_back(a);
    }
    const int index = static_cast<int>(kb.entries_.size());
    for (const std::string& n : names) {
      const std::string key = NameKey(n);
      if (key.empty()) continue;
      auto [it, added] = kb.by_key_.emplace(key, index);
      if (!added && it->second >= 0 && kb.entries_[it->second].id != e.id) it->second = -1;
    }
    kb.entries_.push_back(std::move(e));
  }
  return kb;
}

const KbEntry* KnowledgeBase::Find(std::string_view key) const {
  auto it = by_key_.find(absl::string_view(key.data(), key.size()));
  if (it == by_key_.end() || it->second < 0) return nullptr;
  return &entries_[it->second];
}

}  // namespace warta::enrichment
