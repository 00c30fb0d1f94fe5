#include "eval/ner/ner_eval.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/files.h"
#include "common/status_macros.h"
#include "eval/ner/label_conventions.h"

namespace warta::eval {
namespace {

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (static_cast<unsigned char>(c) < 0x20) {
      absl::StrAppend(&out, " ");
      continue;
    }
    out.push_back(c);
  }
  return out + "\"";
}

const char* TypeName(int type) {
  static constexpr const char* kNames[] = {"PER", "ORG", "LOC"};
  return type >= 0 && type < 3 ? kNames[type] : "?";
}

std::string SpansText(const std::vector<std::string_view>& words,
                      const std::vector<enrichment::ner::TaggedSpan>& spans) {
  std::string out;
  for (const auto& sp : spans) {
    absl::StrAppend(&out, out.empty() ? "" : " ", "[", TypeName(sp.type));
    for (int i = sp.begin; i < sp.end; ++i) (out += " ") += words[i];
    out += "]";
  }
  return out;
}

bool SameSpans(const std::vector<enrichment::ner::TaggedSpan>& a,
               const std::vector<enrichment::ner::TaggedSpan>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].begin != b[i].begin || a[i].end != b[i].end || a[i].type != b[i].type) return false;
  }
  return true;
}

// "# missed/extra" lines for each sentence whose spans differ from gold.
void WriteErrors(const std::vector<ConllSentence>& sentences,
                 const std::vector<std::vector<enrichment::ner::TaggedSpan>>& predicted, std::ostream& out) {
  for (size_t k = 0; k < sentences.size(); ++k) {
    const ConllSentence& s = sentences[k];
    const std::vector<std::string_view> words(s.tokens.begin(), s.tokens.end());
    const auto gold = LabelsToSpans(s.labels);
    if (SameSpans(gold, predicted[k])) continue;
    std::string text;
    for (std::string_view w : words) (text += text.empty() ? "" : " ") += w;
    out << "# " << text << "\n#   gold: " << SpansText(words, gold)
        << "\n#   model: " << SpansText(words, predicted[k]) << "\n";
  }
}

// One CoNLL document (sentences [begin, end)) as the entity stage sees an
// article: the tokens joined by spaces, one Sentence per CoNLL sentence.
enrichment::Document ConllDocument(const std::vector<ConllSentence>& sentences, size_t begin, size_t end,
                                   std::string_view language) {
  enrichment::Document doc;
  doc.language.code = std::string(language);
  for (size_t k = begin; k < end; ++k) {
    enrichment::Sentence sentence;
    sentence.first_token = static_cast<int>(doc.tokens.size());
    sentence.span.begin = static_cast<int>(doc.text.size());
    for (const std::string& t : sentences[k].tokens) {
      if (!doc.text.empty()) doc.text.push_back(' ');
      const int at = static_cast<int>(doc.text.size());
      doc.text += t;
      doc.tokens.push_back({{at, static_cast<int>(doc.text.size())}});
    }
    sentence.end_token = static_cast<int>(doc.tokens.size());
    sentence.span.end = static_cast<int>(doc.text.size());
    doc.sentences.push_back(sentence);
  }
  return doc;
}

// The PERSON / ORGANIZATION / LOCATION mentions of `doc.entities` as token
// spans per sentence (a mention ending inside a token, "Russia" of
// "Russia's", covers the token, as the CoNLL files label it).
std::vector<std::vector<enrichment::ner::TaggedSpan>> MentionSpans(const enrichment::Document& doc) {
  std::vector<std::vector<enrichment::ner::TaggedSpan>> out(doc.sentences.size());
  std::vector<int> token_at(doc.text.size() + 1, -1), sentence_of(doc.tokens.size(), 0);
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    for (int c = doc.tokens[t].span.begin; c < doc.tokens[t].span.end; ++c) token_at[c] = static_cast<int>(t);
  }
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    for (int t = doc.sentences[s].first_token; t < doc.sentences[s].end_token; ++t) sentence_of[t] = static_cast<int>(s);
  }
  for (const enrichment::Entity& e : doc.entities) {
    const int type = static_cast<int>(e.type);
    if (type >= enrichment::ner::kNumTypes) continue;
    for (const enrichment::Mention& m : e.mentions) {
      if (m.span.end <= m.span.begin) continue;
      const int first = token_at[m.span.begin], last = token_at[m.span.end - 1];
      if (first < 0 || last < 0 || sentence_of[first] != sentence_of[last]) continue;
      const int s = sentence_of[first], base = doc.sentences[s].first_token;
      out[s].push_back({first - base, last + 1 - base, type});
    }
  }
  for (auto& spans : out) {
    std::sort(spans.begin(), spans.end(),
              [](const auto& a, const auto& b) { return a.begin < b.begin || (a.begin == b.begin && a.end < b.end); });
  }
  return out;
}

}  // namespace

std::vector<std::vector<enrichment::ner::TaggedSpan>> PredictNer(const enrichment::ner::NerModel& model,
                                                                 const std::vector<ConllSentence>& sentences,
                                                                 std::string_view variant) {
  std::vector<std::vector<enrichment::ner::TaggedSpan>> out;
  out.reserve(sentences.size());
  std::vector<std::string_view> words;
  for (const ConllSentence& s : sentences) {
    words.assign(s.tokens.begin(), s.tokens.end());
    out.push_back(model.TagSpans(words, variant));
  }
  return out;
}

