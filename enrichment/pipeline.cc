#include "enrichment/pipeline.h"

#include "absl/strings/str_cat.h"
#include "common/content_hash.h"
#include "common/status_macros.h"
#include "enrichment/claims/claim_extractor.h"
#include "enrichment/dates/date_tagger.h"
#include "enrichment/entities/entity_recognizer.h"
#include "enrichment/language/language_identifier.h"
#include "enrichment/quantities/quantity_tagger.h"
#include "enrichment/segment/segmenter.h"
#include "enrichment/text/cleaner.h"

namespace warta::enrichment {
namespace {

// Raise it when the rules change what an article's enrichment holds: the
// store replaces a stored article with a re-enrichment only under a newer
// release or other models (storage/article_keys.h ShouldReplace).
// 0.1.1: speakers of the entity-ids work, "Barat" / "the West" an entity.
// 0.1.2: mistyped places are no speakers, honorifics out of names, names
// without middle names joined, adverbs after a number no unit.
// 0.1.3: a year before a verb or an adjective is no amount; a team in
// brackets is no nickname, tickets no full names, "Sandi" is Sandiaga Uno,
// religious titles out of names, acronyms keep doubled letters (PSSI).
// 0.1.4: NER model trained also on lower-cased copies of the cased sets
// (more names found in Indonesian text).
// 0.1.5: ids fold old Indonesian spellings and sy/sh ("Soekarno" is
// "Sukarno", "Syihab" "Shihab": those ids changed); the outlet a report is
// taken from ("Mengutip Ace Showbiz") is an organisation; organisations'
// ids leave out "Partai", "FC" and a club's home town; big clubs' short
// names ("MU", "Barca") join them; a short title alone ("Menpora") is
// no person; English first names the model missed join the surname.
// 0.1.6: a known place opening an Indonesian sentence that the news writes
// in lower case is the word ("Lima orang": five); "Perancis" is France,
// "AS Roma" a club; Hong Kong, Macau and Palestine named as the news does
// (their ids changed); a surname with particles ("De Bruyne") joins the
// full name; a line-up's shirt number ("21-Paulo Dybala") is no part of it;
// Indonesian institutions and parties join their abbreviations ("PAN",
// "MK", "PDIP": ids of those organisations changed); a legal form apart
// from the company's name ("Tbk", "Persero") is no entity.
// 0.1.7: an acronym for a kind of thing ("PNS", "PDB", "SUV", "USB"), or
// "PT" alone, is no organisation; nor is one the article spells out in
// lower case ("augmented reality (AR)"); a day name ends no person's or
// organisation's name ("Amanda Vanstone Selasa"), an office before it
// no part of a person's ("Kemendagri Irman"); English "CONTENT, X told
// a news conference" is a claim.
constexpr char kRelease[] = "warta-0.1.8";

std::string ModelsHash(const PipelineOptions& options) {
  return ContentHashHex({options.langid_model, options.langid_confusable_model, options.ner_model,
                         options.knowledge_base},
                        6);
}

void SetTimestamp(int64_t unix_seconds, google::protobuf::Timestamp* out) {
  out->set_seconds(unix_seconds);
  out->set_nanos(0);
}

warta::v1::EntityType ToProto(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return warta::v1::PERSON;
    case EntityType::kOrganization: return warta::v1::ORGANIZATION;
    case EntityType::kLocation: return warta::v1::LOCATION;
    case EntityType::kDate: return warta::v1::DATE;
    case EntityType::kMoney: return warta::v1::MONEY;
    case EntityType::kQuantity: return warta::v1::QUANTITY;
  }
  return warta::v1::ENTITY_TYPE_UNSPECIFIED;
}

void FillSpan(const Span& span, warta::v1::Span* out) {
  out->set_start(span.begin);
  out->set_end(span.end);
}

void FillMention(const Document& doc, const Span& span, warta::v1::Mention* out) {
  out->set_start(span.begin);
  out->set_end(span.end);
  int size = static_cast<int>(doc.text.size());
  if (span.begin < 0 || span.end > size || span.begin > span.end) return;
  out->set_text(std::string(doc.Text(span)));
  if (doc.original_offsets.size() == doc.text.size() + 1) {
    out->set_original_start(doc.original_offsets[span.begin]);
    out->set_original_end(doc.original_offsets[span.end]);
  } else {
    out->set_original_start(-1);
    out->set_original_end(-1);
  }
}

template <typename Step>
absl::Status RunStage(const StageObserver* observer, Stage stage, const Step& step,
                      Document& doc) {
  if (observer == nullptr) return step.Process(doc);
  return observer->Observe(stage, [&] { return step.Process(doc); });
}

}  // namespace

