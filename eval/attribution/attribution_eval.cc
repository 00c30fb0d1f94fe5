#include "eval/attribution/attribution_eval.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/files.h"
#include "common/models_dir.h"
#include "common/status_macros.h"
#include "enrichment/claims/claim_extractor.h"
#include "enrichment/claims/cue_lexicon.h"
#include "enrichment/segment/token_pieces.h"
#include "enrichment/entities/entity_recognizer.h"
#include "enrichment/segment/segmenter.h"

namespace warta::eval {
namespace {

using enrichment::Claim;
using enrichment::ClaimKind;
using enrichment::Document;
using enrichment::Span;


// Token range of a text span, without edge punctuation.
std::pair<int, int> TokenRange(const GoldArticle& a, Span span) {
  int first = -1;
  int end = -1;
  for (int i = 0; i < static_cast<int>(a.tokens.size()); ++i) {
    const Span t = a.tokens[i].span;
    if (t.end > span.begin && t.begin < span.end) {
      if (first < 0) first = i;
      end = i + 1;
    }
  }
  if (first < 0) return {0, 0};
  while (first < end && !HasAlnum(a.tokens[first].text)) ++first;
  while (end > first && !HasAlnum(a.tokens[end - 1].text)) --end;
  return {first, end};
}

std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> out;
  for (const enrichment::Piece& p : enrichment::PiecesOf(name)) {
    if (p.kind != enrichment::PieceKind::kWord) continue;
    std::string w = enrichment::AsciiLower(name.substr(p.begin, p.end - p.begin));
    if (w.size() < 2 || enrichment::IsRoleWord(w)) continue;
    out.push_back(std::move(w));
  }
  return out;
}

bool NamesShareWord(std::string_view a, std::string_view b) {
  const auto wa = NameWords(a);
  const auto wb = NameWords(b);
  // A shared word, or a short form that starts another ("Jokowi" / "Joko",
  // "Risma" / "Rismaharini"): the entities stage links nicknames only
  // through its knowledge base.
  for (const auto& x : wa) {
    for (const auto& y : wb) {
      const size_t n = std::min(x.size(), y.size());
      if (x == y || (n >= 4 && x.compare(0, n, y, 0, n) == 0)) return true;
    }
  }
  // Both only titles ("Presiden"): compare whole.
  return wa.empty() && wb.empty() && enrichment::AsciiLower(a) == enrichment::AsciiLower(b);
}

bool SpeakerCorrect(const Document& doc, const Claim& c, const GoldStatement& g) {
  for (const Span& s : g.speaker_spans) {
    if (c.speaker_span.size() > 0 && c.speaker_span.begin < s.end &&
        c.speaker_span.end > s.begin) {
      return true;
    }
  }
  std::vector<std::string> names;
  if (c.speaker_entity >= 0 &&
      c.speaker_entity < static_cast<int>(doc.entities.size())) {
    names.push_back(doc.entities[c.speaker_entity].name);
    for (const auto& al : doc.entities[c.speaker_entity].aliases) names.push_back(al);
  }
  if (!c.speaker_name.empty()) names.push_back(c.speaker_name);
  for (const auto& n : names) {
    if (NamesShareWord(n, g.speaker)) return true;
  }
  return false;
}

double Ratio(int a, int b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }
double F1(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

struct Stages {
  std::unique_ptr<enrichment::Segmenter> segmenter;
  std::unique_ptr<enrichment::EntityRecognizer> entities;
  std::unique_ptr<enrichment::ClaimExtractor> claims;
  std::string description;
};

absl::StatusOr<Stages> MakeStages(const std::filesystem::path& models_dir, bool use_ner) {
  Stages st;
  st.description = "claims";
  ASSIGN_OR_RETURN(st.segmenter, enrichment::Segmenter::Create({}));
  st.description = "segmenter+" + st.description;
  if (use_ner) {
    const auto path = models_dir / kNerModelFile;
    auto bytes = ReadFileToString(path);
    if (bytes.ok()) {
      enrichment::EntityOptions options;
      options.model = std::move(*bytes);
      ASSIGN_OR_RETURN(st.entities, enrichment::EntityRecognizer::Create(options));
      st.description = "segmenter+entities+claims";
    } else {
      std::fprintf(stderr, "eval attribution: %s; running without NER\n",
                   bytes.status().ToString().c_str());
    }
  }
  ASSIGN_OR_RETURN(st.claims, enrichment::ClaimExtractor::Create({}));
  return st;
}

absl::Status RunStages(const Stages& st, Document& doc, const std::string& language = "id") {
  doc.language.code = language;
  RETURN_IF_ERROR(st.segmenter->Process(doc));
  if (st.entities) RETURN_IF_ERROR(st.entities->Process(doc));
  return st.claims->Process(doc);
}

}  // namespace

void AttributionScores::Add(const AttributionScores& o) {
  articles += o.articles;
  gold += o.gold;
  predicted += o.predicted;
  exact_matches += o.exact_matches;
  overlap_gold_matched += o.overlap_gold_matched;
  overlap_pred_matched += o.overlap_pred_matched;
  speaker_evaluated += o.speaker_evaluated;
  speaker_correct += o.speaker_correct;
  gold_with_speaker += o.gold_with_speaker;
}

std::string AttributionScores::ToJson() const {
  const double ep = Ratio(exact_matches, predicted);
  const double er = Ratio(exact_matches, gold);
  const double op = Ratio(overlap_pred_matched, predicted);
  const double orr = Ratio(overlap_gold_matched, gold);
  return absl::StrFormat(
      "{\"articles\": %d, \"gold_statements\": %d, \"predicted_quotes\": %d, "
      "\"exact\": {\"precision\": %.4f, \"recall\": %.4f, \"f1\": %.4f}, "
      "\"overlap\": {\"precision\": %.4f, \"recall\": %.4f, \"f1\": %.4f}, "
      "\"speaker_accuracy\": %.4f, \"speaker_evaluated\": %d, "
      "\"gold_with_known_speaker\": %d}",
      articles, gold, predicted, ep, er, F1(ep, er), op, orr, F1(op, orr),
      Ratio(speaker_correct, speaker_evaluated), speaker_evaluated,
      gold_with_speaker);
}

AttributionScores ScoreAttribution(const GoldArticle& a, const Document& doc,
                                   std::ostream* errors) {
  AttributionScores s;
  s.articles = 1;
  std::vector<const Claim*> quotes;
  for (const Claim& c : doc.claims) {
    if (c.kind == ClaimKind::kDirectQuote) quotes.push_back(&c);
  }
  s.gold = static_cast<int>(a.statements.size());
  s.predicted = static_cast<int>(quotes.size());
  std::vector<std::pair<int, int>> pred_ranges;
  for (const Claim* c : quotes) pred_ranges.push_back(TokenRange(a, c->content));
  std::vector<bool> pred_used(quotes.size(), false);
  for (const GoldStatement& g : a.statements) {
    const auto gr = TokenRange(a, Span{a.tokens[g.first_token].span.begin,
                                       a.tokens[g.end_token - 1].span.end});
    if (!g.speaker.empty()) ++s.gold_with_speaker;
    int best = -1;
    int best_overlap = 0;
    for (size_t p = 0; p < quotes.size(); ++p) {
      if (pred_used[p]) continue;
      const int ov = std::min(gr.second, pred_ranges[p].second) -
                     std::max(gr.first, pred_ranges[p].first);
      if (ov > best_overlap) {
        best_overlap = ov;
        best = static_cast<int>(p);
      }
    }
    if (best < 0) {
      if (errors != nullptr) {
        *errors << "MISSED: " << TokensText(a, gr.first, gr.second).substr(0, 160)
                  << "\n";
      }
      continue;
    }
    pred_used[best] = true;
    ++s.overlap_gold_matched;
    ++s.overlap_pred_matched;
    if (pred_ranges[best] == gr) {
      ++s.exact_matches;
    } else if (errors != nullptr) {
      *errors << "PARTIAL: gold=[" << TokensText(a, gr.first, gr.second).substr(0, 120)
                << "] pred=["
                << TokensText(a, pred_ranges[best].first, pred_ranges[best].second)
                       .substr(0, 120)
                << "]\n";
    }
    if (!g.speaker.empty()) {
      ++s.speaker_evaluated;
      if (SpeakerCorrect(doc, *quotes[best], g)) {
        ++s.speaker_correct;
      } else if (errors != nullptr) {
        const Claim& c = *quotes[best];
        *errors << "SPEAKER: gold=" << g.speaker << " pred="
                  << (c.speaker_entity >= 0 ? doc.entities[c.speaker_entity].name
                                            : c.speaker_name)
                  << " cue=" << doc.Text(c.cue) << " | "
                  << TokensText(a, gr.first, gr.second).substr(0, 100) << "\n";
      }
    }
  }
  if (errors != nullptr) {
    for (size_t p = 0; p < quotes.size(); ++p) {
      if (!pred_used[p]) {
        *errors << "SPURIOUS: " << doc.Text(quotes[p]->content).substr(0, 160) << "\n";
      }
    }
  }
  return s;
}

namespace {

// [begin, end) of a span without edge spaces, punctuation and quote marks.
Span TrimmedSpan(std::string_view text, Span s) {
  auto edge = [](unsigned char c) { return !std::isalnum(c) && c < 0x80; };
  while (s.begin < s.end && edge(text[s.begin])) ++s.begin;
  while (s.end > s.begin && edge(text[s.end - 1])) --s.end;
  // Curly quotes are three bytes: drop a trailing or leading one.
  for (std::string_view mark : {"\u201C", "\u201D", "\u2019"}) {
    if (s.size() >= 3 && text.substr(s.end - 3, 3) == mark) s.end -= 3;
    if (s.size() >= 3 && text.substr(s.begin, 3) == mark) s.begin += 3;
  }
  return s;
}

std::string SpeakerNameOf(const Document& doc, const Claim& c) {
  if (c.speaker_entity >= 0 && c.speaker_entity < static_cast<int>(doc.entities.size())) {
    return doc.entities[c.speaker_entity].name;
  }
  return c.speaker_name;
}

}  // namespace

AttributionScores ScoreJsonlAttribution(const JsonlArticle& a, const Document& doc,
                                        std::ostream* errors) {
  AttributionScores s;
  s.articles = 1;
  s.gold = static_cast<int>(a.statements.size());
  s.predicted = static_cast<int>(doc.claims.size());
  std::vector<bool> used(doc.claims.size(), false);
  for (const JsonlStatement& g : a.statements) {
    const Span gold = TrimmedSpan(a.text, g.content);
    ++s.gold_with_speaker;
    int best = -1;
    int best_overlap = 0;
    for (size_t p = 0; p < doc.claims.size(); ++p) {
      const Span pred = TrimmedSpan(a.text, doc.claims[p].content);
      const int ov = std::min(gold.end, pred.end) - std::max(gold.begin, pred.begin);
      if (!used[p] && ov > best_overlap) {
        best_overlap = ov;
        best = static_cast<int>(p);
      }
    }
    if (best < 0) {
      if (errors) *errors << "MISSED: " << a.id << ": " << doc.Text(g.content) << "\n";
      continue;
    }
    used[best] = true;
    const Claim& c = doc.claims[best];
    ++s.overlap_gold_matched;
    ++s.overlap_pred_matched;
    const Span pred = TrimmedSpan(a.text, c.content);
    if (pred.begin == gold.begin && pred.end == gold.end) {
      ++s.exact_matches;
    } else if (errors) {
      *errors << "PARTIAL: " << a.id << ": gold=[" << doc.Text(gold) << "] pred=["
              << doc.Text(pred) << "]\n";
    }
    ++s.speaker_evaluated;
    const std::string name = SpeakerNameOf(doc, c);
    const bool right = g.speaker.empty() ? name.empty()
                                         : !name.empty() && NamesShareWord(name, g.speaker);
    if (right) {
      ++s.speaker_correct;
    } else if (errors) {
      *errors << "SPEAKER: " << a.id << ": gold=" << g.speaker << " pred=" << name
              << " cue=" << doc.Text(c.cue) << " | " << doc.Text(g.content) << "\n";
    }
  }
  if (errors) {
    for (size_t p = 0; p < doc.claims.size(); ++p) {
      if (!used[p]) *errors << "SPURIOUS: " << a.id << ": " << doc.Text(doc.claims[p].content) << "\n";
    }
  }
  return s;
}

namespace {

absl::Status ScoreFile(const Stages& stages, const std::string& path, bool show_errors,
                       AttributionScores& total) {
  ASSIGN_OR_RETURN(std::string contents, ReadFileToString(path));
  std::ostream* errors = show_errors ? &std::cerr : nullptr;
  if (path.size() > 6 && path.compare(path.size() - 6, 6, ".jsonl") == 0) {
    ASSIGN_OR_RETURN(std::vector<JsonlArticle> articles, ParseJsonlGold(contents));
    for (const JsonlArticle& a : articles) {
      Document doc;
      doc.original = a.text;
      doc.text = a.text;
      RETURN_IF_ERROR(RunStages(stages, doc, a.language.empty() ? "en" : a.language));
      total.Add(ScoreJsonlAttribution(a, doc, errors));
    }
    return absl::OkStatus();
  }
  ASSIGN_OR_RETURN(std::vector<GoldArticle> articles, ParseAttributionGold(contents));
  for (const GoldArticle& a : articles) {
    Document doc;
    doc.original = a.text;
    doc.text = a.text;
    RETURN_IF_ERROR(RunStages(stages, doc));
    total.Add(ScoreAttribution(a, doc, errors));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status RunAttributionEval(const std::vector<std::string>& args,
                                std::ostream& out) {
  return RunAttributionEval(args, "models", out);
}

absl::Status RunAttributionEval(const std::vector<std::string>& args,
                                const std::filesystem::path& models_dir,
                                std::ostream& out) {
  std::vector<std::string> files;
  std::filesystem::path models = models_dir;
  bool use_ner = true;
  bool show_errors = false;
  for (const std::string& a : args) {
    if (a.rfind("--models=", 0) == 0) {
      models = a.substr(9);
    } else if (a == "--no-ner") {
      use_ner = false;
    } else if (a == "--errors") {
      show_errors = true;
    } else if (a.rfind("--", 0) == 0) {
      return absl::InvalidArgumentError("unknown flag " + a);
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    return absl::InvalidArgumentError(
        "usage: warta eval attribution [--models=DIR] [--no-ner] [--errors] FILE...");
  }
  ASSIGN_OR_RETURN(Stages stages, MakeStages(models, use_ner));
  AttributionScores total;
  for (const std::string& f : files) RETURN_IF_ERROR(ScoreFile(stages, f, show_errors, total));
  out << "{\"task\": \"attribution\", \"stages\": \"" << stages.description
      << "\", \"files\": " << files.size() << ", \"scores\": " << total.ToJson()
      << "}\n";
  return absl::OkStatus();
}

}  // namespace warta::eval
