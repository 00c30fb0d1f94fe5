#include "enrichment/claims/speaker_names.h"

#include <string>
#include <unordered_set>

#include "enrichment/claims/cue_lexicon.h"
#include "enrichment/segment/token_pieces.h"

namespace warta::enrichment {
namespace {

using WordSet = std::unordered_set<std::string_view>;

// Read off the speakers `warta enrich` gave IndoSum articles: words that
// begin sentences before a verb or after a cue and were taken for names.
const WordSet& FunctionWords() {
  static const auto* s = new WordSet{
      // Conjunctions and sentence adverbs.
      "saat", "selain", "namun", "sementara", "menurut", "sedangkan", "tetapi", "tapi",
      "meski", "meskipun", "walaupun", "walau", "kendati", "karena", "sebab", "jika",
      "apabila", "bila", "kalau", "ketika", "setelah", "sebelum", "sesudah", "usai",
      "seusai", "sejak", "hingga", "sampai", "agar", "supaya", "sehingga", "maka", "lalu",
      "kemudian", "selanjutnya", "akhirnya", "bahkan", "justru", "padahal", "adapun",
      "sedang", "selama", "kini", "sekarang", "kemarin", "besok", "tadi", "nanti", "dulu",
      "sebelumnya", "sebagai", "secara", "sembari", "seraya", "sambil", "tanpa", "baik",
      "begitu", "demikian", "dengan", "oleh", "untuk", "di", "ke", "dalam", "dari", "pada", "kepada",
      "terkait", "mengenai", "tentang", "soal", "atas", "bagi", "demi", "melalui", "lewat",
      "seperti", "yakni", "yaitu", "ini", "itu", "tersebut", "hal", "juga", "pun", "masih",
      "sudah", "telah", "akan", "belum", "tidak", "tak", "bukan", "jangan", "apakah", "apa",
      "siapa", "mengapa", "kenapa", "bagaimana", "kapan", "adalah", "merupakan", "ada",
      "yang", "dan", "atau", "serta", "bahwa", "sekitar", "hampir", "lebih", "kurang",
      "paling", "sangat", "hanya", "cuma", "tetap", "sekali", "pertama", "kedua",
      // Determiners and quantifiers.
      "para", "sang", "si", "sebuah", "seorang", "semua", "seluruh", "setiap", "tiap",
      "beberapa", "banyak", "sejumlah", "sebagian", "kebanyakan", "sebanyak",
      // Pronouns: a pronoun the extractor did not resolve names nobody.
      "mereka", "kami", "kita", "saya", "aku", "anda", "kamu", "engkau", "keduanya",
      "ketiganya", "pihaknya", "dirinya", "semuanya", "ia", "dia", "beliau", "nya", "iapun",
      "diapun", "merekapun",
      // Days and months.
      "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "januari",
      "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
      "oktober", "november", "desember",
      // English.
      "the", "a", "an", "but", "however", "meanwhile", "while", "when", "after", "before",
      "although", "though", "because", "if", "so", "then", "also", "and", "or", "this",
      "that", "these", "those", "it", "its", "they", "we", "i", "you", "he", "she", "our",
      "their", "there", "here", "in", "on", "at", "for", "with", "from", "by", "of",
      "according", "some", "many", "most", "all", "monday", "tuesday", "wednesday",
      "thursday", "friday", "saturday", "sunday",
  };
  return *s;
}

// Nouns that begin Indonesian news sentences before a verb and are taken
// for names ("Polisi mengatakan"), read off the speakers `warta enrich`
// gave the first 500 IndoSum articles; the English ones from the English
// dev set's text.
const WordSet& CommonNouns() {
  static const auto* s = new WordSet{
      "polisi", "warga", "pihak", "nikah", "masyarakat", "pemerintah", "petugas", "aparat",
      "pasukan", "tentara", "korban", "pelaku", "tersangka", "saksi", "pasien", "dokter",
      "siswa", "mahasiswa", "guru", "pengamat", "sumber", "keluarga", "orang", "rakyat",
      "negara", "kota", "daerah", "desa", "pasar", "harga", "sport", "head", "officials",
      "police", "witnesses", "residents", "sources", "experts", "analysts", "authorities",
      "informasi", "berita", "data", "hasil", "laporan", "kabar",
  };
  return *s;
}

// First words of Indonesian and English organisation names.
const WordSet& OrganisationHeads() {
  static const auto* s = new WordSet{
      "pemprov", "pemkot", "pemkab", "pemda", "pemerintah", "kementerian", "kemenkes",
      "kemendagri", "kemenlu", "kemensos", "kemenhub", "dinas", "badan", "lembaga", "komisi",
      "dewan", "majelis", "polda", "polres", "polsek", "polri", "kejaksaan", "kejati",
      "kejari", "pengadilan", "mahkamah", "partai", "universitas", "institut", "rumah",
      "rsud", "rs", "pt", "cv", "yayasan", "asosiasi", "perhimpunan", "ikatan", "persatuan",
      "gabungan", "himpunan", "kantor", "biro", "direktorat", "satgas", "tim", "kadin",
      "ministry", "department", "agency", "office", "council", "committee", "university",
      "party", "bank", "court", "police", "commission",
  };
  return *s;
}

// Titles beyond the cue lexicon's role words (which also serve phrase
// scanning): abbreviated offices and ranks Indonesian news puts before
// names, and academic and religious honorifics.
const WordSet& ExtraTitles() {
  static const auto* s = new WordSet{
      "menko", "menhub", "menag", "menpora", "mendikbud", "mendag", "menkes", "menkumham",
      "menaker", "menpar", "mensos", "menristekdikti", "menperin", "menkominfo", "menpan",
      "menteri", "wapres", "wagub", "wawali", "wakapolri", "kabareskrim", "kabid",
      "kasubdit", "kanit", "kabag", "kasat", "kapolsek", "kadis", "kadiskes", "dirjen",
      "deputi", "manajer", "manager", "humas", "founder", "co-founder", "ceo", "cto",
      "pendiri", "atase", "kombes", "kompol", "akbp", "irjen", "brigjen", "mayjen",
      "letjen", "laksamana", "marsekal", "ustaz", "ustadz", "kiai", "kyai", "habib",
      "syekh", "haji", "hj", "drs", "dra", "sh", "mh", "msi", "phd", "sppd", "polhukam",
      "pmk", "sir", "lord", "dame", "professor", "pelaksana", "harian", "plt", "plh",
      "lieutenant", "colonel", "sergeant", "captain", "commander", "admiral", "major",
      "general", "gen", "col", "lt", "sgt", "capt", "sen", "rep", "gov", "judge", "justice",
  };
  return *s;
}

bool IsAcronym(std::string_view word) {
  if (word.size() < 2) return false;
  for (char c : word) {
    if (!(c >= 'A' && c <= 'Z')) return false;
  }
  return true;
}

// "CEO", "CFO": titles written like acronyms (which are otherwise names).
bool IsAcronymTitle(std::string_view word) {
  return word == "CEO" || word == "CFO" || word == "CTO" || word == "COO" || word == "PLT" ||
         word == "PLH";
}

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         u >= 0x80 || c == '-';
}

// The words of a one-word name only ("Sandi", not "Sandi Uno" or "AS-Korea").
bool IsOneWord(const std::vector<Piece>& pieces) {
  return pieces.size() == 1 && pieces[0].kind == PieceKind::kWord;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() > prefix.size() && s.substr(0, prefix.size()) == prefix;
}

}  // namespace

