#include "eval/attribution/bilou_gold.h"

#include <utility>

#include "absl/strings/str_format.h"
#include "enrichment/claims/cue_lexicon.h"
#include "enrichment/segment/token_pieces.h"

namespace warta::eval {
namespace {

using enrichment::Span;

bool IsQuoteToken(std::string_view t) {
  return t == "”" || t == "“" || t == "\"" || t == "«" || t == "»";
}

}  // namespace

bool HasAlnum(std::string_view t) {
  for (const enrichment::Piece& p : enrichment::PiecesOf(t)) {
    if (p.kind == enrichment::PieceKind::kWord ||
        p.kind == enrichment::PieceKind::kNumber) {
      return true;
    }
  }
  return false;
}

namespace {

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

}  // namespace

std::string TokensText(const GoldArticle& a, int first, int end) {
  if (first >= end) return "";
  return a.text.substr(a.tokens[first].span.begin,
                       a.tokens[end - 1].span.end - a.tokens[first].span.begin);
}

namespace {

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

}  // namespace warta::eval
