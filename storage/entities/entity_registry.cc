#include "storage/entities/entity_registry.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/person_names.h"
#include "common/status_macros.h"
#include "storage/article_keys.h"
#include "storage/page_token.h"
#include "storage/stories/sql_stories.h"
#include "storage/stories/term_weights.h"

namespace warta::storage {
namespace {

constexpr std::string_view kEntitiesPage = "entities";
constexpr int kMaxAliases = 40;
constexpr int kMaxRoles = 10;
// A short name links to a registry entry seen at most this long before.
constexpr int64_t kRecentNanos = int64_t{365} * 86400 * 1'000'000'000;

bool Registered(warta::v1::EntityType type) {
  return type == warta::v1::PERSON || type == warta::v1::ORGANIZATION ||
         type == warta::v1::LOCATION;
}

// Whether `name` is a full name (two words at least) of which `short_name`
// is a short form: one of its words, or the surname with particles it ends
// with ("de bruyne" of "Kevin De Bruyne", IsSurnameWithParticles). An
// election ticket ("Anies-Sandi", IsTicket) is no full name of either.
bool IsFullNameWith(const std::vector<std::string>& short_name, const std::string& name) {
  if (name.find(' ') == std::string::npos || IsTicket(name)) return false;
  const std::vector<std::string> words = StoryWords(name);
  if (words.size() <= short_name.size()) return false;
  if (short_name.size() == 1) return std::find(words.begin(), words.end(), short_name[0]) != words.end();
  return std::equal(short_name.rbegin(), short_name.rend(), words.rbegin());
}

// The one person among `candidates` (id -> name) whose full name `word`
// is a short form of; nullopt when none or several.
std::optional<std::pair<std::string, std::string>> OnlyFullName(
    const std::vector<std::string>& word, const std::map<std::string, std::string>& candidates) {
  std::optional<std::pair<std::string, std::string>> found;
  for (const auto& [id, name] : candidates) {
    if (!IsFullNameWith(word, name)) continue;
    if (found) return std::nullopt;  // ambiguous
    found.emplace(id, name);
  }
  return found;
}

// The people of `story`, or of the stored story `story_id` when it is null.
absl::StatusOr<std::map<std::string, std::string>> StoryPeople(const SqlRunner& run,
                                                               const StoryState* story,
                                                               const std::string& story_id) {
  std::map<std::string, std::string> people;
  std::shared_ptr<const StoryState> loaded;
  if (story == nullptr && !story_id.empty()) {
    ASSIGN_OR_RETURN(loaded, SqlStoryIndex(run).LoadStory(story_id));
    story = loaded.get();
  }
  if (story == nullptr) return people;
  for (const auto& e : story->entities()) {
    if (e.type() == warta::v1::PERSON) people[e.key()] = e.name();
  }
  return people;
}

// Two ASCII capitals: a person's initials ("JK").
bool IsTwoCapitals(std::string_view name) {
  return name.size() == 2 && absl::ascii_isupper(static_cast<unsigned char>(name[0])) &&
         absl::ascii_isupper(static_cast<unsigned char>(name[1]));
}

// One-word aliases of a person that are no word of the name: what an
// article called them in brackets ("Joko Widodo (Jokowi)", "Jusuf Kalla
// (JK)": two letters only as capitals); and the words of longer names the
// article introduced them by that are no word of the name ("narogong" of
// "Andi Agustinus alias Andi Narogong").
std::vector<std::string> Nicknames(const warta::v1::Entity& e) {
  const std::vector<std::string> name_words = StoryWords(e.name());
  auto in_name = [&](const std::string& w) {
    return std::find(name_words.begin(), name_words.end(), w) != name_words.end();
  };
  std::vector<std::string> out;
  for (const auto& alias : e.aliases()) {
    const std::vector<std::string> words = StoryWords(alias);
    if (words.size() != 1 || (words[0].size() < 3 && !IsTwoCapitals(alias))) continue;
    if (!in_name(words[0])) out.push_back(words[0]);
  }
  for (const auto& nickname : e.nicknames()) {
    const std::vector<std::string> words = StoryWords(nickname.name());
    if (words.size() < 2) continue;  // one word: an alias above
    for (const std::string& w : words) {
      if (w.size() >= 3 && !in_name(w)) out.push_back(w);
    }
  }
  return out;
}

struct RegistryMatches {
  std::map<std::string, std::string> by_name_word;  // id -> name
  std::map<std::string, std::string> by_nickname;
  std::map<std::string, int64_t> mentions;  // id -> mention count
  std::map<std::string, int64_t> articles;  // id -> article count
  std::map<std::string, std::set<std::string>> aliases;  // id -> names as written
};

// A person mentioned this many times more than every other candidate
// together is who a bare surname means in the stream ("Trump" with Donald
// Trump in 49 articles, Ivanka and Melania in 3).
constexpr int64_t kDominance = 5;
constexpr int64_t kMinDominantMentions = 20;

// The full-name candidate `word` is a short form of that dominates the
// others by mentions (above); nullopt when none does.
std::optional<std::pair<std::string, std::string>> DominantFullName(const std::vector<std::string>& word,
                                                                    const RegistryMatches& registry) {
  std::optional<std::pair<std::string, std::string>> top;
  int64_t top_mentions = 0;
  int64_t others = 0;
  for (const auto& [id, name] : registry.by_name_word) {
    if (!IsFullNameWith(word, name)) continue;
    const int64_t m = registry.mentions.at(id);
    if (m > top_mentions) {
      others += top_mentions;
      top_mentions = m;
      top.emplace(id, name);
    } else {
      others += m;
    }
  }
  if (!top || top_mentions < kMinDominantMentions || top_mentions < kDominance * others) {
    return std::nullopt;
  }
  return top;
}

// The recent entities of `type` whose name contains `word`, or which were
// called `word` in brackets; most mentioned first, a few of each (enough to
// see ambiguity).
absl::StatusOr<RegistryMatches> RegistryNamed(const SqlRunner& run, const std::string& word,
                                              warta::v1::EntityType type, int64_t published) {
  SqlQuery q{"SELECT r.entity_id, r.data FROM entity_name_tokens t JOIN entity_registry r "
             "ON r.entity_id = t.entity_id WHERE t.token = ? AND r.type = ?",
             {word, int64_t{type}}};
  if (published != 0) {
    q.sql += " AND (r.last_seen = 0 OR r.last_seen >= ?)";
    q.args.push_back(published - kRecentNanos);
  }
  q.sql += " ORDER BY r.mention_count DESC, r.entity_id LIMIT 6";
  ASSIGN_OR_RETURN(SqlRows rows, run(q));
  RegistryMatches matches;
  for (const auto& row : rows) {
    ASSIGN_OR_RETURN(auto record,
                     ParseStored<warta::v1::EntityRecord>(BytesOf(row[1]), "entity"));
    const std::vector<std::string> words = StoryWords(record.name());
    const bool in_name = std::find(words.begin(), words.end(), word) != words.end();
    (in_name ? matches.by_name_word : matches.by_nickname)[record.id()] = record.name();
    matches.aliases[record.id()].insert(record.aliases().begin(), record.aliases().end());
    matches.mentions[record.id()] = record.mention_count();
    matches.articles[record.id()] = record.article_count();
  }
  return matches;
}

// Moves everything of entity `from` to id `to` named `name` in `article`.
void Relink(const std::string& from, const std::string& to, const std::string& name,
            warta::v1::EnrichedArticle& article) {
  warta::v1::Entity* target = nullptr;
  for (auto& e : *article.mutable_entities()) {
    if (e.id() == to) target = &e;
  }
  auto* entities = article.mutable_entities();
  for (int i = 0; i < entities->size(); ++i) {
    warta::v1::Entity& e = (*entities)[i];
    if (e.id() != from) continue;
    const std::string surface = e.name();
    if (target == nullptr) {
      e.set_id(to);
      e.set_name(name);
      if (std::find(e.aliases().begin(), e.aliases().end(), surface) == e.aliases().end()) {
        e.add_aliases(surface);
      }
    } else {
      for (auto& m : *e.mutable_mentions()) *target->add_mentions() = std::move(m);
      for (const auto& a : e.aliases()) target->add_aliases(a);
      target->add_aliases(surface);
      for (const auto& r : e.roles()) target->add_roles(r);
      entities->DeleteSubrange(i, 1);
    }
    break;
  }
  for (auto& claim : *article.mutable_claims()) {
    if (claim.speaker().entity_id() == from) {
      claim.mutable_speaker()->set_entity_id(to);
      claim.mutable_speaker()->set_name(name);
    }
    for (auto& subject : *claim.mutable_subject_entity_ids()) {
      if (subject == from) subject = to;
    }
  }
}

std::string SearchColumn(const warta::v1::EntityRecord& record) {
  std::set<std::string> forms = {FoldName(record.name())};
  for (const auto& a : record.aliases()) forms.insert(FoldName(a));
  return absl::StrCat("|", absl::StrJoin(forms, "|"), "|");
}

void AddUnique(const std::string& value, google::protobuf::RepeatedPtrField<std::string>* list,
               int limit) {
  if (value.empty() || list->size() >= limit) return;
  if (std::find(list->begin(), list->end(), value) == list->end()) *list->Add() = value;
}

// Counts `name` once more among the names of `record` and makes the most
// used one its name (a new leader must have more articles, not as many).
void CountName(const std::string& name, warta::v1::EntityRecord& record) {
  if (record.names().empty() && !record.name().empty()) {
    // A registry row written before names were counted: its name stands
    // for all its articles so far.
    warta::v1::NameUse* first = record.add_names();
    first->set_name(record.name());
    first->set_articles(record.article_count());
  }
  warta::v1::NameUse* use = nullptr;
  for (auto& n : *record.mutable_names()) {
    if (n.name() == name) use = &n;
  }
  if (use == nullptr) {
    if (name.empty() || record.names_size() >= kMaxAliases) return;
    use = record.add_names();
    use->set_name(name);
  }
  use->set_articles(use->articles() + 1);
  int current = 0;
  for (const auto& n : record.names()) {
    if (n.name() == record.name()) current = n.articles();
  }
  if (use->articles() > current) record.set_name(name);
}

void Merge(const warta::v1::Entity& e, int64_t published, warta::v1::EntityRecord& record) {
  if (record.id().empty()) {
    record.set_id(e.id());
    record.set_type(e.type());
    record.set_name(e.name());
  }
  // Only a name the article wrote votes: an entity the store linked
  // ("Rizieq" alone) carries the registry's name, which must not win by it.
  const bool written = e.mentions().empty() ||
                       std::any_of(e.mentions().begin(), e.mentions().end(),
                                   [&](const warta::v1::Mention& m) { return m.text() == e.name(); });
  if (written) CountName(e.name(), record);
  AddUnique(e.name(), record.mutable_aliases(), kMaxAliases);
  for (const auto& a : e.aliases()) AddUnique(a, record.mutable_aliases(), kMaxAliases);
  for (const auto& r : e.roles()) AddUnique(r, record.mutable_roles(), kMaxRoles);
  record.set_article_count(record.article_count() + 1);
  record.set_mention_count(record.mention_count() + std::max(1, e.mentions_size()));
  if (published != 0) {
    if (!record.has_first_seen() || published < TimestampToNanos(record.first_seen())) {
      *record.mutable_first_seen() = NanosToTimestamp(published);
    }
    if (!record.has_last_seen() || published > TimestampToNanos(record.last_seen())) {
      *record.mutable_last_seen() = NanosToTimestamp(published);
    }
  }
}

absl::StatusOr<std::map<std::string, warta::v1::EntityRecord>> LoadRecords(
    const SqlRunner& run, const std::vector<std::string>& ids) {
  std::map<std::string, warta::v1::EntityRecord> records;
  if (ids.empty()) return records;
  SqlQuery q{"SELECT data FROM entity_registry WHERE entity_id IN (", {}};
  for (size_t i = 0; i < ids.size(); ++i) {
    q.sql += i == 0 ? "?" : ", ?";
    q.args.push_back(ids[i]);
  }
  q.sql += ")";
  ASSIGN_OR_RETURN(SqlRows rows, run(q));
  for (const auto& row : rows) {
    ASSIGN_OR_RETURN(auto record,
                     ParseStored<warta::v1::EntityRecord>(BytesOf(row[0]), "entity"));
    records[record.id()] = std::move(record);
  }
  return records;
}

// Whether one of two names is the other cut short between words the name
// writes apart: "Kyle Walker-Peters" is another player than "Kyle Walker".
bool CutBetweenWords(const std::string& a, const std::string& b) {
  auto spaced = [](const std::string& name) {
    std::vector<std::string> words;
    for (absl::string_view w : absl::StrSplit(name, ' ', absl::SkipEmpty())) {
      words.push_back(absl::AsciiStrToLower(w));
    }
    return words;
  };
  const std::vector<std::string> wa = spaced(a), wb = spaced(b);
  return PartOfName(wa, wb) != NamePart::kNone || PartOfName(wb, wa) != NamePart::kNone;
}

// "Anies Baswedan" in one article, "Anies Rasyid Baswedan" in another;
// "Sri Mulyani" and "Sri Mulyani Indrawati"; "Suu Kyi" and "Aung San Suu
// Kyi": a person the registry does not hold by its own id links to the one
// recent person whose name is the same with or without middle names, or
// whose name it is the first or last words of (common/person_names.h); for
// the latter a registered form links too when the other has more than
// twice its articles. That person must be in two articles at least: a
// one-off span such as "Cristiano Ronaldo Raih Ballon D'Or" is nobody to
// join. The last words need the person in the article's story too:
// "Iriana Joko Widodo" is the president's wife, and "Joko Widodo" not her.
// A longer name joins a shorter registered one only by its first words
// ("Sri Mulyani Indrawati" is "Sri Mulyani"), and not when the article
// names the shorter one too. Several candidates leave it alone. In the news
// demo "Sri Mulyani" (12 articles) and "Sri Mulyani Indrawati" (14), "Kevin
// Sanjaya" and "Kevin Sanjaya Sukamuljo" were two people each.
// `story_people` is StoryPeople(), read here when needed unless the caller
// has read it already.
absl::Status LinkFullerNames(const SqlRunner& run, const StoryState* story, int64_t published,
                             std::optional<std::map<std::string, std::string>>& story_people,
                             warta::v1::EnrichedArticle& article) {
  constexpr int kMinArticlesForPart = 2;
  struct Name {
    std::string id, name;
    std::vector<std::string> words;
  };
  std::vector<Name> names;
  std::set<std::string> article_ids;
  for (const auto& e : article.entities()) {
    article_ids.insert(e.id());
    if (e.type() != warta::v1::PERSON || e.id().empty()) continue;
    std::vector<std::string> words = StoryWords(e.name());
    if (words.size() >= 2) names.push_back({e.id(), e.name(), std::move(words)});
  }
  for (const auto& [id, name, words] : names) {
    ASSIGN_OR_RETURN(RegistryMatches registry, RegistryNamed(run, words.back(), warta::v1::PERSON, published));
    if (words.size() >= 3) {
      // A shorter registered form ends before this name's last word: look
      // it up by its second word (the first is often "Muhammad", "Sri").
      const std::string& token = words[1].size() >= 3 ? words[1] : words[0];
      ASSIGN_OR_RETURN(RegistryMatches by_start, RegistryNamed(run, token, warta::v1::PERSON, published));
      registry.by_name_word.insert(by_start.by_name_word.begin(), by_start.by_name_word.end());
      registry.articles.insert(by_start.articles.begin(), by_start.articles.end());
    }
    // A name an article introduced as another's ("Andi Agustinus alias Andi
    // Narogong"; Nicknames above) is that person, when no one else the
    // registry finds by the name's last word goes by it too.
    {
      const std::string folded = absl::StrJoin(words, " ");
      std::optional<std::pair<std::string, std::string>> holder;
      int holders = 0;
      for (const auto& [other_id, aliases] : registry.aliases) {
        if (other_id == id || std::none_of(aliases.begin(), aliases.end(), [&](const std::string& a) {
              return FoldName(a) == folded;
            })) {
          continue;
        }
        ++holders;
        if (auto it = registry.by_nickname.find(other_id); it != registry.by_nickname.end()) {
          holder.emplace(other_id, it->second);
        }
      }
      if (holders == 1 && holder) {
        Relink(id, holder->first, holder->second, article);
        continue;
      }
    }
    // A form the registry already holds keeps its id, unless the other form
    // has more than twice its articles: the stream's first articles decide
    // which form registers first, and the later ones then follow the
    // person most articles name.
    const int64_t own = registry.by_name_word.count(id) > 0 ? registry.articles[id] : 0;
    std::optional<std::pair<std::string, std::string>> link;
    int related = 0;
    for (const auto& [other_id, other_name] : registry.by_name_word) {
      if (other_id == id) continue;
      const std::vector<std::string> other = StoryWords(other_name);
      const int64_t articles = registry.articles[other_id];
      bool part = false;
      if (articles >= kMinArticlesForPart && articles > 2 * own && CutBetweenWords(name, other_name)) {
        switch (PartOfName(words, other)) {
          case NamePart::kFirstWords: part = true; break;
          case NamePart::kLastWords:
            if (!story_people) {
              ASSIGN_OR_RETURN(story_people, StoryPeople(run, story, article.story_id()));
            }
            part = story_people->count(other_id) > 0;
            break;
          case NamePart::kNone:
            part = article_ids.count(other_id) == 0 &&
                   PartOfName(other, words) == NamePart::kFirstWords;
            break;
        }
      }
      const bool middle = own == 0 && (IsNameWithoutMiddle(words, other) || IsNameWithoutMiddle(other, words));
      if (part || middle) {
        ++related;
        link.emplace(other_id, other_name);
      }
    }
    if (related == 1) Relink(id, link->first, link->second, article);
  }
  return absl::OkStatus();
}

// "Maverick Vinales" was an organisation in 9 articles of the news demo
// and a person in 16; "Ace Showbiz" a person in 4 and an organisation in
// 41. A name of two words or more that the registry holds under another
// type in 5 articles at least, and in twice as many as under this one
// (counting this article), is that entity: the same name key gives the
// same 16 hex digits behind the other type's prefix. One-word names are
// left alone (cities are clubs too: "Milan", "Valencia"), and so are
// election tickets.
absl::Status LinkTypeVariants(const SqlRunner& run, warta::v1::EnrichedArticle& article) {
  constexpr int kMinArticles = 5;
  static constexpr const char* kPrefixes[] = {"per:", "org:", "loc:"};
  std::vector<std::string> own, ids;
  for (const auto& e : article.entities()) {
    if (!Registered(e.type()) || e.id().size() < 5 || e.id()[3] != ':' || IsTicket(e.name()) ||
        StoryWords(e.name()).size() < 2) {
      continue;
    }
    own.push_back(e.id());
    ids.push_back(e.id());
    for (const char* prefix : kPrefixes) {
      if (!absl::StartsWith(e.id(), prefix)) ids.push_back(absl::StrCat(prefix, e.id().substr(4)));
    }
  }
  if (own.empty()) return absl::OkStatus();
  ASSIGN_OR_RETURN(auto records, LoadRecords(run, ids));
  for (const std::string& id : own) {
    auto it = records.find(id);
    const int own_articles = (it == records.end() ? 0 : it->second.article_count()) + 1;
    const warta::v1::EntityRecord* best = nullptr;
    for (const char* prefix : kPrefixes) {
      if (absl::StartsWith(id, prefix)) continue;
      auto other = records.find(absl::StrCat(prefix, id.substr(4)));
      if (other == records.end()) continue;
      if (best == nullptr || other->second.article_count() > best->article_count()) best = &other->second;
    }
    if (best == nullptr || best->article_count() < kMinArticles ||
        best->article_count() < 2 * own_articles) {
      continue;
    }
    Relink(id, best->id(), best->name(), article);
    for (auto& e : *article.mutable_entities()) {
      if (e.id() == best->id()) e.set_type(best->type());
    }
  }
  return absl::OkStatus();
}

}  // namespace

std::string FoldName(std::string_view name) {
  return absl::StrJoin(StoryWords(name), " ");
}

absl::Status LinkShortNames(const SqlRunner& run, const StoryState* story,
                            warta::v1::EnrichedArticle& article) {
  RETURN_IF_ERROR(LinkTypeVariants(run, article));
  // id, the short name's words: one word, or a surname with its particles.
  std::vector<std::pair<std::string, std::vector<std::string>>> short_names;
  // Names that only a nickname the news introduced can link.
  struct ByNickname {
    std::string id, word, written;
    warta::v1::EntityType type;
  };
  std::vector<ByNickname> by_nickname;
  for (const auto& e : article.entities()) {
    if (e.id().empty()) continue;
    if (e.type() != warta::v1::PERSON && e.type() != warta::v1::ORGANIZATION) continue;
    std::vector<std::string> words = StoryWords(e.name());
    if (e.type() == warta::v1::PERSON && IsSurnameWithParticles(words)) {
      short_names.emplace_back(e.id(), std::move(words));
      continue;
    }
    if (words.size() != 1) continue;
    // Two capitals ("JK") are a person's initials: the one person the news
    // introduced by them ("Jusuf Kalla (JK)"), never a word of a name.
    // "JK" alone had been a person of its own in 9 articles of the news demo.
    if (e.type() == warta::v1::PERSON && IsTwoCapitals(e.name())) {
      by_nickname.push_back({e.id(), words[0], e.name(), e.type()});
      continue;
    }
    if (words[0].size() < 3) continue;
    if (e.type() == warta::v1::PERSON) {
      short_names.emplace_back(e.id(), std::move(words));
    } else {
      by_nickname.push_back({e.id(), words[0], e.name(), e.type()});
    }
  }
  const int64_t published = PublishedAtNanos(article);
  // An organisation's acronym alone ("PSSI") is the one recent organisation
  // an article introduced by it ("Persatuan Sepakbola Seluruh Indonesia
  // (PSSI)"); words of names are no evidence for organisations ("United").
  // The acronym as written: the film "Pan" is no "PAN" (Partai Amanat Nasional).
  for (const auto& [id, word, written, type] : by_nickname) {
    ASSIGN_OR_RETURN(RegistryMatches registry, RegistryNamed(run, word, type, published));
    if (registry.by_nickname.size() != 1) continue;
    const auto& [to, name] = *registry.by_nickname.begin();
    if (to != id && registry.aliases[to].count(written) > 0) Relink(id, to, name, article);
  }
  std::optional<std::map<std::string, std::string>> story_people;  // read when needed
  if (short_names.empty()) return LinkFullerNames(run, story, published, story_people, article);
  ASSIGN_OR_RETURN(story_people, StoryPeople(run, story, article.story_id()));
  for (const auto& [id, word] : short_names) {
    auto link = OnlyFullName(word, *story_people);
    if (!link) {
      ASSIGN_OR_RETURN(RegistryMatches registry,
                       RegistryNamed(run, word.back(), warta::v1::PERSON, published));
      // A nickname someone was introduced by is stronger evidence than a
      // word of a name ("Jokowi" is Joko Widodo, not the headline "JOKOWI
      // AHOK" some tagger made a person).
      if (registry.by_nickname.size() == 1) {
        link.emplace(*registry.by_nickname.begin());
      } else if (registry.by_nickname.empty()) {
        link = OnlyFullName(word, registry.by_name_word);
        if (!link) link = DominantFullName(word, registry);
      }
    }
    if (link && link->first != id) Relink(id, link->first, link->second, article);
  }
  return LinkFullerNames(run, story, published, story_people, article);
}

absl::Status RecordEntities(const SqlRunner& run, const warta::v1::EnrichedArticle& article) {
  std::vector<const warta::v1::Entity*> entities;
  std::vector<std::string> ids;
  absl::flat_hash_set<std::string> seen;
  for (const auto& e : article.entities()) {
    if (!Registered(e.type()) || e.id().empty() || !seen.insert(e.id()).second) continue;
    entities.push_back(&e);
    ids.push_back(e.id());
  }
  ASSIGN_OR_RETURN(auto records, LoadRecords(run, ids));
  const int64_t published = PublishedAtNanos(article);
  for (const warta::v1::Entity* e : entities) {
    warta::v1::EntityRecord& record = records[e->id()];
    const bool is_new = record.id().empty();
    const std::string name_before = record.name();
    Merge(*e, published, record);
    auto nanos = [](bool has, const google::protobuf::Timestamp& t) {
      return has ? TimestampToNanos(t) : int64_t{0};
    };
    RETURN_IF_ERROR(run({"INSERT INTO entity_registry (entity_id, type, search, mention_count, "
                         "first_seen, last_seen, data) VALUES (?, ?, ?, ?, ?, ?, ?) "
                         "ON CONFLICT (entity_id) DO UPDATE SET search = excluded.search, "
                         "mention_count = excluded.mention_count, "
                         "first_seen = excluded.first_seen, last_seen = excluded.last_seen, "
                         "data = excluded.data",
                         {record.id(), int64_t{record.type()}, SearchColumn(record),
                          record.mention_count(),
                          nanos(record.has_first_seen(), record.first_seen()),
                          nanos(record.has_last_seen(), record.last_seen()),
                          SqlBlob{record.SerializeAsString()}}})
                        .status());
    // Full person names, and the nicknames people and organisations were
    // introduced by, are what short names link to.
    const std::vector<std::string> words = StoryWords(record.name());
    const bool person = record.type() == warta::v1::PERSON;
    if ((person || record.type() == warta::v1::ORGANIZATION) && words.size() >= 2) {
      std::set<std::string> tokens;
      if ((is_new || record.name() != name_before) && person) {
        for (const std::string& w : words) {
          if (w.size() >= 3) tokens.insert(w);
        }
      }
      for (std::string& nickname : Nicknames(*e)) tokens.insert(std::move(nickname));
      for (const std::string& w : tokens) {
        RETURN_IF_ERROR(run({"INSERT INTO entity_name_tokens (token, entity_id) VALUES (?, ?) "
                             "ON CONFLICT (token, entity_id) DO NOTHING",
                             {w, record.id()}})
                            .status());
      }
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<warta::v1::ListEntitiesResponse> ListEntitiesVia(
    const SqlRunner& run, const warta::v1::ListEntitiesRequest& request) {
  if (request.type() != warta::v1::ENTITY_TYPE_UNSPECIFIED && !Registered(request.type())) {
    return absl::InvalidArgumentError(
        "the registry holds people, organisations and places; type must be one of them");
  }
  auto make = [&](const std::optional<PageKey>& after, int limit) {
    SqlQuery q{"SELECT mention_count, entity_id, 0, data FROM entity_registry WHERE 1 = 1", {}};
    if (const std::string folded = FoldName(request.query()); !folded.empty()) {
      // The start of the name, of an alias or of one of their words: "put"
      // finds Vladimir Putin, not "computing".
      q.sql += absl::StrCat(" AND (search", kLikeEscaped, " OR search", kLikeEscaped, ")");
      q.args.push_back(LikePattern("%|", folded, "%"));
      q.args.push_back(LikePattern("% ", folded, "%"));
    }
    if (request.type() != warta::v1::ENTITY_TYPE_UNSPECIFIED) {
      q.sql += " AND type = ?";
      q.args.push_back(int64_t{request.type()});
    }
    if (request.has_seen_after()) {
      q.sql += " AND last_seen != 0 AND last_seen >= ?";
      q.args.push_back(TimestampToNanos(request.seen_after()));
    }
    if (request.has_seen_before()) {
      q.sql += " AND first_seen != 0 AND first_seen < ?";
      q.args.push_back(TimestampToNanos(request.seen_before()));
    }
    if (after) {
      q.sql += " AND (mention_count < ? OR (mention_count = ? AND entity_id > ?))";
      q.args.insert(q.args.end(), {after->published_at, after->published_at, after->id});
    }
    q.sql += " ORDER BY mention_count DESC, entity_id LIMIT ?";
    q.args.push_back(int64_t{limit} + 1);
    return q;
  };
  warta::v1::ListEntitiesResponse response;
  ASSIGN_OR_RETURN(std::string next,
                   RunKeysetPage(RowsPageRunner(run), kEntitiesPage, request.page_size(),
                                 request.page_token(), make,
                                 [&response](std::string_view data) -> absl::Status {
                                   ASSIGN_OR_RETURN(*response.add_entities(),
                                                    ParseStored<warta::v1::EntityRecord>(
                                                        data, "entity"));
                                   return absl::OkStatus();
                                 }));
  response.set_next_page_token(std::move(next));
  return response;
}

namespace {

absl::Status AddCoOccurring(const SqlRunner& run, std::string_view id,
                            warta::v1::EntityDetail& detail) {
  // Over the entity's latest 500 articles, so the cost stays bounded.
  ASSIGN_OR_RETURN(
      SqlRows rows,
      run({"SELECT e2.entity_id, count(*) AS n FROM entities e2 WHERE e2.article_id IN "
           "(SELECT e1.article_id FROM entities e1 JOIN articles a ON a.id = e1.article_id "
           "WHERE e1.entity_id = ? ORDER BY a.seq DESC LIMIT 500) AND e2.entity_id != ? "
           "AND e2.type IN (1, 2, 3) GROUP BY e2.entity_id ORDER BY n DESC, e2.entity_id "
           "LIMIT 10",
           {std::string(id), std::string(id)}}));
  std::vector<std::string> ids;
  for (const auto& row : rows) ids.emplace_back(BytesOf(row[0]));
  ASSIGN_OR_RETURN(auto records, LoadRecords(run, ids));
  for (const auto& row : rows) {
    auto it = records.find(std::string(BytesOf(row[0])));
    if (it == records.end()) continue;
    warta::v1::CoOccurrence* co = detail.add_co_occurring();
    *co->mutable_entity() = it->second;
    co->set_articles(static_cast<int32_t>(IntOf(row[1])));
  }
  return absl::OkStatus();
}

absl::Status AddStories(const SqlRunner& run, std::string_view id,
                        warta::v1::EntityDetail& detail) {
  ASSIGN_OR_RETURN(SqlRows rows,
                   run({"SELECT s.data FROM stories s WHERE s.story_id IN (SELECT a.story_id "
                        "FROM entities e JOIN articles a ON a.id = e.article_id "
                        "WHERE e.entity_id = ?) ORDER BY s.last_arrival DESC LIMIT 20",
                        {std::string(id)}}));
  for (const auto& row : rows) {
    ASSIGN_OR_RETURN(StoryState state, ParseStored<StoryState>(BytesOf(row[0]), "story"));
    *detail.add_stories() = StorySummary(state);
  }
  return absl::OkStatus();
}

absl::Status AddClaims(const SqlRunner& run, std::string_view id,
                       warta::v1::EntityDetail& detail) {
  ASSIGN_OR_RETURN(SqlRows rows,
                   run({"SELECT data FROM claims WHERE speaker_entity_id = ? "
                        "ORDER BY published_at DESC, article_id, idx LIMIT 50",
                        {std::string(id)}}));
  for (const auto& row : rows) {
    ASSIGN_OR_RETURN(*detail.add_claims(),
                     ParseStored<warta::v1::StoredClaim>(BytesOf(row[0]), "claim"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<warta::v1::EntityDetail> GetEntityVia(const SqlRunner& run, std::string_view id) {
  ASSIGN_OR_RETURN(auto records, LoadRecords(run, {std::string(id)}));
  auto it = records.find(std::string(id));
  if (it == records.end()) {
    return absl::NotFoundError(
        absl::StrCat("no entity with id \"", std::string(id), "\" is in the registry"));
  }
  warta::v1::EntityDetail detail;
  *detail.mutable_entity() = it->second;
  RETURN_IF_ERROR(AddCoOccurring(run, id, detail));
  RETURN_IF_ERROR(AddStories(run, id, detail));
  RETURN_IF_ERROR(AddClaims(run, id, detail));
  return detail;
}

}  // namespace warta::storage
