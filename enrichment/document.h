// The in-memory article every enrichment stage reads and extends. Plain
// structs, no protobuf: the stages stay pure and testable on their own, and
// enrichment/pipeline.cc turns a finished Document into a
// warta.v1.EnrichedArticle.
//
// Offsets: all `begin`/`end` pairs are half-open UTF-8 byte offsets into
// Document::text (the cleaned, normalised body) unless a comment says
// otherwise. Document::original_offsets maps them back to Article.body.
//
// Not thread-safe; one Document per article, owned by the caller.
#ifndef WARTA_ENRICHMENT_DOCUMENT_H_
#define WARTA_ENRICHMENT_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace warta::enrichment {

struct Span {
  int begin = 0;
  int end = 0;
  int size() const { return end - begin; }
  bool operator==(const Span& o) const { return begin == o.begin && end == o.end; }
};

// A part of the original page that is not the article.
struct RemovedSpan {
  Span original;        // into the original body
  std::string reason;   // "related_link", "editor_pick", "image_credit", "share", "advertisement", ...
  std::string text;
};

// Output of the clean stage.
struct CleanResult {
  std::string title;
  std::vector<std::string> bylines;
  std::string dateline;
  // Seconds since the Unix epoch (UTC) of the publication time found in the
  // page; nullopt when none was found.
  std::optional<int64_t> published_at_unix;
  std::vector<RemovedSpan> removed;
  bool suspicious_cleaning = false;
};

enum class TokenKind : uint8_t {
  kWord,         // letters, with inner hyphens/apostrophes ("kawan-kawan", "Jong-un")
  kNumber,       // "10.000", "3,5", "2024"
  kPunctuation,
  kSymbol,       // "$", "%", "€"
  kDate,         // "(1/11/2024)" style compact dates, "21/1/2024"
  kOther,
};

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
};

struct Sentence {
  Span span;
  int first_token = 0;  // index into Document::tokens
  int end_token = 0;    // one past the last token
};

struct Paragraph {
  Span span;
};

struct LanguageGuess {
  std::string code;   // ISO 639-1 or BCP-47
  double confidence = 0;
};

struct LanguageResult {
  std::string code;   // "id", "ms", "en", "jv", "su", ... or "und"
  double confidence = 0;
  bool reliable = false;
  std::vector<LanguageGuess> alternatives;  // runner-up first
  struct ParagraphLanguage {
    Span span;
    std::string code;
    double confidence = 0;
  };
  // Only paragraphs whose language differs from `code`.
  std::vector<ParagraphLanguage> paragraphs;
};

enum class EntityType : uint8_t {
  kPerson, kOrganization, kLocation, kDate, kMoney, kQuantity,
};

struct Mention {
  Span span;
};

struct Entity {
  std::string id;    // stable across articles and runs
  EntityType type = EntityType::kPerson;
  std::string name;  // canonical
  std::vector<std::string> aliases;
  // Names the article introduced it by ("(Jokowi)", "alias Ahok"), with the
  // id each gets alone; also in aliases.
  struct Nickname {
    std::string name, id;
  };
  std::vector<Nickname> nicknames;
  std::vector<std::string> roles;
  std::vector<Mention> mentions;
  std::string kb_id;
  std::string normalized;  // ISO date, amount
};

enum class ClaimKind : uint8_t { kDirectQuote, kReported };

struct Quantity {
  double value = 0;
  std::string unit;
  // "exact", "approximately", "at_least", "at_most", "more_than", "less_than", "order_of_magnitude"
  std::string qualifier = "exact";
  bool exact_value = true;
  // A range ("3.000-5.000 tentara", "antara 10 dan 12 persen"): low < high,
  // value = low, qualifier "range", exact_value false. Both 0 otherwise.
  double low = 0;
  double high = 0;
  Span span;
};

struct Claim {
  ClaimKind kind = ClaimKind::kDirectQuote;
  int speaker_entity = -1;  // index into Document::entities, -1 when unknown
  std::string speaker_name; // when not an entity (or a copy of its name)
  Span speaker_span;        // the words naming the speaker here (may be empty)
  Span cue;
  Span content;
  std::vector<Quantity> quantities;
  std::vector<int> subject_entities;  // indices into Document::entities
};

struct Document {
  // Inputs.
  std::string original;       // Article.body as received
  std::string title_hint;     // Article.title, may be empty
  std::string language_hint;  // Article.language_hint, may be empty
  std::string source;         // Article.source / URL host, may be empty
  std::optional<int64_t> published_at_unix;  // Article.published_at

  // Clean stage.
  CleanResult clean;
  std::string text;  // cleaned, NFC-normalised body
  // original_offsets[i] = byte offset in `original` of text[i]; size
  // text.size() + 1 (the last entry maps the end).
  std::vector<int> original_offsets;

  // Segment stage.
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;

  // Language stage.
  LanguageResult language;

  // Entities stage (the DATE, MONEY and QUANTITY taggers append).
  std::vector<Entity> entities;

  // Quantities stage: every amount found, in text order, with its unit and
  // qualifier (the MONEY / QUANTITY entities keep only spans).
  std::vector<Quantity> quantities;

  // Claims stage.
  std::vector<Claim> claims;

  std::string_view Text(Span s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
};

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_DOCUMENT_H_
