// Stories in the store, the same on every backend (instantiated with
// ArticleStoreTest in sqlite_store_test.cc and postgres_store_test.cc):
// each new article gets a story in the write transaction, near-copies are
// marked, ListStories filters, orders and pages, GetStory assembles the
// story, and a re-enrichment keeps the article's story.
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/unit/storage/article_store_test.h"
#include "tests/unit/storage/test_articles.h"

namespace warta::storage::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

std::string StoryOf(ArticleStore& store, const std::string& id) {
  auto a = store.GetArticle(id);
  return a.ok() ? a->story_id() : "";
}

// The entity ids a stored article holds after the store linked them; empty
// when it is not stored.
std::set<std::string> EntityIdsOf(ArticleStore& store, const std::string& id) {
  std::set<std::string> ids;
  auto a = store.GetArticle(id);
  if (a.ok()) {
    for (const auto& e : a->entities()) ids.insert(e.id());
  }
  return ids;
}

// What warta-store counts for operators (warta_store_upserts_total,
// warta_store_story_assignments_total).
TEST_P(ArticleStoreTest, UpsertBatchSaysWhatItWroteAndHowArticlesFoundTheirStories) {
  auto& store = *store_;
  const auto antara = StoryArticle("antara", "antaranews.com", 4, kTroops, true);
  auto first = store.UpsertBatch(
      {antara, StoryArticle("flood", "kompas.com", 4, kFlood, false)}, {});
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->inserted, 2);
  EXPECT_EQ(first->new_stories, 2);
  EXPECT_EQ(first->joined_stories + first->near_copies + first->replaced + first->unchanged, 0);

  auto second = store.UpsertBatch(
      {StoryArticle("tempo", "tempo.co", 5, kTroopsRetold, true),
       StoryArticle("suara", "suara.com", 5, std::string("JAKARTA, SUARA.com - ") + kTroops, true),
       antara},
      {});
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->inserted, 2);
  EXPECT_EQ(second->joined_stories, 1) << "tempo retells the troops story";
  EXPECT_EQ(second->near_copies, 1) << "suara copies antara";
  EXPECT_EQ(second->new_stories, 0);
  EXPECT_EQ(second->unchanged, 1) << "antara again is a redelivery";

  auto re_enriched = antara;  // a later release's enrichment
  re_enriched.set_pipeline_version("1.1");
  re_enriched.mutable_enriched_at()->set_seconds(antara.enriched_at().seconds() + 3600);
  auto third = store.UpsertBatch({re_enriched}, {});
  ASSERT_TRUE(third.ok()) << third.status();
  EXPECT_EQ(third->replaced, 1);
  EXPECT_EQ(third->inserted + third->new_stories + third->joined_stories + third->near_copies, 0)
      << "a replacement keeps its story";
}

TEST_P(ArticleStoreTest, ArticlesOfOneEventShareAStoryAndCopiesAreMarked) {
  auto& store = *store_;
  ASSERT_TRUE(store.Upsert(StoryArticle("antara", "antaranews.com", 4, kTroops, true), {}).ok());
  ASSERT_TRUE(store.Upsert(StoryArticle("flood", "kompas.com", 4, kFlood, false), {}).ok());
  ASSERT_TRUE(
      store.Upsert(StoryArticle("tempo", "tempo.co", 5, kTroopsRetold, true), {}).ok());
  auto copy = StoryArticle("suara", "suara.com", 5,
                           std::string("JAKARTA, SUARA.com - ") + kTroops, true);
  ASSERT_TRUE(store.UpsertBatch({copy}, {}).ok());

  const std::string troops = StoryOf(store, "antara");
  ASSERT_FALSE(troops.empty());
  EXPECT_EQ(StoryOf(store, "tempo"), troops);
  EXPECT_EQ(StoryOf(store, "suara"), troops);
  EXPECT_NE(StoryOf(store, "flood"), troops);
  EXPECT_EQ(store.GetArticle("suara")->duplicate_of(), "antara");
  EXPECT_TRUE(store.GetArticle("tempo")->duplicate_of().empty());

  auto story = store.GetStory(troops);
  ASSERT_TRUE(story.ok()) << story.status();
  EXPECT_EQ(story->article_count(), 3);
  EXPECT_EQ(story->duplicate_count(), 1);
  EXPECT_THAT(story->sources(), UnorderedElementsAre("antaranews.com", "tempo.co", "suara.com"));
  ASSERT_EQ(story->articles_size(), 3);
  EXPECT_EQ(story->articles(0).id(), "antara");  // oldest first
  EXPECT_EQ(story->articles(2).duplicate_of(), "antara");
  std::set<std::string> entities;
  for (const auto& e : story->main_entities()) entities.insert(e.id());
  EXPECT_TRUE(entities.count("per:choe_son_hui")) << story->DebugString();
  EXPECT_EQ(story->first_published_at().seconds(), Nov2024(4));
  EXPECT_EQ(story->last_published_at().seconds(), Nov2024(5));

  warta::v1::ArticleFilter filter;
  filter.set_story_id(troops);
  auto articles = store.ListArticles(filter, 0, "");
  ASSERT_TRUE(articles.ok());
  EXPECT_EQ(articles->articles_size(), 3);

  EXPECT_EQ(store.GetStory("st-nothing").status().code(), absl::StatusCode::kNotFound);
}

