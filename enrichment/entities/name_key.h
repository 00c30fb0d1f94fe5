// Folding names so spelling variants meet, and the stable entity ids built
// from the folded form.
//
// NameTokens: split on spaces, hyphens and apostrophes, drop other
// punctuation, lower-case, strip diacritics, and squeeze doubled letters
// ("Zelenskyy" -> "zelensky", "Kim Jong-Un" -> kim|jong|un,
// "Choe Son-hui" -> choe|son|hui), except in a short acronym ("PSSI" stays
// pssi: it is not PSI), and fold Indonesian old spellings and the
// "sy"/"sh" transcriptions ("Soekarno" -> sukarno, "Gadjah" -> gajah,
// "Tjahjo" -> cahjo, "Syihab" -> shihab). NameKey joins the tokens without spaces,
// so "Kim Jong Un" / "Kim Jong-un" / "Kim Jong-Un" share "kimjongun".
// EntityId = "<per|org|loc|date|money|qty>:" + 16 hex digits of a 64-bit
// FNV-1a hash of the key: a pure function of (type, key), hence the same in
// every article and every run.
//
// Pure and thread-safe.
#ifndef WARTA_ENRICHMENT_ENTITIES_NAME_KEY_H_
#define WARTA_ENRICHMENT_ENTITIES_NAME_KEY_H_

#include <string>
#include <string_view>
#include <vector>

#include "enrichment/document.h"

namespace warta::enrichment {

std::vector<std::string> NameTokens(std::string_view name);
std::string NameKey(const std::vector<std::string>& tokens);
inline std::string NameKey(std::string_view name) { return NameKey(NameTokens(name)); }
std::string EntityId(EntityType type, std::string_view key);

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_ENTITIES_NAME_KEY_H_
