#include "enrichment/claims/claim_extractor.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "enrichment/claims/claim_text.h"
#include "enrichment/claims/cue_lexicon.h"
#include "enrichment/claims/speaker_names.h"
#include "enrichment/claims/speaker_resolver.h"

namespace warta::enrichment {
namespace {

constexpr int kMaxInvertedSpeaker = 12;        // pieces between the comma and "said"
constexpr int kMaxNameBeforeCue = 8;           // "NATO Secretary General Mark Rutte told"
constexpr int kMaxWordsAfterInvertedCue = 10;  // "said in a statement on Thursday"


// The claim rules over one article: direct quotes (HandleQuote) and
// reported speech (HandleReported) in each sentence; speakers come from
// the SpeakerResolver.
class Analysis {
 public:
  Analysis(const Document& doc, const ClaimOptions& options)
      : doc_(doc), options_(options), t_(doc), speakers_(doc, t_) {}

  std::vector<Claim> Run() {
    for (size_t s = 0; s < t_.sentences.size(); ++s) {
      const auto [first, last] = t_.sentence_pieces[s];
      // Reported speech, then the quotes opening in this sentence: a quote
      // whose mark the segmenter left at the end of the sentence before
      // ("Agung menyampaikan, .... ”Ketersediaan cukup,” katanya") is
      // spoken by that sentence's speaker.
      if (options_.reported_speech) HandleReported(s);
      for (size_t q = 0; q < t_.quotes.size(); ++q) {
        const int open_piece = t_.PieceAt(t_.quotes[q].outer.begin);
        if (open_piece >= first && open_piece < last) HandleQuote(q, s);
      }
    }
    std::sort(claims_.begin(), claims_.end(),
              [](const Claim& a, const Claim& b) {
                return a.content.begin < b.content.begin;
              });
    return std::move(claims_);
  }

 private:
  void AddClaim(ClaimKind kind, const Speaker& found, Span cue, Span content) {
    if (content.end <= content.begin) return;
    const Speaker speaker = speakers_.ResolveShortName(found);
    Claim c;
    c.kind = kind;
    c.speaker_entity = speaker.entity;
    c.speaker_name = speaker.name;
    c.speaker_span = speaker.span;
    c.cue = cue;
    c.content = content;
    if (options_.quantities) {
      // A quantity that starts in the content is in it, with the unit the
      // content may end before ("65%": the content stops at "65").
      for (const Quantity& q : doc_.quantities) {
        if (q.span.begin >= content.begin && q.span.begin < content.end) c.quantities.push_back(q);
      }
    }
    // Subjects: entities mentioned in the content or its sentence.
    const int s = t_.SentenceOf(t_.PieceAt(content.begin));
    const int e = t_.SentenceOf(std::max(0, t_.PieceAt(content.end) - 1));
    const int b = s >= 0 ? std::min(t_.sentences[s].begin, content.begin)
                         : content.begin;
    const int end = e >= 0 ? std::max(t_.sentences[e].end, content.end)
                           : content.end;
    for (const MentionRef& m : t_.mentions) {
      if (m.begin >= end) break;
      if (m.end <= b || m.entity == speaker.entity) continue;
      if (std::find(c.subject_entities.begin(), c.subject_entities.end(),
                    m.entity) == c.subject_entities.end()) {
        c.subject_entities.push_back(m.entity);
      }
    }
    // Only people are who a later "katanya" or "he" stands for; "Pemprov
    // Jabar meyakini" read off the text is an organisation.
    const bool is_person = speaker.entity < 0
                               ? !LooksLikeOrganisation(speaker.name)
                               : doc_.entities[speaker.entity].type == EntityType::kPerson;
    if (speaker.found() && is_person) {
      speakers_.Record(speaker.span.size() > 0 ? speaker.span.begin : cue.begin, speaker);
    }
    claims_.push_back(std::move(c));
  }

  int WordCount(Span span) const {
    int n = 0;
    for (int i = t_.PieceAt(span.begin);
         t_.Valid(i) && t_.pieces[i].end <= span.end; ++i) {
      n += t_.pieces[i].kind != PieceKind::kPunct;
    }
    return n;
  }