TEST_P(ArticleStoreTest, ListStoriesFiltersOrdersAndPages) {
  auto& store = *store_;
  ASSERT_TRUE(store.Upsert(StoryArticle("antara", "antaranews.com", 4, kTroops, true), {}).ok());
  ASSERT_TRUE(
      store.Upsert(StoryArticle("tempo", "tempo.co", 5, kTroopsRetold, true), {}).ok());
  ASSERT_TRUE(store.Upsert(StoryArticle("flood", "kompas.com", 6, kFlood, false), {}).ok());
  const std::string troops = StoryOf(store, "antara");
  const std::string flood = StoryOf(store, "flood");

  auto ids = [&](const warta::v1::ListStoriesRequest& request) {
    std::vector<std::string> out;
    auto response = store.ListStories(request);
    EXPECT_TRUE(response.ok()) << response.status();
    if (response.ok()) {
      for (const auto& s : response->stories()) out.push_back(s.id());
    }
    return out;
  };
  warta::v1::ListStoriesRequest request;
  EXPECT_THAT(ids(request), ElementsAre(flood, troops));  // last updated first
  request.set_order(warta::v1::STORY_ORDER_SIZE);
  EXPECT_THAT(ids(request), ElementsAre(troops, flood));
  request.set_min_sources(2);
  EXPECT_THAT(ids(request), ElementsAre(troops));
  request = {};
  request.set_entity_id("loc:bandung");
  EXPECT_THAT(ids(request), ElementsAre(flood));
  request = {};
  request.set_language("en");
  EXPECT_THAT(ids(request), ::testing::IsEmpty());
  request = {};
  request.mutable_published_after()->set_seconds(Nov2024(6));
  EXPECT_THAT(ids(request), ElementsAre(flood));

  // One story a page, then the end.
  request = {};
  request.set_page_size(1);
  std::vector<std::string> paged;
  do {
    auto page = store.ListStories(request);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& s : page->stories()) paged.push_back(s.id());
    request.set_page_token(page->next_page_token());
  } while (!request.page_token().empty());
  EXPECT_THAT(paged, ElementsAre(flood, troops));

  request = {};
  request.set_page_token("garbage");
  EXPECT_EQ(store.ListStories(request).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_P(ArticleStoreTest, ReEnrichmentKeepsTheStoryAndDoesNotCountTwice) {
  auto& store = *store_;
  auto first = StoryArticle("antara", "antaranews.com", 4, kTroops, true);
  ASSERT_TRUE(store.Upsert(first, {}).ok());
  const std::string story = StoryOf(store, "antara");
  auto newer = first;
  newer.mutable_enriched_at()->set_seconds(first.enriched_at().seconds() + 3600);
  ASSERT_TRUE(store.Upsert(newer, {}).ok());
  EXPECT_EQ(StoryOf(store, "antara"), story);
  EXPECT_EQ(store.GetStory(story)->article_count(), 1);
}

TEST_P(ArticleStoreTest, ShortNamesLinkToTheOneFullNameAndTheRegistryListsIt) {
  auto& store = *store_;
  auto full = StoryArticle("antara", "antaranews.com", 4, kTroops, true);
  ASSERT_TRUE(store.Upsert(full, {}).ok());
  // The same story says only "Putin", who speaks.
  auto short_name = StoryArticle("tempo", "tempo.co", 5, kTroopsRetold, true);
  for (auto& e : *short_name.mutable_entities()) {
    if (e.id() == "per:vladimir_putin") {
      e.set_id("per:putin");
      e.set_name("Putin");
    }
  }
  AddClaim(short_name, "per:putin", "Putin", 0, "", {"loc:korea_utara"});
  ASSERT_TRUE(store.Upsert(short_name, {}).ok());
  // Another story, weeks later, with "Putin" alone: the registry has one.
  auto later = StoryArticle("flood", "kompas.com", 28, kFlood, false);
  AddEntity(later, "per:putin", "Putin", warta::v1::PERSON);
  ASSERT_TRUE(store.Upsert(later, {}).ok());
  // "Kim" with two Kims about stays unlinked.
  auto kims = StoryArticle("kims", "kompas.com", 29, kFlood, false);
  AddEntity(kims, "per:kim_jong_un", "Kim Jong Un", warta::v1::PERSON);
  AddEntity(kims, "per:kim_yo_jong", "Kim Yo Jong", warta::v1::PERSON);
  ASSERT_TRUE(store.Upsert(kims, {}).ok());
  auto kim = StoryArticle("kim", "kompas.com", 29, kFlood, false);
  AddEntity(kim, "per:kim", "Kim", warta::v1::PERSON);
  ASSERT_TRUE(store.Upsert(kim, {}).ok());

  auto ids_of = [&](const std::string& article) { return EntityIdsOf(store, article); };
  EXPECT_TRUE(ids_of("tempo").count("per:vladimir_putin"));
  EXPECT_FALSE(ids_of("tempo").count("per:putin"));
  EXPECT_TRUE(ids_of("flood").count("per:vladimir_putin"));
  EXPECT_TRUE(ids_of("kim").count("per:kim"));
  ClaimFilter by_putin;
  by_putin.speaker_entity_id = "per:vladimir_putin";
  EXPECT_EQ(store.ListClaims(by_putin, 0, "")->claims_size(), 1);

  warta::v1::ListEntitiesRequest request;
  request.set_query("putin");
  auto listed = store.ListEntities(request);
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->entities_size(), 1) << listed->DebugString();
  const auto& putin = listed->entities(0);
  EXPECT_EQ(putin.id(), "per:vladimir_putin");
  EXPECT_EQ(putin.name(), "Vladimir Putin");
  EXPECT_THAT(putin.aliases(), ::testing::Contains("Putin"));
  EXPECT_EQ(putin.article_count(), 3);
  request.set_query("kim");
  EXPECT_EQ(store.ListEntities(request)->entities_size(), 3);
  request.set_query("yo jo");  // word prefixes, across words
  EXPECT_EQ(store.ListEntities(request)->entities_size(), 1);
  request.set_query("tin");  // inside a word: no
  EXPECT_EQ(store.ListEntities(request)->entities_size(), 0);
  request.set_query("");
  request.set_type(warta::v1::PERSON);
  request.set_page_size(2);
  auto first_page = store.ListEntities(request);
  ASSERT_TRUE(first_page.ok());
  EXPECT_EQ(first_page->entities_size(), 2);
  EXPECT_EQ(first_page->entities(0).id(), "per:vladimir_putin");  // most mentioned
  EXPECT_FALSE(first_page->next_page_token().empty());

  auto detail = store.GetEntity("per:vladimir_putin");
  ASSERT_TRUE(detail.ok()) << detail.status();
  EXPECT_EQ(detail->claims_size(), 1);
  EXPECT_EQ(detail->stories_size(), 2);
  ASSERT_FALSE(detail->co_occurring().empty());
  EXPECT_EQ(detail->co_occurring(0).entity().id(), "loc:korea_utara");
  EXPECT_EQ(store.GetEntity("per:nobody").status().code(), absl::StatusCode::kNotFound);
}

