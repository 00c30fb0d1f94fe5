// The words the quantity parser reads around numbers, Indonesian and
// English: qualifiers ("sekitar", "lebih dari", "at least"), scale words
// ("juta", "billion"), number words ("dua puluh", "twenty"), currencies, and
// the words that tell a count from a date or a label ("4 November",
// "Pasal 4"). Built into the binary: short, hand-written lists.
//
// Every word is lower-case ASCII (compared against AsciiLower of a word).
// Thread-safe: immutable function-local statics.
#ifndef WARTA_ENRICHMENT_QUANTITIES_QUANTITY_LEXICON_H_
#define WARTA_ENRICHMENT_QUANTITIES_QUANTITY_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace warta::enrichment::quantity_lexicon {

// A phrase before a number and the qualifier it gives ("more_than", ...).
struct Qualifier {
  std::vector<std::string_view> words;
  std::string_view qualifier;
};

// Longest phrases first: the first match wins.
const std::vector<Qualifier>& PrefixQualifiers();

// PrefixQualifiers by their first word, each list in PrefixQualifiers'
// order (the first match still wins): one lookup per word of the text
// instead of trying every phrase at every word.
const std::unordered_map<std::string_view, std::vector<const Qualifier*>>&
PrefixQualifiersByFirstWord();

// "juta" -> 1e6: multiplies the number before.
const std::unordered_map<std::string, double>& ScaleWords();

// "ribuan pasukan": a count known only by its order of magnitude.
const std::unordered_map<std::string, double>& OrderWords();

// Digit and teen words ("dua", "sebelas", "twenty").
const std::unordered_map<std::string, double>& NumberWords();

// "belas", "puluh", "ratus", "hundred": multiply the digit before ("belas"
// is -10: it adds ten).
const std::unordered_map<std::string, double>& NumberMultipliers();

// Currency words after an amount -> ISO 4217 ("dolar" -> "USD").
const std::unordered_map<std::string, std::string>& CurrencyWords();

// Words that never name what is counted.
const std::unordered_set<std::string>& UnitStopWords();

// Adjectives and adverbs that follow a year in a sentence ("2016 naik",
// "2017 baru"); after a year-like number they name no unit.
const std::unordered_set<std::string>& YearFollowerWords();

// Month names and abbreviations: "4 November" is a date, not a count.
const std::unordered_set<std::string>& MonthWords();

// A number right after these words is a label, not an amount ("Pasal 4").
const std::unordered_set<std::string>& LabelWords();

// Classifiers that take a modifier noun ("peluru artileri", "butir
// amunisi"), and those modifiers.
const std::unordered_set<std::string>& ClassifierWords();
const std::unordered_set<std::string>& ModifierWords();

}  // namespace warta::enrichment::quantity_lexicon

#endif  // WARTA_ENRICHMENT_QUANTITIES_QUANTITY_LEXICON_H_