  // "Corona dan Daya Tahan Sosial Politik Indonesia", “Merah Putih”: titles
  // and names in quotation marks are nobody's words.
  bool LooksLikeTitle(Span span) const {
    int words = 0;
    int capitalised = 0;
    for (int i = t_.PieceAt(span.begin); t_.Valid(i) && t_.pieces[i].end <= span.end; ++i) {
      if (t_.IsPunct(i, ".") || t_.IsPunct(i, ",") || t_.IsPunct(i, "!")) return false;
      if (!t_.IsWord(i)) continue;
      ++words;
      capitalised += IsUpperInitial(t_.StrAt(i));
    }
    return words >= 2 && capitalised * 10 >= words * 6;
  }

  void HandleQuote(size_t q, size_t sentence) {
    const QuoteSpan& quote = t_.quotes[q];
    const int open_piece = t_.PieceAt(quote.outer.begin);
    const int anchor = quote.outer.begin;
    if (LooksLikeTitle(quote.inner)) return;
    // 1. After the closing mark: ", kata X", ", katanya", ", he said",
    //    ", Smith said".
    int k = t_.PieceAt(quote.outer.end);
    while (t_.IsPunct(k, ",") || t_.IsPunct(k, "—") || t_.IsPunct(k, "–") ||
           t_.IsPunct(k, "-")) {
      ++k;
    }
    if (t_.IsWord(k) && !t_.InQuote(k)) {
      const PostCue cue = ClassifyPostCue(t_.lower[k]);
      if (cue == PostCue::kClitic) {
        Speaker s = speakers_.Pronoun(anchor);
        s.span = t_.PieceSpan(k);
        AddClaim(ClaimKind::kDirectQuote, s, t_.PieceSpan(k), quote.inner);
        return;
      }
      if (cue == PostCue::kNamed) {
        Speaker s = speakers_.After(k, anchor);
        if (s.found() || t_.IsWord(k + 1) || t_.IsPunct(k + 1, ".")) {
          AddClaim(ClaimKind::kDirectQuote, s, t_.PieceSpan(k), quote.inner);
          return;
        }
      }
      // English order: "..., Smith said." / "..., he said."
      for (int j = k; j < k + kMaxNameBeforeCue && t_.IsWord(j); ++j) {
        if (ClassifyPostCue(t_.lower[j]) == PostCue::kNamed && j > k) {
          Speaker s = speakers_.InPhrase(k, j, anchor, /*after_cue=*/true);
          if (s.found()) {
            AddClaim(ClaimKind::kDirectQuote, s, t_.PieceSpan(j), quote.inner);
            return;
          }
          break;
        }
        if (!IsUpperInitial(t_.StrAt(j)) && !IsPersonPronoun(t_.lower[j])) break;
      }
    }
    // 2. A cue before the opening mark in the same sentence: "dia berkata:
    //    “...”", partial quotes "Choe menyampaikan “salam ...”".
    const int sentence_first = t_.sentence_pieces[sentence].first;
    // A one-word quote after a verb is a scare quote ("menancapkan ”kaki”").
    const int first_cue = WordCount(quote.inner) >= 2 ? sentence_first : open_piece;
    for (int j = open_piece - 1; j >= first_cue; --j) {
      if (!t_.IsWord(j) || t_.InQuote(j)) continue;
      if (IsSpeechVerb(t_.lower[j])) {
        Speaker s = speakers_.Before(j, t_.pieces[j].begin);
        if (s.found()) {
          AddClaim(ClaimKind::kDirectQuote, s, t_.PieceSpan(j), quote.inner);
          return;
        }
      }
      const PostCue cue = ClassifyPostCue(t_.lower[j]);
      if (cue == PostCue::kClitic) {
        Speaker s = speakers_.Pronoun(t_.pieces[j].begin);
        s.span = t_.PieceSpan(j);
        AddClaim(ClaimKind::kDirectQuote, s, t_.PieceSpan(j), quote.inner);
        return;
      }
      if (cue == PostCue::kNamed && !IsUpperInitial(t_.StrAt(j))) {
        // "kata dia: “...”" names after; "apa yang dia sebut “...”" before.
        Speaker s = j + 1 < open_piece ? speakers_.After(j, t_.pieces[j].begin)
                                       : Speaker{};
        if (!s.found()) s = speakers_.Before(j, t_.pieces[j].begin);
        if (s.found()) {
          AddClaim(ClaimKind::kDirectQuote, s, t_.PieceSpan(j), quote.inner);
          return;
        }
      }
    }
    // 3. No cue: a long quote is still someone's words; give it the current
    //    focus. Short ones are scare quotes or titles.
    if (WordCount(quote.inner) < options_.min_uncued_quote_words) return;
    Speaker s = speakers_.Pronoun(anchor);
    s.span = Span{};
    AddClaim(ClaimKind::kDirectQuote, s, Span{}, quote.inner);
  }

