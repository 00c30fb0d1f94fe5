#include "storage/article_keys.h"

#include <limits>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/util/message_differencer.h"

namespace warta::storage {

int64_t TimestampToNanos(const google::protobuf::Timestamp& t) {
  // Beyond what int64 nanoseconds hold the product overflowed (undefined;
  // a year-9999 article, found by make sanitize).
  constexpr int64_t kMaxSeconds = std::numeric_limits<int64_t>::max() / 1'000'000'000 - 1;
  if (t.seconds() > kMaxSeconds) return std::numeric_limits<int64_t>::max();
  if (t.seconds() < -kMaxSeconds) return std::numeric_limits<int64_t>::min();
  return t.seconds() * 1'000'000'000 + t.nanos();
}

google::protobuf::Timestamp NanosToTimestamp(int64_t nanos) {
  google::protobuf::Timestamp t;
  int64_t seconds = nanos / 1'000'000'000;
  int64_t rest = nanos % 1'000'000'000;
  if (rest < 0) {  // Timestamp.nanos must be non-negative.
    rest += 1'000'000'000;
    --seconds;
  }
  t.set_seconds(seconds);
  t.set_nanos(static_cast<int32_t>(rest));
  return t;
}

int64_t PublishedAtNanos(const warta::v1::EnrichedArticle& article) {
  if (article.text().has_published_at()) {
    return TimestampToNanos(article.text().published_at());
  }
  return TimestampToNanos(article.article().published_at());
}

std::string SourceOf(const warta::v1::EnrichedArticle& article) {
  if (!article.article().source().empty()) return article.article().source();
  std::string_view url = article.article().url();
  if (size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find_first_of("/:?#"));
    if (absl::StartsWith(absl::string_view(url.data(), url.size()), "www.")) url.remove_prefix(4);
    if (!url.empty()) return absl::AsciiStrToLower(absl::string_view(url.data(), url.size()));
  }
  // A dateline word with a dot is an outlet ("KOMPAS.TV"); a bare word is
  // the place ("MOSKWA").
  const std::string& dateline = article.text().dateline();
  for (absl::string_view word : absl::StrSplit(dateline, absl::ByAnyChar(" ,-"), absl::SkipEmpty())) {
    if (word.find('.') != absl::string_view::npos && word.size() > 3) {
      return absl::AsciiStrToLower(word);
    }
  }
  return "";
}

bool MatchesFilter(const warta::v1::EnrichedArticle& article,
                   const warta::v1::ArticleFilter& filter) {
  if (!filter.language().empty() &&
      article.language().code() != filter.language()) {
    return false;
  }
  if (!filter.source().empty() && article.article().source() != filter.source()) {
    return false;
  }
  if (!filter.story_id().empty() && article.story_id() != filter.story_id()) return false;
  const int64_t published = PublishedAtNanos(article);
  // An undated article cannot be placed in a time range.
  if ((filter.has_published_after() || filter.has_published_before()) &&
      published == 0) {
    return false;
  }
  if (filter.has_published_after() &&
      published < TimestampToNanos(filter.published_after())) {
    return false;
  }
  if (filter.has_published_before() &&
      published >= TimestampToNanos(filter.published_before())) {
    return false;
  }
  if (!filter.entity_id().empty()) {
    for (const auto& entity : article.entities()) {
      if (entity.id() == filter.entity_id()) return true;
    }
    return false;
  }
  return true;
}

namespace {

// The version without its build metadata ("warta-0.1.0+1a2b" -> "warta-0.1.0").
std::string_view ReleaseOf(std::string_view version) {
  return version.substr(0, version.find('+'));
}

// Natural order: digit runs as numbers, the rest byte-wise.
int CompareNaturally(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (absl::ascii_isdigit(a[i]) && absl::ascii_isdigit(b[j])) {
      // Compare digit runs as numbers without overflow: skip leading
      // zeros, then the longer run is larger, then compare digit-wise.
      while (i < a.size() && a[i] == '0') ++i;
      while (j < b.size() && b[j] == '0') ++j;
      size_t ei = i, ej = j;
      while (ei < a.size() && absl::ascii_isdigit(a[ei])) ++ei;
      while (ej < b.size() && absl::ascii_isdigit(b[ej])) ++ej;
      if (ei - i != ej - j) return ei - i < ej - j ? -1 : 1;
      if (int c = a.substr(i, ei - i).compare(b.substr(j, ej - j)); c != 0) {
        return c < 0 ? -1 : 1;
      }
      i = ei;
      j = ej;
    } else {
      if (a[i] != b[j]) {
        return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
      }
      ++i;
      ++j;
    }
  }
  if (i < a.size()) return 1;
  if (j < b.size()) return -1;
  return 0;
}

}  // namespace

