// What SQLite's full-text search needs registered on each connection.
//
// The FTS5 tokenizer "warta": storage/search/search_text.h's analysis as
// FTS5 sees it. Each text starts with a language tag (TagSearchText): an
// article's title and body are indexed as Indonesian, English or neither,
// and each quoted query string is analysed in the query's language. A kAny
// query word yields its Indonesian stem, English stem and folded self as
// colocated tokens, which FTS5 matches as alternatives. Stop words yield no
// token.
//
// The FTS5 auxiliary function warta_relevance(article_search, title
// weight, body weight): BM25's term-frequency part with document-length
// normalisation (k1 = 1.2, b = 0.75), summed over the query's phrases and
// the columns (each times its weight), without the inverse document
// frequency. Every hit holds every word of the query, and FTS5's bm25()
// pays for its IDF with a pass over each phrase's whole posting list per
// query (milliseconds per million postings: a common word at 1M articles
// would take most of the latency budget); PostgreSQL's ts_rank_cd has no
// IDF either. Constant work per row.
//
// A database file whose article_search table uses these can only be
// searched or written by a connection that registered them; other tools
// (the sqlite3 shell) still read every other table.
#ifndef WARTA_STORAGE_SQLITE_FTS5_SEARCH_H_
#define WARTA_STORAGE_SQLITE_FTS5_SEARCH_H_

#include "absl/status/status.h"

struct sqlite3;

namespace warta::storage {

inline constexpr const char kFts5TokenizerName[] = "warta";

// Registers the tokenizer and the relevance function on `db` (for the life
// of the connection).
absl::Status RegisterSearchFunctions(sqlite3* db);

}  // namespace warta::storage

#endif  // WARTA_STORAGE_SQLITE_FTS5_SEARCH_H_
