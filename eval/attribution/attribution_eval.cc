#include "eval/attribution/attribution_eval.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/status_macros.h"
#include "enrichment/claims/claim_extractor.h"
#include "enrichment/claims/cue_lexicon.h"
#include "enrichment/quantities/word_scanner.h"
#if WARTA_EVAL_HAVE_SEGMENT
#include "enrichment/segment/segmenter.h"
#endif
#if WARTA_EVAL_HAVE_ENTITIES
#include "enrichment/entities/entity_recognizer.h"
#endif

namespace warta::eval {
namespace {

using enrichment::Claim;
using enrichment::ClaimKind;
using enrichment::Document;
using enrichment::Span;

bool IsQuoteToken(std::string_view t) {
  return t == "”" || t == "“" || t == "\"" || t == "«" || t == "»";
}

bool HasAlnum(std::string_view t) {
  for (const enrichment::Piece& p : enrichment::ScanPieces(t)) {
    if (p.kind == enrichment::PieceKind::kWord ||
        p.kind == enrichment::PieceKind::kNumber) {
      return true;
    }
  }
  return false;
}

// Punctuation written without a space before it.
bool GluesLeft(std::string_view t) {
  return t == "," || t == "." || t == ";" || t == ":" || t == ")" ||
         t == "!" || t == "?" || t == "%" || t == "]" || t == "/" ||
         t == "-" || t == "…" || t == "...";
}
// Punctuation written without a space after it.
bool GluesRight(std::string_view t) {
  return t == "(" || t == "[" || t == "/" || t == "-" || t == "$";
}

std::string Label(const std::string& tag) {
  const size_t dash = tag.find('-');
  return dash == std::string::npos ? "" : tag.substr(dash + 1);
}
char Prefix(const std::string& tag) { return tag.empty() ? 'O' : tag[0]; }

struct RawSentence {
  std::vector<std::pair<std::string, std::string>> tokens;  // text, tag
};

bool StartsArticle(const RawSentence& s) {
  for (size_t i = 0; i + 1 < s.tokens.size() && i < 8; ++i) {
    if (s.tokens[i].first == "KOMPAS" &&
        (s.tokens[i + 1].first == "—" || s.tokens[i + 1].first == "–" ||
         s.tokens[i + 1].first == "-")) {
      return true;
    }
  }
  return false;
}

// Spans of entities with `label` (BILOU) in the article's tokens.
std::vector<std::pair<int, int>> LabelSpans(const GoldArticle& a,
                                            std::string_view label) {
  std::vector<std::pair<int, int>> out;
  int start = -1;
  for (int i = 0; i < static_cast<int>(a.tokens.size()); ++i) {
    const std::string& tag = a.tokens[i].tag;
    if (Label(tag) != label) {
      start = -1;
      continue;
    }
    switch (Prefix(tag)) {
      case 'U':
        out.push_back({i, i + 1});
        start = -1;
        break;
      case 'B':
        start = i;
        break;
      case 'L':
        if (start >= 0) out.push_back({start, i + 1});
        start = -1;
        break;
      default:
        if (start < 0) start = i;  // tolerate I without B
    }
  }
  return out;
}

std::string TokensText(const GoldArticle& a, int first, int end) {
  if (first >= end) return "";
  return a.text.substr(a.tokens[first].span.begin,
                       a.tokens[end - 1].span.end - a.tokens[first].span.begin);
}

void LinkSpeakers(GoldArticle& a) {
  const auto statements = LabelSpans(a, "STATEMENT");
  const auto persons = LabelSpans(a, "PERSON");
  const auto corefs = LabelSpans(a, "PERSONCOREF");
  const int n = static_cast<int>(a.tokens.size());
  auto is_cue = [&](int i) {
    const std::string l = Label(a.tokens[i].tag);
    return l == "CUE" || l == "CUECOREF";
  };
  // A PERSONCOREF that is itself a name ("Wahidin" for Wahidin Halim)
  // rather than a title or pronoun ("Presiden", "dia").
  auto is_named = [&](const std::pair<int, int>& m) {
    for (int i = m.first; i < m.second; ++i) {
      const std::string& t = a.tokens[i].text;
      const std::string lower = enrichment::AsciiLower(t);
      if (!t.empty() && t[0] >= 'A' && t[0] <= 'Z' && !enrichment::IsRoleWord(lower) &&
          !enrichment::IsPersonPronoun(lower)) {
        return true;
      }
    }
    return false;
  };
  auto last_person_before = [&](int pos) -> std::string {
    int best_end = -1;
    std::string best;
    for (const auto& m : persons) {
      if (m.second <= pos && m.second > best_end) {
        best_end = m.second;
        best = TokensText(a, m.first, m.second);
      }
    }
    for (const auto& m : corefs) {
      if (m.second <= pos && m.second > best_end && is_named(m)) {
        best_end = m.second;
        best = TokensText(a, m.first, m.second);
      }
    }
    return best;
  };
  for (const auto& [first, end] : statements) {
    GoldStatement st;
    st.first_token = first;
    st.end_token = end;
    int cue = -1;
    for (int i = end; i < n && i < end + 4; ++i) {
      if (is_cue(i)) {
        cue = i;
        break;
      }
    }
    for (int i = first - 1; cue < 0 && i >= 0 && i >= first - 25; --i) {
      if (Label(a.tokens[i].tag) == "STATEMENT") break;
      if (is_cue(i)) cue = i;
    }
    if (cue >= 0) {
      if (Label(a.tokens[cue].tag) == "CUECOREF") {
        st.speaker = last_person_before(first);
      } else {
        // The PERSON / PERSONCOREF nearest the cue.
        int best_dist = 1 << 30;
        std::pair<int, int> best{-1, -1};
        bool best_is_coref = false;
        auto consider = [&](const std::pair<int, int>& m, bool coref) {
          if (m.first < end && m.second > first) return;  // inside statement
          const int dist = m.first > cue ? m.first - cue : cue - m.second + 1;
          if (dist <= 10 && dist < best_dist) {
            best_dist = dist;
            best = m;
            best_is_coref = coref;
          }
        };
        for (const auto& m : persons) consider(m, false);
        for (const auto& m : corefs) consider(m, true);
        if (best.first >= 0) {
          if (best_is_coref && !is_named(best)) {
            st.speaker = last_person_before(best.first);
            if (st.speaker.empty()) {
              // "kata Presiden" with no tagged name before: credit a
              // prediction that points at these words.
              st.speaker = TokensText(a, best.first, best.second);
              st.speaker_spans.push_back(
                  Span{a.tokens[best.first].span.begin,
                       a.tokens[best.second - 1].span.end});
            }
          } else {
            st.speaker = TokensText(a, best.first, best.second);
            st.speaker_spans.push_back(
                Span{a.tokens[best.first].span.begin,
                     a.tokens[best.second - 1].span.end});
          }
        }
      }
    }
    a.statements.push_back(std::move(st));
  }
}

GoldArticle BuildArticle(const std::vector<RawSentence>& sentences) {
  GoldArticle a;
  bool quote_open = false;
  bool glue_next = true;  // no space before the next token
  for (const RawSentence& s : sentences) {
    const int sentence_begin = static_cast<int>(a.text.size()) + (a.text.empty() ? 0 : 1);
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      const auto& [tok, tag] = s.tokens[i];
      bool space = !glue_next;
      bool glue_after = false;
      if (IsQuoteToken(tok)) {
        const bool opens = tok == "“" || tok == "«" ? true
                           : tok == "»"             ? false
                                                    : !quote_open;
        quote_open = opens;
        if (opens) {
          glue_after = true;
        } else {
          space = false;
        }
      } else if (GluesLeft(tok)) {
        space = false;
        glue_after = GluesRight(tok);
      } else if (GluesRight(tok)) {
        glue_after = true;
      }
      if (a.text.empty()) space = false;
      if (space) a.text += ' ';
      GoldToken t;
      t.text = tok;
      t.tag = tag;
      t.span.begin = static_cast<int>(a.text.size());
      a.text += tok;
      t.span.end = static_cast<int>(a.text.size());
      a.tokens.push_back(std::move(t));
      glue_next = glue_after;
    }
    a.sentences.push_back(Span{std::min<int>(sentence_begin, a.text.size()),
                               static_cast<int>(a.text.size())});
  }
  LinkSpeakers(a);
  return a;
}

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
  for (const enrichment::Piece& p : enrichment::ScanPieces(name)) {
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
#if WARTA_EVAL_HAVE_SEGMENT
  std::unique_ptr<enrichment::Segmenter> segmenter;
#endif
#if WARTA_EVAL_HAVE_ENTITIES
  std::unique_ptr<enrichment::EntityRecognizer> entities;
#endif
  std::unique_ptr<enrichment::ClaimExtractor> claims;
  std::string description;
};

absl::StatusOr<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path.string()));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