// "Presiden Joko Widodo (Jokowi)" in one article teaches the store that
// articles saying only "Jokowi" (79 of them in the news demo, a person of
// their own before) mean Joko Widodo, even with a headline-made person
// "JOKOWI AHOK" in the registry whose name contains the word.
TEST_P(ArticleStoreTest, ANicknameGivenInBracketsLinksArticlesThatUseOnlyIt) {
  auto& store = *store_;
  auto noise = StoryArticle("headline", "suara.com", 3, kFlood, false);
  AddEntity(noise, "per:jokowi_ahok", "JOKOWI AHOK", warta::v1::PERSON);
  ASSERT_TRUE(store.Upsert(noise, {}).ok());
  auto introduced = StoryArticle("antara", "antaranews.com", 4, kTroops, true);
  AddEntity(introduced, "per:joko_widodo", "Joko Widodo", warta::v1::PERSON);
  introduced.mutable_entities()->rbegin()->add_aliases("Jokowi");
  ASSERT_TRUE(store.Upsert(introduced, {}).ok());
  auto only_nickname = StoryArticle("flood", "kompas.com", 28, kFlood, false);
  AddEntity(only_nickname, "per:jokowi", "Jokowi", warta::v1::PERSON);
  AddClaim(only_nickname, "per:jokowi", "Jokowi", 0, "", {"loc:bandung"});
  ASSERT_TRUE(store.Upsert(only_nickname, {}).ok());

  auto stored = store.GetArticle("flood");
  ASSERT_TRUE(stored.ok()) << stored.status();
  const std::set<std::string> ids = EntityIdsOf(store, "flood");
  EXPECT_TRUE(ids.count("per:joko_widodo"));
  EXPECT_FALSE(ids.count("per:jokowi"));
  ASSERT_EQ(stored->claims_size(), 1);
  EXPECT_EQ(stored->claims(0).speaker().entity_id(), "per:joko_widodo");
  EXPECT_EQ(store.GetEntity("per:joko_widodo")->entity().article_count(), 2);
}

// "Persatuan Sepakbola Seluruh Indonesia (PSSI)" in one article: articles
// saying only "PSSI" (33 in the news demo) are that organisation. A word of
// an organisation's name is no such evidence ("United" alone stays).
TEST_P(ArticleStoreTest, AnAcronymGivenInBracketsLinksOrganisationsThatUseOnlyIt) {
  auto& store = *store_;
  auto introduced = StoryArticle("antara", "antaranews.com", 4, kTroops, true);
  AddEntity(introduced, "org:persatuan_sepakbola", "Persatuan Sepakbola Seluruh Indonesia",
            warta::v1::ORGANIZATION);
  introduced.mutable_entities()->rbegin()->add_aliases("PSSI");
  AddEntity(introduced, "org:manchester_united", "Manchester United", warta::v1::ORGANIZATION);
  ASSERT_TRUE(store.Upsert(introduced, {}).ok());
  auto only_acronym = StoryArticle("flood", "kompas.com", 28, kFlood, false);
  AddEntity(only_acronym, "org:pssi", "PSSI", warta::v1::ORGANIZATION);
  AddEntity(only_acronym, "org:united", "United", warta::v1::ORGANIZATION);
  AddClaim(only_acronym, "org:pssi", "PSSI", 0, "", {"loc:bandung"});
  ASSERT_TRUE(store.Upsert(only_acronym, {}).ok());

  auto stored = store.GetArticle("flood");
  ASSERT_TRUE(stored.ok()) << stored.status();
  const std::set<std::string> ids = EntityIdsOf(store, "flood");
  EXPECT_TRUE(ids.count("org:persatuan_sepakbola"));
  EXPECT_FALSE(ids.count("org:pssi"));
  EXPECT_TRUE(ids.count("org:united"));
  ASSERT_EQ(stored->claims_size(), 1);
  EXPECT_EQ(stored->claims(0).speaker().entity_id(), "org:persatuan_sepakbola");
  EXPECT_EQ(store.GetEntity("org:persatuan_sepakbola")->entity().article_count(), 2);

  // The acronym as written: a title "Pssi" (as the film "Pan" is no "PAN",
  // Partai Amanat Nasional, in the news demo) stays its own.
  auto other_case = StoryArticle("film", "kompas.com", 29, kFlood, false);
  AddEntity(other_case, "org:pssi", "Pssi", warta::v1::ORGANIZATION);
  ASSERT_TRUE(store.Upsert(other_case, {}).ok());
  EXPECT_TRUE(EntityIdsOf(store, "film").count("org:pssi"));
}