std::string_view StageName(Stage stage) {
  switch (stage) {
    case Stage::kClean: return "clean";
    case Stage::kSegment: return "segment";
    case Stage::kLanguage: return "language";
    case Stage::kEntities: return "entities";
    case Stage::kDates: return "dates";
    case Stage::kQuantities: return "quantities";
    case Stage::kClaims: return "claims";
  }
  return "unknown";
}

Pipeline::~Pipeline() = default;

absl::StatusOr<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  ASSIGN_OR_RETURN(p->cleaner_, Cleaner::Create(CleanerOptions{}));
  ASSIGN_OR_RETURN(p->segmenter_, Segmenter::Create(SegmenterOptions{}));
  LanguageOptions language_options;
  language_options.model = options.langid_model;
  language_options.confusable_model = options.langid_confusable_model;
  ASSIGN_OR_RETURN(p->language_, LanguageIdentifier::Create(language_options));
  EntityOptions entity_options;
  entity_options.model = options.ner_model;
  entity_options.knowledge_base = options.knowledge_base;
  ASSIGN_OR_RETURN(p->entities_, EntityRecognizer::Create(entity_options));
  ASSIGN_OR_RETURN(p->dates_, DateTagger::Create(DateTaggerOptions{}));
  ASSIGN_OR_RETURN(p->quantities_, QuantityTagger::Create());
  ASSIGN_OR_RETURN(p->claims_, ClaimExtractor::Create(ClaimOptions{}));
  p->observer_ = options.observer;
  p->version_ = absl::StrCat(kRelease, "+", ModelsHash(options));
  return p;
}

absl::Status Pipeline::Run(Document& doc) const {
  RETURN_IF_ERROR(RunStage(observer_, Stage::kClean, *cleaner_, doc));
  RETURN_IF_ERROR(RunStage(observer_, Stage::kSegment, *segmenter_, doc));
  RETURN_IF_ERROR(RunStage(observer_, Stage::kLanguage, *language_, doc));
  RETURN_IF_ERROR(RunStage(observer_, Stage::kEntities, *entities_, doc));
  RETURN_IF_ERROR(RunStage(observer_, Stage::kDates, *dates_, doc));
  RETURN_IF_ERROR(RunStage(observer_, Stage::kQuantities, *quantities_, doc));
  RETURN_IF_ERROR(RunStage(observer_, Stage::kClaims, *claims_, doc));
  return absl::OkStatus();
}

absl::StatusOr<warta::v1::EnrichedArticle> Pipeline::Enrich(const warta::v1::Article& article,
                                                            absl::Time now) const {
  Document doc = DocumentFromArticle(article);
  RETURN_IF_ERROR(Run(doc));
  warta::v1::EnrichedArticle out = ToEnrichedArticle(article, doc);
  out.set_pipeline_version(version_);
  SetTimestamp(absl::ToUnixSeconds(now), out.mutable_enriched_at());
  return out;
}

Document DocumentFromArticle(const warta::v1::Article& article) {
  Document doc;
  doc.original = article.body();
  doc.title_hint = article.title();
  doc.language_hint = article.language_hint();
  doc.source = !article.source().empty() ? article.source() : article.url();
  if (article.has_published_at()) doc.published_at_unix = article.published_at().seconds();
  return doc;
}