  // End of the content of a reported claim: the sentence end, without
  // the final punctuation.
  int ContentEnd(size_t sentence) const {
    int last = t_.sentence_pieces[sentence].second - 1;
    while (last >= t_.sentence_pieces[sentence].first &&
           t_.pieces[last].kind == PieceKind::kPunct && !t_.IsQuoteMarkPiece(last)) {
      --last;
    }
    return last >= 0 ? t_.pieces[last].end : 0;
  }

  // Words of [begin, end) outside quotes.
  int UnquotedWords(int begin, int end) const {
    int n = 0;
    for (int i = t_.PieceAt(begin); t_.Valid(i) && t_.pieces[i].end <= end; ++i) {
      if (t_.pieces[i].kind == PieceKind::kWord && !t_.InQuote(i)) ++n;
    }
    return n;
  }

  void HandleReported(size_t sentence) {
    const auto [first, last] = t_.sentence_pieces[sentence];
    // "CONTENT, kata juru bicara Kremlin Dmitry Peskov." attributes the
    // whole sentence, whatever verbs are inside it.
    for (int v = first + 2; v < last; ++v) {
      if (!t_.IsWord(v) || t_.InQuote(v) || !t_.IsPunct(v - 1, ",") || t_.IsQuoteMarkPiece(v - 2)) {
        continue;
      }
      const PostCue cue = ClassifyPostCue(t_.lower[v]);
      if (cue == PostCue::kNone || (cue == PostCue::kNamed && !IsLowerInitial(t_.StrAt(v)))) {
        continue;
      }
      if (HandleTrailingCue(sentence, v)) return;
    }
    if (HandleInvertedCue(sentence)) return;
    for (int v = first; v < last; ++v) {
      if (!t_.IsWord(v) || t_.InQuote(v)) continue;
      const std::string& w = t_.lower[v];
      // "X mengatakan (kepada wartawan) (bahwa) CONTENT".
      if (IsSpeechVerb(w)) {
        if (t_.IsWord(v - 1) && (t_.lower[v - 1] == "yang" || t_.lower[v - 1] == "untuk" ||
                              t_.lower[v - 1] == "agar" || t_.lower[v - 1] == "to")) {
          continue;
        }
        Speaker s = speakers_.Before(v, t_.pieces[v].begin);
        if (!s.found()) continue;
        int c = v + 1;
        if (t_.IsWord(c) && (t_.lower[c] == "kepada" || t_.lower[c] == "to" ||
                          (w == "told" && t_.IsWord(c)))) {
          // Skip the addressee up to "bahwa" / "that" / a comma.
          int k = c;
          while (k < last && k - c < 8 && t_.IsWord(k) && t_.lower[k] != "bahwa" &&
                 t_.lower[k] != "that") {
            ++k;
          }
          if (t_.IsWord(k) && (t_.lower[k] == "bahwa" || t_.lower[k] == "that")) {
            c = k;
          } else if (w == "told") {
            // "told Reuters it was ..."; "told a news conference" says
            // nothing.
            const int after_addressee = SkipAddressee(c, last);
            if (after_addressee == c) return;
            c = after_addressee;
            // "told a news conference in the provincial capital": where.
            if (t_.IsWord(c) && IsCueAdjunct(t_.lower[c]) && IsLowerInitial(t_.StrAt(c))) return;
          }
        }
        // Time phrases between verb and clause: "pada Kamis (25/10/2024)
        // bahwa ...".
        for (int k = c; k < last && k - c < 10 && !t_.InQuote(k); ++k) {
          if (t_.IsWord(k) && (t_.lower[k] == "bahwa" || t_.lower[k] == "that")) {
            c = k;
            break;
          }
          if (t_.IsWord(k) && IsSpeechVerb(t_.lower[k])) break;
        }
        while (t_.IsPunct(c, ",") || t_.IsPunct(c, ":")) ++c;
        if (t_.IsWord(c) && (t_.lower[c] == "bahwa" || t_.lower[c] == "that")) ++c;
        while (t_.IsPunct(c, ",")) ++c;
        if (c >= last || t_.IsQuoteMarkPiece(c)) return;  // a direct quote
        // "Keller said in a statement." after a quote: where, not what.
        if (c == v + 1 && t_.IsWord(c) && IsCueAdjunct(t_.lower[c]) &&
            IsLowerInitial(t_.StrAt(c)) &&
            !(t_.IsWord(c + 1) && (t_.lower[c + 1] == "least" || t_.lower[c + 1] == "most"))) {
          return;
        }
        const int end = ContentEnd(sentence);
        const int begin = t_.pieces[c].begin;
        if (end <= begin || UnquotedWords(begin, end) < 3) return;
        AddClaim(ClaimKind::kReported, s, t_.PieceSpan(v), Span{begin, end});
        return;
      }
      // "menurut X, CONTENT" / "CONTENT, menurut X." / "according to X, ...".
      if (IsAccordingTo(w) || ClassifyPostCue(w) == PostCue::kClitic) {
        const bool clitic = ClassifyPostCue(w) == PostCue::kClitic;
        if (!clitic && w == "according" && !(t_.IsWord(v + 1) && t_.lower[v + 1] == "to")) {
          continue;
        }
        if (clitic && w != "menurutnya" && !(t_.IsPunct(v - 1, ","))) continue;
        const int name_first = v + (w == "according" ? 2 : 1);
        int name_end = name_first;
        while (name_end < last && t_.IsWord(name_end) && !t_.InQuote(name_end)) {
          ++name_end;
        }
        Speaker s = clitic ? speakers_.Pronoun(t_.pieces[v].begin)
                           : speakers_.InPhrase(name_first, name_end,
                                             t_.pieces[v].begin, /*after_cue=*/true);
        if (clitic) s.span = t_.PieceSpan(v);
        if (!s.found()) continue;
        Span content;
        if (t_.IsPunct(v - 1, ",") && v - 1 > first) {
          // Trailing: "CONTENT, menurut X." / "CONTENT, katanya."
          const int b = AfterLastQuoteMark(first, v - 1);
          if (t_.IsQuoteMarkPiece(v - 2)) continue;  // after a quote: handled
          content = Span{t_.pieces[b].begin, t_.pieces[v - 2].end};
        } else if (t_.IsPunct(name_end, ",") && name_end + 1 < last) {
          content = Span{t_.pieces[name_end + 1].begin, ContentEnd(sentence)};
        } else if (clitic && w == "menurutnya" && v + 1 < last) {
          int c = v + 1;
          while (t_.IsPunct(c, ",")) ++c;
          if (c >= last) continue;
          content = Span{t_.pieces[c].begin, ContentEnd(sentence)};
        } else {
          continue;
        }
        if (UnquotedWords(content.begin, content.end) < 3) continue;
        AddClaim(ClaimKind::kReported, s, t_.PieceSpan(v), content);
        return;
      }
    }
  }

