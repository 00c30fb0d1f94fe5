// The tables both SQL backends create, written once: version 1 (articles,
// entities, claims, their subjects and quantities, Kafka offsets) with the
// few type names that differ per engine filled in, and version 2's story,
// entity-registry and contested-group tables (the same on both; see
// storage/stories/sql_stories.h, storage/entities/entity_registry.h,
// storage/contested_groups.h), and version 3's full-text index. Times are nanoseconds since the epoch, 0 when
// unknown. Where the schema version is kept is the backend's own business
// (PRAGMA user_version, table warta_schema).
#ifndef WARTA_STORAGE_SQL_SCHEMA_H_
#define WARTA_STORAGE_SQL_SCHEMA_H_

#include <string>
#include <vector>

namespace warta::storage {

enum class SqlDialect { kSqlite, kPostgres };

// The statements creating version 1, in order.
std::vector<std::string> SchemaV1(SqlDialect dialect);

// The statements taking a version-1 database to version 2, in order.
std::vector<std::string> SchemaV2Delta();

// Version 3: the full-text search index, empty (the backend then indexes
// the articles already stored). SQLite: the FTS5 table article_search
// (title, body; contentless: the text stays in articles.data, and FTS5
// rowid = articles.rowid) over the "warta" tokenizer
// (storage/sqlite/fts5_search.h), and search_docs (same rowid:
// published_at and the filter columns of articles, ~50 bytes a row, so
// ranking a thousand candidates reads a small hot table, not a thousand
// 9 KB article rows). PostgreSQL: articles.search, a tsvector (title
// weight A, body B) with a GIN index.
std::vector<std::string> SchemaV3Delta(SqlDialect dialect);

}  // namespace warta::storage

#endif  // WARTA_STORAGE_SQL_SCHEMA_H_
