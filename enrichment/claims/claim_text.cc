#include "enrichment/claims/claim_text.h"

#include "enrichment/claims/speaker_names.h"

namespace warta::enrichment {

bool IsLowerInitial(std::string_view s) {
  return !s.empty() && s[0] >= 'a' && s[0] <= 'z';
}

bool IsUpperInitial(std::string_view s) {
  if (s.empty()) return false;
  const auto c = static_cast<unsigned char>(s[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0xC0;  // non-ASCII letters: assume
}

ClaimText::ClaimText(const Document& doc) : text(doc.text) {
  pieces = PiecesOfTokens(text, doc.tokens);
  lower.reserve(pieces.size());
  for (const Piece& p : pieces) lower.push_back(AsciiLower(Str(p)));
  quotes = FindQuotes(text);
  quote_of_piece.assign(pieces.size(), -1);
  for (size_t q = 0, i = 0; q < quotes.size(); ++q) {
    while (i < pieces.size() && pieces[i].begin < quotes[q].outer.begin) {
      ++i;
    }
    for (size_t j = i;
         j < pieces.size() && pieces[j].end <= quotes[q].outer.end; ++j) {
      quote_of_piece[j] = static_cast<int>(q);
    }
  }
  BuildSentences(doc);
  BuildMentions(doc);
}

void ClaimText::BuildSentences(const Document& doc) {
  for (const Sentence& s : doc.sentences) sentences.push_back(s.span);
  for (const Span& s : sentences) {
    const int first = PieceAt(s.begin);
    const int last = PieceAt(s.end);
    sentence_pieces.push_back({first, last});
    sentence_first.push_back(first);
  }
}

// "Saat", "Prof. Dr." tagged as a person name nobody (a title's holder is
// the name that follows it); nor do "Covid-19" or "Pencegahan" as people.
bool ClaimText::MaySpeak(const Entity& ent) const {
  if (ClassifySpeakerName(ent.name) != SpeakerName::kName) return false;
  return ent.type != EntityType::kPerson || CanBePersonSpeaker(ent.name, text);
}

void ClaimText::BuildMentions(const Document& doc) {
  for (int e = 0; e < static_cast<int>(doc.entities.size()); ++e) {
    const Entity& ent = doc.entities[e];
    if (ent.type != EntityType::kPerson &&
        ent.type != EntityType::kOrganization &&
        ent.type != EntityType::kLocation) {
      continue;
    }
    if (!MaySpeak(ent)) continue;
    for (const Mention& m : ent.mentions) {
      if (m.span.begin < 0 || m.span.end > static_cast<int>(text.size()) ||
          m.span.begin >= m.span.end) {
        continue;
      }
      MentionRef r{m.span.begin, m.span.end, e, ent.type, false};
      for (const QuoteSpan& q : quotes) {
        if (r.begin >= q.inner.begin && r.end <= q.inner.end) {
          r.in_quote = true;
        }
      }
      mentions.push_back(r);
    }
  }
  AddSurnameMentions(doc);
  std::sort(mentions.begin(), mentions.end(),
            [](const MentionRef& a, const MentionRef& b) {
              return a.begin < b.begin;
            });
  has_people = std::any_of(mentions.begin(), mentions.end(),
                            [](const MentionRef& m) {
                              return m.type == EntityType::kPerson;
                            });
}

// "Lavrov" alone after "Sergei Lavrov": the NER does not always tag the
// short form, but a speaker's last name is how news refers to them.
void ClaimText::AddSurnameMentions(const Document& doc) {
  std::vector<std::pair<std::string, int>> surnames;
  for (int e = 0; e < static_cast<int>(doc.entities.size()); ++e) {
    const Entity& ent = doc.entities[e];
    if (ent.type != EntityType::kPerson || !MaySpeak(ent)) continue;
    const std::vector<Piece> words = PiecesOf(ent.name);
    if (words.size() < 2) continue;
    const Piece& last = words.back();
    if (last.end - last.begin < 3) continue;
    surnames.push_back({ent.name.substr(last.begin, last.end - last.begin), e});
  }
  if (surnames.empty()) return;
  std::vector<bool> covered(text.size() + 1, false);
  for (const MentionRef& m : mentions) {
    for (int i = m.begin; i < m.end; ++i) covered[i] = true;
  }
  for (const Piece& p : pieces) {
    if (p.kind != PieceKind::kWord || covered[p.begin]) continue;
    for (const auto& [name, e] : surnames) {
      if (Str(p) == name) {
        MentionRef r{p.begin, p.end, e, EntityType::kPerson, false};
        for (const QuoteSpan& q : quotes) {
          if (r.begin >= q.inner.begin && r.end <= q.inner.end) r.in_quote = true;
        }
        mentions.push_back(r);
        break;
      }
    }
  }
}

}  // namespace warta::enrichment
