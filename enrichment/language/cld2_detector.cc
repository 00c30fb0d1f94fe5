#include "enrichment/language/cld2_detector.h"

// CLD2's header uses FILE without including <cstdio>.
#include <cstdio>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <string>

#include "absl/strings/ascii.h"

namespace warta::enrichment {

std::string NormalizeCld2Code(std::string_view cld2_code) {
  if (cld2_code == "un" || cld2_code.empty()) return "und";
  if (cld2_code == "jw") return "jv";
  if (cld2_code == "iw") return "he";
  if (cld2_code == "no") return "nb";
  if (cld2_code == "in") return "id";
  return std::string(cld2_code);
}

std::string NormalizeLanguageTag(std::string_view tag) {
  std::string primary = absl::AsciiStrToLower(
      std::string(tag.substr(0, tag.find_first_of("-_"))));
  if (primary == "in" || primary == "ind") return "id";
  if (primary == "msa" || primary == "zsm" || primary == "may" ||
      primary == "zlm") {
    return "ms";
  }
  if (primary == "jw" || primary == "jav") return "jv";
  if (primary == "sun") return "su";
  if (primary == "eng") return "en";
  return primary;
}

Cld2Output DetectWithCld2(std::string_view text, const Cld2Hints& hints,
                          bool want_chunks) {
  Cld2Output out;
  if (text.empty()) return out;
  // CLD2 wants NUL-terminated hint strings.
  const std::string language_hint(hints.language);
  const std::string tld_hint(hints.tld);
  CLD2::CLDHints cld_hints = {
      language_hint.empty() ? nullptr : language_hint.c_str(),
      tld_hint.empty() ? nullptr : tld_hint.c_str(), CLD2::UNKNOWN_ENCODING,
      CLD2::UNKNOWN_LANGUAGE};
  // CLD2 leaves these untouched when it rejects the input (invalid UTF-8).
  CLD2::Language language3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE,
                                 CLD2::UNKNOWN_LANGUAGE};
  int percent3[3] = {0, 0, 0};
  double normalized_score3[3] = {0, 0, 0};
  CLD2::ResultChunkVector chunks;
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix_bytes = 0;
  int length = static_cast<int>(text.size());
  CLD2::Language summary = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), length, /*is_plain_text=*/true, &cld_hints,
      CLD2::kCLDFlagBestEffort, language3, percent3, normalized_score3,
      want_chunks ? &chunks : nullptr, &text_bytes, &reliable,
      &valid_prefix_bytes);
  if (valid_prefix_bytes < length && valid_prefix_bytes > 0) {
    // Judge the valid part rather than give up on a whole article for one
    // stray byte near its end.
    length = valid_prefix_bytes;
    chunks.clear();
    summary = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        text.data(), length, true, &cld_hints, CLD2::kCLDFlagBestEffort,
        language3, percent3, normalized_score3,
        want_chunks ? &chunks : nullptr, &text_bytes, &reliable,
        &valid_prefix_bytes);
  }
  out.code = NormalizeCld2Code(CLD2::LanguageCode(summary));
  out.reliable = reliable;
  out.text_bytes = text_bytes;
  for (int i = 0; i < 3; ++i) {
    if (language3[i] == CLD2::UNKNOWN_LANGUAGE || percent3[i] <= 0) continue;
    out.top.push_back(
        {NormalizeCld2Code(CLD2::LanguageCode(language3[i])), percent3[i]});
  }
  if (want_chunks) {
    out.chunks.reserve(chunks.size());
    for (const CLD2::ResultChunk& c : chunks) {
      out.chunks.push_back(
          {c.offset, c.offset + c.bytes,
           NormalizeCld2Code(
               CLD2::LanguageCode(static_cast<CLD2::Language>(c.lang1)))});
    }
  }
  return out;
}

}  // namespace warta::enrichment
