#include "enrichment/claims/cue_lexicon.h"

#include <string>
#include <unordered_set>

namespace warta::enrichment {
namespace {

using WordSet = std::unordered_set<std::string_view>;

bool In(const WordSet& set, std::string_view w) { return set.count(w) > 0; }

// Stems that form post-quote cues: "kata", "katanya", "ujar", "ujarnya".
const WordSet& PostCueStems() {
  static const auto* s = new WordSet{
      "kata",  "ujar",   "tutur",  "ucap",   "ungkap", "jelas",  "papar",
      "sebut", "terang", "tegas",  "tambah", "tulis",  "tanya",  "tandas",
      "pungkas", "lanjut", "imbuh", "pesan", "seru",   "sahut",  "timpal",
      "jawab", "kilah",  "cetus",  "tukas",  "urai",   "bilang", "aku",
      "sambung", "beber", "kenang", "harap", "ajak", "pinta", "katakan",
      // "ujanya": a frequent typo of "ujarnya", whose stem it stands for.
      "uja",
  };
  return *s;
}

const WordSet& EnglishPostCues() {
  static const auto* s = new WordSet{
      "said", "says", "added", "told", "asked", "wrote", "explained",
      "noted", "stated", "insisted", "warned", "continued", "recalled",
      "replied", "argued", "declared", "tweeted", "posted",
  };
  return *s;
}

const WordSet& SpeechVerbs() {
  static const auto* s = new WordSet{
      // Indonesian.
      "mengatakan", "menyatakan", "menegaskan", "menuduh", "membantah",
      "mengklaim", "mengungkapkan", "menyebut", "menyebutkan", "menjelaskan",
      "menambahkan", "mengakui", "memperingatkan", "berkata", "menyampaikan",
      "mengumumkan", "menilai", "menekankan", "menerangkan", "memaparkan",
      "menuturkan", "berujar", "menyangkal", "menuding", "menyerukan",
      "mengungkap", "menandaskan", "mengingatkan", "mengimbau", "berpendapat",
      "menduga", "memperkirakan", "melaporkan", "mengutarakan", "bertanya",
      "menanyakan", "mengeklaim", "menepis", "mengkritik", "berjanji",
      "mengeluhkan", "menyebutnya", "membenarkan", "mengonfirmasi",
      "menginformasikan", "mengemukakan", "mengisyaratkan", "menanggapi",
      "berharap", "meyakini", "menganggap", "menyinggung", "mencontohkan", "melanjutkan",
      "menyayangkan", "mengaku", "menyarankan", "mengusulkan",
      // English.
      "said", "says", "told", "stated", "claimed", "claims", "denied",
      "accused", "added", "warned", "insisted", "argued", "announced",
      "confirmed", "explained", "noted", "acknowledged", "admitted",
      "alleged", "suggested", "believes", "estimated", "reported",
  };
  return *s;
}

const WordSet& InvertedCues() {
  static const auto* s = new WordSet{
      "said", "says", "told", "added", "warned", "wrote", "stated", "noted", "estimated",
      "claimed", "argued", "insisted", "explained", "announced", "cautioned", "acknowledged",
  };
  return *s;
}

const WordSet& Addressees() {
  static const auto* s = new WordSet{
      "reporters", "journalists", "lawmakers", "parliament", "congress", "senators",
      "supporters", "delegates", "diplomats", "students", "him", "her", "them", "us", "me",
      "wartawan", "investors", "analysts", "conference", "briefing", "audience", "forum",
      "meeting", "rally", "crowd", "summit", "hearing", "committee", "media", "television",
      "radio", "broadcaster", "newspaper", "agency", "press",
  };
  return *s;
}

const WordSet& CueAdjuncts() {
  static const auto* s = new WordSet{
      "on", "in", "at", "during", "after", "before", "late", "early", "earlier", "later",
      "last", "this", "yesterday", "today", "tonight", "when", "while", "without", "with",
      "to", "from", "via", "through", "dalam", "di", "pada", "saat", "ketika",
      "usai", "seusai", "kepada", "melalui", "lewat",
  };
  return *s;
}

const WordSet& Pronouns() {
  // "Iapun": "ia pun" (he too) written as one word.
  static const auto* s = new WordSet{"ia", "dia", "beliau", "dirinya", "iapun", "diapun",
                                     "he", "she"};
  return *s;
}

const WordSet& VerbModifiers() {
  static const auto* s = new WordSet{
      "juga", "telah", "sudah", "pun", "sebelumnya", "kemudian", "lalu",
      "pernah", "kembali", "lagi", "sempat", "bahkan", "justru", "malah",
      "secara", "terbuka", "tegas", "sendiri", "hanya", "tetap",
      "masih", "turut", "akan", "also", "has",
      "have", "later", "previously", "earlier", "then", "again", "once",
      "publicly", "repeatedly", "recently", "would", "will", "had",
  };
  return *s;
}

const WordSet& SpeakerPhraseStops() {
  static const auto* s = new WordSet{
      "dalam", "di", "pada", "kepada", "ke", "saat", "ketika", "seperti",
      "yang", "usai", "seusai", "sebelum", "setelah", "sambil", "dengan",
      "melalui", "lewat", "via", "kemarin", "hari", "senin", "selasa", "rabu",
      "kamis", "jumat", "sabtu", "minggu", "pekan", "tadi", "saat", "bahwa",
      "sembari", "ketika", "menurut", "kepadanya", "untuk", "atas", "terkait",
      "mengenai", "tentang", "soal", "dan", "sebagaimana", "seraya",
      "in", "on", "at", "to", "during", "after", "before", "when", "while",
      "with", "from", "who", "that", "as", "last", "this", "on", "told",
      "adding", "according", "and",
  };
  return *s;
}

const WordSet& ClauseBoundaryWords() {
  static const auto* s = new WordSet{
      "bahwa", "dan", "namun", "tetapi", "tapi", "sementara", "sedangkan",
      "ketika", "saat", "karena", "sehingga", "yang", "jika", "setelah",
      "sebelum", "meski", "meskipun", "walaupun", "agar", "bahkan", "lalu",
      "kemudian", "serta", "that", "and", "but", "while", "when", "because",
      "as", "after", "before", "although", "though", "which", "who",
  };
  return *s;
}

const WordSet& RoleWords() {
  static const auto* s = new WordSet{
      "presiden", "wakil", "menteri", "menlu", "menhan", "mendagri", "menkeu",
      "juru", "bicara", "jubir", "kepala", "direktur", "gubernur", "bupati",
      "wali", "ketua", "sekretaris", "jenderal", "kapolri", "kapolda",
      "kapolres", "panglima", "duta", "besar", "dubes", "perdana", "pemimpin",
      "pejabat", "anggota", "utama", "eksekutif", "komisaris", "kapten",
      "kolonel", "mayor", "letnan", "brigadir", "inspektur", "komisioner",
      "hakim", "jaksa", "ketum", "sekjen", "dirut", "camat", "lurah",
      "rektor", "dekan", "profesor", "prof", "dr", "ir", "pak", "bu", "ibu",
      "bapak", "raja", "ratu", "pangeran", "mantan", "senator", "analis",
      "pengamat", "peneliti", "ekonom", "luar", "negeri", "dalam",
      "pertahanan", "keuangan", "kabinet", "sosial", "kesehatan",
      "president", "minister", "foreign", "prime", "spokesman",
      "spokeswoman", "spokesperson", "secretary", "general", "chief",
      "director", "governor", "mayor", "chairman", "senior", "official",
      "ambassador", "leader", "deputy", "state", "defence", "defense", "mr",
      "mrs", "ms", "dr",
  };
  return *s;
}

const WordSet& Negations() {
  static const auto* s = new WordSet{
      "tidak", "tak", "belum", "bukan", "enggan", "not", "never", "didn't",
      "did", "does", "doesn't", "declined", "menolak",
  };
  return *s;
}

}  // namespace

PostCue ClassifyPostCue(std::string_view lower) {
  if (In(EnglishPostCues(), lower)) return PostCue::kNamed;
  if (In(PostCueStems(), lower)) return PostCue::kNamed;
  constexpr std::string_view kNya = "nya";
  if (lower.size() > kNya.size() &&
      lower.substr(lower.size() - kNya.size()) == kNya) {
    const std::string_view stem = lower.substr(0, lower.size() - kNya.size());
    if (In(PostCueStems(), stem) || stem == "menurut") return PostCue::kClitic;
  }
  return PostCue::kNone;
}

bool IsSpeechVerb(std::string_view lower) { return In(SpeechVerbs(), lower); }

bool IsInvertedCue(std::string_view lower) { return In(InvertedCues(), lower); }

bool IsAddressee(std::string_view lower) { return In(Addressees(), lower); }

bool IsAddresseeModifier(std::string_view lower) {
  static const auto* s = new WordSet{"news", "press", "state", "local", "foreign",
                                     "national", "joint", "parliamentary"};
  return In(*s, lower);
}

bool IsCueAdjunct(std::string_view lower) { return In(CueAdjuncts(), lower); }

bool IsAccordingTo(std::string_view lower) {
  return lower == "menurut" || lower == "according";
}

bool IsPersonPronoun(std::string_view lower) { return In(Pronouns(), lower); }

bool IsGroupPronoun(std::string_view lower) {
  return lower == "mereka" || lower == "merekapun" || lower == "they";
}

bool IsVerbModifier(std::string_view lower) {
  return In(VerbModifiers(), lower);
}

bool IsSpeakerPhraseStop(std::string_view lower) {
  return In(SpeakerPhraseStops(), lower);
}

bool IsClauseBoundaryWord(std::string_view lower) {
  return In(ClauseBoundaryWords(), lower);
}

bool IsRoleWord(std::string_view lower) { return In(RoleWords(), lower); }

bool IsNegation(std::string_view lower) { return In(Negations(), lower); }

}  // namespace warta::enrichment