  // "told reporters", "told Reuters", "told the BBC", "told a news
  // conference", "told state media": the addressee of an English "told"
  // with no "that" after it is not part of what was said.
  int SkipAddressee(int c, int last) const {
    int k = c;
    if (t_.IsWord(k) && (t_.lower[k] == "the" || t_.lower[k] == "a" || t_.lower[k] == "an")) ++k;
    auto modifier_at = [&](int i) {
      return t_.IsWord(i) && IsAddresseeModifier(t_.lower[i]) && t_.IsWord(i + 1) &&
             (IsAddressee(t_.lower[i + 1]) || IsAddresseeModifier(t_.lower[i + 1]));
    };
    for (int m = 0; m < 2 && modifier_at(k); ++m) ++k;
    if (t_.IsWord(k) && IsUpperInitial(t_.StrAt(k))) {
      while (k < last && t_.IsWord(k) && IsUpperInitial(t_.StrAt(k))) ++k;
    } else if (t_.IsWord(k) && IsAddressee(t_.lower[k])) {
      ++k;
    } else {
      return c;
    }
    while (t_.IsPunct(k, ",")) ++k;
    return k;
  }

  // The nearest comma at or before piece `from` and after `first`, within
  // the reach of a speaker phrase before the cue at `v`, not crossing a
  // quote (the piece where the scan stopped when there is none).
  int CommaBefore(int from, int first, int v) const {
    int k = from;
    while (k > first && v - k <= kMaxInvertedSpeaker && !t_.IsPunct(k, ",") &&
           !t_.IsQuoteMarkPiece(k) && !t_.InQuote(k)) {
      --k;
    }
    return k;
  }

