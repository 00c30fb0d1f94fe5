#include "storage/stories/story_clusterer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "absl/strings/str_join.h"
#include "common/content_hash.h"
#include "common/status_macros.h"
#include "storage/article_keys.h"

namespace warta::storage {
namespace {

constexpr int kMinHashes = 64;
constexpr int kShingleWords = 4;
constexpr int kSketchTerms = 80;
constexpr int kRecentTerms = 16;
constexpr double kNanosPerDay = 86400e9;

// Stable across processes and builds (absl::Hash is seeded per process).
uint64_t Fnv1a(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

uint64_t SplitMix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

}  // namespace

namespace {

bool IsNumber(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void Normalize(std::vector<WeightedKey>& keys) {
  double norm = 0;
  for (const WeightedKey& k : keys) norm += static_cast<double>(k.weight()) * k.weight();
  norm = std::sqrt(norm);
  if (norm == 0) return;
  for (WeightedKey& k : keys) k.set_weight(static_cast<float>(k.weight() / norm));
}

// The `limit` heaviest of `weights`, heaviest first (ties by key).
std::vector<WeightedKey> Heaviest(std::vector<WeightedKey> keys, size_t limit) {
  std::sort(keys.begin(), keys.end(), [](const WeightedKey& a, const WeightedKey& b) {
    if (a.weight() != b.weight()) return a.weight() > b.weight();
    return a.key() < b.key();
  });
  if (keys.size() > limit) keys.resize(limit);
  return keys;
}

std::vector<WeightedKey> TermVector(const std::vector<std::string>& body_words,
                                    const std::vector<std::string>& title_words,
                                    const TermWeights& weights) {
  absl::flat_hash_map<std::string_view, int> tf;
  for (const auto& w : body_words) ++tf[w];
  for (const auto& w : title_words) tf[w] += 2;  // the headline says what the story is
  std::vector<WeightedKey> keys;
  for (const auto& [word, n] : tf) {
    if (IsNumber(word)) continue;
    const double idf = weights.Idf(word);
    if (idf <= 0) continue;
    WeightedKey& k = keys.emplace_back();
    k.set_key(std::string(word));
    k.set_weight(static_cast<float>((1 + std::log(n)) * idf));
  }
  keys = Heaviest(std::move(keys), kSketchTerms);
  Normalize(keys);
  return keys;
}

// How much an entity name marks a story: its rarest word's IDF, scaled to
// [0, 1] ("Jakarta" little, "Choe" much).
double NameRarity(std::string_view name, const TermWeights& weights) {
  double best = 0;
  for (const std::string& w : StoryWords(name)) best = std::max(best, weights.Idf(w));
  const double max_idf = weights.MaxIdf();
  return max_idf > 0 ? std::min(1.0, best / max_idf) : 1.0;
}

std::vector<WeightedKey> EntityVector(const warta::v1::EnrichedArticle& article,
                                      const TermWeights& weights) {
  std::vector<WeightedKey> keys;
  absl::flat_hash_set<std::string> seen;
  for (const auto& e : article.entities()) {
    if (e.id().empty() || !seen.insert(e.id()).second) continue;
    double w = 1 + std::log(std::max(1, e.mentions_size()));
    switch (e.type()) {
      case warta::v1::PERSON:
      case warta::v1::ORGANIZATION:
      case warta::v1::LOCATION:
        w *= 0.2 + NameRarity(e.name(), weights);
        break;
      case warta::v1::QUANTITY:
      case warta::v1::MONEY:
        w *= 0.3;  // the same figure in two reports is a hint, not a proof
        break;
      default:
        continue;
    }
    WeightedKey& k = keys.emplace_back();
    k.set_key(e.id());
    k.set_weight(static_cast<float>(w));
    k.set_name(e.name());
    k.set_type(e.type());
    // "Basuki Tjahaja Purnama alias Ahok" also meets the articles that say
    // only "Ahok" (an id of its own there), at half the weight: a second key
    // of full weight would count the entity twice against articles that
    // introduce it the same way.
    for (const auto& nickname : e.nicknames()) {
      if (nickname.id().empty() || !seen.insert(nickname.id()).second) continue;
      WeightedKey& n = keys.emplace_back();
      n.set_key(nickname.id());
      n.set_weight(static_cast<float>(w / 2));
      n.set_name(nickname.name());
      n.set_type(e.type());
    }
  }
  Normalize(keys);
  return keys;
}

void MinHash(const std::vector<std::string>& words, ArticleSketchState& sketch) {
  std::vector<uint32_t> mins(kMinHashes, std::numeric_limits<uint32_t>::max());
  absl::flat_hash_set<uint64_t> shingles;
  const size_t n = words.size() < kShingleWords ? (words.empty() ? 0 : 1)
                                                : words.size() - kShingleWords + 1;
  for (size_t i = 0; i < n; ++i) {
    uint64_t h = 1469598103934665603ull;
    for (size_t j = i; j < std::min(words.size(), i + kShingleWords); ++j) {
      h = Fnv1a(words[j], h);
      h = Fnv1a(" ", h);
    }
    if (!shingles.insert(h).second) continue;
    for (int k = 0; k < kMinHashes; ++k) {
      const uint32_t v = static_cast<uint32_t>(SplitMix(h ^ (0x51ed27ull * (k + 1))) >> 32);
      mins[k] = std::min(mins[k], v);
    }
  }
  sketch.set_shingles(static_cast<int32_t>(shingles.size()));
  if (shingles.empty()) return;
  for (uint32_t m : mins) sketch.add_minhash(m);
}

double Jaccard(const ArticleSketchState& a, const ArticleSketchState& b) {
  if (a.minhash_size() != kMinHashes || b.minhash_size() != kMinHashes) return 0;
  int same = 0;
  for (int i = 0; i < kMinHashes; ++i) same += a.minhash(i) == b.minhash(i);
  return static_cast<double>(same) / kMinHashes;
}

// Share of the shorter body's shingles found in the other body.
double Containment(const ArticleSketchState& a, const ArticleSketchState& b) {
  const double j = Jaccard(a, b);
  if (j == 0) return 0;
  const double shared = j * (a.shingles() + b.shingles()) / (1 + j);
  return std::min(1.0, shared / std::max(1, std::min(a.shingles(), b.shingles())));
}

// How much `a` is a near-copy of `b` (0 when it is not one): the
// containment, when it clears `threshold` or the titles match.
double NearCopyScore(const ArticleSketchState& a, const ArticleSketchState& b, double threshold) {
  // A copy follows its original within days; the same template text a month
  // later (daily prices, schedules, next year's event) is news of its own.
  constexpr double kCopyDays = 7;
  if (a.published_at() != 0 && b.published_at() != 0 &&
      std::abs(a.published_at() - b.published_at()) / kNanosPerDay > kCopyDays) {
    return 0;
  }
  const double containment = Containment(a, b);
  if (containment >= threshold) return containment;
  if (a.title_key() != 0 && a.title_key() == b.title_key() && Jaccard(a, b) >= 0.2) {
    return std::max(containment, 0.01);
  }
  return 0;
}

// An article's vector by key, made once to score it against every candidate.
using KeyWeights = absl::flat_hash_map<std::string_view, float>;

// `Keys`: a std::vector or a repeated field of WeightedKey.
template <typename Keys>
KeyWeights WeightsByKey(const Keys& keys) {
  KeyWeights a;
  for (const auto& k : keys) a[k.key()] = k.weight();
  return a;
}

double Dot(const KeyWeights& article,
           const google::protobuf::RepeatedPtrField<WeightedKey>& sums) {
  if (article.empty() || sums.empty()) return 0;
  double dot = 0, norm = 0;
  for (const auto& s : sums) {
    norm += static_cast<double>(s.weight()) * s.weight();
    if (auto it = article.find(s.key()); it != article.end()) dot += it->second * s.weight();
  }
  return norm > 0 ? dot / std::sqrt(norm) : 0;
}

template <typename Keys>
double Dot(const Keys& article, const google::protobuf::RepeatedPtrField<WeightedKey>& sums) {
  if (article.empty() || sums.empty()) return 0;
  return Dot(WeightsByKey(article), sums);
}

// 1 within a couple of days of the story's centre, then a Gaussian: a
// follow-up a week later still joins, the same people meeting again months
// later do not.
double TimeFactor(const ArticleSketchState& a, const StoryState& story, double sigma_days) {
  if (a.published_at() == 0 || story.dated_count() == 0) return 1;
  constexpr double kSameDays = 2;
  const double centre = story.published_sum() / story.dated_count();
  const double days = std::max(0.0, std::abs(a.published_at() - centre) / kNanosPerDay - kSameDays);
  return std::exp(-days * days / (2 * sigma_days * sigma_days));
}

// A date the text gives with its year ("16 Januari 2024"), as nanoseconds.
std::optional<int64_t> ExplicitDate(const warta::v1::Entity& e) {
  if (e.type() != warta::v1::DATE || e.normalized().size() != 10) return std::nullopt;
  bool has_year = false;
  for (const auto& m : e.mentions()) {
    int digits = 0;
    for (char c : m.text()) {
      digits = (c >= '0' && c <= '9') ? digits + 1 : 0;
      if (digits == 4) has_year = true;
    }
  }
  absl::CivilDay day;
  if (!has_year || !absl::ParseCivilTime(e.normalized(), &day)) return std::nullopt;
  return absl::ToUnixNanos(absl::FromCivil(day, absl::UTCTimeZone()));
}

// When the story happened: the publication time, unless the text dates
// itself months later (a page template's stale date above a fresh report);
// then the earliest such explicit date.
int64_t EventTime(const warta::v1::EnrichedArticle& article) {
  const int64_t published = PublishedAtNanos(article);
  if (published == 0) return 0;
  constexpr int64_t kStale = int64_t{60} * 86400 * 1'000'000'000;
  std::optional<int64_t> later;
  for (const auto& e : article.entities()) {
    std::optional<int64_t> t = ExplicitDate(e);
    if (t && *t > published + kStale && (!later || *t < *later)) later = t;
  }
  return later ? *later : published;
}

// The days of the year the text names, "2024-03-27" and the year-less
// "--03-27" (articles without a publication date) alike, as days of a leap
// year (0 = 1 January, so 29 February has a day of its own), computed once
// here so comparing against a story is integer arithmetic.
constexpr int kMaxEventDays = 8;
constexpr int kDaysInLeapYear = 366;
void AddEventDays(const warta::v1::EnrichedArticle& article, ArticleSketchState& sketch) {
  for (const auto& e : article.entities()) {
    if (sketch.event_days_size() == kMaxEventDays) return;
    const std::string& d = e.normalized();
    if (e.type() != warta::v1::DATE || d.size() < 5) continue;
    int month = 0, day = 0;
    const absl::string_view tail = absl::string_view(d).substr(d.size() - 5);  // "MM-DD"
    if (tail[2] != '-' || !absl::SimpleAtoi(tail.substr(0, 2), &month) ||
        !absl::SimpleAtoi(tail.substr(3), &day) || month < 1 || month > 12 || day < 1 ||
        day > 31) {
      continue;
    }
    sketch.add_event_days(
        static_cast<int32_t>(absl::CivilDay(2000, month, day) - absl::CivilDay(2000, 1, 1)));
  }
}

enum class DayAgreement { kUnknown, kSameDay, kOtherDays };

// Whether the article names a day (within one, across the new year too)
// that one of the story's recent articles names.
DayAgreement CompareEventDays(const ArticleSketchState& a, const StoryState& story) {
  if (a.event_days_size() == 0) return DayAgreement::kUnknown;
  bool story_has_days = false;
  for (const auto& other : story.recent()) {
    for (int theirs : other.event_days()) {
      story_has_days = true;
      for (int mine : a.event_days()) {
        const int apart = std::abs(mine - theirs);
        if (std::min(apart, kDaysInLeapYear - apart) <= 1) return DayAgreement::kSameDay;
      }
    }
  }
  return story_has_days ? DayAgreement::kOtherDays : DayAgreement::kUnknown;
}

bool HasLanguage(const StoryState& story, std::string_view language) {
  return std::find(story.languages().begin(), story.languages().end(), language) !=
         story.languages().end();
}

// Adds `keys` to the running `sums`, keeping the `limit` heaviest.
template <typename Keys>
void AddToSums(const Keys& keys, google::protobuf::RepeatedPtrField<WeightedKey>* sums,
               size_t limit) {
  absl::flat_hash_map<std::string, WeightedKey> merged;
  for (const auto& s : *sums) merged[s.key()] = s;
  for (const auto& k : keys) {
    auto [it, inserted] = merged.try_emplace(k.key(), k);
    if (!inserted) it->second.set_weight(it->second.weight() + k.weight());
  }
  std::vector<WeightedKey> all;
  all.reserve(merged.size());
  for (auto& [key, k] : merged) all.push_back(std::move(k));
  all = Heaviest(std::move(all), limit);
  sums->Clear();
  for (auto& k : all) *sums->Add() = std::move(k);
}

void AddUnique(const std::string& value, google::protobuf::RepeatedPtrField<std::string>* list) {
  if (value.empty()) return;
  if (std::find(list->begin(), list->end(), value) == list->end()) *list->Add() = value;
}

// The title of the recent article closest to the story's word sums.
void ChooseTitle(StoryState& story) {
  double best = -1;
  for (const auto& sketch : story.recent()) {
    const double score = Dot(sketch.terms(), story.terms());
    if (score > best + 1e-9) {
      best = score;
      story.set_title(sketch.title());
      story.set_title_article_id(sketch.article_id());
    }
  }
}

void AddArticle(const ArticleSketchState& sketch, const std::vector<WeightedKey>& entities,
                const StoryOptions& options, StoryState& story) {
  AddToSums(sketch.terms(), story.mutable_terms(), options.max_story_terms);
  AddToSums(entities, story.mutable_entities(), options.max_story_entities);
  story.set_article_count(story.article_count() + 1);
  if (!sketch.duplicate_of().empty()) story.set_duplicate_count(story.duplicate_count() + 1);
  if (sketch.published_at() != 0) {
    if (story.first_published() == 0 || sketch.published_at() < story.first_published()) {
      story.set_first_published(sketch.published_at());
    }
    story.set_last_published(std::max(story.last_published(), sketch.published_at()));
    story.set_published_sum(story.published_sum() + static_cast<double>(sketch.published_at()));
    story.set_dated_count(story.dated_count() + 1);
  }
  story.set_last_arrival(std::max(story.last_arrival(), sketch.arrival()));
  AddUnique(sketch.source(), story.mutable_sources());
  AddUnique(sketch.language(), story.mutable_languages());
  // A recent article's heaviest words are enough to choose the title; the
  // full vector lives in the sums. (Keeps the story small to read back.)
  ArticleSketchState* kept = story.add_recent();
  *kept = sketch;
  if (kept->terms_size() > kRecentTerms) {
    kept->mutable_terms()->DeleteSubrange(kRecentTerms, kept->terms_size() - kRecentTerms);
  }
  if (story.recent_size() > options.max_sketches) {
    story.mutable_recent()->DeleteSubrange(0, story.recent_size() - options.max_sketches);
  }
  ChooseTitle(story);
}

std::vector<std::string> IndexKeys(const ArticleSketchState& sketch,
                                   const std::vector<WeightedKey>& entities,
                                   const StoryOptions& options) {
  std::vector<std::string> keys;
  for (int i = 0; i < std::min(options.index_terms, sketch.terms_size()); ++i) {
    keys.push_back(absl::StrCat("t:", sketch.terms(i).key()));
  }
  int added = 0;
  for (const WeightedKey& e : Heaviest(entities, entities.size())) {
    if (added == options.index_entities) break;
    if (e.type() == warta::v1::QUANTITY || e.type() == warta::v1::MONEY) continue;
    keys.push_back(absl::StrCat("e:", e.key()));
    ++added;
  }
  return keys;
}

// Candidate story ids, most shared keys first (ties by id), at most `limit`.
std::vector<std::string> RankCandidates(const std::vector<std::string>& hits, int limit) {
  absl::flat_hash_map<std::string, int> count;
  for (const auto& id : hits) ++count[id];
  std::vector<std::pair<std::string, int>> ranked(count.begin(), count.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    return a.first < b.first;
  });
  std::vector<std::string> ids;
  for (int i = 0; i < std::min<int>(limit, ranked.size()); ++i) ids.push_back(ranked[i].first);
  return ids;
}

}  // namespace

ArticleSketchState SketchArticle(const warta::v1::EnrichedArticle& article,
                                 const TermWeights& weights,
                                 std::vector<WeightedKey>* entity_keys) {
  ArticleSketchState sketch;
  sketch.set_article_id(article.article().id());
  sketch.set_source(SourceOf(article));
  sketch.set_language(article.language().code());
  sketch.set_published_at(EventTime(article));
  AddEventDays(article, sketch);
  bool real_title = false;
  sketch.set_title(TitleOf(article, &real_title));
  const std::vector<std::string> body_words = StoryWords(article.text().body());
  const std::vector<std::string> title_words =
      real_title ? StoryWords(sketch.title()) : std::vector<std::string>();
  for (auto& k : TermVector(body_words, title_words, weights)) *sketch.add_terms() = std::move(k);
  if (!title_words.empty()) sketch.set_title_key(Fnv1a(absl::StrJoin(title_words, " ")));
  MinHash(body_words, sketch);
  if (entity_keys != nullptr) *entity_keys = EntityVector(article, weights);
  return sketch;
}

std::string StoryIdFor(std::string_view article_id) {
  return absl::StrCat(
      "st-", ContentHashHex({"story", absl::string_view(article_id.data(), article_id.size())}, 8));
}

absl::StatusOr<StoryAssignment> StoryClusterer::Assign(
    const warta::v1::EnrichedArticle& article, int64_t arrival, StoryIndex& index) const {
  std::vector<WeightedKey> entities;
  ArticleSketchState sketch = SketchArticle(article, *weights_, &entities);
  sketch.set_arrival(arrival);
  const std::vector<std::string> keys = IndexKeys(sketch, entities, options_);
  ASSIGN_OR_RETURN(std::vector<std::string> hits,
                   index.StoriesForKeys(keys, options_.stories_per_key));
  const KeyWeights term_weights = WeightsByKey(sketch.terms());
  const KeyWeights entity_weights = WeightsByKey(entities);
  StoryAssignment result;
  std::shared_ptr<const StoryState> chosen, copied_in;
  double best_score = 0, best_copy = 0;
  for (const std::string& id : RankCandidates(hits, options_.max_candidates)) {
    ASSIGN_OR_RETURN(std::shared_ptr<const StoryState> story, index.LoadStory(id));
    if (!story) continue;
    // The closest near-copy over all candidates, not the first: wire
    // stories quote each other.
    for (const auto& other : story->recent()) {
      if (other.article_id() == sketch.article_id()) continue;
      const double copy = NearCopyScore(sketch, other, options_.duplicate_containment);
      if (copy > best_copy) {
        best_copy = copy;
        result.duplicate_of =
            other.duplicate_of().empty() ? other.article_id() : other.duplicate_of();
        copied_in = story;
      }
    }
    const bool same_language = HasLanguage(*story, sketch.language());
    const double entity_cosine = Dot(entity_weights, story->entities());
    double score = 0, threshold = 0;
    if (same_language) {
      score = options_.term_weight * Dot(term_weights, story->terms()) +
              (1 - options_.term_weight) * entity_cosine;
      const bool dated = sketch.published_at() != 0 && story->dated_count() > 0;
      threshold = dated ? options_.join_threshold
                        : std::max(options_.join_threshold, options_.undated_join_threshold);
      if (!dated) {
        switch (CompareEventDays(sketch, *story)) {
          case DayAgreement::kSameDay: threshold = options_.join_threshold; break;
          case DayAgreement::kOtherDays: score *= options_.other_day_factor; break;
          case DayAgreement::kUnknown: break;
        }
      }
    } else {
      score = entity_cosine;
      threshold = options_.cross_language_threshold;
    }
    score *= TimeFactor(sketch, *story, options_.sigma_days);
    // Scores are compared relative to their own threshold.
    const double margin = score / threshold;
    if (margin >= 1 && margin > best_score) {
      best_score = margin;
      result.score = score;
      chosen = std::move(story);
    }
  }
  if (copied_in) {  // a near-copy always joins its original's story
    chosen = std::move(copied_in);
    result.score = 0;
  }
  if (chosen) {
    result.story = *chosen;
  } else {
    result.story.set_id(StoryIdFor(sketch.article_id()));
    result.new_story = true;
    result.score = 0;
  }
  sketch.set_duplicate_of(result.duplicate_of);
  result.story_id = result.story.id();
  AddArticle(sketch, entities, options_, result.story);
  RETURN_IF_ERROR(index.SaveStory(result.story, keys, arrival));
  return result;
}

}  // namespace warta::storage
