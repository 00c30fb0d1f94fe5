#include "storage/contested_claims.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "absl/container/btree_map.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
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
  MeasuredThing measured;
  std::string key;  // GroupKey(measured)
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

// Time between two items; 0 when either is undated (an undated claim is
// compared with everything).
int64_t Gap(const Item& a, const Item& b) {
  if (!a.published_at || !b.published_at) return 0;
  return std::abs(*a.published_at - *b.published_at);
}

// Links the exact items of one key's list that measure the same thing and
// are within the window of each other. Pairwise, since the story check of
// SameMeasuredThing is no equivalence; a key's list is one thing of one
// owner in one period, a handful of figures.
void LinkList(const std::vector<size_t>& list, const std::vector<Item>& items,
              int64_t window_nanos, DisjointSets& sets) {
  for (size_t x = 0; x < list.size(); ++x) {
    for (size_t y = x + 1; y < list.size(); ++y) {
      const Item& a = items[list[x]];
      const Item& b = items[list[y]];
      if (Gap(a, b) <= window_nanos && SameMeasuredThing(a.measured, b.measured)) {
        sets.Union(list[x], list[y]);
      }
    }
  }
}

// Where a vague item joins: the exact item of `exact_list` (its key's list)
// that measures the same thing nearest in time within the window; ties go
// to the first stored. nullopt when there is none.
std::optional<size_t> NearestExact(const Item& vague, const std::vector<size_t>& exact_list,
                                   const std::vector<Item>& items, int64_t window_nanos) {
  std::optional<std::pair<int64_t, size_t>> best;
  for (size_t i : exact_list) {
    const int64_t gap = Gap(vague, items[i]);
    if (gap > window_nanos || !SameMeasuredThing(vague.measured, items[i].measured)) continue;
    if (!best || std::make_pair(gap, i) < *best) best = std::make_pair(gap, i);
  }
  if (!best) return std::nullopt;
  return best->second;
}

