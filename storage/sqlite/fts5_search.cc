#include "storage/sqlite/fts5_search.h"

#include <sqlite3.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "storage/search/search_text.h"
#include "storage/sql_backend.h"

namespace warta::storage {
namespace {

// One per FTS5 table per connection; connections are used by one thread at
// a time (the store's mutex), so the stemmer needs no lock.
struct Tokenizer {
  SearchStemmer stemmer;
};

int Create(void*, const char**, int, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(new Tokenizer);
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* tokenizer) { delete reinterpret_cast<Tokenizer*>(tokenizer); }

int Tokenize(Fts5Tokenizer* handle, void* context, int flags, const char* text, int length,
             int (*emit)(void*, int, const char*, int, int, int)) {
  Tokenizer& tokenizer = *reinterpret_cast<Tokenizer*>(handle);
  const std::string_view all(text, length < 0 ? 0 : length);
  const UntaggedText tag = UntagSearchText(all);
  SearchLanguage language = tag.language;
  // Documents are never kAny; a stray tag is read as no language.
  if (language == SearchLanguage::kAny && !(flags & FTS5_TOKENIZE_QUERY)) {
    language = SearchLanguage::kOther;
  }
  const int offset = static_cast<int>(tag.offset);
  SearchWordScanner scanner(all.substr(tag.offset));
  SearchWord word;
  while (scanner.Next(&word)) {
    const int start = offset + word.start, end = offset + word.end;
    if (language == SearchLanguage::kAny) {
      const std::vector<std::string> terms =
          tokenizer.stemmer.QueryTerms(word.folded, SearchLanguage::kAny);
      for (size_t i = 0; i < terms.size(); ++i) {
        const int rc = emit(context, i == 0 ? 0 : FTS5_TOKEN_COLOCATED, terms[i].data(),
                            static_cast<int>(terms[i].size()), start, end);
        if (rc != SQLITE_OK) return rc;
      }
      continue;
    }
    const std::string term = tokenizer.stemmer.Term(word.folded, language);
    if (term.empty()) continue;  // stop word
    const int rc =
        emit(context, 0, term.data(), static_cast<int>(term.size()), start, end);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

// Per query: the average size of each column, for length normalisation.
struct AverageSizes {
  std::vector<double> columns;
};

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

void Relevance(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context,
               int argc, sqlite3_value** argv) {
  const int columns = api->xColumnCount(fts);
  auto* averages = static_cast<AverageSizes*>(api->xGetAuxdata(fts, 0));
  if (averages == nullptr) {
    averages = new AverageSizes;
    sqlite3_int64 rows = 0;
    if (api->xRowCount(fts, &rows) != SQLITE_OK) rows = 0;
    for (int c = 0; c < columns; ++c) {
      sqlite3_int64 total = 0;
      if (api->xColumnTotalSize(fts, c, &total) != SQLITE_OK) total = 0;
      averages->columns.push_back(rows > 0 ? static_cast<double>(total) / rows : 0);
    }
    const int rc = api->xSetAuxdata(fts, averages, [](void* p) {
      delete static_cast<AverageSizes*>(p);
    });
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(context, rc);
      return;
    }
  }
  // Hits per (phrase, column).
  const int phrases = api->xPhraseCount(fts);
  std::vector<int> hits(static_cast<size_t>(phrases) * columns, 0);
  int instances = 0;
  int rc = api->xInstCount(fts, &instances);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK) ++hits[static_cast<size_t>(phrase) * columns + column];
  }
  double score = 0;
  for (int c = 0; rc == SQLITE_OK && c < columns; ++c) {
    const double weight = c < argc ? sqlite3_value_double(argv[c]) : 1.0;
    int size = 0;
    rc = api->xColumnSize(fts, c, &size);
    const double average = averages->columns[c];
    const double norm = kK1 * (1 - kB + kB * (average > 0 ? size / average : 1.0));
    for (int p = 0; p < phrases; ++p) {
      const double tf = hits[static_cast<size_t>(p) * columns + c];
      if (tf > 0) score += weight * tf * (kK1 + 1) / (tf + norm);
    }
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(context, rc);
    return;
  }
  sqlite3_result_double(context, score);
}

fts5_api* Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api;
}

}  // namespace

absl::Status RegisterSearchFunctions(sqlite3* db) {
  if (absl::Status stemmers = CheckSearchStemmers(); !stemmers.ok()) return stemmers;
  fts5_api* api = Fts5Api(db);
  if (api == nullptr) {
    return absl::FailedPreconditionError(
        "this SQLite library has no FTS5 (full-text search); Debian's libsqlite3 has it");
  }
  static fts5_tokenizer kTokenizer = {Create, Delete, Tokenize};
  int rc = api->xCreateTokenizer(api, kFts5TokenizerName, nullptr, &kTokenizer, nullptr);
  if (rc == SQLITE_OK) {
    rc = api->xCreateFunction(api, kFts5RelevanceSql, nullptr, Relevance, nullptr);
  }
  if (rc != SQLITE_OK) {
    return absl::InternalError(absl::StrCat(
        "sqlite: cannot register the full-text search functions: ", sqlite3_errstr(rc)));
  }
  return absl::OkStatus();
}

}  // namespace warta::storage
