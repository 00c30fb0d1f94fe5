// Who said it. The claims stage finds a cue ("kata", "mengatakan",
// "menurut", "said") and asks this class for the speaker: the person,
// organisation or place named in the phrase after or before the cue;
// pronouns and clitics ("ia", "katanya", "he") resolved to the last person
// who spoke or acted (mentions inside quotes do not count); a bare title
// ("kata Presiden") to the person who holds it; a one-word name to the
// article's one person with that name ("Sandi" -> "Sandiaga Uno").
//
// One resolver per article (it remembers who has spoken so far, in text
// order, through Record); not thread-safe. Positions are pieces of the
// ClaimText, anchors byte offsets into the text.
#ifndef WARTA_ENRICHMENT_CLAIMS_SPEAKER_RESOLVER_H_
#define WARTA_ENRICHMENT_CLAIMS_SPEAKER_RESOLVER_H_

#include <string>
#include <utility>
#include <vector>

#include "enrichment/claims/claim_text.h"
#include "enrichment/document.h"

namespace warta::enrichment {

struct Speaker {
  int entity = -1;  // index into Document::entities
  std::string name;
  Span span;  // the words naming the speaker here (may be empty)
  bool found() const { return entity >= 0 || !name.empty(); }
};

class SpeakerResolver {
 public:
  // `doc` and `text` must outlive the resolver.
  SpeakerResolver(const Document& doc, const ClaimText& text);

  // The speaker named after a cue word at piece `cue`: "kata juru bicara
  // Kremlin Dmitry Peskov dalam ...". `anchor` is the byte offset pronouns
  // are resolved from.
  Speaker After(int cue, int anchor) const;
  // The subject before a speech verb at piece `verb`: "Presiden Ukraina
  // Volodymyr Zelensky (juga) mengatakan".
  Speaker Before(int verb, int anchor) const;
  // The best speaker among pieces [first, last): a PERSON mention (the last
  // one: names follow titles), else the first organisation or place, else
  // capitalised words that are not titles.
  Speaker InPhrase(int first, int last, int anchor, bool after_cue) const;
  // The person a pronoun at byte `pos` stands for.
  Speaker Pronoun(int pos) const;
  // The organisation "mereka" / "they" at byte `pos` stands for.
  Speaker Group(int pos) const;
  // A one-word person name as the article's one person with that first or
  // last name; nobody when several share it.
  Speaker ResolveShortName(Speaker s) const;

  // `speaker` spoke at byte `pos`: pronouns after it may stand for them.
  void Record(int pos, const Speaker& speaker);

 private:
  Speaker FromMention(const MentionRef& m) const;
  Speaker FromText(int first, int last) const;
  Speaker Role(const std::string& role, int pos) const;
  bool AtSentenceStart(int piece) const;
  Speaker HolderInsideOffice(int first, int last) const;
  Speaker FullNameSpokenBefore(Speaker s) const;
  Speaker Possessor(int first, int end) const;
  int AppositiveComma(int comma) const;
  bool IsAside(int first, int last) const;
  bool MayBeAntecedent(const MentionRef& m) const;
  // `m` is one of t_.mentions.
  bool IsMistypedPlace(const MentionRef& m) const {
    return mistyped_place_[&m - t_.mentions.data()];
  }
  std::vector<bool> FindMistypedPlaces() const;
  const MentionRef* PersonEndingAt(int comma) const;
  bool PronounBefore(int sentence, int pos) const;

  const Document& doc_;
  const ClaimText& t_;
  // Per mention of t_.mentions, computed once: a PERSON the NER made of a
  // place (FindMistypedPlaces).
  std::vector<bool> mistyped_place_;
  // Resolved speakers by position: who spoke last, for pronouns.
  std::vector<std::pair<int, Speaker>> speaker_events_;
};

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_CLAIMS_SPEAKER_RESOLVER_H_