bool IsFunctionWord(std::string_view word) {
  return !IsAcronym(word) && FunctionWords().count(AsciiLower(word)) > 0;
}

bool IsTitleWord(std::string_view lower) {
  return IsRoleWord(lower) || ExtraTitles().count(lower) > 0;
}

SpeakerName ClassifySpeakerName(std::string_view words) {
  bool any_title = false;
  bool any_word = false;
  for (const Piece& p : PiecesOf(words)) {
    if (p.kind == PieceKind::kPunct) continue;
    const std::string_view word = words.substr(p.begin, p.end - p.begin);
    any_word = true;
    if (IsFunctionWord(word)) continue;
    if ((!IsAcronym(word) && IsTitleWord(AsciiLower(word))) || IsAcronymTitle(word)) {
      any_title = true;
      continue;
    }
    return SpeakerName::kName;
  }
  if (!any_word) return SpeakerName::kFunctionWords;
  return any_title ? SpeakerName::kBareTitle : SpeakerName::kFunctionWords;
}

bool AppearsInLowerCase(std::string_view text, std::string_view word) {
  if (word.empty() || IsAcronym(word)) return false;
  const std::string lower = AsciiLower(word);
  if (lower == word) return false;
  for (size_t at = text.find(lower); at != std::string_view::npos;
       at = text.find(lower, at + 1)) {
    const size_t end = at + lower.size();
    if ((at == 0 || !IsWordByte(text[at - 1])) && (end == text.size() || !IsWordByte(text[end]))) {
      return true;
    }
  }
  return false;
}

