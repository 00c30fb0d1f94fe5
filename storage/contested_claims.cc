#include "storage/contested_claims.h"

#include <algorithm>
#include <deque>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <numeric>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "absl/container/btree_map.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "storage/article_keys.h"

namespace warta::storage {
namespace {

const absl::flat_hash_map<std::string_view, std::string_view>& UnitSynonyms() {
  static const auto* const kSynonyms =
      new absl::flat_hash_map<std::string_view, std::string_view>{
          {"tentara", "troops"},      {"pasukan", "troops"},
          {"prajurit", "troops"},     {"serdadu", "troops"},
          {"personel militer", "troops"},
          {"troops", "troops"},       {"troop", "troops"},
          {"soldiers", "troops"},     {"soldier", "troops"},
          {"military personnel", "troops"},
          {"orang", "people"},        {"jiwa", "people"},
          {"warga", "people"},        {"people", "people"},
          {"persons", "people"},      {"person", "people"},
          {"korban tewas", "deaths"}, {"tewas", "deaths"},
          {"kematian", "deaths"},     {"deaths", "deaths"},
          {"dead", "deaths"},         {"killed", "deaths"},
          {"%", "percent"},           {"persen", "percent"},
          {"percent", "percent"},     {"per cent", "percent"},
          {"rp", "idr"},              {"rupiah", "idr"},
          {"idr", "idr"},             {"$", "usd"},
          {"us$", "usd"},             {"usd", "usd"},
          {"dolar", "usd"},           {"dolar as", "usd"},
          {"dollar", "usd"},          {"dollars", "usd"},
          {"€", "eur"},               {"eur", "eur"},
          {"euro", "eur"},            {"euros", "eur"},
      };
  return *kSynonyms;
}

// One quantity of one claim: the unit of comparison.
struct Item {
  int claim = 0;     // index into the input
  int quantity = 0;  // index into the claim's quantities
  std::string unit;
  double value = 0;
  // false for vague amounts ("ribuan pasukan"): listed, never a figure.
  bool exact = true;
  std::optional<int64_t> published_at;  // nanos; nullopt when undated
  const google::protobuf::RepeatedPtrField<std::string>* subjects = nullptr;
};

class DisjointSets {
 public:
  explicit DisjointSets(size_t n) : parent_(n) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Union(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

bool SameValue(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

// Who gave a figure: the speaker entity when resolved, else the name.
std::string SpeakerKey(const warta::v1::StoredClaim& claim) {
  if (!claim.claim().speaker().entity_id().empty()) {
    return "id:" + claim.claim().speaker().entity_id();
  }
  return "name:" + absl::AsciiStrToLower(claim.speaker_name());
}

// Links the items of one (unit, subject) list that are within the window
// of each other. In time order, linking each item to the next one when the
// gap is within the window gives the same groups as comparing every pair
// (any pair within the window has every item between them within it too),
// in O(n log n) rather than O(n^2). An undated item is within the window
// of everything, so it joins the whole list.
void LinkList(std::vector<size_t>& list, const std::vector<Item>& items,
              int64_t window_nanos, DisjointSets& sets) {
  bool has_undated = false;
  for (size_t i : list) has_undated |= !items[i].published_at.has_value();
  if (has_undated) {
    for (size_t i : list) sets.Union(list.front(), i);
    return;
  }
  std::sort(list.begin(), list.end(), [&](size_t a, size_t b) {
    return std::make_pair(*items[a].published_at, a) < std::make_pair(*items[b].published_at, b);
  });
  for (size_t x = 1; x < list.size(); ++x) {
    if (*items[list[x]].published_at - *items[list[x - 1]].published_at <= window_nanos) {
      sets.Union(list[x - 1], list[x]);
    }
  }
}

// Where a vague item joins: the exact item of `exact_list` (one (unit,
// subject) list, sorted by time when it is all dated) nearest in
// time and within the window, as (distance, item); nullopt when none is.
// Undated items are at distance 0 from everything, like in LinkList.
std::optional<std::pair<int64_t, size_t>> NearestExact(
    const Item& vague, const std::vector<size_t>& exact_list, bool list_has_undated,
    const std::vector<Item>& items, int64_t window_nanos) {
  if (exact_list.empty()) return std::nullopt;
  // Undated on either side: within the window of the whole list. The first
  // item is as near as any (with an undated exact item, LinkList made the
  // list one component anyway).
  if (list_has_undated || !vague.published_at.has_value()) {
    return std::make_pair(int64_t{0}, exact_list.front());
  }
  const int64_t t = *vague.published_at;
  auto it = std::lower_bound(exact_list.begin(), exact_list.end(), t,
                             [&](size_t i, int64_t v) { return *items[i].published_at < v; });
  std::optional<std::pair<int64_t, size_t>> best;
  for (auto candidate : {it, it == exact_list.begin() ? exact_list.end() : it - 1}) {
    if (candidate == exact_list.end()) continue;
    const int64_t gap = std::abs(*items[*candidate].published_at - t);
    if (gap <= window_nanos && (!best || std::make_pair(gap, *candidate) < *best)) {
      best = std::make_pair(gap, *candidate);
    }
  }
  return best;
}

// Builds the group for one connected set of items, or nullopt when it is
// not contested.
std::optional<warta::v1::ContestedClaim> MakeGroup(
    const std::vector<size_t>& members, const std::vector<Item>& items,
    absl::Span<const warta::v1::StoredClaim> claims) {
  // One entry per (value, exactness, speaker, article), ordered by value.
  std::vector<size_t> entries;
  // Exactness is part of the key: "ribuan" must not hide a stated 1.000.
  absl::flat_hash_set<std::tuple<double, bool, std::string, std::string>> seen;
  for (size_t i : members) {
    const warta::v1::StoredClaim& claim = claims[items[i].claim];
    if (seen.insert({items[i].value, items[i].exact, SpeakerKey(claim), claim.article_id()}).second) {
      entries.push_back(i);
    }
  }
  std::stable_sort(entries.begin(), entries.end(), [&](size_t a, size_t b) {
    const auto& ca = claims[items[a].claim];
    const auto& cb = claims[items[b].claim];
    return std::forward_as_tuple(items[a].value, items[a].published_at.value_or(0),
                                 ca.article_id()) <
           std::forward_as_tuple(items[b].value, items[b].published_at.value_or(0),
                                 cb.article_id());
  });

  // Only exact figures count: a vague amount is listed with the group but
  // neither adds a value nor a voice.
  std::vector<double> values;
  absl::flat_hash_set<std::pair<std::string, std::string>> voices;
  for (size_t i : entries) {
    if (!items[i].exact) continue;
    const warta::v1::StoredClaim& claim = claims[items[i].claim];
    if (values.empty() || !SameValue(values.back(), items[i].value)) {
      values.push_back(items[i].value);
    }
    voices.insert({SpeakerKey(claim), claim.source()});
  }
  if (values.size() < 2 || voices.size() < 2) return std::nullopt;

  warta::v1::ContestedClaim group;
  group.set_unit(items[entries.front()].unit);
  // Entries are ordered by value, so `values` came out ascending.
  for (double v : values) group.add_values(v);

  absl::btree_map<std::string, std::pair<int, std::string>> subject_counts;
  for (size_t i : entries) {
    const warta::v1::StoredClaim& claim = claims[items[i].claim];
    for (int s = 0; s < claim.claim().subject_entity_ids_size(); ++s) {
      auto& [count, name] = subject_counts[claim.claim().subject_entity_ids(s)];
      ++count;
      if (name.empty() && s < claim.subject_names_size()) name = claim.subject_names(s);
    }
  }
  // Subjects in most of the claims; when none is, the most frequent ones.
  int max_count = 0;
  for (const auto& [id, count_name] : subject_counts) {
    max_count = std::max(max_count, count_name.first);
  }
  const int needed = std::min(max_count, static_cast<int>(entries.size()) / 2 + 1);
  std::vector<std::pair<int, std::string>> ranked;  // (-count, id)
  for (const auto& [id, count_name] : subject_counts) {
    if (count_name.first >= needed) ranked.push_back({-count_name.first, id});
  }
  std::sort(ranked.begin(), ranked.end());
  for (const auto& [negative_count, id] : ranked) {
    group.add_subject_entity_ids(id);
    group.add_subject_names(subject_counts[id].second);
  }
  for (size_t i : entries) {
    // Each entry carries only its figure for this group, not the claim's
    // other numbers.
    warta::v1::StoredClaim* entry = group.add_claims();
    *entry = claims[items[i].claim];
    warta::v1::Quantity figure = entry->claim().quantities(items[i].quantity);
    entry->mutable_claim()->clear_quantities();
    *entry->mutable_claim()->add_quantities() = std::move(figure);
  }
  return group;
}

int64_t LatestPublication(const warta::v1::ContestedClaim& group) {
  int64_t latest = 0;
  for (const auto& claim : group.claims()) {
    latest = std::max(latest, TimestampToNanos(claim.published_at()));
  }
  return latest;
}

}  // namespace

std::string NormalizeUnit(std::string_view unit) {
  std::string folded = absl::StrJoin(
      absl::StrSplit(absl::AsciiStrToLower(absl::string_view(unit.data(), unit.size())), absl::ByAnyChar(" \t\n\r"),
                     absl::SkipEmpty()),
      " ");
  const auto& synonyms = UnitSynonyms();
  if (auto it = synonyms.find(folded); it != synonyms.end()) {
    return std::string(it->second);
  }
  const size_t space = folded.find(' ');
  if (space != std::string::npos) {
    if (auto it = synonyms.find(std::string_view(folded).substr(0, space));
        it != synonyms.end()) {
      return std::string(it->second);
    }
  }
  return folded;
}

namespace {

// Durations and ages ("5 tahun penjara", "dua pekan") are how long, not how
// many of something: comparing them across claims links unrelated stories.
bool IsDuration(std::string_view unit) {
  static constexpr std::string_view kDurations[] = {
      "tahun", "bulan", "minggu", "pekan", "hari", "jam", "menit", "detik",
      "year", "years", "month", "months", "week", "weeks", "day", "days",
      "hour", "hours", "minute", "minutes", "second", "seconds"};
  std::string_view first = unit.substr(0, unit.find(' '));
  return std::find(std::begin(kDurations), std::end(kDurations), first) != std::end(kDurations);
}

}  // namespace

std::vector<warta::v1::ContestedClaim> GroupContestedClaims(
    absl::Span<const warta::v1::StoredClaim> claims,
    const ContestedOptions& options) {
  std::vector<Item> items;
  for (int c = 0; c < static_cast<int>(claims.size()); ++c) {
    const warta::v1::StoredClaim& claim = claims[c];
    if (claim.claim().subject_entity_ids().empty()) continue;
    for (int q = 0; q < claim.claim().quantities_size(); ++q) {
      const warta::v1::Quantity& quantity = claim.claim().quantities(q);
      std::string unit = NormalizeUnit(quantity.unit());
      if (unit.empty() || IsDuration(unit)) continue;
      Item& item = items.emplace_back();
      item.claim = c;
      item.quantity = q;
      item.unit = std::move(unit);
      item.value = quantity.value();
      item.exact = quantity.exact_value();
      if (claim.has_published_at()) {
        item.published_at = TimestampToNanos(claim.published_at());
      }
      item.subjects = &claim.claim().subject_entity_ids();
    }
  }

  // Items that could measure the same thing: same unit and two shared
  // subjects (North Korea AND Russia), or the same single subject when both
  // name only one. One shared subject is too weak to link figures in a
  // national corpus, where "Indonesia" is in half the claims. A vague amount
  // never links anything (it only joins the group of its nearest exact
  // figure sharing a subject), so one shared subject is enough for it.
  std::deque<std::string> pair_keys;  // owns the keys' text; never moves it
  absl::flat_hash_map<std::pair<std::string_view, std::string_view>, std::vector<size_t>>
      exact_by_unit_and_pair;
  struct Lists {
    std::vector<size_t> exact;
    std::vector<size_t> vague;
  };
  absl::flat_hash_map<std::pair<std::string_view, std::string_view>, Lists>
      by_unit_and_subject;
  for (size_t i = 0; i < items.size(); ++i) {
    std::vector<std::string_view> subjects(items[i].subjects->begin(), items[i].subjects->end());
    std::sort(subjects.begin(), subjects.end());
    subjects.erase(std::unique(subjects.begin(), subjects.end()), subjects.end());
    for (std::string_view subject : subjects) {
      Lists& lists = by_unit_and_subject[{items[i].unit, subject}];
      (items[i].exact ? lists.exact : lists.vague).push_back(i);
    }
    if (!items[i].exact) continue;
    if (subjects.size() == 1) exact_by_unit_and_pair[{items[i].unit, subjects[0]}].push_back(i);
    for (size_t x = 0; x < subjects.size(); ++x) {
      for (size_t y = x + 1; y < subjects.size(); ++y) {
        pair_keys.push_back(std::string(subjects[x]) + "\n" + std::string(subjects[y]));
        exact_by_unit_and_pair[{items[i].unit, pair_keys.back()}].push_back(i);
      }
    }
  }
  DisjointSets sets(items.size());
  const int64_t window_nanos = absl::ToInt64Nanoseconds(options.window);
  for (auto& [key, exact] : exact_by_unit_and_pair) {
    LinkList(exact, items, window_nanos, sets);
  }
  // (distance, exact item) per vague item, over all its subjects; the
  // nearest wins, ties to the first stored.
  std::vector<std::optional<std::pair<int64_t, size_t>>> joins(items.size());
  for (auto& [key, lists] : by_unit_and_subject) {
    bool has_undated = false;
    for (size_t i : lists.exact) has_undated |= !items[i].published_at.has_value();
    if (lists.vague.empty()) continue;
    if (!has_undated) {
      std::sort(lists.exact.begin(), lists.exact.end(), [&](size_t x, size_t y) {
        return std::make_pair(*items[x].published_at, x) < std::make_pair(*items[y].published_at, y);
      });
    }
    for (size_t v : lists.vague) {
      auto nearest = NearestExact(items[v], lists.exact, has_undated, items, window_nanos);
      if (nearest && (!joins[v] || *nearest < *joins[v])) joins[v] = nearest;
    }
  }
  std::vector<bool> dropped(items.size(), false);
  for (size_t v = 0; v < items.size(); ++v) {
    if (items[v].exact) continue;
    if (joins[v]) {
      sets.Union(v, joins[v]->second);
    } else {
      dropped[v] = true;  // no figure to stand beside
    }
  }

  absl::btree_map<size_t, std::vector<size_t>> components;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!dropped[i]) components[sets.Find(i)].push_back(i);
  }

  std::vector<warta::v1::ContestedClaim> groups;
  for (const auto& [root, members] : components) {
    if (!options.entity_id.empty()) {
      bool about_entity = false;
      for (size_t i : members) {
        for (const std::string& id : *items[i].subjects) {
          about_entity |= id == options.entity_id;
        }
      }
      if (!about_entity) continue;
    }
    if (auto group = MakeGroup(members, items, claims)) {
      groups.push_back(*std::move(group));
    }
  }
  std::vector<std::pair<int64_t, size_t>> order;
  for (size_t g = 0; g < groups.size(); ++g) {
    order.push_back({LatestPublication(groups[g]), g});
  }
  std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return groups[a.second].unit() < groups[b.second].unit();
  });
  std::vector<warta::v1::ContestedClaim> sorted;
  sorted.reserve(groups.size());
  for (const auto& [latest, g] : order) sorted.push_back(std::move(groups[g]));
  return sorted;
}

}  // namespace warta::storage
