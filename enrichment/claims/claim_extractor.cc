#include "enrichment/claims/claim_extractor.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "enrichment/claims/cue_lexicon.h"
#include "enrichment/claims/quote_finder.h"
#include "enrichment/claims/speaker_names.h"
#include "enrichment/quantities/quantity_parser.h"
#include "enrichment/quantities/word_scanner.h"

namespace warta::enrichment {
namespace {

constexpr int kNoPiece = -1;
constexpr int kMaxSpeakerPhrase = 14;  // pieces
constexpr int kMaxSpeakerAfter = 24;  // pieces
constexpr int kMaxTitleToName = 8;    // pieces from a title to its holder's name

struct MentionRef {
  int begin = 0;
  int end = 0;
  int entity = -1;
  EntityType type = EntityType::kPerson;
  bool in_quote = false;
};

struct Speaker {
  int entity = -1;
  std::string name;
  Span span;
  bool found() const { return entity >= 0 || !name.empty(); }
};

bool IsLowerInitial(std::string_view s) {
  return !s.empty() && s[0] >= 'a' && s[0] <= 'z';
}

bool IsUpperInitial(std::string_view s) {
  if (s.empty()) return false;
  const auto c = static_cast<unsigned char>(s[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0xC0;  // non-ASCII letters: assume
}

bool IsHeadPreposition(std::string_view lower) {
  return lower == "di" || lower == "dari" || lower == "untuk" || lower == "pada" ||
         lower == "of" || lower == "from" || lower == "for" || lower == "at";
}

bool IsDemonstrative(std::string_view lower) {
  return lower == "tersebut" || lower == "itu" || lower == "ini";
}

// Everything the rules need about one article, computed once.
class Analysis {
 public:
  Analysis(const Document& doc, const ClaimOptions& options)
      : doc_(doc), options_(options), text_(doc.text) {
    pieces_ = ScanPieces(text_);
    lower_.reserve(pieces_.size());
    for (const Piece& p : pieces_) lower_.push_back(AsciiLower(Str(p)));
    quotes_ = FindQuotes(text_);
    quote_of_piece_.assign(pieces_.size(), -1);
    for (size_t q = 0, i = 0; q < quotes_.size(); ++q) {
      while (i < pieces_.size() && pieces_[i].begin < quotes_[q].outer.begin) {
        ++i;
      }
      for (size_t j = i;
           j < pieces_.size() && pieces_[j].end <= quotes_[q].outer.end; ++j) {
        quote_of_piece_[j] = static_cast<int>(q);
      }
    }
    BuildSentences();
    BuildMentions();
  }

  std::vector<Claim> Run() {
    for (size_t s = 0; s < sentences_.size(); ++s) {
      const auto [first, last] = sentence_pieces_[s];
      // Quotes opening in this sentence, then reported speech, in order.
      for (size_t q = 0; q < quotes_.size(); ++q) {
        const int open_piece = PieceAt(quotes_[q].outer.begin);
        if (open_piece >= first && open_piece < last) HandleQuote(q, s);
      }
      if (options_.reported_speech) HandleReported(s);
    }
    std::sort(claims_.begin(), claims_.end(),
              [](const Claim& a, const Claim& b) {
                return a.content.begin < b.content.begin;
              });
    return std::move(claims_);
  }

 private:
  std::string_view Str(const Piece& p) const {
    return std::string_view(text_).substr(p.begin, p.end - p.begin);
  }
  std::string_view StrAt(int i) const { return Str(pieces_[i]); }
  bool Valid(int i) const {
    return i >= 0 && i < static_cast<int>(pieces_.size());
  }
  bool IsWord(int i) const {
    return Valid(i) && pieces_[i].kind == PieceKind::kWord;
  }
  bool IsPunct(int i, std::string_view s) const {
    return Valid(i) && pieces_[i].kind == PieceKind::kPunct && StrAt(i) == s;
  }
  bool IsQuoteMarkPiece(int i) const {
    if (!Valid(i) || pieces_[i].kind != PieceKind::kPunct) return false;
    const std::string_view s = StrAt(i);
    return s == "\"" || s == "“" || s == "”" || s == "«" || s == "»" ||
           s == "„";
  }
  bool InQuote(int i) const { return Valid(i) && quote_of_piece_[i] >= 0; }
  // The piece starting at or after byte `pos`.
  int PieceAt(int pos) const {
    auto it = std::lower_bound(
        pieces_.begin(), pieces_.end(), pos,
        [](const Piece& p, int v) { return p.begin < v; });
    return static_cast<int>(it - pieces_.begin());
  }
  int SentenceOf(int piece) const {
    auto it = std::upper_bound(sentence_first_.begin(), sentence_first_.end(),
                               piece);
    return static_cast<int>(it - sentence_first_.begin()) - 1;
  }

  void BuildSentences() {
    if (!doc_.sentences.empty()) {
      for (const Sentence& s : doc_.sentences) sentences_.push_back(s.span);
    } else {
      // Fallback splitter: end at . ! ? (and a closing quote right after)
      // when a capital, a quote or a digit follows; and at newlines.
      int begin = 0;
      for (int i = 0; i < static_cast<int>(pieces_.size()); ++i) {
        const bool end_punct =
            IsPunct(i, ".") || IsPunct(i, "!") || IsPunct(i, "?");
        int end_piece = i;
        if (end_punct && IsQuoteMarkPiece(i + 1) && !pieces_[i + 1].space_before) {
          end_piece = i + 1;
        }
        const int next = end_piece + 1;
        bool boundary = false;
        if (end_punct && Valid(next) && pieces_[next].space_before) {
          const std::string_view n = StrAt(next);
          const bool abbrev = IsWord(i - 1) && StrAt(i - 1).size() == 1;
          boundary = !abbrev && (IsUpperInitial(n) || IsQuoteMarkPiece(next) ||
                                 pieces_[next].kind == PieceKind::kNumber);
        }
        if (!boundary && Valid(next) &&
            text_.find('\n', pieces_[end_piece].end) <
                static_cast<size_t>(pieces_[next].begin)) {
          boundary = true;
        }
        if (boundary) {
          sentences_.push_back(Span{begin, pieces_[end_piece].end});
          begin = pieces_[next].begin;
          i = end_piece;
        }
      }
      if (!pieces_.empty()) {
        sentences_.push_back(Span{begin, pieces_.back().end});
      }
    }
    for (const Span& s : sentences_) {
      const int first = PieceAt(s.begin);
      const int last = PieceAt(s.end);
      sentence_pieces_.push_back({first, last});
      sentence_first_.push_back(first);
    }
  }

  void BuildMentions() {
    for (int e = 0; e < static_cast<int>(doc_.entities.size()); ++e) {
      const Entity& ent = doc_.entities[e];
      if (ent.type != EntityType::kPerson &&
          ent.type != EntityType::kOrganization &&
          ent.type != EntityType::kLocation) {
        continue;
      }
      // "Saat", "Prof. Dr." tagged as a person name nobody; a title's
      // holder is the name that follows it.
      if (ClassifySpeakerName(ent.name) != SpeakerName::kName) continue;
      for (const Mention& m : ent.mentions) {
        if (m.span.begin < 0 || m.span.end > static_cast<int>(text_.size()) ||
            m.span.begin >= m.span.end) {
          continue;
        }
        MentionRef r{m.span.begin, m.span.end, e, ent.type, false};
        for (const QuoteSpan& q : quotes_) {
          if (r.begin >= q.inner.begin && r.end <= q.inner.end) {
            r.in_quote = true;
          }
        }
        mentions_.push_back(r);
      }
    }
    AddSurnameMentions();
    std::sort(mentions_.begin(), mentions_.end(),
              [](const MentionRef& a, const MentionRef& b) {
                return a.begin < b.begin;
              });
    has_people_ = std::any_of(mentions_.begin(), mentions_.end(),
                              [](const MentionRef& m) {
                                return m.type == EntityType::kPerson;
                              });
  }

  // "Lavrov" alone after "Sergei Lavrov": the NER does not always tag the
  // short form, but a speaker's last name is how news refers to them.
  void AddSurnameMentions() {
    std::vector<std::pair<std::string, int>> surnames;
    for (int e = 0; e < static_cast<int>(doc_.entities.size()); ++e) {
      const Entity& ent = doc_.entities[e];
      if (ent.type != EntityType::kPerson) continue;
      const std::vector<Piece> words = ScanPieces(ent.name);
      if (words.size() < 2) continue;
      const Piece& last = words.back();
      if (last.end - last.begin < 3) continue;
      surnames.push_back({ent.name.substr(last.begin, last.end - last.begin), e});
    }
    if (surnames.empty()) return;
    std::vector<bool> covered(text_.size() + 1, false);
    for (const MentionRef& m : mentions_) {
      for (int i = m.begin; i < m.end; ++i) covered[i] = true;
    }
    for (const Piece& p : pieces_) {
      if (p.kind != PieceKind::kWord || covered[p.begin]) continue;
      for (const auto& [name, e] : surnames) {
        if (Str(p) == name) {
          MentionRef r{p.begin, p.end, e, EntityType::kPerson, false};
          for (const QuoteSpan& q : quotes_) {
            if (r.begin >= q.inner.begin && r.end <= q.inner.end) r.in_quote = true;
          }
          mentions_.push_back(r);
          break;
        }
      }
    }
  }

  // Mentions overlapping pieces [first, last).
  std::vector<const MentionRef*> MentionsIn(int first, int last) const {
    std::vector<const MentionRef*> out;
    if (first >= last || !Valid(first)) return out;
    const int b = pieces_[first].begin;
    const int e = pieces_[std::min<int>(last, pieces_.size()) - 1].end;
    for (const MentionRef& m : mentions_) {
      if (m.begin >= e) break;
      if (m.end > b) out.push_back(&m);
    }
    return out;
  }

  Speaker FromMention(const MentionRef& m) const {
    Speaker s;
    s.entity = m.entity;
    s.name = doc_.entities[m.entity].name;
    if (s.name.empty()) s.name = std::string(text_.substr(m.begin, m.end - m.begin));
    s.span = Span{m.begin, m.end};
    return s;
  }

  // Capitalised words taken as a name; none when they name nobody
  // (speaker_names.h): "Selain", "Menteri Luar Negeri" alone, or a common
  // noun starting the sentence ("Polisi", found as "polisi" elsewhere).
  Speaker FromText(int first, int last) const {
    // "The US believes ...", "Namun Andi ...": not part of the name.
    while (last - first > 1 && IsWord(first) && IsFunctionWord(StrAt(first))) ++first;
    Speaker s;
    s.span = Span{pieces_[first].begin, pieces_[last - 1].end};
    s.name = std::string(text_.substr(s.span.begin, s.span.size()));
    if (ClassifySpeakerName(s.name) != SpeakerName::kName ||
        (last - first == 1 && AppearsInLowerCase(text_, s.name))) {
      return {};
    }
    return s;
  }

  // A one-word person name is the article's one person with that first or
  // last name ("Sandi" -> "Sandiaga Uno"); shared by several, it is nobody
  // in particular. A name no fuller one matches stays (Wiranto, Jokowi).
  Speaker ResolveShortName(Speaker s) const {
    if (!s.found()) return s;
    if (s.entity >= 0 && doc_.entities[s.entity].type != EntityType::kPerson) return s;
    const ShortNameMatch match = MatchShortName(s.name, doc_.entities, s.entity);
    if (match.matches == 0) return s;
    if (match.entity < 0) return Speaker{};
    s.entity = match.entity;
    s.name = doc_.entities[match.entity].name;
    return s;
  }

  // The best speaker among pieces [first, last): a PERSON mention (the last
  // one: names follow titles), else the first organisation or place, else
  // capitalised words that are not titles.
  Speaker SpeakerInPhrase(int first, int last, int anchor, bool after_cue) {
    if (first >= last) return {};
    if (IsWord(first) && IsPersonPronoun(lower_[first]) && last - first == 1) {
      Speaker s = ResolvePronoun(anchor);
      s.span = Span{pieces_[first].begin, pieces_[first].end};
      return s;
    }
    const auto mentions = MentionsIn(first, last);
    const MentionRef* person = nullptr;
    const MentionRef* other = nullptr;
    for (const MentionRef* m : mentions) {
      if (m->type == EntityType::kPerson) person = m;
      if (m->type != EntityType::kPerson && other == nullptr) other = m;
    }
    if (person != nullptr) return FromMention(*person);
    // "pemimpin Rusia tersebut": a definite description of someone named
    // before.
    if (IsWord(last - 1) && IsDemonstrative(lower_[last - 1]) && last - first > 1) {
      Speaker s = ResolvePronoun(anchor);
      if (s.found()) {
        s.span = Span{pieces_[first].begin, pieces_[last - 1].end};
        return s;
      }
    }
    // Capitalised words that are not titles (nor inside a mention):
    // after a cue, a name the NER missed usually ends the phrase ("kata
    // Kepala Dinas Kesehatan Surabaya Febria Rachmanita").
    auto in_mention = [&](int i) {
      for (const MentionRef* m : mentions) {
        if (m->begin < pieces_[i].end && m->end > pieces_[i].begin) return true;
      }
      return false;
    };
    if (other != nullptr && after_cue) {
      int e = last;
      int b = e;
      while (b - 1 >= first && IsWord(b - 1) && IsUpperInitial(StrAt(b - 1)) &&
             !IsTitleWord(lower_[b - 1]) && !in_mention(b - 1)) {
        --b;
      }
      if (b < e && e - b <= 4) {
        if (Speaker s = FromText(b, e); s.found()) return s;
      }
    }
    if (other != nullptr) return FromMention(*other);
    // Before a verb, with NER available, unrecognised capitalised words
    // are more often a place or thing than a speaker; a title alone
    // ("Mendagri mengatakan") is its holder's.
    const std::string_view phrase = text_.substr(
        pieces_[first].begin, pieces_[last - 1].end - pieces_[first].begin);
    if (!after_cue && has_people_ &&
        ClassifySpeakerName(phrase) != SpeakerName::kBareTitle) {
      return {};
    }
    int run_first = kNoPiece;
    int run_last = kNoPiece;
    bool only_roles = true;
    for (int i = first; i < last; ++i) {
      if (!IsWord(i)) continue;
      if (!IsTitleWord(lower_[i])) only_roles = false;
      if (IsUpperInitial(StrAt(i)) && !IsTitleWord(lower_[i])) {
        if (run_first == kNoPiece || run_last != i - 1) run_first = i;
        run_last = i;
      }
    }
    if (run_first != kNoPiece) {
      // Keep the last name-like run ("juru bicara Kremlin Dmitry Peskov").
      if (Speaker s = FromText(run_first, run_last + 1); s.found()) return s;
    }
    if (only_roles) {
      // "kata Presiden": the person who holds that title.
      for (int i = first; i < last; ++i) {
        if (!IsWord(i)) continue;
        Speaker s = ResolveRole(lower_[i], pieces_[first].begin);
        if (s.found()) {
          s.span = Span{pieces_[first].begin, pieces_[last - 1].end};
          return s;
        }
      }
      return FromText(first, last);
    }
    return {};
  }

  // Speaker named after a cue word at `cue`: "kata juru bicara Kremlin
  // Dmitry Peskov dalam ...".
  Speaker SpeakerAfter(int cue, int anchor) {
    const int i = cue + 1;
    int end = i;
    // Kompas style runs long: "kata Kepala Dusun Nglahar, Kelurahan
    // Sumbersari, Wahyu Wibowo di ...": commas between capitalised parts
    // stay inside the phrase.
    while (Valid(end) && end - i < kMaxSpeakerAfter) {
      if (end > i && IsPunct(end, ",") && IsWord(end + 1) &&
          IsUpperInitial(StrAt(end + 1)) && !IsSpeakerPhraseStop(lower_[end + 1])) {
        ++end;
        continue;
      }
      // "Manajer Humas Daop 2 KAI, Joni Martinus": a unit's number.
      if (end > i && pieces_[end].kind == PieceKind::kNumber && IsWord(end - 1) &&
          IsUpperInitial(StrAt(end - 1)) &&
          (IsPunct(end + 1, ",") || (IsWord(end + 1) && IsUpperInitial(StrAt(end + 1))))) {
        ++end;
        continue;
      }
      if (!IsWord(end)) break;
      // Stop words are lower case: "AS" is a country, not "as".
      const bool stop = IsSpeakerPhraseStop(lower_[end]) && IsLowerInitial(StrAt(end));
      if (end > i && stop) break;
      if (end == i && IsPersonPronoun(lower_[end])) {
        ++end;
        break;
      }
      if (end == i && stop) return {};
      ++end;
    }
    while (end > i && !IsWord(end - 1)) --end;
    return SpeakerInPhrase(i, end, anchor, /*after_cue=*/true);
  }

  // Subject before a speech verb at `verb`: "Presiden Ukraina Volodymyr
  // Zelensky (juga) mengatakan".
  Speaker SpeakerBefore(int verb, int anchor) {
    int end = verb;
    while (IsWord(end - 1) && IsVerbModifier(lower_[end - 1]) && verb - end < 3) {
      --end;
    }
    if (IsWord(end - 1) && IsNegation(lower_[end - 1])) return {};
    int first = end;
    const int sentence = SentenceOf(verb);
    const int sentence_first =
        sentence >= 0 ? sentence_pieces_[sentence].first : 0;
    while (first - 1 >= sentence_first && end - first < kMaxSpeakerPhrase) {
      const int p = first - 1;
      if (IsPunct(p, ")")) {
        // "Perserikatan Bangsa-Bangsa (PBB)": step over the bracket.
        int k = p - 1;
        while (k >= sentence_first && !IsPunct(k, "(") && p - k < 6) --k;
        if (IsPunct(k, "(")) {
          first = k;
          continue;
        }
      }
      if (!IsWord(p)) {
        // "Korea-Utara", "AS" come as words; punctuation ends the subject.
        break;
      }
      if (InQuote(p)) break;
      if (IsClauseBoundaryWord(lower_[p]) && IsLowerInitial(StrAt(p))) {
        // "Amerika Serikat dan Korea Selatan": keep joined names together.
        const bool joins_names = lower_[p] == "dan" && IsWord(p - 1) &&
                                 IsUpperInitial(StrAt(p - 1)) &&
                                 IsUpperInitial(StrAt(p + 1));
        if (!joins_names) break;
      }
      if (IsSpeechVerb(lower_[p])) break;
      --first;
    }
    if (first == end) return {};
    // A pronoun right before the verb is the subject ("lalu ia mengatakan").
    if (IsPersonPronoun(lower_[end - 1])) {
      Speaker s = ResolvePronoun(anchor);
      s.span = Span{pieces_[end - 1].begin, pieces_[end - 1].end};
      return s;
    }
    // Drop leading lower-case words that are not titles ("Dalam pertemuan
    // itu, ..." is cut by the comma; "kemudian" by the boundary list).
    // "Perwakilan Korea Utara untuk PBB di New York": the head comes
    // before the first preposition.
    for (int i = first + 1; i < end; ++i) {
      if (IsWord(i) && IsHeadPreposition(lower_[i]) && !MentionsIn(first, i).empty()) {
        end = i;
        break;
      }
    }
    Speaker s = SpeakerInPhrase(first, end, anchor, /*after_cue=*/false);
    if (!s.found()) {
      // A short capitalised subject right before the verb ("AS
      // mengatakan", "Barat telah mengklaim") even when the NER missed it.
      int b = end;
      while (b - 1 >= first && IsWord(b - 1) && IsUpperInitial(StrAt(b - 1)) &&
             !IsTitleWord(lower_[b - 1]) && end - b < 3) {
        --b;
      }
      if (b < end && (b == first || !IsUpperInitial(StrAt(b - 1)))) s = FromText(b, end);
    }
    return s;
  }

  // The person a pronoun at byte `pos` stands for: the first person (the
  // subject) of the current sentence before `pos`, else the focus of the
  // nearest earlier sentence that has one. Mentions inside quotes do not
  // count: the quoted speaker's "Presiden Putin" is not who "katanya" is.
  Speaker ResolvePronoun(int pos) {
    const int piece = PieceAt(pos);
    int s = SentenceOf(std::min<int>(piece, static_cast<int>(pieces_.size()) - 1));
    if (s < 0) return {};
    // Current sentence, before pos.
    {
      const int b = sentences_[s].begin;
      for (const MentionRef& m : mentions_) {
        if (m.begin >= pos) break;
        if (m.begin >= b && !m.in_quote && m.type == EntityType::kPerson) {
          return FromMention(m);
        }
      }
      for (const auto& [p, sp] : speaker_events_) {
        if (p >= b && p < pos) return sp;
      }
    }
    for (int t = s - 1; t >= 0; --t) {
      const Span span = sentences_[t];
      // The last speaker of that sentence, else its first person.
      const Speaker* last_speaker = nullptr;
      for (const auto& [p, sp] : speaker_events_) {
        if (p >= span.begin && p < span.end) last_speaker = &sp;
      }
      if (last_speaker != nullptr) return *last_speaker;
      for (const MentionRef& m : mentions_) {
        if (m.begin >= span.end) break;
        if (m.begin >= span.begin && !m.in_quote &&
            m.type == EntityType::kPerson) {
          return FromMention(m);
        }
      }
    }
    return {};
  }

  // The person who holds the title `role` ("presiden") most recently
  // before `pos`: a PERSON mention right after the title, or one whose
  // entity lists the role.
  Speaker ResolveRole(const std::string& role, int pos) {
    const MentionRef* best = nullptr;
    for (const MentionRef& m : mentions_) {
      if (m.begin >= pos) break;
      if (m.type != EntityType::kPerson) continue;
      const int p = PieceAt(m.begin);
      bool titled = false;
      for (int k = p - 1; k >= 0 && k >= p - 4; --k) {
        if (IsWord(k) && lower_[k] == role) titled = true;
      }
      // Further back only through the office's own capitalised words:
      // "Kasat Reskrim Polres Jakarta Selatan AKBP Eko Hadi Santoso".
      for (int k = p - 1; !titled && k >= 0 && k >= p - kMaxTitleToName; --k) {
        if (!IsWord(k) || !IsUpperInitial(StrAt(k))) break;
        if (lower_[k] == role) titled = true;
      }
      for (const std::string& r : doc_.entities[m.entity].roles) {
        if (AsciiLower(r).find(role) != std::string::npos) titled = true;
      }
      if (titled) best = &m;
    }
    if (best != nullptr) return FromMention(*best);
    // Without entities: the title followed by capitalised words. With
    // them, those words are the rest of the office ("Polres Jakarta
    // Selatan"), not its holder.
    if (has_people_) return {};
    const int limit = PieceAt(pos);
    for (int k = limit - 1; k >= 0; --k) {
      if (!IsWord(k) || lower_[k] != role || !IsUpperInitial(StrAt(k))) continue;
      int e = k + 1;
      while (IsWord(e) && IsUpperInitial(StrAt(e)) && e - k <= 4) ++e;
      // Skip titles and places between ("Presiden Rusia Vladimir Putin"):
      // keep the last two name words.
      if (e - k >= 3) return FromText(std::max(k + 1, e - 2), e);
    }
    return {};
  }

  void AddClaim(ClaimKind kind, const Speaker& found, Span cue, Span content) {
    if (content.end <= content.begin) return;
    const Speaker speaker = ResolveShortName(found);
    Claim c;
    c.kind = kind;
    c.speaker_entity = speaker.entity;
    c.speaker_name = speaker.name;
    c.speaker_span = speaker.span;
    c.cue = cue;
    c.content = content;
    if (options_.quantities) {
      const std::string_view body =
          std::string_view(text_).substr(content.begin, content.size());
      const NumberStyle style = doc_.language.code == "en"
                                    ? NumberStyle::kEnglish
                                    : doc_.language.code == "id"
                                          ? NumberStyle::kIndonesian
                                          : NumberStyle::kAuto;
      for (FoundQuantity& fq : FindQuantities(body, style, content.begin)) {
        c.quantities.push_back(std::move(fq.quantity));
      }
    }
    // Subjects: entities mentioned in the content or its sentence.
    const int s = SentenceOf(PieceAt(content.begin));
    const int e = SentenceOf(std::max(0, PieceAt(content.end) - 1));
    const int b = s >= 0 ? std::min(sentences_[s].begin, content.begin)
                         : content.begin;
    const int end = e >= 0 ? std::max(sentences_[e].end, content.end)
                           : content.end;
    for (const MentionRef& m : mentions_) {
      if (m.begin >= end) break;
      if (m.end <= b || m.entity == speaker.entity) continue;
      if (std::find(c.subject_entities.begin(), c.subject_entities.end(),
                    m.entity) == c.subject_entities.end()) {
        c.subject_entities.push_back(m.entity);
      }
    }
    const bool is_person =
        speaker.entity < 0 || doc_.entities[speaker.entity].type == EntityType::kPerson;
    if (speaker.found() && is_person) {
      speaker_events_.push_back(
          {speaker.span.size() > 0 ? speaker.span.begin : cue.begin, speaker});
      std::sort(speaker_events_.begin(), speaker_events_.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    claims_.push_back(std::move(c));
  }

  Span PieceSpan(int i) const { return Span{pieces_[i].begin, pieces_[i].end}; }

  int WordCount(Span span) const {
    int n = 0;
    for (int i = PieceAt(span.begin);
         Valid(i) && pieces_[i].end <= span.end; ++i) {
      n += pieces_[i].kind != PieceKind::kPunct;
    }
    return n;
  }

  // "Corona dan Daya Tahan Sosial Politik Indonesia", “Merah Putih”: titles
  // and names in quotation marks are nobody's words.
  bool LooksLikeTitle(Span span) const {
    int words = 0;
    int capitalised = 0;
    for (int i = PieceAt(span.begin); Valid(i) && pieces_[i].end <= span.end; ++i) {
      if (IsPunct(i, ".") || IsPunct(i, ",") || IsPunct(i, "!")) return false;
      if (!IsWord(i)) continue;
      ++words;
      capitalised += IsUpperInitial(StrAt(i));
    }
    return words >= 2 && capitalised * 10 >= words * 6;
  }

  void HandleQuote(size_t q, size_t sentence) {
    const QuoteSpan& quote = quotes_[q];
    const int open_piece = PieceAt(quote.outer.begin);
    const int anchor = quote.outer.begin;
    if (LooksLikeTitle(quote.inner)) return;
    // 1. After the closing mark: ", kata X", ", katanya", ", he said",
    //    ", Smith said".
    int k = PieceAt(quote.outer.end);
    while (IsPunct(k, ",") || IsPunct(k, "—") || IsPunct(k, "–") ||
           IsPunct(k, "-")) {
      ++k;
    }
    if (IsWord(k) && !InQuote(k)) {
      const PostCue cue = ClassifyPostCue(lower_[k]);
      if (cue == PostCue::kClitic) {
        Speaker s = ResolvePronoun(anchor);
        s.span = PieceSpan(k);
        AddClaim(ClaimKind::kDirectQuote, s, PieceSpan(k), quote.inner);
        return;
      }
      if (cue == PostCue::kNamed) {
        Speaker s = SpeakerAfter(k, anchor);
        if (s.found() || IsWord(k + 1) || IsPunct(k + 1, ".")) {
          AddClaim(ClaimKind::kDirectQuote, s, PieceSpan(k), quote.inner);
          return;
        }
      }
      // English order: "..., Smith said." / "..., he said."
      for (int j = k; j < k + 5 && IsWord(j); ++j) {
        if (ClassifyPostCue(lower_[j]) == PostCue::kNamed && j > k) {
          Speaker s = SpeakerInPhrase(k, j, anchor, /*after_cue=*/true);
          if (s.found()) {
            AddClaim(ClaimKind::kDirectQuote, s, PieceSpan(j), quote.inner);
            return;
          }
          break;
        }
        if (!IsUpperInitial(StrAt(j)) && !IsPersonPronoun(lower_[j])) break;
      }
    }
    // 2. A cue before the opening mark in the same sentence: "dia berkata:
    //    “...”", partial quotes "Choe menyampaikan “salam ...”".
    const int sentence_first = sentence_pieces_[sentence].first;
    for (int j = open_piece - 1; j >= sentence_first; --j) {
      if (!IsWord(j) || InQuote(j)) continue;
      if (IsSpeechVerb(lower_[j])) {
        Speaker s = SpeakerBefore(j, pieces_[j].begin);
        if (s.found()) {
          AddClaim(ClaimKind::kDirectQuote, s, PieceSpan(j), quote.inner);
          return;
        }
      }
      const PostCue cue = ClassifyPostCue(lower_[j]);
      if (cue == PostCue::kClitic) {
        Speaker s = ResolvePronoun(pieces_[j].begin);
        s.span = PieceSpan(j);
        AddClaim(ClaimKind::kDirectQuote, s, PieceSpan(j), quote.inner);
        return;
      }
      if (cue == PostCue::kNamed && !IsUpperInitial(StrAt(j))) {
        // "kata dia: “...”" names after; "apa yang dia sebut “...”" before.
        Speaker s = j + 1 < open_piece ? SpeakerAfter(j, pieces_[j].begin)
                                       : Speaker{};
        if (!s.found()) s = SpeakerBefore(j, pieces_[j].begin);
        if (s.found()) {
          AddClaim(ClaimKind::kDirectQuote, s, PieceSpan(j), quote.inner);
          return;
        }
      }
    }
    // 3. No cue: a long quote is still someone's words; give it the current
    //    focus. Short ones are scare quotes or titles.
    if (WordCount(quote.inner) < options_.min_uncued_quote_words) return;
    Speaker s = ResolvePronoun(anchor);
    s.span = Span{};
    AddClaim(ClaimKind::kDirectQuote, s, Span{}, quote.inner);
  }

  // End of the content of a reported claim: the sentence end, without
  // the final punctuation.
  int ContentEnd(size_t sentence) const {
    int last = sentence_pieces_[sentence].second - 1;
    while (last >= sentence_pieces_[sentence].first &&
           pieces_[last].kind == PieceKind::kPunct && !IsQuoteMarkPiece(last)) {
      --last;
    }
    return last >= 0 ? pieces_[last].end : 0;
  }

  // Words of [begin, end) outside quotes.
  int UnquotedWords(int begin, int end) const {
    int n = 0;
    for (int i = PieceAt(begin); Valid(i) && pieces_[i].end <= end; ++i) {
      if (pieces_[i].kind == PieceKind::kWord && !InQuote(i)) ++n;
    }
    return n;
  }

  void HandleReported(size_t sentence) {
    const auto [first, last] = sentence_pieces_[sentence];
    // "CONTENT, kata juru bicara Kremlin Dmitry Peskov." attributes the
    // whole sentence, whatever verbs are inside it.
    for (int v = first + 2; v < last; ++v) {
      if (!IsWord(v) || InQuote(v) || !IsPunct(v - 1, ",") || IsQuoteMarkPiece(v - 2)) {
        continue;
      }
      const PostCue cue = ClassifyPostCue(lower_[v]);
      if (cue == PostCue::kNone || (cue == PostCue::kNamed && !IsLowerInitial(StrAt(v)))) {
        continue;
      }
      if (HandleTrailingCue(sentence, v)) return;
    }
    for (int v = first; v < last; ++v) {
      if (!IsWord(v) || InQuote(v)) continue;
      const std::string& w = lower_[v];
      // "X mengatakan (kepada wartawan) (bahwa) CONTENT".
      if (IsSpeechVerb(w)) {
        if (IsWord(v - 1) && (lower_[v - 1] == "yang" || lower_[v - 1] == "untuk" ||
                              lower_[v - 1] == "agar" || lower_[v - 1] == "to")) {
          continue;
        }
        Speaker s = SpeakerBefore(v, pieces_[v].begin);
        if (!s.found()) continue;
        int c = v + 1;
        if (IsWord(c) && (lower_[c] == "kepada" || lower_[c] == "to" ||
                          (w == "told" && IsWord(c)))) {
          // Skip the addressee up to "bahwa" / "that" / a comma.
          int k = c;
          while (k < last && k - c < 8 && IsWord(k) && lower_[k] != "bahwa" &&
                 lower_[k] != "that") {
            ++k;
          }
          if (IsWord(k) && (lower_[k] == "bahwa" || lower_[k] == "that")) c = k;
        }
        // Time phrases between verb and clause: "pada Kamis (25/10/2024)
        // bahwa ...".
        for (int k = c; k < last && k - c < 10 && !InQuote(k); ++k) {
          if (IsWord(k) && (lower_[k] == "bahwa" || lower_[k] == "that")) {
            c = k;
            break;
          }
          if (IsWord(k) && IsSpeechVerb(lower_[k])) break;
        }
        while (IsPunct(c, ",") || IsPunct(c, ":")) ++c;
        if (IsWord(c) && (lower_[c] == "bahwa" || lower_[c] == "that")) ++c;
        while (IsPunct(c, ",")) ++c;
        if (c >= last || IsQuoteMarkPiece(c)) return;  // a direct quote
        const int end = ContentEnd(sentence);
        const int begin = pieces_[c].begin;
        if (end <= begin || UnquotedWords(begin, end) < 3) return;
        AddClaim(ClaimKind::kReported, s, PieceSpan(v), Span{begin, end});
        return;
      }
      // "menurut X, CONTENT" / "CONTENT, menurut X." / "according to X, ...".
      if (IsAccordingTo(w) || ClassifyPostCue(w) == PostCue::kClitic) {
        const bool clitic = ClassifyPostCue(w) == PostCue::kClitic;
        if (!clitic && w == "according" && !(IsWord(v + 1) && lower_[v + 1] == "to")) {
          continue;
        }
        if (clitic && w != "menurutnya" && !(IsPunct(v - 1, ","))) continue;
        const int name_first = v + (w == "according" ? 2 : 1);
        int name_end = name_first;
        while (name_end < last && IsWord(name_end) && !InQuote(name_end)) {
          ++name_end;
        }
        Speaker s = clitic ? ResolvePronoun(pieces_[v].begin)
                           : SpeakerInPhrase(name_first, name_end,
                                             pieces_[v].begin, /*after_cue=*/true);
        if (clitic) s.span = PieceSpan(v);
        if (!s.found()) continue;
        Span content;
        if (IsPunct(v - 1, ",") && v - 1 > first) {
          // Trailing: "CONTENT, menurut X." / "CONTENT, katanya."
          int b = first;
          for (int k = v - 1; k >= first; --k) {
            if (IsQuoteMarkPiece(k)) {
              b = k + 1;
              break;
            }
          }
          if (IsQuoteMarkPiece(v - 2)) continue;  // after a quote: handled
          content = Span{pieces_[b].begin, pieces_[v - 2].end};
        } else if (IsPunct(name_end, ",") && name_end + 1 < last) {
          content = Span{pieces_[name_end + 1].begin, ContentEnd(sentence)};
        } else if (clitic && w == "menurutnya" && v + 1 < last) {
          int c = v + 1;
          while (IsPunct(c, ",")) ++c;
          if (c >= last) continue;
          content = Span{pieces_[c].begin, ContentEnd(sentence)};
        } else {
          continue;
        }
        if (UnquotedWords(content.begin, content.end) < 3) continue;
        AddClaim(ClaimKind::kReported, s, PieceSpan(v), content);
        return;
      }
    }
  }

  bool HandleTrailingCue(size_t sentence, int v) {
    const int first = sentence_pieces_[sentence].first;
    const PostCue cue = ClassifyPostCue(lower_[v]);
    Speaker s = cue == PostCue::kClitic ? ResolvePronoun(pieces_[v].begin)
                                        : SpeakerAfter(v, pieces_[v].begin);
    if (cue == PostCue::kClitic) s.span = PieceSpan(v);
    if (!s.found()) return false;
    int b = first;
    for (int k = v - 2; k >= first; --k) {
      if (IsQuoteMarkPiece(k)) {
        b = k + 1;
        break;
      }
    }
    const Span content{pieces_[b].begin, pieces_[v - 2].end};
    if (UnquotedWords(content.begin, content.end) < 3) return false;
    AddClaim(ClaimKind::kReported, s, PieceSpan(v), content);
    return true;
  }

  const Document& doc_;
  const ClaimOptions& options_;
  std::string_view text_;
  std::vector<Piece> pieces_;
  std::vector<std::string> lower_;
  std::vector<QuoteSpan> quotes_;
  std::vector<int> quote_of_piece_;
  std::vector<Span> sentences_;
  std::vector<std::pair<int, int>> sentence_pieces_;  // [first, last) pieces
  std::vector<int> sentence_first_;
  std::vector<MentionRef> mentions_;
  bool has_people_ = false;  // the entities stage found people here
  // Resolved speakers by position: who spoke last, for pronouns.
  std::vector<std::pair<int, Speaker>> speaker_events_;
  std::vector<Claim> claims_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<ClaimExtractor>> ClaimExtractor::Create(
    const ClaimOptions& options) {
  if (options.min_uncued_quote_words < 0) {
    return absl::InvalidArgumentError(
        "ClaimOptions.min_uncued_quote_words must be >= 0");
  }
  return std::unique_ptr<ClaimExtractor>(new ClaimExtractor(options));
}

absl::Status ClaimExtractor::Process(Document& doc) const {
  const int size = static_cast<int>(doc.text.size());
  for (const Sentence& s : doc.sentences) {
    if (s.span.begin < 0 || s.span.end > size || s.span.begin > s.span.end) {
      return absl::InvalidArgumentError(
          "sentence span outside Document::text");
    }
  }
  doc.claims = Analysis(doc, options_).Run();
  return absl::OkStatus();
}

}  // namespace warta::enrichment