bool LooksLikeOrganisation(std::string_view words) {
  const std::vector<Piece> pieces = PiecesOf(words);
  if (pieces.empty()) return false;
  const std::string_view first = words.substr(pieces[0].begin, pieces[0].end - pieces[0].begin);
  if (pieces.size() == 1 && IsAcronym(first)) return true;
  return OrganisationHeads().count(AsciiLower(first)) > 0;
}

bool CanBePersonSpeaker(std::string_view name, std::string_view text) {
  const std::vector<Piece> pieces = PiecesOf(name);
  for (const Piece& p : pieces) {
    for (int i = p.begin; i < p.end; ++i) {
      if (name[i] >= '0' && name[i] <= '9') return false;
    }
  }
  if (!IsOneWord(pieces)) return true;
  return name.size() >= 2 && !IsCommonNoun(name) && !AppearsInLowerCase(text, name);
}

bool IsCommonNoun(std::string_view word) {
  if (IsAcronym(word)) return false;
  const std::string w = AsciiLower(word);
  if (CommonNouns().count(w) > 0) return true;
  auto starts = [&](std::string_view p) { return w.size() >= 8 && w.rfind(p, 0) == 0; };
  auto ends = [&](std::string_view e) {
    return w.size() > e.size() + 3 && w.compare(w.size() - e.size(), e.size(), e) == 0;
  };
  // pe(N)-/per-/ke- ... -an nouns, borrowed -asi/-isme nouns, -nya forms.
  const bool derived_prefix = starts("pen") || starts("pem") || starts("per") || starts("ke");
  return (derived_prefix && ends("an")) || ends("asi") || ends("isme") || ends("nya") ||
         ends("tion");
}

ShortNameMatch MatchShortName(std::string_view name, const std::vector<Entity>& entities,
                              int self) {
  if (!IsOneWord(PiecesOf(name))) return {};
  ShortNameMatch exact, prefix;
  for (int e = 0; e < static_cast<int>(entities.size()); ++e) {
    const Entity& entity = entities[e];
    if (e == self || entity.type != EntityType::kPerson ||
        ClassifySpeakerName(entity.name) != SpeakerName::kName) {
      continue;
    }
    std::vector<std::string_view> words;
    for (const Piece& p : PiecesOf(entity.name)) {
      if (p.kind == PieceKind::kWord) {
        words.push_back(std::string_view(entity.name).substr(p.begin, p.end - p.begin));
      }
    }
    if (words.size() < 2) continue;
    if (words.front() == name || words.back() == name) {
      exact.entity = e;
      ++exact.matches;
    } else if (name.size() >= 4 && StartsWith(words.front(), name)) {
      prefix.entity = e;
      ++prefix.matches;
    }
  }
  ShortNameMatch best = exact.matches > 0 ? exact : prefix;
  if (best.matches != 1) best.entity = -1;
  return best;
}

}  // namespace warta::enrichment
