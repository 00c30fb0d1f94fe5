#include "eval/ner/conll.h"

#include <cstdio>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace warta::eval {

using enrichment::ner::TaggedSpan;

absl::StatusOr<std::vector<ConllSentence>> ParseConll(std::string_view contents) {
  std::vector<ConllSentence> out;
  ConllSentence current;
  int line_number = 0, document = 0;
  for (absl::string_view line : absl::StrSplit(absl::string_view(contents.data(), contents.size()), '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);  // also the \r of CRLF files
    if (line.empty() || absl::StartsWith(line, "-DOCSTART-")) {
      if (!current.tokens.empty()) out.push_back(std::move(current));
      current = ConllSentence();
      if (!line.empty() && !out.empty()) ++document;
      current.document = document;
      continue;
    }
    std::vector<absl::string_view> cols = absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    if (cols.size() < 2) {
      return absl::InvalidArgumentError(absl::StrCat(
          "line ", line_number, ": expected 'token<TAB>tag' or 'token POS tag', got '", line, "'"));
    }
    current.tokens.emplace_back(cols.front());
    current.labels.emplace_back(cols.back());
  }
  if (!current.tokens.empty()) out.push_back(std::move(current));
  return out;
}

int MapEntityType(std::string_view label) {
  const std::string l = absl::AsciiStrToUpper(std::string(label));
  if (l == "PER" || l == "PERSON" || l == "PPL") return 0;
  if (l == "ORG" || l == "ORGANISATION" || l == "ORGANIZATION" || l == "IND") return 1;
  if (l == "LOC" || l == "PLACE" || l == "PLC" || l == "GPE" || l == "LOCATION") return 2;
  return -1;
}

std::vector<TaggedSpan> LabelsToSpans(const std::vector<std::string>& labels) {
  std::vector<TaggedSpan> spans;
  int open_type = -1;
  auto close = [&](int end) {
    if (open_type >= 0) spans.back().end = end;
    open_type = -1;
  };
  const int n = static_cast<int>(labels.size());
  for (int i = 0; i < n; ++i) {
    std::string_view label = labels[i];
    char prefix = 'I';  // IOB1 files may have bare types
    if (label.size() >= 2 && (label[1] == '-' || label[1] == '_')) {
      prefix = static_cast<char>(absl::ascii_toupper(label[0]));
      label.remove_prefix(2);
    }
    const int type = (label == "O") ? -1 : MapEntityType(label);
    if (type < 0 || prefix == 'O') {
      close(i);
      continue;
    }
    const bool starts = prefix == 'B' || prefix == 'S' || prefix == 'U' || open_type != type;
    if (starts) {
      close(i);
      spans.push_back({i, i + 1, type});
      open_type = type;
    }
    spans.back().end = i + 1;
    if (prefix == 'L' || prefix == 'E' || prefix == 'S' || prefix == 'U') close(i + 1);
  }
  close(n);
  return spans;
}

std::vector<int> SpansToTags(const std::vector<TaggedSpan>& spans, int n) {
  std::vector<int> tags(n, enrichment::ner::kOutside);
  for (const TaggedSpan& s : spans) {
    tags[s.begin] = enrichment::ner::BeginTag(s.type);
    for (int i = s.begin + 1; i < s.end; ++i) tags[i] = enrichment::ner::InsideTag(s.type);
  }
  return tags;
}

void NerCounts::Add(const std::vector<TaggedSpan>& gold, const std::vector<TaggedSpan>& predicted) {
  auto same = [](const TaggedSpan& a, const TaggedSpan& b) {
    return a.begin == b.begin && a.end == b.end && a.type == b.type;
  };
  for (const TaggedSpan& p : predicted) {
    bool hit = false;
    for (const TaggedSpan& g : gold) hit |= same(g, p);
    (hit ? tp : fp)[p.type]++;
  }
  for (const TaggedSpan& g : gold) {
    bool hit = false;
    for (const TaggedSpan& p : predicted) hit |= same(g, p);
    if (!hit) fn[g.type]++;
  }
}

void NerCounts::Merge(const NerCounts& o) {
  for (int t = 0; t < enrichment::ner::kNumTypes; ++t) {
    tp[t] += o.tp[t];
    fp[t] += o.fp[t];
    fn[t] += o.fn[t];
  }
}

namespace {

struct Prf {
  double p, r, f;
};

Prf Score(long tp, long fp, long fn) {
  const double p = tp + fp > 0 ? static_cast<double>(tp) / (tp + fp) : 0;
  const double r = tp + fn > 0 ? static_cast<double>(tp) / (tp + fn) : 0;
  return {p, r, p + r > 0 ? 2 * p * r / (p + r) : 0};
}

std::string PrfJson(long tp, long fp, long fn) {
  const Prf s = Score(tp, fp, fn);
  char buf[160];
  std::snprintf(buf, sizeof(buf),
                "{\"precision\": %.4f, \"recall\": %.4f, \"f1\": %.4f, \"tp\": %ld, \"fp\": %ld, "
                "\"fn\": %ld}",
                s.p, s.r, s.f, tp, fp, fn);
  return buf;
}

}  // namespace

double NerCounts::F1() const {
  long a = 0, b = 0, c = 0;
  for (int t = 0; t < enrichment::ner::kNumTypes; ++t) {
    a += tp[t];
    b += fp[t];
    c += fn[t];
  }
  return Score(a, b, c).f;
}

std::string NerCountsJson(const NerCounts& c) {
  long a = 0, b = 0, d = 0;
  std::string types;
  for (int t = 0; t < enrichment::ner::kNumTypes; ++t) {
    a += c.tp[t];
    b += c.fp[t];
    d += c.fn[t];
    absl::StrAppend(&types, t ? ", " : "", "\"", std::string(enrichment::ner::TypeName(t)),
                    "\": ", PrfJson(c.tp[t], c.fp[t], c.fn[t]));
  }
  return absl::StrCat("{\"overall\": ", PrfJson(a, b, d), ", \"types\": {", types, "}}");
}

}  // namespace warta::eval
