// Names of well-known places and organisations in Indonesian and English,
// grouped so that spelling variants meet ("Moskow" / "Moskwa" / "Moscow",
// "Kiev" / "Kyiv", "Korut" / "Korea Utara" / "North Korea", "AS" /
// "Amerika Serikat"). Built from packaged ICU data (country display names in
// id and en; time-zone exemplar cities in id and en plus the city in the
// zone id) and a short, documented list of common Indonesian abbreviations
// and exonyms in place_names.cc. No person names: those come from the model.
//
// The groups also feed the NER model's gazetteer features.
//
// Pure; BuiltinAliasGroups() builds once and is thread-safe.
#ifndef WARTA_ENRICHMENT_ENTITIES_PLACE_NAMES_H_
#define WARTA_ENRICHMENT_ENTITIES_PLACE_NAMES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "enrichment/entities/ner_features.h"

namespace warta::enrichment {

struct AliasGroup {
  int type = 2;             // ner::TypeName numbering: 1 ORGANIZATION, 2 LOCATION
  std::string code;         // ISO region code ("KP") or time-zone id; empty for bodies
  std::string name_id;      // canonical Indonesian name (also the id key)
  std::string name_en;      // English name
  std::vector<std::string> names;  // every spelling, including the two above
  // How many of `names` the committed NER model was trained with; later
  // spellings ("Perancis") name and join entities but stay out of
  // BuiltinGazetteer() and the label conventions, like late groups.
  size_t model_names = SIZE_MAX;
  // False for the groups added after the committed NER model was trained:
  // they name and type entities but stay out of BuiltinGazetteer(), whose
  // entries are features of that model (so it still rebuilds byte for byte).
  bool in_gazetteer = true;
  // False for groups the trainer's label conventions leave out
  // (eval/ner/label_conventions.h relabels O-labelled place names as
  // LOCATION in idner_news_2k's train split and, for
  // --known_places_as_locations, its dev split): Indonesia's provinces,
  // added after the committed model was trained. Relabelling them moved
  // the shared weights the English variant is taken with (GUM dev 0.680
  // -> 0.658) for no Indonesian gain (idner W 0.880 -> 0.881, NERGrit
  // 0.727 -> 0.730, NERP 0.804 -> 0.801).
  bool in_label_conventions = true;
};

// The BuiltinAliasGroups() index of a name as written ("Korut", "North
// Korea", "U.S."), by NameKey; -1 when none. Keys that only abbreviations
// spell and that are short enough to be words ("AS", "US", "WHO") match
// only a name written without lower-case letters: "As the war ..." and
// "Who said it?" name nobody. Adjectives ("North Korean", "Ukrainian")
// are not names of places.
int FindAliasGroup(std::string_view name);

// Whether `name` (as written) names its group only standing alone: "Barat"
// is the West in "Barat telah mengklaim", not in "Jawa Barat".
bool NamesOnlyAlone(std::string_view name);

// The groups, built on first use.
const std::vector<AliasGroup>& BuiltinAliasGroups();

// Multi-word names for the NER model's gazetteer (lower-cased, split on
// spaces), from BuiltinAliasGroups(); abbreviations shorter than 4 letters
// are left out because in lower case they are ordinary words ("as").
std::vector<ner::GazetteerEntry> BuiltinGazetteer();

// A word naming a kind of place that belongs to the name after it
// ("kota" Semarang, "Kabupaten" Pati, "Pulau" Jawa); lower-cased input.
bool IsPlaceKindWord(std::string_view lower);
// ... or any common noun for a kind of place or building ("taman",
// "gedung", "pasar"): alone, never a name ("Taman bermain Disneyland").
bool IsGenericPlaceNoun(std::string_view lower);

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_ENTITIES_PLACE_NAMES_H_