absl::StatusOr<std::vector<std::vector<enrichment::ner::TaggedSpan>>> PredictNerStage(
    const enrichment::EntityRecognizer& recognizer, const std::vector<ConllSentence>& sentences,
    std::string_view language, bool sentences_are_documents) {
  std::vector<std::vector<enrichment::ner::TaggedSpan>> out;
  out.reserve(sentences.size());
  for (size_t begin = 0; begin < sentences.size();) {
    size_t end = begin + 1;
    while (!sentences_are_documents && end < sentences.size() &&
           sentences[end].document == sentences[begin].document) {
      ++end;
    }
    enrichment::Document doc = ConllDocument(sentences, begin, end, language);
    RETURN_IF_ERROR(recognizer.Process(doc));
    for (auto& spans : MentionSpans(doc)) out.push_back(std::move(spans));
    begin = end;
  }
  return out;
}

NerCounts CountNer(const std::vector<ConllSentence>& sentences,
                   const std::vector<std::vector<enrichment::ner::TaggedSpan>>& predicted) {
  NerCounts counts;
  for (size_t k = 0; k < sentences.size(); ++k) counts.Add(LabelsToSpans(sentences[k].labels), predicted[k]);
  return counts;
}

NerCounts EvaluateNer(const enrichment::ner::NerModel& model,
                      const std::vector<ConllSentence>& sentences, std::string_view variant) {
  return CountNer(sentences, PredictNer(model, sentences, variant));
}

absl::Status RunNerEval(const std::vector<std::string>& args,
                        const std::filesystem::path& models_dir, std::ostream& out) {
  std::filesystem::path model_path = models_dir / "ner" / "ner.model";
  std::vector<std::string> files;
  std::string variant;
  bool errors = false, stage = false;
  bool known_places = false;
  for (const std::string& a : args) {
    if (a == "--known_places_as_locations") {
      known_places = true;
    } else if (absl::StartsWith(a, "--model=")) {
      model_path = a.substr(8);
    } else if (absl::StartsWith(a, "--variant=")) {
      variant = a.substr(10);
    } else if (a == "--errors") {
      errors = true;
    } else if (a == "--stage") {
      stage = true;
    } else if (absl::StartsWith(a, "--")) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown flag ", a, "; usage: warta eval ner [--model=PATH] [--variant=NAME] [--stage] [--errors] [--known_places_as_locations] FILE..."));
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    return absl::InvalidArgumentError("usage: warta eval ner [--model=PATH] [--variant=NAME] [--stage] [--errors] [--known_places_as_locations] FILE...");
  }
  ASSIGN_OR_RETURN(std::string bytes, ReadFileToString(model_path));
  ASSIGN_OR_RETURN(auto model, enrichment::ner::NerModel::Create(bytes));
  if (!variant.empty() && model->FindVariant(variant) < 0) {
    return absl::InvalidArgumentError(absl::StrCat("the model has no variant '", variant, "'"));
  }
  // The stage picks its weights from the document's language: English
  // for --variant=en, the default (by case) otherwise.
  if (stage && !variant.empty() && variant != "en") {
    return absl::InvalidArgumentError("--stage chooses weights by language: only --variant=en applies");
  }
  std::unique_ptr<enrichment::EntityRecognizer> recognizer;
  if (stage) {
    enrichment::EntityOptions options;
    options.model = bytes;
    ASSIGN_OR_RETURN(recognizer, enrichment::EntityRecognizer::Create(options));
  }
  NerCounts total;
  long tokens = 0, sentences = 0;
  double seconds = 0;
  std::string per_file;
  for (const std::string& f : files) {
    ASSIGN_OR_RETURN(std::string contents, ReadFileToString(f));
    auto parsed = ParseConll(contents);
    if (!parsed.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(f, ": ", parsed.status().message()));
    }
    if (known_places) MarkKnownPlaces(*parsed);
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::vector<enrichment::ner::TaggedSpan>> predicted;
    if (stage) {
      // A file without -DOCSTART- lines (idner_news_2k, NERGrit, NERP)
      // holds sentences of unrelated articles: each is a document of its
      // own, so no sentence lends its names or type votes to another, as
      // no article would (read as one document: NERGrit 0.738, NERP 0.805).
      const bool sentences_are_documents = !absl::StrContains(contents, "-DOCSTART-");
      ASSIGN_OR_RETURN(predicted, PredictNerStage(*recognizer, *parsed, variant.empty() ? "id" : "en",
                                                  sentences_are_documents));
    } else {
      predicted = PredictNer(*model, *parsed, variant);
    }
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const NerCounts counts = CountNer(*parsed, predicted);
    for (const ConllSentence& s : *parsed) tokens += static_cast<long>(s.tokens.size());
    sentences += static_cast<long>(parsed->size());
    if (errors) WriteErrors(*parsed, predicted, out);
    total.Merge(counts);
    absl::StrAppend(&per_file, per_file.empty() ? "" : ", ", JsonString(f), ": ",
                    NerCountsJson(counts));
  }
  const std::string all = NerCountsJson(total);
  // all = {"overall": .., "types": {..}}: splice in the rest.
  out << "{\"model\": " << JsonString(model_path.string()) << ", \"sentences\": " << sentences
      << ", \"tokens\": " << tokens << ", \"tokens_per_second\": "
      << static_cast<long>(seconds > 0 ? tokens / seconds : 0) << ", "
      << all.substr(1, all.size() - 2) << ", \"files\": {" << per_file << "}}\n";
  return absl::OkStatus();
}

}  // namespace warta::eval