// "Jusuf Kalla (JK)" in one article: articles saying only "JK" (9 in the
// news demo, a person of their own before) are Jusuf Kalla. Two capitals
// are initials, so nothing else links them: "JK Rowling" has them as a
// word of her name, and "AR" that nobody introduced stays as it is.
TEST_P(ArticleStoreTest, InitialsGivenInBracketsLinkArticlesThatUseOnlyThem) {
  auto& store = *store_;
  auto introduced = StoryArticle("antara", "antaranews.com", 4, kTroops, true);
  AddEntity(introduced, "per:jusuf_kalla", "Jusuf Kalla", warta::v1::PERSON);
  introduced.mutable_entities()->rbegin()->add_aliases("JK");
  AddEntity(introduced, "per:jk_rowling", "JK Rowling", warta::v1::PERSON);
  AddEntity(introduced, "per:ahmad_rizal", "Ahmad Rizal", warta::v1::PERSON);
  ASSERT_TRUE(store.Upsert(introduced, {}).ok());
  auto only_initials = StoryArticle("flood", "kompas.com", 28, kFlood, false);
  AddEntity(only_initials, "per:jk", "JK", warta::v1::PERSON);
  AddEntity(only_initials, "per:ar", "AR", warta::v1::PERSON);
  AddClaim(only_initials, "per:jk", "JK", 0, "", {"loc:bandung"});
  ASSERT_TRUE(store.Upsert(only_initials, {}).ok());

  const std::set<std::string> ids = EntityIdsOf(store, "flood");
  EXPECT_TRUE(ids.count("per:jusuf_kalla"));
  EXPECT_FALSE(ids.count("per:jk"));
  EXPECT_TRUE(ids.count("per:ar"));
  auto stored = store.GetArticle("flood");
  ASSERT_TRUE(stored.ok()) << stored.status();
  ASSERT_EQ(stored->claims_size(), 1);
  EXPECT_EQ(stored->claims(0).speaker().entity_id(), "per:jusuf_kalla");
  EXPECT_EQ(store.GetEntity("per:jusuf_kalla")->entity().article_count(), 2);
}

// "Trump" alone, in a story of its own, is Donald Trump when the stream
// names him far more than Ivanka or Melania Trump; with the others close,
// nobody.
TEST_P(ArticleStoreTest, ASurnameAloneIsThePersonWhoDominatesTheStream) {
  auto& store = *store_;
  auto family = StoryArticle("family", "kompas.com", 3, kFlood, false);
  AddEntity(family, "per:donald_trump", "Donald Trump", warta::v1::PERSON);
  for (int i = 0; i < 29; ++i) family.mutable_entities()->rbegin()->add_mentions();
  AddEntity(family, "per:ivanka_trump", "Ivanka Trump", warta::v1::PERSON);
  for (int i = 0; i < 2; ++i) family.mutable_entities()->rbegin()->add_mentions();
  AddEntity(family, "per:melania_trump", "Melania Trump", warta::v1::PERSON);
  ASSERT_TRUE(store.Upsert(family, {}).ok());
  auto surname = StoryArticle("surname", "tempo.co", 4, kTroops, true);
  AddEntity(surname, "per:trump", "Trump", warta::v1::PERSON);
  ASSERT_TRUE(store.Upsert(surname, {}).ok());
  const std::set<std::string> ids = EntityIdsOf(store, "surname");
  EXPECT_TRUE(ids.count("per:donald_trump"));
  EXPECT_FALSE(ids.count("per:trump"));

  // Kim Jong Un named 30 times, Kim Yo Jong 10: not five times more.
  auto kims = StoryArticle("kims", "kompas.com", 5, kFlood, false);
  AddEntity(kims, "per:kim_jong_un", "Kim Jong Un", warta::v1::PERSON);
  for (int i = 0; i < 30; ++i) kims.mutable_entities()->rbegin()->add_mentions();
  AddEntity(kims, "per:kim_yo_jong", "Kim Yo Jong", warta::v1::PERSON);
  for (int i = 0; i < 10; ++i) kims.mutable_entities()->rbegin()->add_mentions();
  ASSERT_TRUE(store.Upsert(kims, {}).ok());
  auto kim = StoryArticle("kim", "tempo.co", 6, kTroops, true);
  AddEntity(kim, "per:kim", "Kim", warta::v1::PERSON);
  ASSERT_TRUE(store.Upsert(kim, {}).ok());
  EXPECT_TRUE(EntityIdsOf(store, "kim").count("per:kim"));
}