warta::v1::EnrichedArticle ToEnrichedArticle(const warta::v1::Article& article,
                                             const Document& doc) {
  warta::v1::EnrichedArticle out;
  *out.mutable_article() = article;

  warta::v1::CleanText* text = out.mutable_text();
  text->set_title(!doc.clean.title.empty() ? doc.clean.title : article.title());
  text->set_body(doc.text);
  for (const std::string& byline : doc.clean.bylines) text->add_bylines(byline);
  text->set_dateline(doc.clean.dateline);
  if (doc.clean.published_at_unix) {
    SetTimestamp(*doc.clean.published_at_unix, text->mutable_published_at());
  } else if (article.has_published_at()) {
    *text->mutable_published_at() = article.published_at();
  }
  for (const RemovedSpan& removed : doc.clean.removed) {
    warta::v1::RemovedSpan* r = text->add_removed();
    r->set_start(removed.original.begin);
    r->set_end(removed.original.end);
    r->set_reason(removed.reason);
    r->set_text(removed.text);
  }
  text->set_suspicious_cleaning(doc.clean.suspicious_cleaning);
  for (const Paragraph& p : doc.paragraphs) FillSpan(p.span, text->add_paragraphs());
  for (const Sentence& s : doc.sentences) FillSpan(s.span, text->add_sentences());

  warta::v1::Language* language = out.mutable_language();
  language->set_code(doc.language.code);
  language->set_confidence(doc.language.confidence);
  language->set_reliable(doc.language.reliable);
  for (const LanguageGuess& g : doc.language.alternatives) {
    warta::v1::LanguageGuess* alt = language->add_alternatives();
    alt->set_code(g.code);
    alt->set_confidence(g.confidence);
  }
  for (const auto& p : doc.language.paragraphs) {
    warta::v1::ParagraphLanguage* pl = language->add_paragraphs();
    FillSpan(p.span, pl->mutable_span());
    pl->set_code(p.code);
    pl->set_confidence(p.confidence);
  }

  for (const Entity& e : doc.entities) {
    warta::v1::Entity* entity = out.add_entities();
    entity->set_id(e.id);
    entity->set_type(ToProto(e.type));
    entity->set_name(e.name);
    for (const std::string& alias : e.aliases) entity->add_aliases(alias);
    for (const Entity::Nickname& n : e.nicknames) {
      warta::v1::Nickname* nickname = entity->add_nicknames();
      nickname->set_name(n.name);
      nickname->set_id(n.id);
    }
    for (const std::string& role : e.roles) entity->add_roles(role);
    for (const Mention& m : e.mentions) FillMention(doc, m.span, entity->add_mentions());
    entity->set_kb_id(e.kb_id);
    entity->set_normalized(e.normalized);
  }

  for (const Claim& c : doc.claims) {
    warta::v1::Claim* claim = out.add_claims();
    claim->set_kind(c.kind == ClaimKind::kDirectQuote ? warta::v1::DIRECT_QUOTE
                                                      : warta::v1::REPORTED);
    warta::v1::Speaker* speaker = claim->mutable_speaker();
    if (c.speaker_entity >= 0 && c.speaker_entity < static_cast<int>(doc.entities.size())) {
      speaker->set_entity_id(doc.entities[c.speaker_entity].id);
      speaker->set_name(doc.entities[c.speaker_entity].name);
    } else {
      speaker->set_name(c.speaker_name);
    }
    if (c.speaker_span.size() > 0) FillMention(doc, c.speaker_span, speaker->mutable_mention());
    if (c.cue.size() > 0) FillMention(doc, c.cue, claim->mutable_cue());
    FillMention(doc, c.content, claim->mutable_content());
    for (const Quantity& q : c.quantities) {
      warta::v1::Quantity* quantity = claim->add_quantities();
      quantity->set_value(q.value);
      quantity->set_unit(q.unit);
      quantity->set_qualifier(q.qualifier);
      quantity->set_exact_value(q.exact_value);
      if (q.high > q.low) {
        quantity->set_low(q.low);
        quantity->set_high(q.high);
      }
      if (q.span.begin >= 0 && q.span.end <= static_cast<int>(doc.text.size())) {
        quantity->set_text(std::string(doc.Text(q.span)));
      }
      FillSpan(q.span, quantity->mutable_span());
    }
    for (int index : c.subject_entities) {
      if (index >= 0 && index < static_cast<int>(doc.entities.size())) {
        claim->add_subject_entity_ids(doc.entities[index].id);
      }
    }
  }
  return out;
}

}  // namespace warta::enrichment
