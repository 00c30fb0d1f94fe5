// The article as the claim rules read it, computed once per article: its
// words and punctuation (the segment stage's tokens as pieces,
// token_pieces.h, with lower-cased forms), the quotes, the sentences as piece ranges, and the entity
// mentions that can name a speaker (with surnames of people found alone).
//
// Built by the claims stage for one Document; read-only afterwards.
#ifndef WARTA_ENRICHMENT_CLAIMS_CLAIM_TEXT_H_
#define WARTA_ENRICHMENT_CLAIMS_CLAIM_TEXT_H_

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "enrichment/claims/quote_finder.h"
#include "enrichment/document.h"
#include "enrichment/segment/token_pieces.h"

namespace warta::enrichment {

// A PERSON, ORGANIZATION or LOCATION mention that may be a speaker.
struct MentionRef {
  int begin = 0;
  int end = 0;
  int entity = -1;
  EntityType type = EntityType::kPerson;
  bool in_quote = false;
};

bool IsLowerInitial(std::string_view s);
bool IsUpperInitial(std::string_view s);

class ClaimText {
 public:
  // `doc` must outlive this and be segmented (doc.tokens, doc.sentences).
  explicit ClaimText(const Document& doc);

  std::string_view Str(const Piece& p) const {
    return text.substr(p.begin, p.end - p.begin);
  }
  std::string_view StrAt(int i) const { return Str(pieces[i]); }
  bool Valid(int i) const {
    return i >= 0 && i < static_cast<int>(pieces.size());
  }
  bool IsWord(int i) const {
    return Valid(i) && pieces[i].kind == PieceKind::kWord;
  }
  bool IsPunct(int i, std::string_view s) const {
    return Valid(i) && pieces[i].kind == PieceKind::kPunct && StrAt(i) == s;
  }
  bool IsQuoteMarkPiece(int i) const {
    if (!Valid(i) || pieces[i].kind != PieceKind::kPunct) return false;
    const std::string_view s = StrAt(i);
    return s == "\"" || s == "“" || s == "”" || s == "«" || s == "»" ||
           s == "„";
  }
  bool InQuote(int i) const { return Valid(i) && quote_of_piece[i] >= 0; }
  // The piece starting at or after byte `pos`.
  int PieceAt(int pos) const {
    auto it = std::lower_bound(
        pieces.begin(), pieces.end(), pos,
        [](const Piece& p, int v) { return p.begin < v; });
    return static_cast<int>(it - pieces.begin());
  }
  int SentenceOf(int piece) const {
    auto it = std::upper_bound(sentence_first.begin(), sentence_first.end(),
                               piece);
    return static_cast<int>(it - sentence_first.begin()) - 1;
  }

  // Mentions overlapping pieces [first, last).
  std::vector<const MentionRef*> MentionsIn(int first, int last) const {
    std::vector<const MentionRef*> out;
    if (first >= last || !Valid(first)) return out;
    const int b = pieces[first].begin;
    const int e = pieces[std::min<int>(last, pieces.size()) - 1].end;
    for (const MentionRef& m : mentions) {
      if (m.begin >= e) break;
      if (m.end > b) out.push_back(&m);
    }
    return out;
  }

  Span PieceSpan(int i) const { return Span{pieces[i].begin, pieces[i].end}; }

  std::string_view text;
  std::vector<Piece> pieces;
  std::vector<std::string> lower;  // AsciiLower of each piece
  std::vector<QuoteSpan> quotes;
  std::vector<int> quote_of_piece;  // index into quotes, -1 outside quotes
  std::vector<Span> sentences;
  std::vector<std::pair<int, int>> sentence_pieces;  // [first, last) pieces
  std::vector<int> sentence_first;
  std::vector<MentionRef> mentions;  // in text order
  bool has_people = false;  // the entities stage found people here

 private:
  void BuildSentences(const Document& doc);
  void BuildMentions(const Document& doc);
  void AddSurnameMentions(const Document& doc);
  bool MaySpeak(const Entity& ent) const;
};

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_CLAIMS_CLAIM_TEXT_H_