// Whether two exact figures of `entries` from different voices (speaker,
// source) disagree. Quadratic, but groups are a handful of claims.
bool HasDispute(const std::vector<size_t>& entries, const std::vector<Item>& items,
                absl::Span<const warta::v1::StoredClaim> claims) {
  for (size_t x = 0; x < entries.size(); ++x) {
    const Item& a = items[entries[x]];
    if (!a.exact) continue;
    const warta::v1::StoredClaim& ca = claims[a.claim];
    for (size_t y = x + 1; y < entries.size(); ++y) {
      const Item& b = items[entries[y]];
      if (!b.exact) continue;
      const warta::v1::StoredClaim& cb = claims[b.claim];
      if (SpeakerKey(ca) == SpeakerKey(cb) && ca.source() == cb.source()) continue;
      if (FiguresDisagree(ca.claim().quantities(a.quantity),
                          cb.claim().quantities(b.quantity))) {
        return true;
      }
    }
  }
  return false;
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
  for (size_t i : entries) {
    if (!items[i].exact) continue;
    if (values.empty() || !SameValue(values.back(), items[i].value)) {
      values.push_back(items[i].value);
    }
  }
  if (!HasDispute(entries, items, claims)) return std::nullopt;

  warta::v1::ContestedClaim group;
  group.set_unit(items[entries.front()].measured.thing);
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

// ---------------------------------------------------------------------------
// Reading what a figure measures from the words around it.

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

// A lower-cased word of the claim's content, with its byte range there.
struct Word {
  std::string text;
  int begin = 0;
  int end = 0;
};

bool IsWordByte(unsigned char c) {
  return absl::ascii_isalnum(c) || c == '-' || c >= 0x80;
}

std::vector<Word> WordsOf(std::string_view text, int begin, int end) {
  std::vector<Word> words;
  int i = begin;
  while (i < end) {
    if (!IsWordByte(text[i])) {
      ++i;
      continue;
    }
    int j = i;
    while (j < end && IsWordByte(text[j])) ++j;
    words.push_back({absl::AsciiStrToLower(std::string(text.substr(i, j - i))), i, j});
    i = j;
  }
  return words;
}

// The sentence of `text` around [begin, end): a figure's thing, owner and
// period are not read across a full stop ("3.000" has no space after its
// dot, so it is no stop).
std::pair<int, int> SentenceAround(std::string_view text, int begin, int end) {
  auto is_stop = [&](int i) {
    const char c = text[i];
    if (c == '\n' || c == ';') return true;
    const bool punct = c == '.' || c == '!' || c == '?';
    return punct && (i + 1 == static_cast<int>(text.size()) || text[i + 1] == ' ');
  };
  int lo = begin;
  while (lo > 0 && !is_stop(lo - 1)) --lo;
  int hi = end;
  while (hi < static_cast<int>(text.size()) && !is_stop(hi)) ++hi;
  return {lo, hi};
}

// Count nouns (after NormalizeUnit) that say nothing about what is counted.
bool IsGenericCount(std::string_view unit) {
  static constexpr std::string_view kGeneric[] = {
      "kali", "buah", "unit", "kasus", "times", "item", "items", "hal", "jenis", "poin",
      "persen", "angka", "ribu", "juta", "miliar", "triliun", "lebih", "kurang"};
  std::string_view first = unit.substr(0, unit.find(' '));
  return std::find(std::begin(kGeneric), std::end(kGeneric), first) != std::end(kGeneric);
}

// Units that measure rather than count.
bool IsMeasureUnit(std::string_view unit) {
  static constexpr std::string_view kMeasures[] = {
      "ton", "kg", "kilogram", "gram", "km", "kilometer", "meter", "m", "hektare",
      "hektar", "ha", "liter", "barel", "barrel", "barrels", "mw", "megawatt",
      "kwh", "gw", "mil", "miles", "tons", "tonnes", "kilometers"};
  std::string_view first = unit.substr(0, unit.find(' '));
  return std::find(std::begin(kMeasures), std::end(kMeasures), first) != std::end(kMeasures);
}

bool IsCurrency(std::string_view original_unit, std::string_view normalized) {
  if (normalized == "idr" || normalized == "usd" || normalized == "eur") return true;
  // The quantity stage writes money as an ISO 4217 code ("JPY", "SGD").
  return original_unit.size() == 3 && absl::ascii_isupper(original_unit[0]) &&
         absl::ascii_isupper(original_unit[1]) && absl::ascii_isupper(original_unit[2]);
}

// "count", "percent", a currency or a unit of measure.
std::string DimensionOf(std::string_view original_unit, const std::string& unit) {
  if (unit == "percent") return "percent";
  if (IsCurrency(original_unit, unit)) return unit;
  if (IsMeasureUnit(unit)) return unit.substr(0, unit.find(' '));
  return "count";
}

// A phrase of one to three words and the thing it names.
struct Phrase {
  std::vector<std::string_view> words;
  std::string_view thing;
};

// Properties whose level or amount a figure gives, longest phrases first so
// that "pertumbuhan ekonomi" wins over "pertumbuhan".
const std::vector<Phrase>& PropertyPhrases() {
  static const auto* const kPhrases = new std::vector<Phrase>{
      {{"pertumbuhan", "ekonomi"}, "economic_growth"},
      {{"economic", "growth"}, "economic_growth"},
      {{"suku", "bunga"}, "interest_rate"},
      {{"bi", "rate"}, "interest_rate"},
      {{"interest", "rate"}, "interest_rate"},
      {{"nilai", "tukar"}, "exchange_rate"},
      {{"cadangan", "devisa"}, "fx_reserves"},
      {{"penerimaan", "pajak"}, "tax_revenue"},
      {{"penduduk", "miskin"}, "poverty"},
      {{"angka", "kemiskinan"}, "poverty"},
      {{"tingkat", "pengangguran"}, "unemployment"},
      {{"korban", "tewas"}, "deaths"},
      {{"korban", "meninggal"}, "deaths"},
      {{"korban", "jiwa"}, "deaths"},
      {{"korban", "luka"}, "injured"},
      {{"harga", "minyak"}, "oil_price"},
      {{"harga", "beras"}, "rice_price"},
      {{"harga", "bbm"}, "fuel_price"},
      {{"harga", "gas"}, "gas_price"},
      {{"inflasi"}, "inflation"},
      {{"inflation"}, "inflation"},
      {{"deflasi"}, "deflation"},
      {{"kontrak", "baru"}, "new_contracts"},
      {{"penghematan", "anggaran"}, "budget_savings"},
      {{"pemangkasan", "anggaran"}, "budget_cut"},
      {{"realisasi", "belanja"}, "spending"},
      {{"pagu"}, "budget_ceiling"},
      {{"aliran", "dana"}, "funds"},
      {{"pertumbuhan"}, "growth"},
      {{"growth"}, "growth"},
      {{"ekonomi"}, "economy"},
      {{"anggaran"}, "budget"},
      {{"apbn"}, "budget"},
      {{"apbd"}, "regional_budget"},
      {{"budget"}, "budget"},
      {{"defisit"}, "deficit"},
      {{"deficit"}, "deficit"},
      {{"utang"}, "debt"},
      {{"debt"}, "debt"},
      {{"ekspor"}, "exports"},
      {{"exports"}, "exports"},
      {{"impor"}, "imports"},
      {{"imports"}, "imports"},
      {{"investasi"}, "investment"},
      {{"investment"}, "investment"},
      {{"kemiskinan"}, "poverty"},
      {{"pengangguran"}, "unemployment"},
      {{"unemployment"}, "unemployment"},
      {{"ihsg"}, "stock_index"},
      {{"elektabilitas"}, "electability"},
      {{"laba"}, "profit"},
      {{"profit"}, "profit"},
      {{"pendapatan"}, "revenue"},
      {{"revenue"}, "revenue"},
      {{"penjualan"}, "sales"},
      {{"kredit"}, "credit"},
      {{"subsidi"}, "subsidy"},
      {{"kerugian"}, "losses"},
      {{"upah"}, "wages"},
      {{"gaji"}, "wages"},
      {{"produksi"}, "production"},
      {{"pajak"}, "tax"},
      {{"tarif"}, "tariff"},
      {{"dividen"}, "dividend"},
      {{"kurs"}, "exchange_rate"},
      {{"rupiah"}, "exchange_rate"},
      {{"saham"}, "shares"},
      {{"stok"}, "stock"},
      {{"dana"}, "funds"},
      {{"suara"}, "votes"},
      {{"votes"}, "votes"},
  };
  return *kPhrases;
}

// Who is counted when the unit is only "orang": the word after it ("500
// orang tewas") or a noun before it ("korban ... 500 orang").
const std::vector<Phrase>& PeopleAfter() {
  static const auto* const kPhrases = new std::vector<Phrase>{
      {{"meninggal"}, "deaths"}, {{"tewas"}, "deaths"},     {{"killed"}, "deaths"},
      {{"dead"}, "deaths"},      {{"luka-luka"}, "injured"}, {{"luka"}, "injured"},
      {{"terluka"}, "injured"},  {{"injured"}, "injured"},   {{"hilang"}, "missing"},
      {{"mengungsi"}, "refugees"}, {{"ditangkap"}, "arrested"},
      {{"ditahan"}, "arrested"}, {{"positif"}, "infected"},  {{"terinfeksi"}, "infected"},
  };
  return *kPhrases;
}
const std::vector<Phrase>& PeopleBefore() {
  static const auto* const kPhrases = new std::vector<Phrase>{
      {{"korban", "tewas"}, "deaths"}, {{"korban", "meninggal"}, "deaths"},
      {{"korban", "jiwa"}, "deaths"},  {{"korban", "luka"}, "injured"},
      {{"korban"}, "victims"},         {{"pengungsi"}, "refugees"},
      {{"penduduk"}, "population"},    {{"penumpang"}, "passengers"},
      {{"peserta"}, "participants"},   {{"pengunjung"}, "visitors"},
      {{"jemaah"}, "pilgrims"},        {{"jamaah"}, "pilgrims"},
      {{"tersangka"}, "suspects"},     {{"pekerja"}, "workers"},
      {{"karyawan"}, "workers"},       {{"buruh"}, "workers"},
      {{"wisatawan"}, "tourists"},     {{"turis"}, "tourists"},
      {{"pemilih"}, "voters"},         {{"pasien"}, "patients"},
      {{"siswa"}, "students"},         {{"mahasiswa"}, "students"},
      {{"pegawai"}, "employees"},      {{"guru"}, "teachers"},
  };
  return *kPhrases;
}

// The phrase of `phrases` that starts at words[i], if any.
const Phrase* PhraseAt(const std::vector<Word>& words, size_t i,
                       const std::vector<Phrase>& phrases) {
  for (const Phrase& phrase : phrases) {
    if (i + phrase.words.size() > words.size()) continue;
    bool match = true;
    for (size_t k = 0; k < phrase.words.size() && match; ++k) {
      match = words[i + k].text == phrase.words[k];
    }
    if (match) return &phrase;
  }
  return nullptr;
}

// The last phrase of `phrases` among words[from, to), and where it starts.
std::optional<std::pair<const Phrase*, size_t>> LastPhrase(
    const std::vector<Word>& words, size_t from, size_t to,
    const std::vector<Phrase>& phrases) {
  for (size_t i = to; i-- > from;) {
    const Phrase* phrase = PhraseAt(words, i, phrases);
    if (phrase == nullptr || i + phrase->words.size() > to) continue;
    // A longer phrase may end on this word ("penghematan anggaran").
    if (i > from) {
      const Phrase* longer = PhraseAt(words, i - 1, phrases);
      if (longer != nullptr && longer->words.size() > 1 && i - 1 + longer->words.size() <= to) {
        return std::make_pair(longer, i - 1);
      }
    }
    return std::make_pair(phrase, i);
  }
  return std::nullopt;
}

// Words saying the figure is a change of the thing, not its level.
bool IsChangeWord(std::string_view word) {
  static constexpr std::string_view kChange[] = {
      "naik", "turun", "meningkat", "menurun", "kenaikan", "penurunan", "bertambah",
      "berkurang", "melonjak", "anjlok", "merosot", "tumbuh", "bertumbuh", "melemah",
      "menguat", "rose", "fell", "increased", "decreased", "grew", "rise", "fall"};
  return std::find(std::begin(kChange), std::end(kChange), word) != std::end(kChange);
}

// The content's words and where the figure sits among them.
struct Context {
  std::vector<Word> words;  // of the figure's sentence
  size_t first = 0;         // index of the first word of the figure
  size_t after = 0;         // index of the first word after the figure
  std::string_view text;    // the content text
  int figure_begin = 0;     // byte range of the figure in `text`
  int figure_end = 0;
};

// nullopt when the claim carries no offsets that place the quantity in its
// content (hand-built claims).
std::optional<Context> ContextOf(const warta::v1::Claim& claim,
                                 const warta::v1::Quantity& quantity) {
  const auto& content = claim.content();
  const int size = static_cast<int>(content.text().size());
  const int begin = quantity.span().start() - content.start();
  const int end = quantity.span().end() - content.start();
  if (content.end() <= content.start() || begin < 0 || end <= begin || end > size) {
    return std::nullopt;
  }
  Context context;
  context.text = content.text();
  context.figure_begin = begin;
  context.figure_end = end;
  const auto [lo, hi] = SentenceAround(context.text, begin, end);
  context.words = WordsOf(context.text, lo, hi);
  context.first = context.words.size();
  context.after = context.words.size();
  for (size_t i = 0; i < context.words.size(); ++i) {
    if (context.first == context.words.size() && context.words[i].end > begin) context.first = i;
    if (context.words[i].begin >= end) {
      context.after = i;
      break;
    }
  }
  return context;
}

// How far before a figure its thing may be named ("inflasi Indonesia pada
// kuartal III 2017 tercatat sebesar 3,6 persen": 9 words).
constexpr size_t kThingReach = 10;

// The property named before the figure, made a change when a change word
// stands between it and the figure.
std::optional<std::string> PropertyBefore(const Context& c) {
  const size_t from = c.first > kThingReach ? c.first - kThingReach : 0;
  auto found = LastPhrase(c.words, from, c.first, PropertyPhrases());
  if (!found) return std::nullopt;
  std::string thing(found->first->thing);
  bool change = false;
  for (size_t i = found->second; i < c.first; ++i) change |= IsChangeWord(c.words[i].text);
  if (thing == "economy") {
    // "ekonomi tumbuh 5 persen" is the growth; "ekonomi" alone says nothing.
    if (!change) return std::nullopt;
    return std::string("economic_growth");
  }
  if (change && thing != "growth" && thing != "economic_growth") thing += "_change";
  return thing;
}

// Who "orang"/"jiwa" are: the word after the unit, else a noun before.
std::optional<std::string> PeopleThing(const Context& c) {
  if (c.after < c.words.size()) {
    if (const Phrase* p = PhraseAt(c.words, c.after, PeopleAfter())) return std::string(p->thing);
  }
  const size_t from = c.first > kThingReach ? c.first - kThingReach : 0;
  auto found = LastPhrase(c.words, from, c.first, PeopleBefore());
  if (found) return std::string(found->first->thing);
  return std::nullopt;
}

// Whether `unit` is a canonical unit of the synonym table ("troops").
bool IsKnownUnit(std::string_view unit) {
  for (const auto& [word, canonical] : UnitSynonyms()) {
    if (canonical == unit) return true;
  }
  return false;
}

// The thing counted or measured (MeasuredThing::thing and ::known), or
// nullopt when the words do not say.
std::optional<std::pair<std::string, bool>> ThingOf(const std::optional<Context>& context,
                                                    const std::string& unit,
                                                    const std::string& dimension) {
  if (dimension == "count") {
    if (IsGenericCount(unit)) return std::nullopt;
    // Without context a hand-built claim is taken at its unit's word.
    if (unit != "people" || !context) return std::make_pair(unit, IsKnownUnit(unit));
    auto people = PeopleThing(*context);
    if (!people) return std::nullopt;
    return std::make_pair(*std::move(people), true);
  }
  if (!context) return std::nullopt;
  auto property = PropertyBefore(*context);
  if (!property) return std::nullopt;
  return std::make_pair(*std::move(property), true);
}

// ---------------------------------------------------------------------------
// The owner: the subject the thing belongs to.

// Where the subject names occur in the figure's sentence, as (byte, id).
std::vector<std::pair<int, std::string>> SubjectPlaces(const Context& c,
                                                       const warta::v1::StoredClaim& claim) {
  std::vector<std::pair<int, std::string>> places;
  if (c.words.empty()) return places;
  const int lo = c.words.front().begin;
  const int hi = c.words.back().end;
  const std::string folded = absl::AsciiStrToLower(std::string(c.text.substr(lo, hi - lo)));
  const int n = std::min(claim.subject_names_size(), claim.claim().subject_entity_ids_size());
  for (int s = 0; s < n; ++s) {
    const std::string name = absl::AsciiStrToLower(claim.subject_names(s));
    if (name.empty()) continue;
    for (size_t at = folded.find(name); at != std::string::npos; at = folded.find(name, at + 1)) {
      places.push_back({lo + static_cast<int>(at), claim.claim().subject_entity_ids(s)});
    }
  }
  std::sort(places.begin(), places.end());
  return places;
}

// Words after which a name is where the thing is or goes, not whose it is
// ("3.000 tentara ke Rusia").
bool IsPreposition(std::string_view word) {
  static constexpr std::string_view kPrepositions[] = {
      "di", "ke", "dari", "dalam", "untuk", "pada", "dengan", "oleh", "yang", "dan",
      "in", "to", "from", "at", "into", "by", "and", "for", "with"};
  return std::find(std::begin(kPrepositions), std::end(kPrepositions), word) !=
         std::end(kPrepositions);
}

// The byte where the possessor of the counted noun may end: up to two
// words after the figure, stopping at a preposition.
int PossessorLimit(const Context& c) {
  int limit = c.figure_end;
  for (size_t i = c.after; i < c.words.size() && i < c.after + 2; ++i) {
    if (IsPreposition(c.words[i].text)) break;
    limit = c.words[i].end;
  }
  return limit;
}

// The subject named right after the counted noun ("tentara Korea Utara",
// "inflasi Indonesia"), else the nearest named before the figure, else the
// nearest after it; "" when none is named in the sentence.
std::string OwnerInContext(const Context& c, const warta::v1::StoredClaim& claim) {
  const auto places = SubjectPlaces(c, claim);
  if (places.empty()) return "";
  const int possessor_limit = PossessorLimit(c);
  for (const auto& [at, id] : places) {
    if (at >= c.figure_end && at < possessor_limit) return id;
  }
  std::string before;
  for (const auto& [at, id] : places) {
    if (at < c.figure_begin) before = id;
  }
  if (!before.empty()) return before;
  return places.front().second;
}

// The owner, and whether the sentence names it (else the claim's first
// subject stands in: the extractor lists subjects in content order).
std::pair<std::string, bool> OwnerOf(const std::optional<Context>& context,
                                     const warta::v1::StoredClaim& claim) {
  if (context) {
    std::string owner = OwnerInContext(*context, claim);
    if (!owner.empty()) return {std::move(owner), true};
  }
  return {claim.claim().subject_entity_ids(0), false};
}

// ---------------------------------------------------------------------------
// The period.

int RomanOrDigit(std::string_view word) {
  static constexpr std::pair<std::string_view, int> kNumbers[] = {
      {"i", 1},  {"ii", 2},   {"iii", 3}, {"iv", 4},       {"1", 1},      {"2", 2},
      {"3", 3},  {"4", 4},    {"pertama", 1}, {"kedua", 2}, {"ketiga", 3}, {"keempat", 4},
      {"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}};
  for (const auto& [name, n] : kNumbers) {
    if (word == name) return n;
  }
  return 0;
}

int MonthNumber(std::string_view word) {
  static constexpr std::string_view kMonths[][2] = {
      {"januari", "january"}, {"februari", "february"}, {"maret", "march"},
      {"april", "april"},     {"mei", "may"},           {"juni", "june"},
      {"juli", "july"},       {"agustus", "august"},    {"september", "september"},
      {"oktober", "october"}, {"november", "november"}, {"desember", "december"}};
  for (int m = 0; m < 12; ++m) {
    if (word == kMonths[m][0] || word == kMonths[m][1]) return m + 1;
  }
  return 0;
}

int YearOf(std::string_view word) {
  if (word.size() != 4 || !absl::ascii_isdigit(word[0])) return 0;
  int year = 0;
  for (char ch : word) {
    if (!absl::ascii_isdigit(ch)) return 0;
    year = year * 10 + (ch - '0');
  }
  return year >= 1950 && year <= 2100 ? year : 0;
}

// The publication's civil month in Western Indonesian Time; nullopt when
// the claim is undated.
std::optional<absl::CivilMonth> PublicationMonth(const warta::v1::StoredClaim& claim) {
  if (!claim.has_published_at() || claim.published_at().seconds() == 0) return std::nullopt;
  const absl::Time t = absl::FromUnixSeconds(claim.published_at().seconds());
  return absl::CivilMonth(absl::ToCivilSecond(t, absl::FixedTimeZone(7 * 3600)));
}

// The year written within two words after words[i], or 0.
int YearAfter(const std::vector<Word>& words, size_t i) {
  for (size_t k = i + 1; k < words.size() && k <= i + 2; ++k) {
    if (int year = YearOf(words[k].text)) return year;
  }
  return 0;
}

std::string WithYear(int year, const std::string& part, std::string_view bare_prefix) {
  return year ? absl::StrCat(year, "-", part) : absl::StrCat(std::string(bare_prefix), part);
}

// A relative period ("bulan lalu", "tahun ini", "last year") resolved
// against the publication month.
std::optional<std::string> RelativePeriodAt(const std::vector<Word>& words, size_t i,
                                            std::optional<absl::CivilMonth> published) {
  if (i + 1 >= words.size()) return std::nullopt;
  std::string_view unit = words[i].text;
  std::string_view when = words[i + 1].text;
  if (unit == "last" || unit == "this") std::swap(unit, when);  // English order
  const bool year = unit == "tahun" || unit == "year";
  const bool month = unit == "bulan" || unit == "month";
  if (!year && !month) return std::nullopt;
  int shift = 0;
  if (when == "lalu" || when == "last") {
    shift = -1;
  } else if (when != "ini" && when != "this") {
    return std::nullopt;
  }
  if (!published) return absl::StrCat("rel:", std::string(unit), shift ? " -1" : " 0");
  if (year) return absl::StrCat(published->year() + shift);
  const absl::CivilMonth m = *published + shift;
  return absl::StrFormat("%04d-%02d", m.year(), m.month());
}

// The period a phrase starting at words[i] names, if it names one.
std::optional<std::string> PeriodAt(const std::vector<Word>& words, size_t i,
                                    std::optional<absl::CivilMonth> published) {
  const std::string& w = words[i].text;
  const bool quarter = w == "kuartal" || w == "triwulan" || w == "quarter";
  if ((quarter || w == "semester") && i + 1 < words.size()) {
    if (int n = RomanOrDigit(words[i + 1].text)) {
      if (!quarter && n > 2) return std::nullopt;
      return WithYear(YearAfter(words, i + 1), absl::StrCat(quarter ? "Q" : "H", n), "");
    }
  }
  if (int month = MonthNumber(w)) {
    // "Mei" and "may" are also words; a month needs its year or "bulan".
    const int year = YearAfter(words, i);
    const bool named = i > 0 && (words[i - 1].text == "bulan" || words[i - 1].text == "in");
    if (year || named) return WithYear(year, absl::StrFormat("%02d", month), "M");
  }
  if (int year = YearOf(w)) return absl::StrCat(year);
  return RelativePeriodAt(words, i, published);
}

// How far from a figure its period may be named: before it ("inflasi
// kuartal III 2017 sebesar 3,6 persen") or right after ("3,6 persen pada
// 2017"); further after, a date is usually about something else ("11.000
// tentara mencapai Kursk, tempat ... pada bulan Agustus").
constexpr size_t kPeriodReachBefore = 12;
constexpr size_t kPeriodReachAfter = 3;

// The period nearest the figure in its sentence, before it first; "" when
// none is named.
std::string PeriodOf(const std::optional<Context>& context,
                     const warta::v1::StoredClaim& claim) {
  if (!context) return "";
  const auto published = PublicationMonth(claim);
  const std::vector<Word>& words = context->words;
  const size_t from = context->first > kPeriodReachBefore ? context->first - kPeriodReachBefore : 0;
  for (size_t i = context->first; i-- > from;) {
    if (auto period = PeriodAt(words, i, published)) return *period;
  }
  const size_t to = std::min(words.size(), context->after + kPeriodReachAfter);
  for (size_t i = context->after; i < to; ++i) {
    if (auto period = PeriodAt(words, i, published)) return *period;
  }
  return "";
}

// ---------------------------------------------------------------------------
// Figures as ranges.

struct Range {
  double lo = 0;
  double hi = 0;
};

Range RangeOf(const warta::v1::Quantity& q) {
  const double v = q.value();
  const double inf = std::numeric_limits<double>::infinity();
  const std::string& qualifier = q.qualifier();
  if (q.high() > q.low()) return {q.low(), q.high()};  // "3.000-5.000 tentara"
  if (qualifier == "approximately") return {v * 0.95, v * 1.05};
  if (qualifier == "at_least" || qualifier == "more_than") return {v, inf};
  if (qualifier == "at_most" || qualifier == "less_than") return {-inf, v};
  // A vague amount ("ribuan") is a lower bound (Quantity.exact_value).
  if (qualifier == "order_of_magnitude" || !q.exact_value()) return {v, inf};
  return {v, v};
}

// Whether the claims' subjects tie two figures to one story: two shared
// subjects (North Korea and Russia), or one claim naming only subjects the
// other names too. One shared subject is too weak in a national corpus
// ("Indonesia" is in half the claims).
size_t SharedSubjects(const MeasuredThing& a, const MeasuredThing& b) {
  const auto& x = a.subject_entity_ids;
  const auto& y = b.subject_entity_ids;
  std::vector<std::string> shared;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(shared));
  return shared.size();
}

bool SubjectsAgree(const MeasuredThing& a, const MeasuredThing& b) {
  const size_t shared = SharedSubjects(a, b);
  return shared >= 2 ||
         (shared > 0 &&
          shared == std::min(a.subject_entity_ids.size(), b.subject_entity_ids.size()));
}

// Whether two figures come from one story. Two figures of one claim are
// parts of one enumeration or contrast ("10 atlet putra dan delapan atlet
// putri"), never one thing twice. A noun taken as it is ("kota") is
// compared within its article only; a known thing (North Korea's troops,
// Indonesia's inflation in 2017) across articles too: in one story when the
// store's stories are known, else when both sentences name the owner or
// the subjects agree.
bool SameStory(const MeasuredThing& a, const MeasuredThing& b) {
  const bool same_article = !a.article_id.empty() && a.article_id == b.article_id;
  if (same_article && a.content_start >= 0 && a.content_start == b.content_start) return false;
  if (same_article) return true;
  if (!a.known || !b.known) return false;
  if (!a.story_id.empty() && !b.story_id.empty()) {
    // The clusterer saw the whole articles: one story is one event. Two
    // stories may still be one event it split (short reports), but then
    // the claims must name two subjects in common (North Korea and Russia);
    // naming the owner ("Indonesia") is not enough.
    return a.story_id == b.story_id || SharedSubjects(a, b) >= 2;
  }
  return (a.owner_named && b.owner_named) || SubjectsAgree(a, b);
}

}  // namespace

std::optional<MeasuredThing> MeasuredThingOf(const warta::v1::StoredClaim& claim,
                                             int quantity_index) {
  const warta::v1::Claim& c = claim.claim();
  if (quantity_index < 0 || quantity_index >= c.quantities_size()) return std::nullopt;
  if (c.subject_entity_ids().empty()) return std::nullopt;
  const warta::v1::Quantity& quantity = c.quantities(quantity_index);
  const std::string unit = NormalizeUnit(quantity.unit());
  if (unit.empty() || IsDuration(unit)) return std::nullopt;
  const std::optional<Context> context = ContextOf(c, quantity);
  MeasuredThing measured;
  measured.dimension = DimensionOf(quantity.unit(), unit);
  auto thing = ThingOf(context, unit, measured.dimension);
  if (!thing) return std::nullopt;
  measured.thing = std::move(thing->first);
  measured.known = thing->second;
  auto [owner, named] = OwnerOf(context, claim);
  measured.owner = std::move(owner);
  measured.owner_named = named;
  measured.period = PeriodOf(context, claim);
  measured.subject_entity_ids.assign(c.subject_entity_ids().begin(),
                                     c.subject_entity_ids().end());
  std::sort(measured.subject_entity_ids.begin(), measured.subject_entity_ids.end());
  measured.subject_entity_ids.erase(
      std::unique(measured.subject_entity_ids.begin(), measured.subject_entity_ids.end()),
      measured.subject_entity_ids.end());
  measured.article_id = claim.article_id();
  measured.story_id = claim.story_id();
  // -1 for claims without offsets (hand-built), which cannot be told apart.
  measured.content_start = c.content().end() > c.content().start() ? c.content().start() : -1;
  return measured;
}

bool SameMeasuredThing(const MeasuredThing& a, const MeasuredThing& b) {
  return std::tie(a.thing, a.dimension, a.owner, a.period) ==
             std::tie(b.thing, b.dimension, b.owner, b.period) &&
         SameStory(a, b);
}

std::string GroupKey(const MeasuredThing& thing) {
  return absl::StrCat(thing.thing, "|", thing.dimension, "|", thing.owner, "|", thing.period);
}

bool FiguresDisagree(const warta::v1::Quantity& a, const warta::v1::Quantity& b) {
  const Range ra = RangeOf(a);
  const Range rb = RangeOf(b);
  // A relative slack absorbs rounding of the same figure ("3,5" vs "3.49").
  const double slack = 1e-9 * std::max(std::fabs(a.value()), std::fabs(b.value()));
  return ra.hi + slack < rb.lo || rb.hi + slack < ra.lo;
}

namespace {

// Every quantity of every claim whose measured thing can be read.
std::vector<Item> ItemsOf(absl::Span<const warta::v1::StoredClaim> claims) {
  std::vector<Item> items;
  for (int c = 0; c < static_cast<int>(claims.size()); ++c) {
    const warta::v1::StoredClaim& claim = claims[c];
    for (int q = 0; q < claim.claim().quantities_size(); ++q) {
      std::optional<MeasuredThing> measured = MeasuredThingOf(claim, q);
      if (!measured) continue;
      Item& item = items.emplace_back();
      item.claim = c;
      item.quantity = q;
      item.key = GroupKey(*measured);
      item.measured = *std::move(measured);
      item.value = claim.claim().quantities(q).value();
      item.exact = claim.claim().quantities(q).exact_value();
      if (claim.has_published_at()) item.published_at = TimestampToNanos(claim.published_at());
      item.subjects = &claim.claim().subject_entity_ids();
    }
  }
  return items;
}

bool AboutEntity(const std::vector<size_t>& members, const std::vector<Item>& items,
                 const std::string& entity_id) {
  for (size_t i : members) {
    for (const std::string& id : *items[i].subjects) {
      if (id == entity_id) return true;
    }
  }
  return false;
}

// Most recently published first, then by unit.
std::vector<warta::v1::ContestedClaim> NewestFirst(std::vector<warta::v1::ContestedClaim> groups) {
  std::vector<std::pair<int64_t, size_t>> order;
  for (size_t g = 0; g < groups.size(); ++g) order.push_back({LatestPublication(groups[g]), g});
  std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return groups[a.second].unit() < groups[b.second].unit();
  });
  std::vector<warta::v1::ContestedClaim> sorted;
  sorted.reserve(groups.size());
  for (const auto& [latest, g] : order) sorted.push_back(std::move(groups[g]));
  return sorted;
}

}  // namespace

