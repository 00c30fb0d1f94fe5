#include "training/ner/news_corpus.h"

#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "common/files.h"
#include "common/status_macros.h"
#include "enrichment/entities/ner_features.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "training/ner/simple_tokenizer.h"

namespace warta::training {
namespace {

bool IsCapitalised(std::string_view word) {
  const auto cc = enrichment::ner::ClassifyCase(word);
  return cc == enrichment::ner::CaseClass::kInitialUpper ||
         cc == enrichment::ner::CaseClass::kAllUpper || cc == enrichment::ner::CaseClass::kMixed;
}

// Counts one occurrence of `word` and returns its id.
int AddWord(std::string_view word, bool initial, NewsCorpus& corpus) {
  std::string lower = enrichment::ner::ToLower(word);
  auto [it, added] = corpus.index.emplace(lower, static_cast<int>(corpus.vocab.size()));
  if (added) {
    corpus.vocab.push_back(lower);
    corpus.stats.emplace_back();
  }
  WordStats& st = corpus.stats[it->second];
  ++st.count;
  if (!initial) {
    ++st.inner;
    if (IsCapitalised(word)) ++st.inner_cap;
  }
  return it->second;
}

bool HasAlnum(std::string_view word) {
  for (unsigned char c : word) {
    if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return true;
  }
  return false;
}

// Adds the sentences of one article to the corpus.
void AddText(const std::string& text, NewsCorpus& corpus) {
  const auto seg = SimpleSegment(text);
  for (const enrichment::Sentence& s : seg.sentences) {
    std::vector<int> ids;
    for (int t = s.first_token; t < s.end_token; ++t) {
      const enrichment::Span span = seg.tokens[t].span;
      const std::string_view word(text.data() + span.begin, span.size());
      // Skip the first token and anything right after quotes or colons,
      // where capitals are grammar, not names.
      const bool initial = t == s.first_token || seg.tokens[t - 1].kind != enrichment::TokenKind::kWord;
      ids.push_back(AddWord(word, initial, corpus));
    }
    corpus.sentences.push_back(std::move(ids));
  }
}

}  // namespace

absl::StatusOr<std::vector<std::string>> ReadNewsTexts(const std::filesystem::path& jsonl) {
  ASSIGN_OR_RETURN(std::string contents, ReadFileToString(jsonl));
  std::vector<std::string> texts;
  std::istringstream lines(contents);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    google::protobuf::Struct record;
    const auto status = google::protobuf::util::JsonStringToMessage(
        google::protobuf::StringPiece(line.data(), line.size()), &record);
    if (!status.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(jsonl.string(), ":", number,
                                                     ": not a JSON object: ", status.ToString()));
    }
    auto text = record.fields().find("text");
    if (text == record.fields().end() || !text->second.has_string_value()) continue;
    if (!text->second.string_value().empty()) texts.push_back(text->second.string_value());
  }
  return texts;
}

absl::StatusOr<NewsCorpus> ReadNewsCorpus(const std::filesystem::path& data_dir) {
  ASSIGN_OR_RETURN(std::vector<std::string> texts,
                   ReadNewsTexts(data_dir / "news" / "indosum_articles.jsonl"));
  NewsCorpus corpus;
  for (const std::string& text : texts) AddText(text, corpus);
  return corpus;
}

NewsCorpus CorpusFromTokens(const std::vector<std::vector<std::string>>& sentences) {
  NewsCorpus corpus;
  for (const auto& s : sentences) {
    std::vector<int> ids;
    for (size_t t = 0; t < s.size(); ++t) ids.push_back(AddWord(s[t], t == 0 || !HasAlnum(s[t - 1]), corpus));
    corpus.sentences.push_back(std::move(ids));
  }
  return corpus;
}

}  // namespace warta::training