absl::StatusOr<Stages> MakeStages(const std::filesystem::path& models_dir, bool use_ner) {
  Stages st;
  st.description = "claims";
#if WARTA_EVAL_HAVE_SEGMENT
  ASSIGN_OR_RETURN(st.segmenter, enrichment::Segmenter::Create({}));
  st.description = "segmenter+" + st.description;
#endif
#if WARTA_EVAL_HAVE_ENTITIES
  if (use_ner) {
    const auto path = models_dir / "ner" / "ner.model";
    auto bytes = ReadFile(path);
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
#else
  (void)models_dir;
  (void)use_ner;
#endif
  ASSIGN_OR_RETURN(st.claims, enrichment::ClaimExtractor::Create({}));
  return st;
}

absl::Status RunStages(const Stages& st, Document& doc) {
  doc.language.code = "id";
#if WARTA_EVAL_HAVE_SEGMENT
  RETURN_IF_ERROR(st.segmenter->Process(doc));
#endif
#if WARTA_EVAL_HAVE_ENTITIES
  if (st.entities) RETURN_IF_ERROR(st.entities->Process(doc));
#endif
  return st.claims->Process(doc);
}

}  // namespace

absl::StatusOr<std::vector<GoldArticle>> ParseAttributionGold(std::string_view contents) {
  std::vector<std::vector<RawSentence>> articles(1);
  RawSentence current;
  int line_no = 0;
  auto flush = [&]() {
    if (current.tokens.empty()) return;
    if (StartsArticle(current) && !articles.back().empty()) articles.emplace_back();
    articles.back().push_back(std::move(current));
    current = RawSentence{};
  };
  for (size_t pos = 0; pos <= contents.size();) {
    size_t nl = contents.find('\n', pos);
    if (nl == std::string_view::npos) nl = contents.size();
    std::string_view line = contents.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      flush();
      continue;
    }
    const size_t tab = line.rfind('\t');
    if (tab == std::string_view::npos || tab == 0) {
      return absl::InvalidArgumentError(
          absl::StrFormat("line %d: expected token<TAB>tag", line_no));
    }
    current.tokens.push_back({std::string(line.substr(0, tab)),
                              std::string(line.substr(tab + 1))});
  }
  flush();
  std::vector<GoldArticle> out;
  for (const auto& a : articles) {
    if (!a.empty()) out.push_back(BuildArticle(a));
  }
  return out;
}

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
  for (const std::string& f : files) {
    ASSIGN_OR_RETURN(std::string contents, ReadFile(f));
    ASSIGN_OR_RETURN(std::vector<GoldArticle> articles, ParseAttributionGold(contents));
    for (const GoldArticle& a : articles) {
      AttributionScores s;
      s.articles = 1;
      Document doc;
      doc.original = a.text;
      doc.text = a.text;
      RETURN_IF_ERROR(RunStages(stages, doc));
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
          if (show_errors) {
            std::cerr << "MISSED: " << TokensText(a, gr.first, gr.second).substr(0, 160)
                      << "\n";
          }
          continue;
        }
        pred_used[best] = true;
        ++s.overlap_gold_matched;
        ++s.overlap_pred_matched;
        if (pred_ranges[best] == gr) {
          ++s.exact_matches;
        } else if (show_errors) {
          std::cerr << "PARTIAL: gold=[" << TokensText(a, gr.first, gr.second).substr(0, 120)
                    << "] pred=["
                    << TokensText(a, pred_ranges[best].first, pred_ranges[best].second)
                           .substr(0, 120)
                    << "]\n";
        }
        if (!g.speaker.empty()) {
          ++s.speaker_evaluated;
          if (SpeakerCorrect(doc, *quotes[best], g)) {
            ++s.speaker_correct;
          } else if (show_errors) {
            const Claim& c = *quotes[best];
            std::cerr << "SPEAKER: gold=" << g.speaker << " pred="
                      << (c.speaker_entity >= 0 ? doc.entities[c.speaker_entity].name
                                                : c.speaker_name)
                      << " cue=" << doc.Text(c.cue) << " | "
                      << TokensText(a, gr.first, gr.second).substr(0, 100) << "\n";
          }
        }
      }
      if (show_errors) {
        for (size_t p = 0; p < quotes.size(); ++p) {
          if (!pred_used[p]) {
            std::cerr << "SPURIOUS: " << doc.Text(quotes[p]->content).substr(0, 160) << "\n";
          }
        }
      }
      total.Add(s);
    }
  }
  out << "{\"task\": \"attribution\", \"stages\": \"" << stages.description
      << "\", \"files\": " << files.size() << ", \"scores\": " << total.ToJson()
      << "}\n";
  return absl::OkStatus();
}

}  // namespace warta::eval