std::vector<warta::v1::ContestedClaim> GroupContestedClaims(
    absl::Span<const warta::v1::StoredClaim> claims,
    const ContestedOptions& options) {
  std::vector<Item> items = ItemsOf(claims);
  // Exact figures of one key are linked when close in time; a vague amount
  // never links anything, it only joins the group of its key's nearest
  // exact figure.
  absl::flat_hash_map<std::string_view, std::vector<size_t>> exact_by_key;
  absl::flat_hash_map<std::string_view, std::vector<size_t>> vague_by_key;
  for (size_t i = 0; i < items.size(); ++i) {
    (items[i].exact ? exact_by_key : vague_by_key)[items[i].key].push_back(i);
  }
  DisjointSets sets(items.size());
  const int64_t window_nanos = absl::ToInt64Nanoseconds(options.window);
  for (auto& [key, exact] : exact_by_key) LinkList(exact, items, window_nanos, sets);
  std::vector<bool> dropped(items.size(), false);
  for (const auto& [key, vague] : vague_by_key) {
    auto exact = exact_by_key.find(key);
    for (size_t v : vague) {
      std::optional<size_t> nearest;
      if (exact != exact_by_key.end()) {
        nearest = NearestExact(items[v], exact->second, items, window_nanos);
      }
      if (nearest) {
        sets.Union(v, *nearest);
      } else {
        dropped[v] = true;  // no figure to stand beside
      }
    }
  }
  absl::btree_map<size_t, std::vector<size_t>> components;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!dropped[i]) components[sets.Find(i)].push_back(i);
  }
  std::vector<warta::v1::ContestedClaim> groups;
  for (const auto& [root, members] : components) {
    if (!options.entity_id.empty() && !AboutEntity(members, items, options.entity_id)) continue;
    if (auto group = MakeGroup(members, items, claims)) groups.push_back(*std::move(group));
  }
  return NewestFirst(std::move(groups));
}

}  // namespace warta::storage
