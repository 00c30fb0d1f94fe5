#include "storage/sqlite/fts5_tokenizer.h"

#include <sqlite3.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "storage/search/search_text.h"

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

absl::Status RegisterSearchTokenizer(sqlite3* db) {
  fts5_api* api = Fts5Api(db);
  if (api == nullptr) {
    return absl::FailedPreconditionError(
        "this SQLite library has no FTS5 (full-text search); Debian's libsqlite3 has it");
  }
  static fts5_tokenizer kTokenizer = {Create, Delete, Tokenize};
  const int rc = api->xCreateTokenizer(api, kFts5TokenizerName, nullptr, &kTokenizer, nullptr);
  if (rc != SQLITE_OK) {
    return absl::InternalError(
        absl::StrCat("sqlite: cannot register the search tokenizer: ", sqlite3_errstr(rc)));
  }
  return absl::OkStatus();
}

}  // namespace warta::storage