// "De Bruyne" alone is Kevin De Bruyne, the one registered person whose
// name ends so; "Van Dijk" stays apart while Virgil and Sergio van Dijk
// are both registered. In the news demo "De Bruyne" was a person of its
// own in 4 articles.
TEST_P(ArticleStoreTest, ASurnameWithParticlesIsTheOnePersonWhoseNameEndsWithIt) {
  auto& store = *store_;
  auto full = StoryArticle("full", "kompas.com", 3, kFlood, false);
  AddEntity(full, "per:kevin_de_bruyne", "Kevin De Bruyne", warta::v1::PERSON);
  AddEntity(full, "per:virgil_van_dijk", "Virgil van Dijk", warta::v1::PERSON);
  AddEntity(full, "per:sergio_van_dijk", "Sergio van Dijk", warta::v1::PERSON);
  ASSERT_TRUE(store.Upsert(full, {}).ok());
  auto surnames = StoryArticle("surnames", "tempo.co", 4, kTroops, true);
  AddEntity(surnames, "per:de_bruyne", "De Bruyne", warta::v1::PERSON);
  AddEntity(surnames, "per:van_dijk", "Van Dijk", warta::v1::PERSON);
  ASSERT_TRUE(store.Upsert(surnames, {}).ok());
  const std::set<std::string> ids = EntityIdsOf(store, "surnames");
  EXPECT_TRUE(ids.count("per:kevin_de_bruyne"));
  EXPECT_FALSE(ids.count("per:de_bruyne"));
  EXPECT_TRUE(ids.count("per:van_dijk"));
}

// "Anies Rasyid Baswedan" in one article and "Anies Baswedan" in others are
// one person; with two registered people who could be the shorter name,
// it stays apart.
TEST_P(ArticleStoreTest, ANameWithOrWithoutMiddleNamesIsOnePerson) {
  auto& store = *store_;
  auto full = StoryArticle("full", "antaranews.com", 3, kFlood, false);
  AddEntity(full, "per:anies_rasyid_baswedan", "Anies Rasyid Baswedan", warta::v1::PERSON);
  ASSERT_TRUE(store.Upsert(full, {}).ok());
  auto shorter = StoryArticle("shorter", "kompas.com", 4, kTroops, true);
  AddEntity(shorter, "per:anies_baswedan", "Anies Baswedan", warta::v1::PERSON);
  AddClaim(shorter, "per:anies_baswedan", "Anies Baswedan", 0, "", {"loc:bandung"});
  ASSERT_TRUE(store.Upsert(shorter, {}).ok());

  auto stored = store.GetArticle("shorter");
  ASSERT_TRUE(stored.ok()) << stored.status();
  const std::set<std::string> ids = EntityIdsOf(store, "shorter");
  EXPECT_TRUE(ids.count("per:anies_rasyid_baswedan"));
  EXPECT_FALSE(ids.count("per:anies_baswedan"));
  ASSERT_EQ(stored->claims_size(), 1);
  EXPECT_EQ(stored->claims(0).speaker().entity_id(), "per:anies_rasyid_baswedan");
  EXPECT_EQ(store.GetEntity("per:anies_rasyid_baswedan")->entity().article_count(), 2);

  // "Anies" alone is him too: the ticket "Anies-Sandi" is no full name.
  auto ticket = StoryArticle("ticket", "suara.com", 4, kFlood, false);
  AddEntity(ticket, "per:anies_sandi", "Anies-Sandi", warta::v1::PERSON);
  ASSERT_TRUE(store.Upsert(ticket, {}).ok());
  auto first_name = StoryArticle("first-name", "tempo.co", 4, kFlood, false);
  AddEntity(first_name, "per:anies", "Anies", warta::v1::PERSON);
  ASSERT_TRUE(store.Upsert(first_name, {}).ok());
  auto linked = store.GetArticle("first-name");
  ASSERT_TRUE(linked.ok()) << linked.status();
  ASSERT_FALSE(linked->entities().empty());
  EXPECT_EQ(linked->entities().rbegin()->id(), "per:anies_rasyid_baswedan");

  // Two people the registry holds could be "Budi Santoso": nobody is picked.
  auto one = StoryArticle("one", "tempo.co", 5, kFlood, false);
  AddEntity(one, "per:budi_agus_santoso", "Budi Agus Santoso", warta::v1::PERSON);
  AddEntity(one, "per:budi_hari_santoso", "Budi Hari Santoso", warta::v1::PERSON);
  ASSERT_TRUE(store.Upsert(one, {}).ok());
  auto ambiguous = StoryArticle("ambiguous", "kompas.com", 6, kFlood, false);
  AddEntity(ambiguous, "per:budi_santoso", "Budi Santoso", warta::v1::PERSON);
  ASSERT_TRUE(store.Upsert(ambiguous, {}).ok());
  auto kept = store.GetArticle("ambiguous");
  ASSERT_TRUE(kept.ok()) << kept.status();
  ASSERT_FALSE(kept->entities().empty());
  EXPECT_EQ(kept->entities().rbegin()->id(), "per:budi_santoso");
}

