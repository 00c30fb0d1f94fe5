// The words that mark speech in Indonesian and English news: cue verbs
// ("mengatakan", "said"), post-quote cues ("kata", "ujarnya"), "menurut",
// pronouns that stand for a speaker, and titles that precede names.
// Built into the binary: the lists are short, hand-written and reviewed
// against the dev split of the attribution data (not learned from it).
//
// All functions take lower-case ASCII words; thread-safe (immutable
// function-local statics).
#ifndef WARTA_ENRICHMENT_CLAIMS_CUE_LEXICON_H_
#define WARTA_ENRICHMENT_CLAIMS_CUE_LEXICON_H_

#include <string_view>

namespace warta::enrichment {

enum class PostCue {
  kNone,
  kNamed,    // "kata", "ujar", "said": a speaker follows
  kClitic,   // "katanya", "ujarnya": the speaker is a pronoun (-nya)
};

// A word after a quote or a clause that introduces its speaker.
PostCue ClassifyPostCue(std::string_view lower);

// Verbs with the speaker before them: "X mengatakan (bahwa) ...",
// "X said ...". Includes English "says", "told".
bool IsSpeechVerb(std::string_view lower);

// English cues that end a sentence after its content: "..., Blinken
// said (on Thursday)", "..., he told reporters".
bool IsInvertedCue(std::string_view lower);

// Words that open what may follow a cue without being what was said:
// "said on Thursday", "said in a statement", "mengatakan di Jakarta".
bool IsCueAdjunct(std::string_view lower);

// Who news people tell things to, written in lower case: "told reporters".
bool IsAddressee(std::string_view lower);
// A word before an addressee of English "told": "news" / "press"
// (conference), "state" (media), "local", "foreign", ...
bool IsAddresseeModifier(std::string_view lower);

// "menurut", "according" (to).
bool IsAccordingTo(std::string_view lower);

// "ia", "dia", "beliau", "dirinya", "he", "she": stand for the last person.
bool IsPersonPronoun(std::string_view lower);

// "mereka", "they": stand for the last group or organisation.
bool IsGroupPronoun(std::string_view lower);

// Words allowed between a subject and its speech verb ("juga", "telah").
bool IsVerbModifier(std::string_view lower);

// Words that end a speaker phrase after a cue ("dalam", "di", "kepada").
bool IsSpeakerPhraseStop(std::string_view lower);

// Words that end a subject phrase when scanning left from a verb.
bool IsClauseBoundaryWord(std::string_view lower);

// Titles and roles ("presiden", "menteri", "juru", "bicara", "spokesman").
bool IsRoleWord(std::string_view lower);

// Negations that cancel a speech verb ("tidak mengatakan").
bool IsNegation(std::string_view lower);

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_CLAIMS_CUE_LEXICON_H_
