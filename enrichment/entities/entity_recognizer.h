// The entities stage: finds the people, organisations and places of an
// article with the NER model (ner_model.h) and folds their mentions into
// canonical entities with stable ids.
//
// Canonical entities, within an article:
//  - Mentions whose names fold to the same key (name_key.h) are one entity:
//    "Kim Jong-un" / "Kim Jong-Un" / "Kim Jong Un", "Zelenskyy" / "Zelensky".
//  - Known places and organisations meet across spellings and languages
//    through place_names.h ("Moskow" / "Moskwa" / "Moscow", "Kiev" / "Kyiv",
//    "Korut" / "Korea Utara", "AS" / "Amerika Serikat"); their type and
//    canonical (Indonesian) name come from there.
//  - A shorter name that is a run of the words of a longer person name in
//    the same article is that person ("Choe" and "Choe Son" -> "Choe Son
//    Hui", "Putin" -> "Vladimir Putin"); if several people fit, the one
//    mentioned most.
//  - Titles and roles are attributes: "Menteri Luar Negeri Korea Utara Choe
//    Son Hui" is the person Choe Son Hui with the role "Menteri Luar Negeri
//    Korea Utara" (a run of title words and capitalised words before the
//    name that starts with a title word).
// Ids: EntityId(type, key of the canonical name), so the same in every
// article and run. An article that only says "Putin" gets the id of
// "Putin", not of "Vladimir Putin": the stage sees one article at a time.
// A knowledge base (knowledge_base.h) closes that gap: every alias of a KB
// entry gets the id of the KB name, and kb_id.
//
// EntityRecognizer is immutable after Create; Process is const and
// thread-safe.
#ifndef WARTA_ENRICHMENT_ENTITIES_ENTITY_RECOGNIZER_H_
#define WARTA_ENRICHMENT_ENTITIES_ENTITY_RECOGNIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "enrichment/document.h"
#include "enrichment/entities/knowledge_base.h"
#include "enrichment/entities/ner_model.h"

namespace warta::enrichment {

struct EntityOptions {
  // Bytes of models/ner/ner.model (required).
  std::string model;
  // Optional knowledge-base file contents (format in knowledge_base.h).
  std::string knowledge_base;
  // Use the built-in place/organisation alias groups (place_names.h).
  bool builtin_aliases = true;
};

class EntityRecognizer {
 public:
  static absl::StatusOr<std::unique_ptr<EntityRecognizer>> Create(const EntityOptions& options);

  // Reads doc.text, doc.tokens and doc.sentences (the segment stage's) and
  // doc.language; replaces doc.entities with the PERSON / ORGANIZATION /
  // LOCATION entities (the DATE, MONEY and QUANTITY taggers run afterwards
  // and append). No sentences, no entities.
  absl::Status Process(Document& doc) const;

  // Tags one pre-tokenised sentence: one tag per token, "O", "B-PERSON",
  // "I-ORGANIZATION", ... (IOB2). `language` (an ISO 639 code, as in
  // Document::language) picks the model's weights as Process does.
  std::vector<std::string> TagTokens(const std::vector<std::string>& tokens,
                                     std::string_view language = {}) const;

  // The model's weight set for text in `language`: "en" for English when
  // the model has it (trained on English, GUM); empty otherwise, which
  // lets the model choose by the sentence's case (Indonesian news weights,
  // or the caseless ones).
  std::string_view VariantFor(std::string_view language) const;

  const ner::NerModel& model() const { return *model_; }

 private:
  struct RawMention;
  struct MentionGroup;

  EntityRecognizer() = default;

  // The steps of Process.
  void TagSentence(const Document& doc, const std::vector<Token>& tokens, const Sentence& s,
                   std::string_view variant, std::vector<RawMention>& mentions) const;
  static void DropCommonWordNames(const Document& doc, std::vector<RawMention>& mentions);
  void AddRepeatedNames(const Document& doc, std::vector<RawMention>& mentions) const;
  static void MarkEnglishCues(const Document& doc, std::vector<RawMention>& mentions);
  static void MarkNewsSources(const Document& doc, std::vector<RawMention>& mentions);
  static void DropKindAcronyms(const Document& doc, std::vector<RawMention>& mentions);
  void SplitGluedOrganisations(const Document& doc, std::vector<RawMention>& mentions) const;
  void ExtendEnglishFirstNames(const std::vector<std::string_view>& words,
                               std::vector<ner::TaggedSpan>& spans) const;
  std::vector<MentionGroup> GroupMentions(const std::vector<RawMention>& mentions) const;
  static void JoinBracketedNames(const Document& doc, const std::vector<RawMention>& mentions,
                                 std::vector<MentionGroup>& groups);
  static void JoinShortForms(std::vector<MentionGroup>& groups);
  void JoinTeamNicknames(const std::vector<RawMention>& mentions, std::vector<MentionGroup>& groups) const;
  void JoinOrganisationShortForms(const std::vector<RawMention>& mentions,
                                  std::vector<MentionGroup>& groups) const;
  static int OnlyNameStartingWith(const MentionGroup& g, const std::vector<MentionGroup>& groups);
  std::string OrganisationKey(std::vector<std::string> tokens) const;
  bool NotMostlyLowerCase(const std::string& lower) const;
  std::vector<Entity> MakeEntities(const Document& doc, const std::vector<RawMention>& mentions,
                                   std::vector<MentionGroup>& groups) const;

  // Pieces of TagSentence and MakeEntities.
  std::vector<ner::TaggedSpan> TrimSpans(const std::vector<std::string_view>& words, bool cased, bool english,
                                         std::vector<ner::TaggedSpan> spans) const;
  static std::vector<ner::TaggedSpan> DropRoleSpans(const std::vector<std::string_view>& words, bool english,
                                                    const std::vector<ner::TaggedSpan>& kept);
  void AddKnownNames(const Document& doc, const std::vector<Token>& tokens, const Sentence& s,
                     const std::vector<std::string_view>& words, bool english,
                     std::vector<ner::TaggedSpan>& spans) const;
  static std::string MostFrequentSpelling(const std::vector<RawMention>& mentions,
                                          const MentionGroup& group);
  // The BuiltinAliasGroups() index a name as written belongs to, or -1.
  int AliasGroupOf(std::string_view surface) const;

  std::unique_ptr<ner::NerModel> model_;
  KnowledgeBase kb_;
  bool has_kb_ = false;
  bool builtin_aliases_ = true;  // EntityOptions::builtin_aliases
};

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_ENTITIES_ENTITY_RECOGNIZER_H_
