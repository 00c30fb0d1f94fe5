#include "storage/sql_schema.h"

#include <iterator>

#include "absl/strings/str_replace.h"

namespace warta::storage {
namespace {

// $INT, $BLOB, $SEQ and $NOROWID are the engine-specific parts.
constexpr const char* kV1[] = {
    "CREATE TABLE articles (id TEXT PRIMARY KEY, seq $SEQ, source TEXT NOT NULL, "
    "language TEXT NOT NULL, published_at $INT NOT NULL, pipeline_version TEXT NOT NULL, "
    "stored_at $INT NOT NULL, data $BLOB NOT NULL)",
    "CREATE INDEX articles_by_time ON articles (published_at DESC, id)",
    "CREATE INDEX articles_by_stored_at ON articles (stored_at)",
    "CREATE TABLE entities (article_id TEXT NOT NULL, entity_id TEXT NOT NULL, "
    "type $INT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (article_id, entity_id))$NOROWID",
    "CREATE INDEX entities_by_entity ON entities (entity_id, article_id)",
    "CREATE TABLE claims (article_id TEXT NOT NULL, idx $INT NOT NULL, "
    "published_at $INT NOT NULL, speaker_entity_id TEXT NOT NULL, "
    "has_quantities $INT NOT NULL, data $BLOB NOT NULL, PRIMARY KEY (article_id, idx))",
    "CREATE INDEX claims_by_time ON claims (published_at DESC, article_id, idx)",
    "CREATE INDEX claims_by_speaker ON claims (speaker_entity_id, published_at DESC)",
    "CREATE TABLE claim_subjects (article_id TEXT NOT NULL, claim_idx $INT NOT NULL, "
    "entity_id TEXT NOT NULL, PRIMARY KEY (article_id, claim_idx, entity_id))$NOROWID",
    "CREATE INDEX claim_subjects_by_entity ON claim_subjects (entity_id)",
    "CREATE TABLE claim_quantities (article_id TEXT NOT NULL, claim_idx $INT NOT NULL, "
    "quantity_idx $INT NOT NULL, unit TEXT NOT NULL, value $REAL NOT NULL, "
    "PRIMARY KEY (article_id, claim_idx, quantity_idx))$NOROWID",
    "CREATE INDEX claim_quantities_by_unit ON claim_quantities (unit)",
    "CREATE TABLE kafka_offsets (topic TEXT NOT NULL, partition $INT NOT NULL, "
    "next_offset $INT NOT NULL, PRIMARY KEY (topic, partition))$NOROWID",
};

// Version 2: stories, the entity registry and stored contested groups.
constexpr const char* kV2Delta[] = {
    "ALTER TABLE articles ADD COLUMN story_id TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX articles_by_story ON articles (story_id, published_at)",
    "CREATE TABLE stories (story_id TEXT PRIMARY KEY, last_arrival BIGINT NOT NULL, "
    "article_count BIGINT NOT NULL, source_count BIGINT NOT NULL, "
    "first_published BIGINT NOT NULL, last_published BIGINT NOT NULL, "
    "languages TEXT NOT NULL, data BYTEA NOT NULL)",
    // source_count in the index: ListStories with min_sources filters
    // without reading the story rows.
    "CREATE INDEX stories_by_update ON stories (last_arrival DESC, story_id, source_count)",
    "CREATE INDEX stories_by_size ON stories (article_count DESC, story_id, source_count)",
    "CREATE TABLE story_keys (key TEXT NOT NULL, story_id TEXT NOT NULL, "
    "arrival BIGINT NOT NULL, PRIMARY KEY (key, story_id))",
    "CREATE INDEX story_keys_recent ON story_keys (key, arrival DESC)",
    "CREATE TABLE entity_registry (entity_id TEXT PRIMARY KEY, type BIGINT NOT NULL, "
    "search TEXT NOT NULL, mention_count BIGINT NOT NULL, first_seen BIGINT NOT NULL, "
    "last_seen BIGINT NOT NULL, "
    "data BYTEA NOT NULL)",
    // search in the index: a name query tests it without reading the rows.
    "CREATE INDEX entity_registry_by_mentions ON entity_registry (mention_count DESC, "
    "entity_id, search)",
    "CREATE TABLE entity_name_tokens (token TEXT NOT NULL, entity_id TEXT NOT NULL, "
    "PRIMARY KEY (token, entity_id))",
    "CREATE TABLE figures (article_id TEXT NOT NULL, claim_idx BIGINT NOT NULL, "
    "quantity_idx BIGINT NOT NULL, group_key TEXT NOT NULL, published_at BIGINT NOT NULL, "
    "arrival BIGINT NOT NULL, PRIMARY KEY (article_id, claim_idx, quantity_idx))",
    "CREATE INDEX figures_by_key ON figures (group_key, published_at)",
    "CREATE TABLE contested_groups (group_id TEXT PRIMARY KEY, group_key TEXT NOT NULL, "
    "first_published BIGINT NOT NULL, last_published BIGINT NOT NULL, "
    "entities TEXT NOT NULL, data BYTEA NOT NULL)",
    "CREATE INDEX contested_groups_by_key ON contested_groups (group_key, last_published)",
    "CREATE INDEX contested_groups_by_time ON contested_groups (last_published DESC, group_id)",
};

}  // namespace

std::vector<std::string> SchemaV1(SqlDialect dialect) {
  const bool sqlite = dialect == SqlDialect::kSqlite;
  // SQLite gives sequence numbers itself (the store's counter); PostgreSQL
  // from a sequence shared by every writer.
  const std::vector<std::pair<const absl::string_view, absl::string_view>> parts = {
      {"$INT", sqlite ? "INTEGER" : "BIGINT"},
      {"$REAL", sqlite ? "REAL" : "DOUBLE PRECISION"},
      {"$BLOB", sqlite ? "BLOB" : "BYTEA"},
      {"$SEQ", sqlite ? "INTEGER NOT NULL UNIQUE"
                      : "BIGINT NOT NULL UNIQUE DEFAULT nextval('articles_seq')"},
      {"$NOROWID", sqlite ? " WITHOUT ROWID" : ""},
  };
  std::vector<std::string> statements;
  if (!sqlite) statements.push_back("CREATE SEQUENCE articles_seq");
  for (const char* sql : kV1) statements.push_back(absl::StrReplaceAll(sql, parts));
  return statements;
}

std::vector<std::string> SchemaV2Delta() { return {std::begin(kV2Delta), std::end(kV2Delta)}; }

std::vector<std::string> SchemaV3Delta(SqlDialect dialect) {
  if (dialect == SqlDialect::kSqlite) {
    // detail=full (the default) keeps positions for phrases; the column
    // sizes bm25 needs are kept too.
    return {"CREATE VIRTUAL TABLE article_search USING fts5(title, body, content='', "
            "tokenize='warta')",
            // What ranking and filtering read of each candidate, small enough to stay in
            // the page cache (the articles rows are ~9 KB each).
            "CREATE TABLE search_docs (rowid INTEGER PRIMARY KEY, published_at INTEGER NOT "
            "NULL, language TEXT NOT NULL, source TEXT NOT NULL, story_id TEXT NOT NULL)"};
  }
  return {"ALTER TABLE articles ADD COLUMN search tsvector",
          "CREATE INDEX articles_search ON articles USING GIN (search)"};
}

}  // namespace warta::storage
