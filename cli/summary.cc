#include "cli/summary.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/ascii.h"
#include "absl/time/time.h"
#include "google/protobuf/util/time_util.h"

namespace warta::cli {
namespace {

// "2024-11-05" (UTC).
std::string Day(const google::protobuf::Timestamp& t) {
  return absl::FormatTime("%Y-%m-%d", absl::FromUnixSeconds(t.seconds()), absl::UTCTimeZone());
}

std::string Shorten(const std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  // Do not cut a UTF-8 sequence in half.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

const char* TypeName(warta::v1::EntityType type) {
  switch (type) {
    case warta::v1::PERSON: return "person";
    case warta::v1::ORGANIZATION: return "org";
    case warta::v1::LOCATION: return "place";
    case warta::v1::DATE: return "date";
    case warta::v1::MONEY: return "money";
    case warta::v1::QUANTITY: return "quantity";
    default: return "?";
  }
}

// 10000 rather than 1e+04; fractions as they are.
std::string FormatValue(double v) {
  return v == static_cast<double>(static_cast<int64_t>(v)) ? absl::StrCat(static_cast<int64_t>(v))
                                                          : absl::StrCat(v);
}

std::string FormatQuantity(const warta::v1::Quantity& q) {
  std::string value = FormatValue(q.value());
  std::string qualifier = q.qualifier().empty() || q.qualifier() == "exact"
                              ? ""
                              : absl::StrCat(q.qualifier(), " ");
  return absl::StrCat(qualifier, value, q.unit().empty() ? "" : " ", q.unit());
}

}  // namespace

std::string SummarizeArticle(const warta::v1::EnrichedArticle& a, int max_entities,
                             int max_claims) {
  std::string out;
  const std::string& title = !a.text().title().empty() ? a.text().title() : a.article().title();
  absl::StrAppend(&out, "■ ", title.empty() ? "(untitled)" : title, "\n");
  std::string when;
  if (a.text().has_published_at()) {
    when = google::protobuf::util::TimeUtil::ToString(a.text().published_at());
  } else if (a.article().has_published_at()) {
    when = google::protobuf::util::TimeUtil::ToString(a.article().published_at());
  }
  absl::StrAppend(&out, "  id ", a.article().id());
  if (!a.article().source().empty()) absl::StrAppend(&out, " · ", a.article().source());
  if (!when.empty()) absl::StrAppend(&out, " · ", when);
  absl::StrAppend(&out, "\n");
  absl::StrAppend(&out, absl::StrFormat("  language %s (%.2f%s)", a.language().code(),
                                        a.language().confidence(),
                                        a.language().reliable() ? ", reliable" : ", unsure"));
  if (a.language().alternatives_size() > 0) {
    absl::StrAppend(&out, absl::StrFormat(", runner-up %s", a.language().alternatives(0).code()));
  }
  absl::StrAppend(&out, " · ", a.text().body().size(), " bytes of text, ",
                  a.text().removed_size(), " boilerplate span(s) removed\n");

  std::vector<const warta::v1::Entity*> named;
  for (const auto& e : a.entities()) {
    if (e.type() == warta::v1::PERSON || e.type() == warta::v1::ORGANIZATION ||
        e.type() == warta::v1::LOCATION) {
      named.push_back(&e);
    }
  }
  std::stable_sort(named.begin(), named.end(), [](auto* x, auto* y) {
    return x->mentions_size() > y->mentions_size();
  });
  if (!named.empty()) {
    absl::StrAppend(&out, "  entities:");
    int shown = 0;
    for (const auto* e : named) {
      if (shown++ == max_entities) break;
      absl::StrAppend(&out, shown == 1 ? " " : "; ", e->name(), " (", TypeName(e->type()), " ×",
                      e->mentions_size(), ")");
    }
    if (static_cast<int>(named.size()) > max_entities) {
      absl::StrAppend(&out, "; +", named.size() - max_entities, " more");
    }
    absl::StrAppend(&out, "\n");
  }
  int shown = 0;
  for (const auto& c : a.claims()) {
    if (shown++ == max_claims) {
      absl::StrAppend(&out, "    … ", a.claims_size() - max_claims, " more claim(s)\n");
      break;
    }
    if (shown == 1) absl::StrAppend(&out, "  claims:\n");
    std::string speaker = c.speaker().name().empty() ? "(unknown speaker)" : c.speaker().name();
    absl::StrAppend(&out, "    ", speaker, " [", c.kind() == warta::v1::DIRECT_QUOTE ? "quote" : "reported",
                    c.cue().text().empty() ? "" : absl::StrCat(", ", c.cue().text()), "]: “",
                    Shorten(c.content().text(), 140), "”");
    if (c.quantities_size() > 0) {
      std::vector<std::string> qs;
      for (const auto& q : c.quantities()) qs.push_back(FormatQuantity(q));
      absl::StrAppend(&out, "  {", absl::StrJoin(qs, "; "), "}");
    }
    absl::StrAppend(&out, "\n");
  }
  if (a.claims_size() == 0) absl::StrAppend(&out, "  claims: none found\n");
  return out;
}

std::string SummarizeContested(const warta::v1::ContestedClaim& contested) {
  std::string out = absl::StrCat("⚑ ", contested.unit(), " — ",
                                 absl::StrJoin(contested.subject_names(), ", "), ": ");
  std::vector<std::string> values;
  for (double v : contested.values()) values.push_back(FormatValue(v));
  absl::StrAppend(&out, absl::StrJoin(values, " vs "), "\n");
  for (const auto& sc : contested.claims()) {
    std::string qty;
    for (const auto& q : sc.claim().quantities()) {
      if (!qty.empty()) absl::StrAppend(&qty, ", ");
      absl::StrAppend(&qty, FormatQuantity(q));
    }
    std::string where = sc.source().empty() ? absl::StrCat("article ", sc.article_id())
                                            : sc.source();
    if (sc.has_published_at()) {
      absl::StrAppend(&where, ", ", Day(sc.published_at()));
    }
    absl::StrAppend(&out, "    ", qty, " according to ",
                    sc.speaker_name().empty() ? "(unknown)" : sc.speaker_name(), " (", where,
                    ")\n");
  }
  return out;
}

namespace {

std::string DateRange(const warta::v1::Story& story) {
  if (!story.has_first_published_at()) return "undated";
  const std::string first = Day(story.first_published_at());
  const std::string last = Day(story.last_published_at());
  return first == last ? first : absl::StrCat(first, " – ", last);
}

}  // namespace

std::string SummarizeStoryLine(const warta::v1::Story& story) {
  return absl::StrCat(story.id(), "  ", story.article_count(), " articles, ",
                      story.sources_size(), story.sources_size() == 1 ? " source" : " sources",
                      " [", absl::StrJoin(story.languages(), ","), "]  ", DateRange(story), "  ",
                      Shorten(story.title(), 100), "\n");
}

std::string SummarizeStory(const warta::v1::Story& story) {
  std::string out = absl::StrCat("■ ", story.title(), "\n  story ", story.id(), " · ",
                                 story.article_count(), " articles (", story.duplicate_count(),
                                 " near-copies) · sources: ",
                                 absl::StrJoin(story.sources(), ", "), " · languages: ",
                                 absl::StrJoin(story.languages(), ", "), " · ", DateRange(story),
                                 "\n");
  if (!story.main_entities().empty()) {
    std::vector<std::string> names;
    for (const auto& e : story.main_entities()) {
      names.push_back(absl::StrCat(e.name(), " (", TypeName(e.type()), ")"));
    }
    absl::StrAppend(&out, "  entities: ", absl::StrJoin(names, ", "), "\n");
  }
  absl::StrAppend(&out, "  articles:\n");
  for (const auto& a : story.articles()) {
    absl::StrAppend(&out, "    ", a.has_published_at() ? Day(a.published_at()) : "----------",
                    "  ", a.source().empty() ? "(no source)" : a.source(), "  ",
                    Shorten(a.title().empty() ? a.id() : a.title(), 90),
                    a.duplicate_of().empty() ? "" : absl::StrCat("  [copy of ", a.duplicate_of(), "]"),
                    "\n");
  }
  for (const auto& c : story.contested()) absl::StrAppend(&out, "  ", SummarizeContested(c));
  if (!story.timeline().empty()) absl::StrAppend(&out, "  timeline of figures:\n");
  for (const auto& t : story.timeline()) {
    std::vector<std::string> figures;
    for (const auto& q : t.quantities()) figures.push_back(FormatQuantity(q));
    absl::StrAppend(&out, "    ", t.has_published_at() ? Day(t.published_at()) : "----------",
                    "  ", t.source().empty() ? t.article_id() : t.source(), ": ",
                    t.speaker_name().empty() ? "(unknown)" : t.speaker_name(), " — ",
                    absl::StrJoin(figures, ", "), "\n");
  }
  return out;
}

std::string SummarizeEntityLine(const warta::v1::EntityRecord& e) {
  return absl::StrCat(e.id(), "  ", TypeName(e.type()), "  ", e.name(), "  (", e.article_count(),
                      " articles, ", e.mention_count(), " mentions)  aliases: ",
                      Shorten(absl::StrJoin(e.aliases(), ", "), 120), "\n");
}

std::string SummarizeEntity(const warta::v1::EntityDetail& detail) {
  const warta::v1::EntityRecord& e = detail.entity();
  std::string out = absl::StrCat("● ", e.name(), " — ", e.id(), " (", TypeName(e.type()), ", ",
                                 e.article_count(), " articles, ", e.mention_count(),
                                 " mentions)\n  aliases: ", absl::StrJoin(e.aliases(), ", "),
                                 "\n");
  if (!e.roles().empty()) absl::StrAppend(&out, "  roles: ", absl::StrJoin(e.roles(), "; "), "\n");
  if (e.has_first_seen()) {
    absl::StrAppend(&out, "  seen: ", Day(e.first_seen()), " – ", Day(e.last_seen()), "\n");
  }
  if (!detail.co_occurring().empty()) {
    std::vector<std::string> names;
    for (const auto& c : detail.co_occurring()) {
      names.push_back(absl::StrCat(c.entity().name(), " (", c.articles(), ")"));
    }
    absl::StrAppend(&out, "  seen with: ", absl::StrJoin(names, ", "), "\n");
  }
  for (const auto& s : detail.stories()) absl::StrAppend(&out, "  story ", SummarizeStoryLine(s));
  for (const auto& c : detail.claims()) {
    absl::StrAppend(&out, "  said (", c.source().empty() ? c.article_id() : c.source(), "): ",
                    Shorten(c.claim().content().text(), 140), "\n");
  }
  return out;
}

namespace {

// Who published the article: its source, else the host of its URL, else
// the outlet its dateline names ("TEMPO.CO, Jakarta" -> "tempo.co"), as the
// store's stories name sources (storage/article_keys.h SourceOf).
std::string SourceName(const warta::v1::EnrichedArticle& article) {
  if (!article.article().source().empty()) return article.article().source();
  std::string_view url = article.article().url();
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find_first_of("/?#:"));
    if (url.substr(0, 4) == "www.") url.remove_prefix(4);
    if (!url.empty()) return absl::AsciiStrToLower(absl::string_view(url.data(), url.size()));
  }
  for (absl::string_view word :
       absl::StrSplit(article.text().dateline(), absl::ByAnyChar(" ,-"), absl::SkipEmpty())) {
    if (word.find('.') != absl::string_view::npos && word.size() > 3) {
      return absl::AsciiStrToLower(word);
    }
  }
  return "(no source)";
}

std::string Marked(const std::string& text, const std::string& start, const std::string& end,
                   bool bold) {
  if (!bold || start.empty() || end.empty()) return text;
  return absl::StrReplaceAll(text, {{start, "\033[1m"}, {end, "\033[0m"}});
}

}  // namespace

std::string SummarizeSearchHit(const warta::v1::SearchHit& hit, int rank,
                               const std::string& mark_start, const std::string& mark_end,
                               bool bold) {
  const warta::v1::EnrichedArticle& a = hit.article();
  const std::string title =
      hit.title_snippet().empty() ? "(no title)" : Marked(hit.title_snippet(), mark_start,
                                                          mark_end, bold);
  const google::protobuf::Timestamp& published =
      a.text().has_published_at() ? a.text().published_at() : a.article().published_at();
  std::string out = absl::StrCat(rank, ". ", title, "\n   ", SourceName(a), " · ", published.seconds() != 0 ? Day(published) : "undated",
                                 " · score ", absl::StrFormat("%.3f", hit.score()), " · ",
                                 a.article().id());
  if (!a.story_id().empty()) absl::StrAppend(&out, " · ", a.story_id());
  absl::StrAppend(&out, "\n");
  if (!hit.snippet().empty()) {
    absl::StrAppend(&out, "   ", Marked(hit.snippet(), mark_start, mark_end, bold), "\n");
  }
  return out;
}

}  // namespace warta::cli