  // Where a content ending at piece `last` starts: after the last quote mark
  // in [first, last], else at `first` (the sentence start).
  int AfterLastQuoteMark(int first, int last) const {
    for (int k = last; k >= first; --k) {
      if (t_.IsQuoteMarkPiece(k)) return k + 1;
    }
    return first;
  }

  // English news order: "CONTENT, U.S. Secretary of State Antony Blinken
  // said on Thursday." / "CONTENT, he told reporters." The speaker phrase
  // sits between the last comma and the cue; what follows the cue is short
  // (when, where, to whom) and has no "that" (else the content follows).
  bool HandleInvertedCue(size_t sentence) {
    const auto [first, last] = t_.sentence_pieces[sentence];
    for (int v = first + 3; v < last; ++v) {
      if (!t_.IsWord(v) || t_.InQuote(v) || !IsLowerInitial(t_.StrAt(v)) ||
          !IsInvertedCue(t_.lower[v])) {
        continue;
      }
      int comma = CommaBefore(v - 1, first, v);
      // "..., the regional governor, Maria Santos, said": an appositive.
      if (comma == v - 1) {
        comma = CommaBefore(v - 2, first, v);
        if (t_.IsPunct(comma - 1, ",") || !t_.IsPunct(comma, ",")) continue;
        const int inner = comma;
        comma = CommaBefore(inner - 1, first, v);
        if (!t_.IsPunct(comma, ",")) comma = inner;
      }
      // Some words must come before the comma: they are the content.
      if (!t_.IsPunct(comma, ",") || comma <= first || comma >= v - 1 ||
          t_.IsQuoteMarkPiece(comma - 1)) {
        continue;
      }
      int words_after = 0;
      bool clause_after = false;
      for (int k = v + 1; k < last; ++k) {
        // ", a move that could tighten markets": an appositive about the
        // content, not a clause of the speaker's.
        if (t_.IsPunct(k, ",")) break;
        if (!t_.IsWord(k)) continue;
        ++words_after;
        if (t_.lower[k] == "that" || IsSpeechVerb(t_.lower[k])) clause_after = true;
      }
      // What follows the cue says when, where or to whom ("on Thursday",
      // "told reporters"), never a new clause ("said Washington had ...").
      if (clause_after || words_after > kMaxWordsAfterInvertedCue) continue;
      if (words_after > 0 && !t_.IsPunct(v + 1, ",") &&
          !(t_.IsWord(v + 1) && (IsCueAdjunct(t_.lower[v + 1]) ||
                                 (t_.lower[v] == "told" && SkipAddressee(v + 1, last) > v + 1)))) {
        continue;
      }
      const int phrase_end = t_.IsPunct(v - 1, ",") ? v - 1 : v;
      Speaker s = speakers_.InPhrase(comma + 1, phrase_end, t_.pieces[v].begin, /*after_cue=*/true);
      if (!s.found()) continue;
      const int b = AfterLastQuoteMark(first, comma - 1);
      const Span content{t_.pieces[b].begin, t_.pieces[comma - 1].end};
      if (UnquotedWords(content.begin, content.end) < 3) continue;
      AddClaim(ClaimKind::kReported, s, t_.PieceSpan(v), content);
      return true;
    }
    return false;
  }

  bool HandleTrailingCue(size_t sentence, int v) {
    const int first = t_.sentence_pieces[sentence].first;
    const PostCue cue = ClassifyPostCue(t_.lower[v]);
    Speaker s = cue == PostCue::kClitic ? speakers_.Pronoun(t_.pieces[v].begin)
                                        : speakers_.After(v, t_.pieces[v].begin);
    if (cue == PostCue::kClitic) s.span = t_.PieceSpan(v);
    if (!s.found()) return false;
    const int b = AfterLastQuoteMark(first, v - 2);
    const Span content{t_.pieces[b].begin, t_.pieces[v - 2].end};
    if (UnquotedWords(content.begin, content.end) < 3) return false;
    AddClaim(ClaimKind::kReported, s, t_.PieceSpan(v), content);
    return true;
  }

  const Document& doc_;
  const ClaimOptions& options_;
  const ClaimText t_;
  SpeakerResolver speakers_;
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
