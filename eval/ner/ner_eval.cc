#include "eval/ner/ner_eval.h"

#include <chrono>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/files.h"
#include "common/status_macros.h"

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
void WriteErrors(const enrichment::ner::NerModel& model, const std::vector<ConllSentence>& sentences,
                 std::string_view variant, std::ostream& out) {
  for (const ConllSentence& s : sentences) {
    const std::vector<std::string_view> words(s.tokens.begin(), s.tokens.end());
    const auto gold = LabelsToSpans(s.labels);
    const auto predicted = model.TagSpans(words, variant);
    if (SameSpans(gold, predicted)) continue;
    std::string text;
    for (std::string_view w : words) (text += text.empty() ? "" : " ") += w;
    out << "# " << text << "\n#   gold: " << SpansText(words, gold)
        << "\n#   model: " << SpansText(words, predicted) << "\n";
  }
}

}  // namespace

NerCounts EvaluateNer(const enrichment::ner::NerModel& model,
                      const std::vector<ConllSentence>& sentences, std::string_view variant) {
  NerCounts counts;
  std::vector<std::string_view> words;
  for (const ConllSentence& s : sentences) {
    words.assign(s.tokens.begin(), s.tokens.end());
    counts.Add(LabelsToSpans(s.labels), model.TagSpans(words, variant));
  }
  return counts;
}

absl::Status RunNerEval(const std::vector<std::string>& args,
                        const std::filesystem::path& models_dir, std::ostream& out) {
  std::filesystem::path model_path = models_dir / "ner" / "ner.model";
  std::vector<std::string> files;
  std::string variant;
  bool errors = false;
  for (const std::string& a : args) {
    if (absl::StartsWith(a, "--model=")) {
      model_path = a.substr(8);
    } else if (absl::StartsWith(a, "--variant=")) {
      variant = a.substr(10);
    } else if (a == "--errors") {
      errors = true;
    } else if (absl::StartsWith(a, "--")) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown flag ", a, "; usage: warta eval ner [--model=PATH] [--variant=NAME] [--errors] FILE..."));
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    return absl::InvalidArgumentError("usage: warta eval ner [--model=PATH] [--variant=NAME] [--errors] FILE...");
  }
  ASSIGN_OR_RETURN(std::string bytes, ReadFileToString(model_path));
  ASSIGN_OR_RETURN(auto model, enrichment::ner::NerModel::Create(bytes));
  if (!variant.empty() && model->FindVariant(variant) < 0) {
    return absl::InvalidArgumentError(absl::StrCat("the model has no variant '", variant, "'"));
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
    const auto start = std::chrono::steady_clock::now();
    const NerCounts counts = EvaluateNer(*model, *parsed, variant);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (const ConllSentence& s : *parsed) tokens += static_cast<long>(s.tokens.size());
    sentences += static_cast<long>(parsed->size());
    if (errors) WriteErrors(*model, *parsed, variant, out);
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
