// Rules about person names that both the enrichment (within an
// article) and the store (across articles) apply, on names already split
// into folded words.
#ifndef WARTA_COMMON_PERSON_NAMES_H_
#define WARTA_COMMON_PERSON_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

namespace warta {

// Whether `shorter` is the same person's name as `longer` without some of
// its middle names ("anies baswedan" of "anies rasyid baswedan"): the same
// first and last word, the rest in order, two words at least. Different
// people rarely share a first and a last name around one middle name;
// the first or last word alone ("Anies", "Baswedan") is no such evidence.
bool IsNameWithoutMiddle(const std::vector<std::string>& shorter,
                         const std::vector<std::string>& longer);

// Whether `part` is `whole` cut short at one end, two words at least: its
// first words ("sri mulyani" of "sri mulyani indrawati") or its last ones
// ("suu kyi" of "aung san suu kyi"). A generation's suffix among the words
// cut off makes another person ("donald trump" is not "donald trump jr").
enum class NamePart { kNone, kFirstWords, kLastWords };
// "jr", "sr", "ii", "iii", "iv" (folded words).
bool IsGenerationSuffix(std::string_view word);
NamePart PartOfName(const std::vector<std::string>& part, const std::vector<std::string>& whole);

// An election ticket: two names joined by a hyphen before a capital, either
// one word ("Anies-Sandi", "Jokowi-JK") or two names of two words or more
// ("Agus Harimurti Yudhoyono-Sylviana Murni"): the full name of neither, so
// no short form joins it. "Jean-Pierre Papin" and "Kim Jong-un" are one
// person's name.
bool IsTicket(std::string_view name);

// Whether `words` is a surname with its particles, "de bruyne", "van der
// sar", "bin laden": particles, then one word. News calls such a person by
// that surname as others by one word ("De Bruyne mengatakan"), so it is a
// short form of the full name it ends ("kevin de bruyne").
bool IsSurnameWithParticles(const std::vector<std::string>& words);

}  // namespace warta

#endif  // WARTA_COMMON_PERSON_NAMES_H_
