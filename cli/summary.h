// Human-readable summary of an enriched article, as `make demo` and
// `warta show` print it: title, source, date, language, top entities and
// claims with their speakers and numbers.
#ifndef WARTA_CLI_SUMMARY_H_
#define WARTA_CLI_SUMMARY_H_

#include <string>

#include "warta/v1/article.pb.h"
#include "warta/v1/services.pb.h"

namespace warta::cli {

std::string SummarizeArticle(const warta::v1::EnrichedArticle& article, int max_entities = 8,
                             int max_claims = 6);

std::string SummarizeContested(const warta::v1::ContestedClaim& contested);

// One line: id, articles, sources, languages, dates, title.
std::string SummarizeStoryLine(const warta::v1::Story& story);
// A whole story: its articles by source and time, main entities, contested
// figures and the timeline of figures.
std::string SummarizeStory(const warta::v1::Story& story);

// One line: id, type, name, counts, aliases.
std::string SummarizeEntityLine(const warta::v1::EntityRecord& entity);
std::string SummarizeEntity(const warta::v1::EntityDetail& detail);

// One search hit, three lines: rank and marked title; source, date, score,
// article id and story; the marked snippet. With `bold`, the response's
// marks (`mark_start`, `mark_end`) become terminal bold on / off.
std::string SummarizeSearchHit(const warta::v1::SearchHit& hit, int rank,
                               const std::string& mark_start, const std::string& mark_end,
                               bool bold);

}  // namespace warta::cli

#endif  // WARTA_CLI_SUMMARY_H_