// "Sri Mulyani" is Sri Mulyani Indrawati once the registry knows her from
// two articles, and "Suu Kyi" is Aung San Suu Kyi; a later "Sri Mulyani
// Indrawati" joins a registered "Sri Mulyani" too. "Joko Widodo" is not his
// wife "Iriana Joko Widodo", nor "Donald Trump" his son "Donald Trump Jr",
// nor "Kyle Walker" the other player "Kyle Walker-Peters".
// In the news demo "Sri Mulyani" (12 articles) and "Sri Mulyani Indrawati"
// (14) were two people.
TEST_P(ArticleStoreTest, ANameCutShortAtOneEndIsTheRegisteredPerson) {
  auto& store = *store_;
  // Every article is about the flood (one story) unless `troops`.
  auto add = [&](const std::string& id, int day, const std::string& entity_id,
                 const std::string& name, bool troops = false) {
    auto a = StoryArticle(id, "kompas.com", day, troops ? kTroops : kFlood, troops);
    AddEntity(a, entity_id, name, warta::v1::PERSON);
    ASSERT_TRUE(store.Upsert(a, {}).ok());
  };
  // The id the article's last person (the one `add` gave it) is stored under.
  auto id_of = [&](const std::string& article_id) -> std::string {
    auto stored = store.GetArticle(article_id);
    EXPECT_TRUE(stored.ok()) << stored.status();
    if (!stored.ok()) return "";
    std::string id;
    for (const auto& e : stored->entities()) {
      if (e.type() == warta::v1::PERSON) id = e.id();
    }
    return id;
  };
  // Registers `known` in `times` articles, then stores one naming `name`
  // (article id = entity id) and returns the id it is stored under.
  auto after = [&](int times, const std::string& known_id, const std::string& known,
                   const std::string& id, const std::string& name, bool troops = false) {
    for (int i = 0; i < times; ++i) add(absl::StrCat(known_id, "-", i), 3 + i, known_id, known, troops);
    add(id, 6, id, name);
    return id_of(id);
  };
  // Seen once, a longer span may be a tagger's slip: nothing joins it.
  EXPECT_EQ(after(1, "per:cristiano_ronaldo_raih", "Cristiano Ronaldo Raih", "per:cristiano_ronaldo",
                  "Cristiano Ronaldo"),
            "per:cristiano_ronaldo");
  EXPECT_EQ(after(2, "per:sri_mulyani_indrawati", "Sri Mulyani Indrawati", "per:sri_mulyani",
                  "Sri Mulyani"),
            "per:sri_mulyani_indrawati");
  EXPECT_EQ(after(2, "per:aung_san_suu_kyi", "Aung San Suu Kyi", "per:suu_kyi", "Suu Kyi"),
            "per:aung_san_suu_kyi");
  EXPECT_EQ(store.GetEntity("per:aung_san_suu_kyi")->entity().article_count(), 3);
  EXPECT_EQ(after(2, "per:kevin_sanjaya", "Kevin Sanjaya", "per:kevin_sanjaya_sukamuljo",
                  "Kevin Sanjaya Sukamuljo"),
            "per:kevin_sanjaya");
  EXPECT_EQ(after(2, "per:iriana_joko_widodo", "Iriana Joko Widodo", "per:joko_widodo", "Joko Widodo",
                  /*troops=*/true),
            "per:joko_widodo");
  EXPECT_EQ(after(2, "per:kyle_walker", "Kyle Walker", "per:kyle_walker_peters", "Kyle Walker-Peters"),
            "per:kyle_walker_peters");
  EXPECT_EQ(after(2, "per:donald_trump", "Donald Trump", "per:donald_trump_jr", "Donald Trump Jr"),
            "per:donald_trump_jr");

  // The stream's first article registered the longer form; once the
  // shorter has more than twice its articles, the longer one follows it.
  add("edd-1", 3, "per:evan_dimas_darmono", "Evan Dimas Darmono");
  for (int i = 0; i < 3; ++i) add(absl::StrCat("ed-", i), 4, "per:evan_dimas", "Evan Dimas");
  add("edd-2", 5, "per:evan_dimas_darmono", "Evan Dimas Darmono");
  EXPECT_EQ(id_of("edd-2"), "per:evan_dimas");
}

