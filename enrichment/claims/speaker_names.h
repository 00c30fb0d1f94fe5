// What may name a claim's speaker. A speaker is a real entity: a person, an
// organisation, or a country or place acting as one. Capitalised function
// words at a sentence start ("Saat", "Selain", "Namun", "Mereka"), titles
// alone ("Prof. Dr.", "Ketua", "Menteri Luar Negeri") and a first name that
// several people of the article share are not; a first name that one
// person of the article has stands for that person ("Sandi" -> "Sandiaga
// Uno").
//
// The claim extractor asks these questions of NER entities and of the
// capitalised words it takes as a name when the NER found none. Pure
// functions over hand-written word lists; thread-safe.
#ifndef WARTA_ENRICHMENT_CLAIMS_SPEAKER_NAMES_H_
#define WARTA_ENRICHMENT_CLAIMS_SPEAKER_NAMES_H_

#include <string_view>
#include <vector>

#include "enrichment/document.h"

namespace warta::enrichment {

enum class SpeakerName {
  kName,           // "Joko Widodo", "AS", "Kementerian Luar Negeri", "Wiranto"
  kFunctionWords,  // "Selain", "Saat", "Mereka", "Senin": nobody
  kBareTitle,      // "Prof. Dr.", "Ketua", "Menko Polhukam": whoever follows
};

// Classifies words as written. Acronyms ("AS", "DI") are names; a phrase
// with any name word is a name.
SpeakerName ClassifySpeakerName(std::string_view words);

// A word as written that can start a sentence but names nobody: a
// capitalised conjunction, preposition, pronoun, determiner, adverb, day or
// month ("Saat", "Menurut", "Dirinya", "Senin", "However"). Acronyms never are.
bool IsFunctionWord(std::string_view word);

// Titles, ranks and honorifics ("prof", "ketua", "menhub"); lower-case ASCII.
bool IsTitleWord(std::string_view lower);

// True when `word` (capitalised: "Polisi") also appears in `text` in lower
// case as a whole word ("polisi"): a common noun that starts a sentence,
// not a name.
bool AppearsInLowerCase(std::string_view text, std::string_view word);

// Whether a PERSON entity found by the NER can be a speaker in `text`: not
// a word with digits ("Covid-19", "Aman Covid-19"), not a single letter,
// and not one word that is a common noun ("Pencegahan", "Hukum": written in
// lower case in the article, or shaped like one).
bool CanBePersonSpeaker(std::string_view name, std::string_view text);

// A capitalised word that is a common noun wherever it stands: derived
// nouns ("Penempatan", "Perikanan", "Spekulasi", "Tampilannya") and nouns
// that start Indonesian news sentences ("Polisi", "Warga", "Nikah").
bool IsCommonNoun(std::string_view word);

// Words as written that name an organisation or a place, not a person:
// the first word is an office or institution ("Pemprov Jabar", "Kementerian
// Energi", "Polda Jawa Barat") or the whole is an acronym ("KPK").
bool LooksLikeOrganisation(std::string_view words);

struct ShortNameMatch {
  int entity = -1;  // the one matching PERSON entity, -1 when none or several
  int matches = 0;  // how many PERSON entities matched
};

// The full-name PERSON entity (two or more words; not `self`) that a one-word
// name stands for: the one whose first or last word is `name`; when none
// is, the one whose first word starts with `name` (4+ letters: "Sandi" ->
// "Sandiaga Uno", "Alex" -> "Alexander Marwata").
ShortNameMatch MatchShortName(std::string_view name, const std::vector<Entity>& entities,
                              int self = -1);

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_CLAIMS_SPEAKER_NAMES_H_
