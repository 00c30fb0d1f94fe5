// The FTS5 tokenizer "warta": storage/search/search_text.h's analysis as
// SQLite full-text search sees it. Each text starts with a language tag
// (TagSearchText): an article's title and body are indexed as Indonesian,
// English or neither, and each quoted query string is analysed in the
// query's language. A kAny query word yields its Indonesian stem, English
// stem and folded self as colocated tokens, which FTS5 matches as
// alternatives. Stop words yield no token.
//
// A database file whose article_search table uses this tokenizer can only
// be searched or written by a connection that registered it; other tools
// (the sqlite3 shell) still read every other table.
#ifndef WARTA_STORAGE_SQLITE_FTS5_TOKENIZER_H_
#define WARTA_STORAGE_SQLITE_FTS5_TOKENIZER_H_

#include "absl/status/status.h"

struct sqlite3;

namespace warta::storage {

inline constexpr const char kFts5TokenizerName[] = "warta";

// Registers the tokenizer on `db` (for the life of the connection).
absl::Status RegisterSearchTokenizer(sqlite3* db);

}  // namespace warta::storage

#endif  // WARTA_STORAGE_SQLITE_FTS5_TOKENIZER_H_
