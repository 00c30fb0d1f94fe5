// The language stage: which language an article (and, where it changes,
// each paragraph) is written in, with a confidence, a reliability flag and
// the runner-up.
//
// How: CLD2 first, over the whole text. When CLD2 says the text belongs to
// the Indonesian/Malay/Javanese/Sundanese family (which CLD2 mostly calls
// Indonesian), a small trained model (NusantaraModel, loaded from bytes)
// decides within the family. In short texts, where names can sway CLD2,
// the words that are not names can overrule its call (family vocabulary
// sends the text to the model; English vocabulary makes it English). A language hint and the source's domain (.id,
// .my) are priors that tip close calls, never overrides.
//
// Pure: no files, clocks or environment. Thread-safety: immutable after
// Create; Process and Identify are const and safe from many threads.
#ifndef WARTA_ENRICHMENT_LANGUAGE_LANGUAGE_IDENTIFIER_H_
#define WARTA_ENRICHMENT_LANGUAGE_LANGUAGE_IDENTIFIER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "enrichment/document.h"
#include "enrichment/language/nusantara_model.h"

namespace warta::enrichment {

struct Cld2Output;

// The model file, relative to the models directory (the repository's
// models/, or a service's --models_dir).
inline constexpr std::string_view kLanguageModelFile = "langid/nusantara-v1.bin";
// The optional reranker for languages CLD2 confuses with each other
// (Bosnian/Croatian/Serbian, Catalan/Spanish/Portuguese, ...).
inline constexpr std::string_view kConfusableModelFile = "langid/confusable-v1.bin";

// Groups of languages CLD2 mixes up. When CLD2's answer is in a group, the
// confusable model decides among the group's languages only. The trainer
// reads the same table, so the model's classes are these languages.
inline constexpr std::string_view kConfusableGroups[][5] = {
    {"bs", "hr", "sr", "mk", "bg"},
    {"ca", "es", "pt", "", ""},
    {"da", "nb", "sv", "", ""},
    {"cs", "sk", "sl", "", ""},
    {"af", "nl", "", "", ""},
};

struct LanguageOptions {
  // Bytes of models/langid/nusantara-v1.bin. Required.
  std::string model;
  // Bytes of models/langid/confusable-v1.bin. Optional: empty leaves CLD2's
  // calls outside the Indonesian family as they are.
  std::string confusable_model;
  // Added to the group language CLD2 names when it calls it reliable, in
  // the confusable model's log-odds.
  double confusable_cld2_prior = 1.0;
  // Added to a language's log-odds when the caller's hint names it (~e^1.5
  // = 4.5 times more likely): tips close calls, cannot overturn clear text.
  double hint_prior = 1.5;
  // The same for the source's country domain (.id -> id; .my, .bn -> ms).
  double domain_prior = 0.75;
  // Added to the family language CLD2 names when CLD2 calls it reliable.
  // CLD2 is right about most real Malay and long Indonesian text; the model
  // is better on short, mixed and Javanese/Sundanese text. Both together
  // beat either.
  double cld2_prior = 2.0;
  // The model's log-odds are divided by this before the priors are added:
  // trained on a few hundred Malay sentences against thousands of
  // Indonesian ones, it is over-confident, and priors only count once its
  // scores are on a calibrated scale.
  double model_temperature = 1.0;
  // A paragraph is reported when it has at least this many letters and its
  // language differs from the article's.
  int min_paragraph_letters = 40;
  // Process judges an article's language on its first this-many bytes (0:
  // all of it); paragraphs are still checked over the whole text.
  int article_sample_bytes = 600;
};

class LanguageIdentifier {
 public:
  static absl::StatusOr<std::unique_ptr<LanguageIdentifier>> Create(
      const LanguageOptions& options);

  // Reads doc.text, doc.paragraphs (when empty, paragraphs are the text's
  // newline-separated blocks), doc.language_hint and doc.source; fills
  // doc.language. Empty text gives "und" and OK.
  absl::Status Process(Document& doc) const;

  // One text (a sentence or an article) with an optional hint ("id", "ms",
  // "en-US", ...) and source ("antaranews.com", "https://www.thestar.com.my/
  // ..."). Leaves `paragraphs` empty.
  LanguageResult Identify(std::string_view text, std::string_view hint = {},
                          std::string_view source = {}) const;

 private:
  LanguageIdentifier(LanguageOptions options,
                     std::unique_ptr<NusantaraModel> model,
                     std::unique_ptr<NusantaraModel> confusable);

  struct Judgement;
  Judgement Judge(std::string_view text, std::string_view hint,
                  std::string_view source, bool want_chunks) const;
  // Whether the model decides within `code`'s group (id, ms, jv, su).
  bool InFamily(std::string_view code) const;
  // Decides among `model`'s classes whose bit is set in `allowed`, with the
  // priors; false when the model sees no features in `text`.
  // `by_vocabulary`: the text's words (not CLD2) put it in the family, so
  // CLD2's other languages get no share of the result.
  bool Refine(const NusantaraModel& model, uint64_t allowed, double cld2_prior,
              std::string_view text, const Cld2Output& cld,
              std::string_view hint_code, std::string_view tld,
              bool by_vocabulary, LanguageResult& r) const;

  LanguageOptions options_;
  std::unique_ptr<NusantaraModel> model_;
  std::unique_ptr<NusantaraModel> confusable_;  // may be null
};

// The country-code top-level domain of a source ("www.thestar.com.my" or a
// URL -> "my"); empty when the source has none.
std::string SourceCountryDomain(std::string_view source);

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_LANGUAGE_LANGUAGE_IDENTIFIER_H_
