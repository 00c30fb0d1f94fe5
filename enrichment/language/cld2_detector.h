// A thin wrapper over CLD2 (Debian libcld2): one call that returns the top
// three languages with their share of the text, CLD2's reliability flag and,
// on request, the per-chunk languages, with codes mapped to ISO 639-1 /
// BCP-47 ("jw" -> "jv", "iw" -> "he", "no" -> "nb", "un" -> "und").
//
// Used by LanguageIdentifier, and on its own as the baseline that
// `warta eval langid --engine=cld2` and bench_language measure.
//
// Thread-safety: CLD2's tables are static and read-only; DetectWithCld2 is
// safe to call from many threads.
#ifndef WARTA_ENRICHMENT_LANGUAGE_CLD2_DETECTOR_H_
#define WARTA_ENRICHMENT_LANGUAGE_CLD2_DETECTOR_H_

#include <string>
#include <string_view>
#include <vector>

namespace warta::enrichment {

struct Cld2Hints {
  std::string_view language;  // e.g. "id", "ms"; empty for none
  std::string_view tld;       // e.g. "id", "my"; empty for none
};

struct Cld2Chunk {
  int begin = 0;  // byte offsets into the text passed in
  int end = 0;
  std::string code;  // "und" for chunks CLD2 could not call
};

struct Cld2Language {
  std::string code;
  int percent = 0;  // share of the text's letters, 0..100
};

struct Cld2Output {
  std::string code = "und";            // CLD2's summary language
  bool reliable = false;
  int text_bytes = 0;                  // letters CLD2 scored
  std::vector<Cld2Language> top;       // up to 3, best first, no "und"
  std::vector<Cld2Chunk> chunks;       // only when asked for
};

// Never fails: text CLD2 cannot judge (empty, digits only, invalid UTF-8
// from its first byte) gives code "und". Short text gets CLD2's best effort
// rather than "und".
Cld2Output DetectWithCld2(std::string_view text, const Cld2Hints& hints = {},
                          bool want_chunks = false);

// Maps CLD2's code to ISO 639-1 / BCP-47.
std::string NormalizeCld2Code(std::string_view cld2_code);

// Lower-cases a language tag from the outside world and maps common
// three-letter and legacy forms to the codes this stage outputs:
// "id-ID" -> "id", "in"/"ind" -> "id", "msa"/"zsm"/"may" -> "ms",
// "jw"/"jav" -> "jv", "sun" -> "su", "eng" -> "en". Empty stays empty.
std::string NormalizeLanguageTag(std::string_view tag);

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_LANGUAGE_CLD2_DETECTOR_H_