int ComparePipelineVersions(std::string_view a, std::string_view b) {
  return CompareNaturally(ReleaseOf(a), ReleaseOf(b));
}

bool ShouldReplace(const warta::v1::EnrichedArticle& incoming,
                   const warta::v1::EnrichedArticle& stored) {
  const int by_version = ComparePipelineVersions(incoming.pipeline_version(),
                                                 stored.pipeline_version());
  if (by_version != 0) return by_version > 0;
  // The story fields are the store's own: the incoming copy never has them.
  google::protobuf::util::MessageDifferencer differencer;
  const auto* descriptor = warta::v1::EnrichedArticle::descriptor();
  differencer.IgnoreField(descriptor->FindFieldByName("story_id"));
  differencer.IgnoreField(descriptor->FindFieldByName("duplicate_of"));
  differencer.IgnoreField(descriptor->FindFieldByName("enriched_at"));
  const bool same_result = differencer.Compare(incoming, stored);
  // Same models, same input: a redelivery (enrich redid a batch whose
  // offsets it had not committed), whose result is the same as stored
  // before the store linked its short names. Re-applying it would bump the
  // change sequence and send Watch clients the article again.
  if (incoming.pipeline_version() == stored.pipeline_version() &&
      differencer.Compare(incoming.article(), stored.article())) {
    return false;
  }
  const int64_t incoming_at = TimestampToNanos(incoming.enriched_at());
  const int64_t stored_at = TimestampToNanos(stored.enriched_at());
  // Same release (models may differ): the later enrichment wins.
  if (incoming_at != stored_at) return incoming_at > stored_at;
  // Same enrichment time, another input: the latest write wins.
  return !same_result;
}

std::string TitleOf(const warta::v1::EnrichedArticle& article, bool* real_title) {
  constexpr size_t kMaxTitleBytes = 160;
  std::string title = article.text().title().empty() ? article.article().title()
                                                     : article.text().title();
  if (real_title != nullptr) *real_title = !title.empty();
  if (title.empty()) {
    const std::string& body = article.text().body();
    if (article.text().sentences_size() > 0) {
      const auto& s = article.text().sentences(0);
      if (s.start() >= 0 && s.end() <= static_cast<int>(body.size()) && s.start() < s.end()) {
        title = body.substr(s.start(), s.end() - s.start());
      }
    }
    if (title.empty()) title = body.substr(0, body.find('\n'));
  }
  if (title.size() > kMaxTitleBytes) {
    size_t cut = kMaxTitleBytes;
    while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
    title = absl::StrCat(title.substr(0, cut), "…");
  }
  return title;
}

std::vector<warta::v1::StoredClaim> StoredClaimsOf(
    const warta::v1::EnrichedArticle& article) {
  absl::flat_hash_map<std::string, const warta::v1::Entity*> entities;
  for (const auto& entity : article.entities()) {
    entities.try_emplace(entity.id(), &entity);
  }
  std::vector<warta::v1::StoredClaim> out;
  out.reserve(article.claims_size());
  const int64_t published = PublishedAtNanos(article);
  for (const auto& claim : article.claims()) {
    warta::v1::StoredClaim& stored = out.emplace_back();
    stored.set_article_id(article.article().id());
    stored.set_source(SourceOf(article));
    stored.set_story_id(article.story_id());
    if (published != 0) *stored.mutable_published_at() = NanosToTimestamp(published);
    *stored.mutable_claim() = claim;
    auto speaker = entities.find(claim.speaker().entity_id());
    stored.set_speaker_name(speaker != entities.end() && !claim.speaker().entity_id().empty()
                                ? speaker->second->name()
                                : claim.speaker().name());
    for (const auto& subject_id : claim.subject_entity_ids()) {
      auto subject = entities.find(subject_id);
      // Keep names aligned with subject_entity_ids: the id stands in for a
      // name the article does not give.
      stored.add_subject_names(subject != entities.end() ? subject->second->name()
                                                         : subject_id);
    }
  }
  return out;
}

}  // namespace warta::storage
