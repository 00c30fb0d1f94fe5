// Hand-built EnrichedArticles for the storage tests, including the troop
// figures of the project's sample pages (North Korean troops in Russia,
// November 2024).
#ifndef WARTA_TESTS_UNIT_STORAGE_TEST_ARTICLES_H_
#define WARTA_TESTS_UNIT_STORAGE_TEST_ARTICLES_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "warta/v1/article.pb.h"

namespace warta::storage::testing {

// Seconds since the epoch of a day in 2024 (UTC midnight), for readability.
inline int64_t Nov2024(int day) { return 1730419200 + (day - 1) * 86400; }

inline warta::v1::EnrichedArticle MakeArticle(const std::string& id,
                                              const std::string& source,
                                              const std::string& language,
                                              int64_t published_seconds) {
  warta::v1::EnrichedArticle a;
  a.mutable_article()->set_id(id);
  a.mutable_article()->set_source(source);
  a.mutable_article()->set_body("body of " + id);
  if (published_seconds != 0) {
    a.mutable_article()->mutable_published_at()->set_seconds(published_seconds);
  }
  a.mutable_language()->set_code(language);
  a.set_pipeline_version("1.0");
  a.mutable_enriched_at()->set_seconds(published_seconds + 60);
  return a;
}

inline void AddEntity(warta::v1::EnrichedArticle& a, const std::string& id,
                      const std::string& name,
                      warta::v1::EntityType type = warta::v1::LOCATION) {
  auto* e = a.add_entities();
  e->set_id(id);
  e->set_name(name);
  e->set_type(type);
}

// A claim by `speaker_id` (or an unresolved `speaker_name` when the id is
// empty) about `subjects`, with one quantity when `unit` is not empty.
inline warta::v1::Claim& AddClaim(warta::v1::EnrichedArticle& a,
                                  const std::string& speaker_id,
                                  const std::string& speaker_name, double value,
                                  const std::string& unit,
                                  std::initializer_list<std::string> subjects) {
  auto* c = a.add_claims();
  c->set_kind(warta::v1::REPORTED);
  c->mutable_speaker()->set_entity_id(speaker_id);
  c->mutable_speaker()->set_name(speaker_name);
  c->mutable_content()->set_text("content");
  if (!unit.empty()) {
    auto* q = c->add_quantities();
    q->set_value(value);
    q->set_unit(unit);
    q->set_exact_value(true);
  }
  for (const auto& s : subjects) c->add_subject_entity_ids(s);
  return *c;
}

// Reports of one event (North Korean troops in Kursk) and of another (a
// flood), for the story tests; `troops` gives the event's entities.
inline constexpr char kTroops[] =
    "Ribuan tentara Korea Utara telah tiba di wilayah Kursk, Rusia, untuk membantu pasukan "
    "Rusia melawan Ukraina. Menteri Luar Negeri Korea Utara Choe Son Hui bertemu Presiden "
    "Vladimir Putin di Kremlin dan membahas kerja sama militer kedua negara.";
inline constexpr char kTroopsRetold[] =
    "Presiden Rusia Vladimir Putin menerima Menteri Luar Negeri Korea Utara Choe Son Hui di "
    "Moskow ketika tentara Korea Utara dikirim ke Kursk untuk membantu pasukan Rusia.";
inline constexpr char kFlood[] =
    "Banjir merendam ratusan rumah warga di Kabupaten Bandung setelah hujan deras. Badan "
    "Penanggulangan Bencana Daerah mengevakuasi warga ke tempat pengungsian.";

inline warta::v1::EnrichedArticle StoryArticle(const std::string& id,
                                               const std::string& source, int day,
                                               const std::string& body, bool troops) {
  auto a = MakeArticle(id, source, "id", Nov2024(day));
  a.mutable_text()->set_body(body);
  if (troops) {
    AddEntity(a, "loc:korea_utara", "Korea Utara");
    AddEntity(a, "loc:kursk", "Kursk");
    AddEntity(a, "per:choe_son_hui", "Choe Son Hui", warta::v1::PERSON);
    AddEntity(a, "per:vladimir_putin", "Vladimir Putin", warta::v1::PERSON);
  } else {
    AddEntity(a, "loc:bandung", "Bandung");
  }
  return a;
}

// bergelora.com, 1 Nov 2024: the US says 8.000 and, earlier, 3.000 North
// Korean soldiers are in Russia; "the West" reports deployments.
inline warta::v1::EnrichedArticle BergeloraArticle() {
  auto a = MakeArticle("bergelora-choe-lavrov", "bergelora.com", "id", Nov2024(1));
  AddEntity(a, "loc:as", "Amerika Serikat");
  AddEntity(a, "loc:korea_utara", "Korea Utara");
  AddEntity(a, "loc:rusia", "Rusia");
  AddEntity(a, "loc:ukraina", "Ukraina");
  AddEntity(a, "org:barat", "Barat", warta::v1::ORGANIZATION);
  AddClaim(a, "org:barat", "Barat", 8000, "tentara",
           {"loc:korea_utara", "loc:rusia", "loc:ukraina"});
  AddClaim(a, "loc:as", "AS", 3000, "tentara", {"loc:korea_utara", "loc:rusia"});
  return a;
}

// 4 Nov 2024: Zelensky says 11.000 (twice), the State Department's
// spokesman Matthew Miller 10.000, about troops in Kursk, Russia.
inline warta::v1::EnrichedArticle KurskArticle() {
  auto a = MakeArticle("putin-choe-kursk", "antaranews.com", "id", Nov2024(4));
  AddEntity(a, "per:zelensky", "Volodymyr Zelensky", warta::v1::PERSON);
  AddEntity(a, "per:matthew_miller", "Matthew Miller", warta::v1::PERSON);
  AddEntity(a, "loc:korea_utara", "Korea Utara");
  AddEntity(a, "loc:rusia", "Rusia");
  AddEntity(a, "loc:kursk", "Kursk");
  AddClaim(a, "per:zelensky", "Zelensky", 11000, "tentara",
           {"loc:korea_utara", "loc:kursk", "loc:rusia"});
  AddClaim(a, "per:matthew_miller", "Matthew Miller", 10000, "Tentara",
           {"loc:korea_utara", "loc:kursk", "loc:rusia"});
  AddClaim(a, "per:zelensky", "Zelensky", 11000, "pasukan",
           {"loc:korea_utara", "loc:kursk"});
  return a;
}

// Filter values users could send (SQL, LIKE wildcards, quotes): stores must
// treat each as plain text to match.
inline const std::vector<std::string>& HostileFilterValues() {
  static const auto* values = new std::vector<std::string>{
      "' OR '1'='1", "x'); DROP TABLE articles; --", "%", "_", "%,id,%", "\\", "\"",
      "id' --", "1; DELETE FROM articles"};
  return *values;
}

// Each ArticleFilter field that takes user text, as a setter.
using ArticleFilterSetter = void (*)(warta::v1::ArticleFilter&, const std::string&);
inline const std::vector<ArticleFilterSetter>& ArticleFilterTextSetters() {
  static const auto* setters = new std::vector<ArticleFilterSetter>{
      [](warta::v1::ArticleFilter& f, const std::string& v) { f.set_language(v); },
      [](warta::v1::ArticleFilter& f, const std::string& v) { f.set_source(v); },
      [](warta::v1::ArticleFilter& f, const std::string& v) { f.set_entity_id(v); },
      [](warta::v1::ArticleFilter& f, const std::string& v) { f.set_story_id(v); }};
  return *setters;
}

}  // namespace warta::storage::testing

#endif  // WARTA_TESTS_UNIT_STORAGE_TEST_ARTICLES_H_