// "Andi Agustinus alias Andi Narogong": an article that says only "Andi
// Narogong" is him (the news demo had 14 articles under each name); a
// name two registered people were introduced by stays apart.
TEST_P(ArticleStoreTest, ANameAnArticleIntroducedAfterAliasIsThatPerson) {
  auto& store = *store_;
  auto introduce = [&](const std::string& article_id, const std::string& id, const std::string& name,
                       const std::string& nickname) {
    auto a = StoryArticle(article_id, "kompas.com", 3, kFlood, false);
    AddEntity(a, id, name, warta::v1::PERSON);
    a.mutable_entities()->rbegin()->add_aliases(nickname);
    a.mutable_entities()->rbegin()->add_nicknames()->set_name(nickname);
    ASSERT_TRUE(store.Upsert(a, {}).ok());
  };
  auto stored_as = [&](const std::string& article_id, const std::string& id, const std::string& name) {
    auto a = StoryArticle(article_id, "tempo.co", 4, kTroops, true);
    AddEntity(a, id, name, warta::v1::PERSON);
    AddClaim(a, id, name, 0, "", {});
    EXPECT_TRUE(store.Upsert(a, {}).ok());
    auto stored = store.GetArticle(article_id);
    EXPECT_TRUE(stored.ok()) << stored.status();
    return stored.ok() ? stored->claims(0).speaker().entity_id() : "";
  };
  introduce("sidang", "per:andi_agustinus", "Andi Agustinus", "Andi Narogong");
  EXPECT_EQ(stored_as("later", "per:andi_narogong", "Andi Narogong"), "per:andi_agustinus");

  introduce("one", "per:budi_santoso", "Budi Santoso", "Mas Bento");
  introduce("two", "per:bento_wijaya", "Bento Wijaya", "Mas Bento");
  EXPECT_EQ(stored_as("ambiguous", "per:mas_bento", "Mas Bento"), "per:mas_bento");
}

// The registry had kept the first name it saw: "Universitas Gajah Mada"
// (1 article in the news demo) for the university 7 articles call
// "Universitas Gadjah Mada" (one id: the spellings share a key).
TEST_P(ArticleStoreTest, TheRegistryNamesAnEntityAsMostArticlesDo) {
  auto& store = *store_;
  auto add = [&](const std::string& id, int day, const std::string& name) {
    auto a = StoryArticle(id, "kompas.com", day, kFlood, false);
    AddEntity(a, "org:ugm", name, warta::v1::ORGANIZATION);
    ASSERT_TRUE(store.Upsert(a, {}).ok());
  };
  add("first", 3, "Universitas Gajah Mada");
  add("second", 4, "Universitas Gadjah Mada");
  // As many articles each: the first seen stays.
  EXPECT_EQ(store.GetEntity("org:ugm")->entity().name(), "Universitas Gajah Mada");
  add("third", 5, "Universitas Gadjah Mada");
  auto ugm = store.GetEntity("org:ugm");
  ASSERT_TRUE(ugm.ok()) << ugm.status();
  EXPECT_EQ(ugm->entity().name(), "Universitas Gadjah Mada");
  EXPECT_THAT(ugm->entity().aliases(), ::testing::Contains("Universitas Gajah Mada"));
  ASSERT_EQ(ugm->entity().names_size(), 2);
  EXPECT_EQ(ugm->entity().names(0).articles(), 1);
  EXPECT_EQ(ugm->entity().names(1).articles(), 2);
  warta::v1::ListEntitiesRequest request;
  request.set_query("gajah");  // the other spelling still finds it
  auto listed = store.ListEntities(request);
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->entities_size(), 1);
  EXPECT_EQ(listed->entities(0).name(), "Universitas Gadjah Mada");

  // Articles that say only "Rizieq" are linked to him under the registry's
  // name of the moment: they do not vote for it.
  auto person = [&](const std::string& id, int day, const std::string& entity_id,
                    const std::string& name) {
    auto a = StoryArticle(id, "tempo.co", day, kFlood, false);
    AddEntity(a, entity_id, name, warta::v1::PERSON);
    a.mutable_entities()->rbegin()->add_mentions()->set_text(name);
    ASSERT_TRUE(store.Upsert(a, {}).ok());
  };
  person("syihab", 3, "per:rizieq_shihab", "Rizieq Syihab");
  person("alone-1", 4, "per:rizieq", "Rizieq");
  person("alone-2", 5, "per:rizieq", "Rizieq");
  person("shihab-1", 6, "per:rizieq_shihab", "Rizieq Shihab");
  auto linked = store.GetArticle("alone-2");
  ASSERT_TRUE(linked.ok()) << linked.status();
  EXPECT_EQ(linked->entities().rbegin()->id(), "per:rizieq_shihab");
  EXPECT_EQ(store.GetEntity("per:rizieq_shihab")->entity().name(), "Rizieq Syihab");
  person("shihab-2", 7, "per:rizieq_shihab", "Rizieq Shihab");
  auto rizieq = store.GetEntity("per:rizieq_shihab");
  ASSERT_TRUE(rizieq.ok()) << rizieq.status();
  EXPECT_EQ(rizieq->entity().name(), "Rizieq Shihab");
  EXPECT_EQ(rizieq->entity().article_count(), 5);
}

// "Maverick Vinales" was an organisation in 9 articles of the news demo and
// a person in 16: a name of two words the registry holds under another
// type, in 5 articles at least and twice as many, is that entity. A
// one-word name ("Milan": a city and a club) keeps its type.
TEST_P(ArticleStoreTest, AMistypedNameJoinsTheTypeTheStreamGivesIt) {
  auto& store = *store_;
  auto add = [&](const std::string& id, int day, const std::string& entity_id,
                 const std::string& name, warta::v1::EntityType type) {
    auto a = StoryArticle(id, "kompas.com", day, kFlood, false);
    AddEntity(a, entity_id, name, type);
    return a;
  };
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(store.Upsert(add("person-" + std::to_string(i), 3, "per:maverick_vinales",
                                 "Maverick Vinales", warta::v1::PERSON), {}).ok());
    ASSERT_TRUE(store.Upsert(add("club-" + std::to_string(i), 3, "org:milan", "Milan",
                                 warta::v1::ORGANIZATION), {}).ok());
  }
  // Four articles are not enough yet.
  ASSERT_TRUE(store.Upsert(add("early", 4, "org:maverick_vinales", "Maverick Vinales",
                               warta::v1::ORGANIZATION), {}).ok());
  EXPECT_TRUE(store.GetEntity("org:maverick_vinales").ok());
  ASSERT_TRUE(store.Upsert(add("person-4", 5, "per:maverick_vinales", "Maverick Vinales",
                               warta::v1::PERSON), {}).ok());
  ASSERT_TRUE(store.Upsert(add("club-4", 5, "org:milan", "Milan", warta::v1::ORGANIZATION), {}).ok());

  auto mistyped = add("mistyped", 6, "org:maverick_vinales", "Maverick Vinales", warta::v1::ORGANIZATION);
  AddClaim(mistyped, "org:maverick_vinales", "Maverick Vinales", 0, "", {"loc:bandung"});
  ASSERT_TRUE(store.Upsert(mistyped, {}).ok());
  auto stored = store.GetArticle("mistyped");
  ASSERT_TRUE(stored.ok()) << stored.status();
  const warta::v1::Entity* vinales = nullptr;
  for (const auto& e : stored->entities()) {
    if (e.name() == "Maverick Vinales") vinales = &e;
  }
  ASSERT_NE(vinales, nullptr);
  EXPECT_EQ(vinales->id(), "per:maverick_vinales");
  EXPECT_EQ(vinales->type(), warta::v1::PERSON);
  ASSERT_EQ(stored->claims_size(), 1);
  EXPECT_EQ(stored->claims(0).speaker().entity_id(), "per:maverick_vinales");
  EXPECT_EQ(store.GetEntity("per:maverick_vinales")->entity().article_count(), 6);

  auto city = add("city", 6, "loc:milan", "Milan", warta::v1::LOCATION);
  ASSERT_TRUE(store.Upsert(city, {}).ok());
  auto kept = store.GetArticle("city");
  ASSERT_TRUE(kept.ok()) << kept.status();
  EXPECT_EQ(kept->entities().rbegin()->id(), "loc:milan");
}

TEST_P(ArticleStoreTest, AStoredDisputeStaysWhenItsThingComesBackMonthsLater) {
  auto& store = *store_;
  ASSERT_TRUE(store.Upsert(BergeloraArticle(), {}).ok());
  ASSERT_TRUE(store.Upsert(KurskArticle(), {}).ok());
  // The same measured thing (North Korea's troops) three months later, with
  // two new figures of its own.
  auto later = MakeArticle("troops-february", "tempo.co", "id", Nov2024(95));
  AddEntity(later, "loc:korea_utara", "Korea Utara");
  AddEntity(later, "loc:rusia", "Rusia");
  AddEntity(later, "loc:kursk", "Kursk");
  AddClaim(later, "per:a", "A", 12000, "tentara", {"loc:korea_utara", "loc:kursk", "loc:rusia"});
  AddClaim(later, "per:b", "B", 15000, "tentara", {"loc:korea_utara", "loc:kursk", "loc:rusia"});
  ASSERT_TRUE(store.Upsert(later, {}).ok());

  auto troops = store.ListContestedClaims("loc:korea_utara", 0, 0, "");
  ASSERT_TRUE(troops.ok()) << troops.status();
  ASSERT_EQ(troops->contested_size(), 2) << troops->DebugString();
  EXPECT_THAT(troops->contested(0).values(), ElementsAre(12000, 15000));  // newest first
  EXPECT_THAT(troops->contested(1).values(), ElementsAre(3000, 8000, 10000, 11000));
}

TEST_P(ArticleStoreTest, AFigureAtTheEdgeOfTheWindowRegroupsTheWholeDispute) {
  auto& store = *store_;
  ASSERT_TRUE(store.Upsert(BergeloraArticle(), {}).ok());  // Nov 1: 3.000, 8.000
  ASSERT_TRUE(store.Upsert(KurskArticle(), {}).ok());      // Nov 4: 10.000, 11.000
  // Day 33 reaches back to Nov 3 only; the dispute starts on Nov 1.
  auto late = MakeArticle("troops-december", "tempo.co", "id", Nov2024(33));
  AddEntity(late, "loc:korea_utara", "Korea Utara");
  AddEntity(late, "loc:rusia", "Rusia");
  AddEntity(late, "loc:kursk", "Kursk");
  AddClaim(late, "per:zelensky", "Zelensky", 11000, "tentara",
           {"loc:korea_utara", "loc:kursk", "loc:rusia"});
  ASSERT_TRUE(store.Upsert(late, {}).ok());
  auto troops = store.ListContestedClaims("loc:korea_utara", 0, 0, "");
  ASSERT_TRUE(troops.ok()) << troops.status();
  ASSERT_EQ(troops->contested_size(), 1) << troops->DebugString();
  EXPECT_THAT(troops->contested(0).values(), ElementsAre(3000, 8000, 10000, 11000));
}

}  // namespace
}  // namespace warta::storage::testing
