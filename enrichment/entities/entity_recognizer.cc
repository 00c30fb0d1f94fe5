#include "enrichment/entities/entity_recognizer.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "common/person_names.h"
#include "enrichment/entities/name_key.h"
#include "enrichment/entities/place_names.h"

namespace warta::enrichment {
namespace {

// Indonesian police and military ranks: role heads ("Irjen Idham Azis"),
// and two capitalised words after one are a person's name, whatever span
// the model put them in (SplitAtRanks).
constexpr std::string_view kIndonesianRanks[] = {
    "irjen", "komjen", "kombes", "akbp", "kompol", "akp", "iptu", "ipda", "aiptu", "aipda",
    "bripka", "briptu", "bripda", "brigjen", "mayjen", "letjen", "letkol", "kolonel",
    "laksamana", "marsekal", "laksma", "marsma"};

// Indonesian titles by their short form: ministers by their ministry's
// ("Menkominfo Rudiantara"), police and army posts ("Kapolda", "Kabid").
// Alone they name nobody: "kata Menpora" was a person "Menpora" in 5
// articles of the news demo, "Mendagri" in 3.
constexpr std::string_view kIndonesianTitleAbbreviations[] = {
    "wapres", "menlu", "menhan", "mendagri", "menkeu", "jubir", "dirut", "wagub", "sekjen",
    "dubes", "kapolri", "kapolda", "kapolres", "menko", "menkopolhukam", "menkominfo",
    "menpora", "mendikbud", "menkumham", "menaker", "menkes", "menag", "mensos", "menpar",
    "mendag", "menperin", "menhub", "mentan", "mendes", "menpupr", "menristekdikti", "menpan",
    "menseskab", "mensesneg", "menlhk", "menkop", "menpppa", "kapolsek", "kapolresta", "kasat",
    "kabid", "kasubdit", "kadiv", "danrem", "dandim", "pangdam", "kasad", "kasal", "kasau",
    "dirjen", "kadis", "kabag", "kajari", "kajati", "kakanwil", "kabareskrim", "kapuspen"};

bool IsTitleAbbreviationOrRank(std::string_view word) {
  static const auto* words = [] {
    auto* set = new absl::flat_hash_set<std::string>(std::begin(kIndonesianTitleAbbreviations),
                                                     std::end(kIndonesianTitleAbbreviations));
    set->insert(std::begin(kIndonesianRanks), std::end(kIndonesianRanks));
    return set;
  }();
  return words->contains(ner::ToLower(word));
}

// Words that begin a title or role ("Menteri", "Juru bicara", "President"),
// the ranks and short titles above among them.
const absl::flat_hash_set<std::string>& RoleHeads() {
  static const auto* words = [] {
    auto* set = new absl::flat_hash_set<std::string>{
      "presiden", "wakil", "wapres", "menteri", "menlu", "menhan", "mendagri", "menkeu", "juru",
      "jubir", "kepala", "ketua", "direktur", "dirut", "gubernur", "wagub", "bupati", "walikota",
      "wali", "jenderal", "panglima", "raja", "ratu", "pangeran", "perdana", "pm", "sekjen",
      "sekretaris", "dubes", "duta", "pemimpin", "komandan", "kapolri", "kapolda", "kapolres",
      "senator", "anggota", "hakim", "jaksa", "ceo", "kanselir", "pejabat", "mantan", "pelatih",
      "kaisar", "paus", "karo",
      "president", "vice", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
      "chairman", "chairwoman", "governor", "prime", "general", "leader", "ambassador",
      "director", "chief", "mayor", "king", "queen", "prince", "deputy", "chancellor", "former",
      "commander", "pope", "foreign",
      // Indonesian ranks without a name run after them.
      "mayor", "kapten"};
    set->insert(std::begin(kIndonesianRanks), std::end(kIndonesianRanks));
    set->insert(std::begin(kIndonesianTitleAbbreviations), std::end(kIndonesianTitleAbbreviations));
    return set;
  }();
  return *words;
}

// Lower-case words that may sit inside a role ("juru bicara", "menteri luar
// negeri").
const absl::flat_hash_set<std::string>& RoleInner() {
  static const auto* words = new absl::flat_hash_set<std::string>{
      "luar", "negeri", "bicara", "besar", "dalam", "umum", "utama", "pertahanan", "keuangan",
      "agung", "tertinggi", "militer", "negara", "eksekutif", "of", "the", "state", "affairs",
      "defence", "defense", "for", "and", "dan", "urusan"};
  return *words;
}

// English honorifics and titles that open a person's name in running text
// but are not part of it ("Miss Chaworth", "Emperor Norton", "Mr. Chief
// Justice"); English documents only, the Indonesian rules are tuned apart.
const absl::flat_hash_set<std::string>& EnglishTitles() {
  static const auto* words = new absl::flat_hash_set<std::string>{
      "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "lord", "lady",
      "emperor", "empress", "justice", "judge", "professor", "prof", "prof.", "gen", "gen.",
      "senator", "sen.", "rep.", "gov.", "col.", "lt.", "sgt.", "capt.", "captain", "major",
      "rev.", "reverend"};
  return *words;
}

// Academic and religious honorifics written before a name in Indonesian
// news ("Prof. Dr. Emil Salim", "Dr. Ir. Sri Adiningsih", "KH Ma'ruf
// Amin", "Hj. Airin"): never part of the name, in any language. A
// period after one is a token of its own or part of it.
bool IsHonorific(std::string_view word) {
  std::string w = ner::ToLower(word);
  if (!w.empty() && w.back() == '.') w.pop_back();
  static const auto* words = new absl::flat_hash_set<std::string>{
      "prof", "dr", "drs", "dra", "ir", "h", "hj", "kh", "k.h", "drg", "dr(h.c)"};
  return words->contains(w);
}

// Religious titles before a person's name ("Habib Rizieq Shihab", "Ustaz
// Abdul Somad", "Kiai Ma'ruf Amin"), outside the name as NERGrit and NERP
// label them. Only before a name: "Habib" also ends some names.
bool IsReligiousTitle(std::string_view word) {
  static const auto* words = new absl::flat_hash_set<std::string>{
      "habib", "ustaz", "ustad", "ustadz", "kiai", "kyai", "syekh", "syaikh"};
  return words->contains(ner::ToLower(word));
}

// The last word of a ministry's title, which the model runs onto the
// minister's name ("Menteri Koordinator Bidang Politik, Hukum, dan
// [Keamanan Wiranto]"): no Indonesian name starts with one.
bool IsMinistryDomain(std::string_view word) {
  static const auto* words = new absl::flat_hash_set<std::string>{
      "keamanan", "hukum", "politik", "perekonomian", "kemaritiman", "kesejahteraan",
      "pembangunan", "pendidikan", "kebudayaan", "kesehatan", "perhubungan", "pariwisata",
      "perdagangan", "perindustrian", "pertanian", "kehutanan", "perikanan", "kelautan",
      "olahraga", "informatika", "ketenagakerjaan", "transmigrasi", "perumahan", "rakyat",
      "sosial", "agama", "desa", "perencanaan", "aparatur", "reformasi", "birokrasi",
      // "Kombes Pol Awi Setiyono": the police's mark after a rank.
      "pol", "pol."};
  const std::string lower = ner::ToLower(word);
  if (words->contains(lower)) return true;
  // A long one missing its last letter ("Keamana Wiranto" in one IndoSum
  // article, which had become his registry name).
  if (lower.size() < 6) return false;
  for (const std::string& w : *words) {
    if (w.size() == lower.size() + 1 && absl::StartsWith(w, lower)) return true;
  }
  return false;
}

bool IsDayName(std::string_view word) {
  static const auto* words = new absl::flat_hash_set<std::string>{
      "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu"};
  return words->contains(ner::ToLower(word));
}

bool IsRank(std::string_view word) {
  const std::string lower = ner::ToLower(word);
  return std::find(std::begin(kIndonesianRanks), std::end(kIndonesianRanks), lower) !=
         std::end(kIndonesianRanks);
}

bool IsCapitalised(std::string_view word);

// "[Metro Jaya Irjen Idham Azis]ORG": the organisation ends before the
// rank, the person starts after it.
std::vector<ner::TaggedSpan> SplitAtRanks(const std::vector<std::string_view>& words,
                                          std::vector<ner::TaggedSpan> spans) {
  std::vector<ner::TaggedSpan> out;
  for (const ner::TaggedSpan& sp : spans) {
    int rank = -1;
    if (sp.type != 0) {
      for (int i = sp.begin; i + 2 < sp.end && rank < 0; ++i) {
        if (IsRank(words[i]) && IsCapitalised(words[i + 1]) && IsCapitalised(words[i + 2])) {
          rank = i;
        }
      }
    }
    if (rank < 0) {
      out.push_back(sp);
      continue;
    }
    if (rank > sp.begin) out.push_back({sp.begin, rank, sp.type});
    out.push_back({rank + 1, sp.end, 0});
  }
  return out;
}

bool IsCapitalised(std::string_view word) {
  const ner::CaseClass c = ner::ClassifyCase(word);
  return c == ner::CaseClass::kInitialUpper || c == ner::CaseClass::kAllUpper ||
         c == ner::CaseClass::kMixed;
}

bool OnlyRoleWords(const std::vector<std::string_view>& words, const ner::TaggedSpan& sp) {
  for (int i = sp.begin; i < sp.end; ++i) {
    std::string w = ner::ToLower(words[i]);
    if (w.size() > 2 && (absl::EndsWith(w, "'s") || absl::EndsWith(w, "s'"))) w.resize(w.size() - (w.back() == 's' ? 2 : 1));
    if (!RoleHeads().contains(w) && !RoleInner().contains(w) && !EnglishTitles().contains(w)) return false;
  }
  return true;
}

EntityType ToEntityType(int ner_type) {
  switch (ner_type) {
    case 0: return EntityType::kPerson;
    case 1: return EntityType::kOrganization;
    default: return EntityType::kLocation;
  }
}

// Bytes of an English possessive ending a word ("Russia's", "Reuters'"):
// the segmenter keeps it in the token, the name does not have it.
int PossessiveSize(std::string_view word) {
  for (std::string_view end : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
    if (word.size() > end.size() + 1 && word.substr(word.size() - end.size()) == end) {
      if (end.back() != 's' && word[word.size() - end.size() - 1] != 's') continue;  // only "Reuters'"
      return static_cast<int>(end.size());
    }
  }
  return 0;
}

// English nouns for a kind of institution: alone and capitalised they
// still name no particular one ("the Court's opinion").
bool IsEnglishInstitutionNoun(std::string_view word) {
  static const auto* nouns = new absl::flat_hash_set<std::string>{
      "court", "college", "university", "school", "academy", "army", "navy", "church",
      "library", "museum", "hospital", "department", "ministry", "government", "state"};
  std::string w = ner::ToLower(word);
  w.resize(w.size() - PossessiveSize(w));
  return nouns->contains(w);
}

// The type an English name's own words give it, whatever the model said:
// "Collins College", "the San Francisco Bulletin" are organisations by
// their last word, "Municipality of Culion" a place by its first.
int EnglishTypeByHead(const std::vector<std::string_view>& words, const ner::TaggedSpan& sp) {
  static const auto* org_heads = new absl::flat_hash_set<std::string>{
      "college", "university", "school", "academy", "institute", "bulletin", "times", "journal",
      "gazette", "herald", "tribune", "party", "council", "committee", "commission", "ministry",
      "department", "agency", "corporation", "company", "inc.", "ltd.", "club", "association",
      "foundation", "society", "army", "navy"};
  static const auto* place_heads = new absl::flat_hash_set<std::string>{
      "municipality", "province", "county", "district", "city", "town", "island", "republic"};
  if (sp.end - sp.begin < 2) return sp.type;
  std::string last = ner::ToLower(words[sp.end - 1]);
  last.resize(last.size() - PossessiveSize(last));
  if (org_heads->contains(last)) return 1;
  if (sp.end - sp.begin >= 3 && place_heads->contains(ner::ToLower(words[sp.begin])) &&
      ner::ToLower(words[sp.begin + 1]) == "of") {
    return 2;
  }
  return sp.type;
}

// English spans the model ran together: a possessive inside a span ends a
// name ("[Russia's Kursk]" -> "Russia's", "Kursk"), and the words after a
// role inside a span are the person holding it ("[U.S. Secretary of State
// Antony Blinken]ORG" -> PERSON "Antony Blinken"; the role is found again
// before the person). A role is a role head and the role words after it,
// two words at least or not opening the span: "General Motors" stays.
std::vector<ner::TaggedSpan> SplitEnglishSpans(const std::vector<std::string_view>& words,
                                               const std::vector<ner::TaggedSpan>& spans) {
  std::vector<ner::TaggedSpan> out;
  for (ner::TaggedSpan sp : spans) {
    for (int i = sp.begin; i + 1 < sp.end; ++i) {
      if (PossessiveSize(words[i]) == 0) continue;
      out.push_back({sp.begin, i + 1, sp.type});
      sp.begin = i + 1;
    }
    int person_from = -1;
    for (int i = sp.begin; i < sp.end; ++i) {
      if (!RoleHeads().contains(ner::ToLower(words[i]))) continue;
      int end = i + 1;
      while (end < sp.end && (RoleHeads().contains(ner::ToLower(words[end])) ||
                              RoleInner().contains(ner::ToLower(words[end])))) {
        ++end;
      }
      if (end < sp.end && (end - i >= 2 || i > sp.begin)) person_from = end;
      i = end - 1;
    }
    if (person_from >= 0) sp = {person_from, sp.end, 0};
    sp.type = EnglishTypeByHead(words, sp);
    out.push_back(sp);
  }
  return out;
}

// Collapses runs of whitespace (names may span a line break).
std::string CleanSurface(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// The run of title words before tokens[begin] that starts with a role head,
// as text; empty when there is none. `blocked` marks tokens of other
// person names, which a role never crosses.
std::string FindRole(const Document& doc, const std::vector<Token>& tokens,
                     const std::vector<std::string_view>& words, int sentence_first, int begin,
                     const std::vector<bool>& blocked) {
  int head = -1;
  int last = begin - 1;
  if (last >= sentence_first && words[last - sentence_first] == ",") --last;  // "Menlu X, Choe"
  for (int i = last; i >= sentence_first && last - i < 10; --i) {
    if (blocked[i - sentence_first]) break;
    const std::string_view w = words[i - sentence_first];
    const std::string lower = ner::ToLower(w);
    if (RoleHeads().contains(lower)) {
      head = i;
    } else if (!RoleInner().contains(lower) && !IsCapitalised(w)) {
      break;
    }
  }
  if (head < 0) return "";
  return CleanSurface(doc.Text({tokens[head].span.begin, tokens[last].span.end}));
}

// Is `shorter` a short form of the name `longer`: one of its words, its
// first words ("Basuki Tjahaja" of "Basuki Tjahaja Purnama"), or its
// surname with particles ("De Bruyne")? Several
// words at its end are rather another person inside a longer name ("Joko
// Widodo" in his wife's "Iriana Joko Widodo"), and a generational suffix
// makes the son ("Donald Trump Jr").
bool IsShortFormOf(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
  if (shorter.empty() || shorter.size() >= longer.size()) return false;
  if (shorter.size() == 1) return std::find(longer.begin(), longer.end(), shorter[0]) != longer.end();
  // "De Bruyne" of "Kevin De Bruyne": a surname with its particles ends the name.
  if (IsSurnameWithParticles(shorter) && std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin())) {
    return true;
  }
  return std::equal(shorter.begin(), shorter.end(), longer.begin()) &&
         !IsGenerationSuffix(longer.back());
}

// The index of the first token starting at or after `offset`, or -1.
// Tokens are in text order.
int FirstTokenFrom(const Document& doc, int offset) {
  auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), offset,
                             [](const Token& t, int off) { return t.span.begin < off; });
  return it != doc.tokens.end() ? static_cast<int>(it - doc.tokens.begin()) : -1;
}

// The index of the token that starts at `offset`, or -1.
int TokenStartingAt(const Document& doc, int offset) {
  const int t = FirstTokenFrom(doc, offset);
  return t >= 0 && doc.tokens[t].span.begin == offset ? t : -1;
}

// A line-up's shirt number joined to the name ("21-Paulo Dybala", "6-Sami
// Khedira"): the bytes before the name, else 0. Those were people of
// their own in the news demo.
int NumberPrefixSize(std::string_view word) {
  size_t digits = 0;
  while (digits < word.size() && absl::ascii_isdigit(static_cast<unsigned char>(word[digits]))) ++digits;
  if (digits == 0 || digits + 1 >= word.size() || word[digits] != '-') return 0;
  const unsigned char first = word[digits + 1];
  return absl::ascii_isupper(first) || first >= 0x80 ? static_cast<int>(digits + 1) : 0;
}

// A company's legal form standing apart from its name ("PT Bank Rakyat
// Indonesia (Persero) Tbk", "PT Jasa Marga, Tbk,"): no entity of its own.
// "Tbk" had been a person in 5 articles of the news demo.
bool IsLegalForm(std::string_view word) {
  static const auto* forms =
      new absl::flat_hash_set<std::string>{"pt", "cv", "tbk", "persero", "ltd", "inc", "plc"};
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  return forms->contains(ner::ToLower(word));
}

// An acronym the news writes for a kind of thing, not for one
// organisation or place: "PNS" (civil servants), "PDB" (GDP), "SUV", "USB".
// Written in capitals, the model takes them for organisations: in the news
// demo "PC" was one in 33 articles, "VR" in 16, "PNS" in 15, "USB" in 10,
// and the registry's acronym list was mostly such words. Case-exact, and
// only as a name alone: "UU ITE" or "PN Jakarta Selatan" stay as tagged.
// Roles that speak ("JPU", the prosecutor) are not here: a speaker must
// stay an entity.
bool IsCommonAcronym(std::string_view word) {
  static const auto* acronyms = new absl::flat_hash_set<std::string_view>{
      // Indonesian: people, documents, money, places of a kind.
      "PNS", "ASN", "WNI", "WNA", "TKI", "TKW", "PKL", "UKM", "UMKM", "PDB", "PPN", "PPh", "THR",
      "NPWP", "NIK", "KTP", "KK", "SIM", "STNK", "BPKB", "KPR", "PHK", "KDRT", "BAP", "TKP", "DPO",
      "OTT", "SOP", "AMDAL", "EBT", "BBM", "MCK", "GOR", "CFD", "PR", "SD", "SMP", "SMA",
      "SMK", "KTT", "UUD", "PP", "KUHP", "KUHAP", "ITE", "RSUD", "LRT", "MRT", "KRL",
      // English, mostly technology.
      "PC", "AI", "VR", "USB", "SSD", "HDD", "CPU", "GPU", "RAM", "GPS", "NFC", "HDMI", "LAN",
      "API", "GIF", "DSLR", "LED", "LCD", "OLED", "CCTV", "CGI", "SUV", "MPV", "DNA", "HIV",
      "AIDS", "IPO", "VIP", "FMCG", "B2B", "B2C", "C2C", "SMS", "ATM", "CEO", "CFO", "CTO"};
  return acronyms->contains(word);
}

// Offices and units the news writes in mixed case before an official's
// name ("Dirjen Dukcapil Irman", "Kabid Humas Polda Metro Jaya Argo
// Yuwono"): never a name. "Dukcapil Irman" had been a person in 13
// articles of the news demo.
bool IsOfficeShortName(std::string_view word) {
  static const auto* words = new absl::flat_hash_set<std::string_view>{
      "Kominfo", "Kemdagri", "Kemlu", "Kemkominfo", "Kemkes", "Kemkeu", "Dukcapil", "Humas",
      "Bareskrim", "Reskrim", "Ditjen", "Kanwil", "Lapas", "Rutan", "Pemkot", "Pemkab", "Pemprov",
      "Setda", "Bappeda", "Disdik", "Dinkes", "Kejati", "Kejari", "Kejagung", "Polda", "Polres",
      "Polsek", "Polresta", "Ditreskrimum", "Ditreskrimsus", "Ditlantas", "Satreskrim",
      "Satlantas"};
  return words->contains(word);
}

// 2 to 6 ASCII capitals: an acronym as the news writes one.
bool IsAllCapitals(std::string_view word) {
  return word.size() >= 2 && word.size() <= 6 &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Whether the words before offset `paren` (an opening bracket) spell
// `acronym` out as a kind of thing: "augmented reality (AR)", "pegawai
// negeri sipil (PNS)", "usaha mikro, kecil dan menengah (UMKM)". Each
// letter, last to first, is the initial of a word (function words and
// commas between are skipped), and the first of those words is written in
// lower case. "Komisi Pemberantasan Korupsi (KPK)" names one organisation.
bool LowerCaseExpansionOf(const Document& doc, int paren, std::string_view acronym) {
  static const auto* skipped = new absl::flat_hash_set<std::string_view>{
      "dan", "serta", "atau", "yang", "di", "ke", "dari", "untuk", "pada", "and", "of", "for", "the",
      "in", "on", "&", ","};
  const int most_words = static_cast<int>(acronym.size()) + 4;
  int letter = static_cast<int>(acronym.size()) - 1;
  bool lower_first = false;
  // The last token before the bracket, then back.
  const int from = FirstTokenFrom(doc, paren);
  int t = (from < 0 ? static_cast<int>(doc.tokens.size()) : from) - 1;
  for (int examined = 0; t >= 0 && letter >= 0 && examined < most_words; --t, ++examined) {
    const std::string_view word = doc.Text(doc.tokens[t].span);
    const unsigned char initial = word.empty() ? 0 : static_cast<unsigned char>(word[0]);
    if (absl::ascii_isalpha(initial) && absl::ascii_toupper(initial) == acronym[letter]) {
      lower_first = absl::ascii_islower(initial);
      --letter;
    } else if (!skipped->contains(word)) {
      return false;
    }
  }
  return letter < 0 && lower_first;
}

// Whether words[i] starts the sentence: only punctuation before it (an
// opening quote, a dash).
bool FirstWord(const std::vector<std::string_view>& words, int i) {
  for (int k = 0; k < i; ++k) {
    if (std::any_of(words[k].begin(), words[k].end(), [](unsigned char c) { return absl::ascii_isalnum(c) || c >= 0x80; })) {
      return false;
    }
  }
  return true;
}

}  // namespace

struct EntityRecognizer::RawMention {
  Span span;
  int type = 0;  // ner type
  std::string surface;
  std::vector<std::string> tokens;  // NameTokens(surface)
  std::string role;
  // English context (MarkEnglishCues): "in X" says place, "X said" person.
  bool place_cue = false;
  bool person_cue = false;
};

// The mentions that are one entity.
struct EntityRecognizer::MentionGroup {
  std::vector<int> mentions;  // indices into the RawMention list
  int alias = -1;             // BuiltinAliasGroups() index
  const KbEntry* kb = nullptr;
  std::array<int, ner::kNumTypes> votes{};
  int type = 0;
  std::vector<std::string> tokens;  // of the longest name
  // The longest name is two names joined by a hyphen ("Anies-Sandi", an
  // election ticket): the full name of neither, so no short form joins it.
  bool ticket = false;
  int merged_into = -1;
  // Names the article introduced it by (JoinBracketedNames), as written.
  std::vector<std::string> nicknames;

  // Joins this group into `into`, which is groups[index] and not merged
  // itself: its mentions and nicknames go there.
  void MergeInto(int index, MentionGroup& into) {
    merged_into = index;
    into.mentions.insert(into.mentions.end(), mentions.begin(), mentions.end());
    for (std::string& n : nicknames) into.nicknames.push_back(std::move(n));
    nicknames.clear();
  }
};

absl::StatusOr<std::unique_ptr<EntityRecognizer>> EntityRecognizer::Create(
    const EntityOptions& options) {
  if (options.model.empty()) {
    return absl::InvalidArgumentError("EntityOptions::model is empty; load models/ner/ner.model");
  }
  auto model = ner::NerModel::Create(options.model);
  if (!model.ok()) return model.status();
  std::unique_ptr<EntityRecognizer> r(new EntityRecognizer());
  r->model_ = *std::move(model);
  if (!options.knowledge_base.empty()) {
    auto kb = KnowledgeBase::Parse(options.knowledge_base);
    if (!kb.ok()) return kb.status();
    r->kb_ = *std::move(kb);
    r->has_kb_ = true;
  }
  r->builtin_aliases_ = options.builtin_aliases;
  return r;
}

std::vector<std::string> EntityRecognizer::TagTokens(const std::vector<std::string>& tokens,
                                                     std::string_view language) const {
  const std::vector<std::string_view> words(tokens.begin(), tokens.end());
  std::vector<std::string> out;
  for (int tag : model_->Tag(words, VariantFor(language))) out.push_back(ner::TagName(tag));
  return out;
}

std::string_view EntityRecognizer::VariantFor(std::string_view language) const {
  constexpr std::string_view kEnglish = "en";
  const bool english = language.substr(0, 2) == kEnglish && (language.size() == 2 || language[2] == '-');
  return english && model_->FindVariant(kEnglish) >= 0 ? kEnglish : std::string_view();
}

absl::Status EntityRecognizer::Process(Document& doc) const {
  doc.entities.clear();
  const int text_size = static_cast<int>(doc.text.size());
  for (const Token& t : doc.tokens) {
    if (t.span.begin < 0 || t.span.end > text_size || t.span.begin > t.span.end) {
      return absl::InvalidArgumentError("a token span lies outside Document::text");
    }
  }
  std::vector<RawMention> mentions;
  const std::string_view variant = VariantFor(doc.language.code);
  for (const Sentence& s : doc.sentences) {
    if (s.first_token < 0 || s.end_token > static_cast<int>(doc.tokens.size()) ||
        s.first_token >= s.end_token) {
      continue;
    }
    TagSentence(doc, doc.tokens, s, variant, mentions);
  }
  if (!variant.empty()) {
    DropCommonWordNames(doc, mentions);
    AddRepeatedNames(doc, mentions);
    MarkEnglishCues(doc, mentions);
  } else {
    MarkNewsSources(doc, mentions);
  }
  DropKindAcronyms(doc, mentions);
  SplitGluedOrganisations(doc, mentions);
  std::vector<MentionGroup> groups = GroupMentions(mentions);
  JoinBracketedNames(doc, mentions, groups);
  JoinShortForms(groups);
  JoinTeamNicknames(mentions, groups);
  JoinOrganisationShortForms(mentions, groups);
  doc.entities = MakeEntities(doc, mentions, groups);
  return absl::OkStatus();
}

// 1. Tags one sentence and strips titles off person names into roles.
void EntityRecognizer::TagSentence(const Document& doc, const std::vector<Token>& tokens,
                                   const Sentence& s, std::string_view variant,
                                   std::vector<RawMention>& mentions) const {
  std::vector<std::string_view> words;
  for (int t = s.first_token; t < s.end_token; ++t) words.push_back(doc.Text(tokens[t].span));
  // Names are capitalised: in a sentence that has case, lower-case words
  // at the edges of a span are the model's mistakes.
  const bool cased = ner::SentenceHasCase(words);
  // The rules written for English titles (a role word inside a role, a
  // role ending an organisation span) apply to English documents only;
  // Indonesian roles keep the rules they were tuned with.
  const bool english = !variant.empty();
  std::vector<ner::TaggedSpan> tagged = model_->TagSpans(words, variant);
  if (english) tagged = SplitEnglishSpans(words, tagged);
  std::vector<ner::TaggedSpan> spans = DropRoleSpans(words, english, TrimSpans(words, cased, english, std::move(tagged)));
  if (english && cased) ExtendEnglishFirstNames(words, spans);
  if (cased) AddKnownNames(doc, tokens, s, words, english, spans);
  std::vector<bool> blocked(words.size(), false);
  for (const ner::TaggedSpan& sp : spans) {
    if (sp.type != 0) continue;
    for (int i = sp.begin; i < sp.end; ++i) blocked[i] = true;
  }
  for (const ner::TaggedSpan& sp : spans) {
    if (sp.end - sp.begin == 1 && (IsLegalForm(words[sp.begin]) || IsCommonAcronym(words[sp.begin]))) {
      continue;
    }
    RawMention m;
    m.type = sp.type;
    m.span = {tokens[s.first_token + sp.begin].span.begin + NumberPrefixSize(words[sp.begin]),
              tokens[s.first_token + sp.end - 1].span.end - PossessiveSize(words[sp.end - 1])};
    // "[kota Bandung]": the mention covers the place-kind word (Warta's
    // convention), the name does not, so it is the same place, and the
    // same id, as "Bandung" (as before the word was kept in the span). A
    // street or building keeps its noun: "jalan Ridwan Rais" is not the
    // person Ridwan Rais.
    const bool kind_word = sp.type == 2 && sp.end - sp.begin > 1 &&
                           ner::ClassifyCase(words[sp.begin]) == ner::CaseClass::kLower &&
                           IsPlaceKindWord(ner::ToLower(words[sp.begin]));
    m.surface = CleanSurface(doc.Text(
        {kind_word ? tokens[s.first_token + sp.begin + 1].span.begin : m.span.begin, m.span.end}));
    m.tokens = NameTokens(m.surface);
    if (m.tokens.empty()) continue;
    if (sp.type == 0) {
      m.role = FindRole(doc, tokens, words, s.first_token, s.first_token + sp.begin, blocked);
    }
    mentions.push_back(std::move(m));
  }
}

// Whether the lexicon does not know `lower` as a word the news mostly
// writes in lower case (cap_bucket 1, 2: capitalised in under 30% of it);
// unknown words count as names.
bool EntityRecognizer::NotMostlyLowerCase(const std::string& lower) const {
  const int lex = model_->resources().Find(lower);
  const int bucket = lex < 0 ? 0 : model_->resources().entries()[lex].cap_bucket;
  return bucket == 0 || bucket >= 3;
}

// English: a one-word person whose capitalised neighbour before it the
// model left out gets it back as the first name ("Theresa [May] said",
// "Prime Minister Theresa [May]": "Theresa" is in neither GUM nor
// WikiGold). Not a title, a day or month, a known place, a word the news
// mostly writes in lower case, or a word of another name.
void EntityRecognizer::ExtendEnglishFirstNames(const std::vector<std::string_view>& words,
                                               std::vector<ner::TaggedSpan>& spans) const {
  static const auto* calendar = new absl::flat_hash_set<std::string>{
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december"};
  std::vector<bool> taken(words.size() + 1, false);
  for (const ner::TaggedSpan& sp : spans) {
    for (int i = sp.begin; i < sp.end; ++i) taken[i] = true;
  }
  for (ner::TaggedSpan& sp : spans) {
    if (sp.type != 0 || sp.end - sp.begin != 1 || sp.begin == 0 || taken[sp.begin - 1]) continue;
    const std::string_view w = words[sp.begin - 1];
    if (ner::ClassifyCase(w) != ner::CaseClass::kInitialUpper || w.size() < 2 ||
        !std::all_of(w.begin(), w.end(), [](char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)); })) {
      continue;
    }
    const std::string lower = ner::ToLower(w);
    if (RoleHeads().contains(lower) || RoleInner().contains(lower) || EnglishTitles().contains(lower) ||
        IsHonorific(w) || IsEnglishInstitutionNoun(w) || calendar->contains(lower) ||
        AliasGroupOf(w) >= 0) {
      continue;
    }
    if (!NotMostlyLowerCase(lower)) continue;
    taken[--sp.begin] = true;
  }
}

// Lower-case words at the edges of a span ("aula Kremlin", "Rusia timur"),
// a headline verb glued to a name ("Permalukan Putin", a word news almost
// never capitalises), and a title or known place the model left inside a
// person's name ("Presiden Putin", "Kremlin Dmitry Peskov", "[Secretary of]
// State Antony Blinken") are cut off.
std::vector<ner::TaggedSpan> EntityRecognizer::TrimSpans(const std::vector<std::string_view>& words,
                                                         bool cased, bool english,
                                                         std::vector<ner::TaggedSpan> spans) const {
  if (!english) spans = SplitAtRanks(words, std::move(spans));
  auto lower_word = [&](int i) {
    if (ner::ClassifyCase(words[i]) == ner::CaseClass::kLower) return true;
    const int lex = model_->resources().Find(ner::ToLower(words[i]));
    return lex >= 0 && model_->resources().entries()[lex].cap_bucket == 1;
  };
  // A country, province or body, not a city: cities also name people
  // ("[Aden Hashi Ayro]", the Somali militia leader, is no place "Aden").
  auto is_place = [&](int i) {
    const int group = AliasGroupOf(words[i]);
    return group >= 0 && BuiltinAliasGroups()[group].code.find('/') == std::string::npos;
  };
  // The place-kind word opens the place's name ("[kota Bandung]", "[desa
  // Kutuk]"), Warta's convention (README), so it is no stray lower-case word.
  auto place_kind = [&](const ner::TaggedSpan& sp) {
    return sp.type == 2 && sp.end - sp.begin > 1 && IsGenericPlaceNoun(ner::ToLower(words[sp.begin]));
  };
  // A capitalised word that news mostly writes in lower case is a headline
  // verb ("Permalukan Putin") at a sentence start or after capitals; after
  // a lower-case word it is capitalised on purpose ("di seberang Dataran
  // Tinggi Golan", "pegunungan Kapur Utara").
  auto stray_first_word = [&](int i) {
    if (ner::ClassifyCase(words[i]) == ner::CaseClass::kLower) return true;
    return lower_word(i) && (i == 0 || ner::ClassifyCase(words[i - 1]) != ner::CaseClass::kLower);
  };
  std::vector<ner::TaggedSpan> kept;
  for (ner::TaggedSpan sp : spans) {
    if (cased && !place_kind(sp)) {
      while (sp.begin < sp.end && stray_first_word(sp.begin)) ++sp.begin;
      while (sp.begin < sp.end && ner::ClassifyCase(words[sp.end - 1]) == ner::CaseClass::kLower) --sp.end;
      if (sp.begin == sp.end) continue;
    }
    // "The United States", "the Kremlin": the article is no part of a known name.
    if (sp.end - sp.begin > 1 && ner::ToLower(words[sp.begin]) == "the") {
      std::string rest;
      for (int i = sp.begin + 1; i < sp.end; ++i) rest.append(words[i]).append(" ");
      if (AliasGroupOf(rest) >= 0) ++sp.begin;
    }
    // "Prof. Dr. Emil Salim": honorifics open a person's name, and the
    // model runs them onto the end of what comes before ("Universitas
    // Indonesia Prof. Dr.").
    auto honorific_or_period = [&](int i) { return IsHonorific(words[i]) || words[i] == "."; };
    if (sp.type == 0) {
      while (sp.end - sp.begin > 1 &&
             (honorific_or_period(sp.begin) || IsReligiousTitle(words[sp.begin]))) {
        ++sp.begin;
      }
    }
    while (sp.end - sp.begin > 1 && honorific_or_period(sp.end - 1)) --sp.end;
    // "[Wiranto Selasa] (24/10)": the day of a dated report is no part of
    // a name. Nor of a person's or organisation's when no date follows
    // ("[Amanda Vanstone Selasa] dicoret", "[Financial Times Senin]": no
    // such entity of the training sets ends in a day); a place may
    // ("Pasar Minggu").
    auto date_after = [&](int end) {
      return end + 1 < static_cast<int>(words.size()) && words[end] == "(" && !words[end + 1].empty() &&
             absl::ascii_isdigit(static_cast<unsigned char>(words[end + 1][0]));
    };
    while (!english && sp.end - sp.begin > 1 && IsDayName(words[sp.end - 1]) &&
           (sp.type != 2 || date_after(sp.end))) {
      --sp.end;
    }
    // "[Humas Polri Kombes]ORG Pol Awi Setiyono": the rank opens the name after.
    while (!english && sp.type != 0 && sp.end - sp.begin > 1 && IsRank(words[sp.end - 1])) --sp.end;
    if (sp.end - sp.begin == 1 && honorific_or_period(sp.begin)) continue;
    if (sp.type == 0 && sp.end - sp.begin == 1 && IsTitleAbbreviationOrRank(words[sp.begin])) continue;
    // "Taman bermain Disneyland": a kind of place alone names none; in
    // English neither does a kind of institution ("the Court", "the
    // College").
    if (sp.type != 0 && sp.end - sp.begin == 1 &&
        (IsGenericPlaceNoun(ner::ToLower(words[sp.begin])) ||
         (english && IsEnglishInstitutionNoun(words[sp.begin])))) {
      continue;
    }
    if (sp.type == 0) {
      // A role word inside a role ("State" after "Secretary of") only
      // when the word before it belongs to the role too: "Dan Brown" keeps
      // "Dan".
      auto inside_role = [&](int i) {
        return english && i > 0 && RoleInner().contains(ner::ToLower(words[i])) &&
               (RoleHeads().contains(ner::ToLower(words[i - 1])) ||
                RoleInner().contains(ner::ToLower(words[i - 1])));
      };
      // "[Kemendagri Irman]", "[Kominfo Rudiantara]", "[BPBD Budi Santoso]":
      // the office before a name is no part of it (the registry had
      // "Kemendagri Irman" beside "Irman"). A capitalised run ("TB
      // Hasanuddin", two letters) or a headline in capitals stays.
      auto office = [&](int i) {
        const std::string_view w = words[i];
        const bool acronym = w.size() >= 3 && IsAllCapitals(w) &&
                             i + 1 < static_cast<int>(words.size()) && !IsAllCapitals(words[i + 1]);
        return !english && (acronym || w.substr(0, 5) == "Kemen" || IsOfficeShortName(w));
      };
      while (sp.end - sp.begin > 1 && (RoleHeads().contains(ner::ToLower(words[sp.begin])) ||
                                       inside_role(sp.begin) ||
                                       (english && EnglishTitles().contains(ner::ToLower(words[sp.begin]))) ||
                                       (!english && IsMinistryDomain(words[sp.begin])) ||
                                       office(sp.begin) ||
                                       (sp.end - sp.begin > 2 && is_place(sp.begin)))) {
        ++sp.begin;
      }
      // The office's unit before it goes too: "[Dukcapil Kemendagri Irman]".
      for (int i = sp.end - 2; i > sp.begin; --i) {
        if (office(i)) {
          sp.begin = i + 1;
          break;
        }
      }
    }
    // English: a title alone names nobody ("the Secretary", "Emperor of
    // these United States"): a span made only of role words is dropped.
    if (english && OnlyRoleWords(words, sp)) continue;
    kept.push_back(sp);
  }
  return kept;
}

// An organisation or place that opens with a title word right before a
// person is that person's role ("Menteri Luar Negeri Rusia Sergei
// Lavrov"), not an entity of its own; one with a title word further in
// ends in a role, and the words after it belong to the person.
std::vector<ner::TaggedSpan> EntityRecognizer::DropRoleSpans(const std::vector<std::string_view>& words,
                                                             bool english,
                                                             const std::vector<ner::TaggedSpan>& kept) {
  std::vector<ner::TaggedSpan> spans;
  std::vector<ner::TaggedSpan> in = kept;
  for (size_t k = 0; k < in.size(); ++k) {
    const std::string first = ner::ToLower(words[in[k].begin]);
    const bool before_person = in[k].type != 0 && k + 1 < in.size() && in[k + 1].type == 0 &&
                               in[k + 1].begin == in[k].end;
    if (before_person && (RoleHeads().contains(first) || RoleInner().contains(first))) continue;
    // "[U.S. Secretary of State Antony]ORG [Blinken]PER": the words after
    // the span's last role word start the person's name.
    if (before_person && english) {
      int last_role = -1;
      for (int i = in[k].begin; i < in[k].end; ++i) {
        const std::string w = ner::ToLower(words[i]);
        if (RoleHeads().contains(w) || (last_role >= 0 && RoleInner().contains(w))) last_role = i;
      }
      if (last_role >= 0) {
        in[k + 1].begin = last_role + 1;
        continue;
      }
    }
    spans.push_back(in[k]);
  }
  return spans;
}

// Well-known places and organisations (place_names.h) the model missed:
// capitalised runs of up to four words that are exactly one of them. An
// Indonesian sentence's first word is capitalised by its place, so a
// one-word name there that the news mostly writes in lower case is the
// word: "Lima orang tewas" is five people, not Peru's capital (a place in
// 33 articles of the news demo), as "Serang" (attack) and "Baku" (standard).
void EntityRecognizer::AddKnownNames(const Document& doc, const std::vector<Token>& tokens,
                                     const Sentence& s, const std::vector<std::string_view>& words,
                                     bool english, std::vector<ner::TaggedSpan>& spans) const {
  std::vector<bool> covered(words.size(), false);
  for (const ner::TaggedSpan& sp : spans) {
    for (int i = sp.begin; i < sp.end; ++i) covered[i] = true;
  }
  const int n = static_cast<int>(words.size());
  for (int i = 0; i < n; ++i) {
    for (int len = std::min(4, n - i); len >= 1; --len) {
      bool ok = true;
      for (int k = i; k < i + len && ok; ++k) ok = !covered[k] && IsCapitalised(words[k]);
      if (!ok) continue;
      const Span text{tokens[s.first_token + i].span.begin, tokens[s.first_token + i + len - 1].span.end};
      const int alias = AliasGroupOf(doc.Text(text));
      if (alias < 0) continue;
      // "Barat" alone is the West; in "Jawa Barat" it is part of a place.
      auto capitalised_free = [&](int k) { return k >= 0 && k < n && !covered[k] && IsCapitalised(words[k]); };
      if (len == 1 && NamesOnlyAlone(words[i]) && (capitalised_free(i - 1) || capitalised_free(i + 1))) {
        continue;
      }
      if (len == 1 && !english && FirstWord(words, i) && !NamesOnlyAlone(words[i]) &&
          !NotMostlyLowerCase(ner::ToLower(words[i]))) {
        continue;
      }
      spans.push_back({i, i + len, BuiltinAliasGroups()[alias].type});
      i += len - 1;
      break;
    }
  }
  std::sort(spans.begin(), spans.end(),
            [](const ner::TaggedSpan& a, const ner::TaggedSpan& b) { return a.begin < b.begin; });
}

// 1a. English: a one-word name the document also writes in lower case is
// a common noun capitalised by its place ("Iodine deficiency can lead
// to ..." in an article about dietary iodine); "I" is the pronoun or a
// regnal numeral ("Norton I"), never a person of its own; and a storm
// ("Cyclone Phailin", "Phailin") names none of the three types. Only
// title-case words that are in none of the document's longer names count as
// common: "US" and "WHO" stay whatever "us" and "who" do, and "Brown"
// after "Gordon Brown" whatever "brown" does.
void EntityRecognizer::DropCommonWordNames(const Document& doc, std::vector<RawMention>& mentions) {
  absl::flat_hash_set<std::string_view> lower_words;
  for (const Token& t : doc.tokens) {
    const std::string_view w = doc.Text(t.span);
    if (ner::ClassifyCase(w) == ner::CaseClass::kLower) lower_words.insert(w);
  }
  // Words of the document's longer names stay names alone: "Brown said"
  // after "Gordon Brown", whatever "brown" does.
  absl::flat_hash_set<std::string> name_words;
  for (const RawMention& m : mentions) {
    if (m.surface.find(' ') == std::string::npos) continue;
    for (absl::string_view w : absl::StrSplit(m.surface, ' ', absl::SkipEmpty())) name_words.emplace(w);
  }
  // A named storm is no person, nor is its name alone or in another form
  // ("Cyclone Phailin", then "Phailin's winds", "T C Phailin").
  absl::flat_hash_set<std::string> storms;
  for (size_t t = 0; t + 1 < doc.tokens.size(); ++t) {
    const std::string kind = ner::ToLower(doc.Text(doc.tokens[t].span));
    if (kind != "cyclone" && kind != "hurricane" && kind != "typhoon") continue;
    const std::string_view name = doc.Text(doc.tokens[t + 1].span);
    if (IsCapitalised(name)) storms.emplace(name.substr(0, name.size() - PossessiveSize(name)));
  }
  const auto storm = [&](const std::string& surface) {
    const size_t space = surface.rfind(' ');
    return storms.contains(space == std::string::npos ? surface : surface.substr(space + 1));
  };
  const auto common = [&](const RawMention& m) {
    if (m.surface == "I" || storm(m.surface)) return true;
    if (m.surface.find(' ') != std::string::npos || name_words.contains(m.surface)) return false;
    return ner::ClassifyCase(m.surface) == ner::CaseClass::kInitialUpper &&
           lower_words.contains(ner::ToLower(m.surface));
  };
  mentions.erase(std::remove_if(mentions.begin(), mentions.end(), common), mentions.end());
}

// 1b. A name the model found once, repeated where it missed it: the
// surname of a person named in full ("Blinken told reporters" after
// "Antony Blinken said") and a whole name seen elsewhere ("Russia's Kursk
// region" after "in Kursk"). Only capitalised words that the lexicon does
// not know as mostly lower-case ones.
void EntityRecognizer::AddRepeatedNames(const Document& doc, std::vector<RawMention>& mentions) const {
  std::map<std::vector<std::string>, int> names;  // words as written -> type; longest first below
  for (const RawMention& m : mentions) {
    std::vector<std::string> words = absl::StrSplit(m.surface, ' ', absl::SkipEmpty());
    if (words.empty()) continue;
    names.emplace(words, m.type);
    // A regnal number is no surname ("Norton I" does not make every "I" him).
    const bool numeral = words.back().find_first_not_of("IVX") == std::string::npos;
    if (m.type == 0 && words.size() >= 2 && !numeral) names.emplace(std::vector<std::string>{words.back()}, 0);
  }
  if (names.empty()) return;
  std::vector<bool> covered(doc.text.size() + 1, false);
  for (const RawMention& m : mentions) {
    for (int c = m.span.begin; c < m.span.end; ++c) covered[c] = true;
  }
  auto usable = [&](const Token& t) {
    const std::string_view w = doc.Text(t.span);
    return !covered[t.span.begin] && IsCapitalised(w) && NotMostlyLowerCase(ner::ToLower(w));
  };
  const size_t before = mentions.size();
  for (const Sentence& s : doc.sentences) {
    for (int t = s.first_token; t < s.end_token; ++t) {
      for (int len = std::min(4, s.end_token - t); len >= 1; --len) {
        std::vector<std::string> words;
        bool ok = true;
        for (int k = t; k < t + len && ok; ++k) {
          ok = usable(doc.tokens[k]);
          words.emplace_back(doc.Text({doc.tokens[k].span.begin,
                                       doc.tokens[k].span.end - PossessiveSize(doc.Text(doc.tokens[k].span))}));
        }
        auto it = ok ? names.find(words) : names.end();
        if (it == names.end()) continue;
        RawMention m;
        m.type = it->second;
        m.span = {doc.tokens[t].span.begin, doc.tokens[t + len - 1].span.end -
                                                PossessiveSize(doc.Text(doc.tokens[t + len - 1].span))};
        m.surface = CleanSurface(doc.Text(m.span));
        m.tokens = NameTokens(m.surface);
        mentions.push_back(std::move(m));
        t += len - 1;
        break;
      }
    }
  }
  if (mentions.size() == before) return;
  std::stable_sort(mentions.begin(), mentions.end(),
                   [](const RawMention& a, const RawMention& b) { return a.span.begin < b.span.begin; });
}

// 1c. English words around a mention that say what it names: a
// preposition of place before it ("in Coron waters", "near Kursk") or a
// speech verb after it ("Norton said").
void EntityRecognizer::MarkEnglishCues(const Document& doc, std::vector<RawMention>& mentions) {
  static const auto* place_words = new absl::flat_hash_set<std::string>{"in", "near", "across", "throughout"};
  static const auto* person_words = new absl::flat_hash_set<std::string>{
      "said", "says", "told", "asked", "added", "wrote", "explained", "replied", "who", "he", "she"};
  for (RawMention& m : mentions) {
    const int first = TokenStartingAt(doc, m.span.begin);
    if (first < 0) continue;
    const int before = first - 1;
    if (before >= 0) m.place_cue = place_words->contains(std::string(doc.Text(doc.tokens[before].span)));
    const int after = FirstTokenFrom(doc, m.span.end);
    if (after >= 0) m.person_cue = person_words->contains(std::string(doc.Text(doc.tokens[after].span)));
  }
}

// 1d. Indonesian: a "person" named as the source a report is taken from
// ("Mengutip Ace Showbiz", "seperti dilansir Reuters", "dikutip dari laman
// Tribratanews", "menurut laporan CNN") is a news outlet, an organisation.
// The model called "Ace Showbiz" a person in 35 articles of the news demo.
// Only the mention right after the cue changes; the group's vote decides,
// so a person an article also names elsewhere stays one. "dilaporkan" is
// no cue: "X dilaporkan Y ke polisi" is Y, a person, filing a complaint.
void EntityRecognizer::MarkNewsSources(const Document& doc, std::vector<RawMention>& mentions) {
  static const auto* cues = new absl::flat_hash_set<std::string>{
      "dilansir", "melansir", "dikutip", "mengutip", "diberitakan"};
  // Words between the cue and the outlet's name ("dari laman", "kantor berita").
  static const auto* between = new absl::flat_hash_set<std::string>{
      "dari", "laman", "situs", "media", "harian", "portal", "majalah", "kantor", "berita",
      "surat", "kabar"};
  auto lower = [&](int t) {
    const std::string_view word = doc.Text(doc.tokens[t].span);
    return absl::AsciiStrToLower(absl::string_view(word.data(), word.size()));
  };
  for (RawMention& m : mentions) {
    if (m.type != 0) continue;
    const int first = TokenStartingAt(doc, m.span.begin);
    if (first < 0) continue;
    int t = first - 1;
    for (int skipped = 0; t >= 0 && skipped < 3 && between->contains(lower(t)); ++skipped) --t;
    if (t < 0) continue;
    const std::string cue = lower(t);
    if (cues->contains(cue) || (cue == "laporan" && t > 0 && lower(t - 1) == "menurut")) m.type = 1;
  }
}

// An acronym the article spells out in lower case is a kind of thing, not
// a name: "augmented reality (AR)" (a person in 9 articles of the news
// demo, with "AR" alone later in them), "operasi tangkap tangan (OTT)",
// "produk domestik bruto (PDB)". Its mentions go, in brackets and alone.
// The IsCommonAcronym list covers the ones articles do not spell out.
void EntityRecognizer::DropKindAcronyms(const Document& doc, std::vector<RawMention>& mentions) {
  const std::string_view text = doc.text;
  absl::flat_hash_set<std::string_view> kinds;
  // Every bracketed acronym, whether or not the model tagged it there.
  for (const Token& token : doc.tokens) {
    const Span& at = token.span;
    const std::string_view word = doc.Text(at);
    if (!IsAllCapitals(word) || at.begin < 1 || at.end >= static_cast<int>(text.size()) ||
        text[at.begin - 1] != '(' || text[at.end] != ')') {
      continue;
    }
    if (LowerCaseExpansionOf(doc, at.begin - 1, word)) kinds.insert(word);
  }
  if (kinds.empty()) return;
  mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                [&](const RawMention& m) { return kinds.contains(doc.Text(m.span)); }),
                 mentions.end());
}

// The model's types, as RawMention and MentionGroup hold them.
constexpr int kPerson = 0, kOrganisation = 1;

// "manajer [Chelsea Antonio Conte]", "pebalap [Ferrari Sebastian Vettel]",
// "[Max Verstappen Red Bull]": an organisation the article names on its own
// elsewhere (by its key: "Bhayangkara FC" is "Bhayangkara"), glued to the
// start or the end of a person's name, is no part of it (the registry had
// "Chelsea Antonio Conte" beside Antonio Conte).
// The mention splits into the organisation and the person, who keeps two
// words at least. One word before a name needs the name's role or another
// capitalised word before it ("Manajer Chelsea Antonio Conte"): at a
// sentence's start or after "dan" it is the person's first name ("Sony Dwi
// Kuncoro", with "generasi Sony dan Simon" tagged as the company).
void EntityRecognizer::SplitGluedOrganisations(const Document& doc,
                                               std::vector<RawMention>& mentions) const {
  std::set<std::string> organisations;
  for (const RawMention& m : mentions) {
    if (m.type == kOrganisation) organisations.insert(OrganisationKey(m.tokens));
  }
  // A name the article also gives a person alone is theirs, whatever the
  // model called it once ("Norton" in "Joshua Abraham Norton").
  for (const RawMention& m : mentions) {
    if (m.type == kPerson && m.tokens.size() == 1) organisations.erase(OrganisationKey(m.tokens));
  }
  if (organisations.empty()) return;
  std::vector<RawMention> split;
  for (RawMention& m : mentions) {
    if (m.type != kPerson) continue;
    // The words of the mention, as token spans.
    std::vector<Span> words;
    auto first = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), m.span.begin,
                                  [](const Token& t, int at) { return t.span.end <= at; });
    for (auto t = first; t != doc.tokens.end() && t->span.begin < m.span.end; ++t) {
      words.push_back({std::max(t->span.begin, m.span.begin), std::min(t->span.end, m.span.end)});
    }
    const int n = static_cast<int>(words.size());
    auto name_of = [&](int from, int to) {
      return CleanSurface(doc.Text({words[from].begin, words[to - 1].end}));
    };
    const bool after_title = !m.role.empty() ||
                             (first != doc.tokens.begin() && IsCapitalised(doc.Text(std::prev(first)->span)) &&
                              absl::ascii_isalpha(static_cast<unsigned char>(doc.Text(std::prev(first)->span)[0])));
    for (int k = 1; k <= std::min(2, n - 2); ++k) {
      const bool head = (k > 1 || after_title) &&
                        organisations.count(OrganisationKey(NameTokens(name_of(0, k)))) > 0;
      if (!head && organisations.count(OrganisationKey(NameTokens(name_of(n - k, n)))) == 0) continue;
      RawMention org;
      org.type = kOrganisation;
      org.span = head ? Span{words[0].begin, words[k - 1].end} : Span{words[n - k].begin, words[n - 1].end};
      org.surface = head ? name_of(0, k) : name_of(n - k, n);
      org.tokens = NameTokens(org.surface);
      m.span = head ? Span{words[k].begin, words[n - 1].end} : Span{words[0].begin, words[n - k - 1].end};
      m.surface = head ? name_of(k, n) : name_of(0, n - k);
      m.tokens = NameTokens(m.surface);
      split.push_back(std::move(org));
      break;
    }
  }
  if (split.empty()) return;
  for (RawMention& org : split) mentions.push_back(std::move(org));
  std::stable_sort(mentions.begin(), mentions.end(),
                   [](const RawMention& a, const RawMention& b) { return a.span.begin < b.span.begin; });
}

// 3c. Sports news calls a club by its nickname as often as by its name:
// "The Gunners" was an organisation of its own in 26 articles of the news
// demo, "The Blues" in 21, "The Reds" in 20. A nickname joins the club
// only when the article names the club too ("The Blues" is Chelsea in a
// Chelsea report, Everton in an Everton one), and it stays one of the
// club's nicknames (with the id it gets alone) for the store.
struct TeamNickname {
  const char* nickname;
  std::vector<const char*> teams;  // the club's names, any of which the article may use
  std::vector<std::string> tokens = {};  // NameTokens(nickname), filled once
};
const std::vector<TeamNickname>& TeamNicknames() {
  static auto* table = new std::vector<TeamNickname>{
      {"The Gunners", {"Arsenal"}},
      {"The Blues", {"Chelsea", "Everton"}},
      {"The Reds", {"Liverpool"}},
      {"The Red Devils", {"Manchester United", "Man United", "MU"}},
      {"Setan Merah", {"Manchester United", "Man United", "MU"}},
      {"The Citizens", {"Manchester City", "Man City"}},
      {"The Cityzens", {"Manchester City", "Man City"}},
      {"The Toffees", {"Everton"}},
      {"Spurs", {"Tottenham Hotspur", "Tottenham"}},
      {"The Lilywhites", {"Tottenham Hotspur", "Tottenham"}},
      {"The Hammers", {"West Ham United", "West Ham"}},
      {"The Magpies", {"Newcastle United", "Newcastle"}},
      {"The Foxes", {"Leicester City", "Leicester"}},
      {"Los Blancos", {"Real Madrid"}},
      {"El Real", {"Real Madrid"}},
      {"Blaugrana", {"Barcelona", "Barca"}},
      {"Los Rojiblancos", {"Atletico Madrid"}},
      {"Bianconeri", {"Juventus"}},
      {"Si Nyonya Tua", {"Juventus"}},
      {"La Vecchia Signora", {"Juventus"}},
      {"Rossoneri", {"AC Milan", "Milan"}},
      {"Nerazzurri", {"Inter Milan", "Inter"}},
      {"Giallorossi", {"AS Roma", "Roma"}},
      {"Partenopei", {"Napoli"}},
      {"Die Roten", {"Bayern Munchen", "Bayern Munich", "Bayern"}},
      {"Les Parisiens", {"Paris Saint-Germain", "PSG"}},
      {"Maung Bandung", {"Persib Bandung", "Persib"}},
      {"Pangeran Biru", {"Persib Bandung", "Persib"}},
      {"Macan Kemayoran", {"Persija Jakarta", "Persija"}},
      {"Singo Edan", {"Arema FC", "Arema"}},
      {"Bajul Ijo", {"Persebaya Surabaya", "Persebaya"}},
      {"Laskar Joko Tingkir", {"Persela Lamongan", "Persela"}},
  };
  static const bool tokenised = [] {
    for (TeamNickname& t : *table) t.tokens = NameTokens(t.nickname);
    return true;
  }();
  (void)tokenised;
  return *table;
}

void EntityRecognizer::JoinTeamNicknames(const std::vector<RawMention>& mentions,
                                         std::vector<MentionGroup>& groups) const {
  for (MentionGroup& g : groups) {
    if (g.merged_into >= 0 || g.kb != nullptr || g.alias >= 0 || g.mentions.empty()) continue;
    const TeamNickname* entry = nullptr;
    for (const TeamNickname& t : TeamNicknames()) {
      if (t.tokens == g.tokens) entry = &t;
    }
    if (entry == nullptr) continue;
    // The club the article names, by its key ("Persib Bandung" is "Persib").
    std::set<std::string> team_keys;
    for (const char* team : entry->teams) team_keys.insert(OrganisationKey(NameTokens(team)));
    int club = -1, clubs = 0;  // two of its clubs in one article: leave it
    for (int c = 0; c < static_cast<int>(groups.size()); ++c) {
      const MentionGroup& other = groups[c];
      if (&other == &g || other.merged_into >= 0 || other.type != kOrganisation) continue;
      if (team_keys.count(OrganisationKey(other.tokens)) > 0) {
        club = c;
        ++clubs;
      }
    }
    if (clubs != 1) continue;
    groups[club].nicknames.push_back(mentions[g.mentions[0]].surface);
    g.MergeInto(club, groups[club]);
  }
}

// 3d. "Manchester United ... United", "Bayern Munchen ... Bayern": one word
// alone as an organisation is the organisation of two words the article
// names that begins or ends with it, when there is exactly one ("United" beside
// Manchester United and Bali United stays apart). Not a known place
// ("Indonesia" beside "Bank Indonesia"), nor a word that only names a kind,
// nor into a name with a model number ("Sony" beside "Sony WF-1000X").
// The registry had "United" as an organisation of its own in 35 articles
// of the news demo and "City" in 23.
void EntityRecognizer::JoinOrganisationShortForms(const std::vector<RawMention>& mentions,
                                                  std::vector<MentionGroup>& groups) const {
  for (MentionGroup& g : groups) {
    if (g.merged_into >= 0 || g.kb != nullptr || g.alias >= 0 || g.type != kOrganisation ||
        g.tokens.size() != 1 || g.mentions.empty() || OrganisationKey(g.tokens).empty() ||
        AliasGroupOf(mentions[g.mentions[0]].surface) >= 0) {
      continue;
    }
    const std::string& word = g.tokens[0];
    int found = -1, candidates = 0;
    for (int c = 0; c < static_cast<int>(groups.size()); ++c) {
      const MentionGroup& other = groups[c];
      // Two words: a longer span is as often a name with something glued on
      // ("Persela Lamongan Choirul Huda", whose "Persela" would leave the
      // club).
      if (&other == &g || other.merged_into >= 0 || other.type != kOrganisation || other.tokens.size() != 2) {
        continue;
      }
      // A product is no longer name of its maker: "Sony" is not "Sony WF-1000X".
      const bool model_number = std::any_of(other.tokens.begin(), other.tokens.end(), [](const std::string& t) {
        return std::any_of(t.begin(), t.end(), [](char ch) { return absl::ascii_isdigit(static_cast<unsigned char>(ch)); });
      });
      if (!model_number && (other.tokens.front() == word || other.tokens.back() == word)) {
        found = c;
        ++candidates;
      }
    }
    if (candidates != 1) continue;
    g.MergeInto(found, groups[found]);
  }
}

// An organisation's key leaves out the words that name its kind, not it:
// "Partai Golkar" is "Golkar" (in 52 and 48 articles of the news demo,
// two organisations before), "Arema FC" / "FC Barcelona" are "Arema" /
// "Barcelona", and an Indonesian club's home town goes too ("Persib
// Bandung", 47 articles, and "Persib", 46; "PSM Makassar"). The club
// rule needs both words to be names, not words the news writes in lower
// case: "Persatuan Guru" keeps its "Guru".
std::string EntityRecognizer::OrganisationKey(std::vector<std::string> tokens) const {
  if (tokens.size() >= 2 && tokens.front() == "partai") tokens.erase(tokens.begin());
  if (tokens.size() >= 2 && tokens.front() == "fc") tokens.erase(tokens.begin());
  if (tokens.size() >= 2 && tokens.back() == "fc") tokens.pop_back();
  if (tokens.size() == 2 && tokens[0].size() >= 3 &&
      (absl::StartsWith(tokens[0], "pers") || absl::StartsWith(tokens[0], "ps")) &&
      NotMostlyLowerCase(tokens[0]) && NotMostlyLowerCase(tokens[1])) {
    tokens.pop_back();
  }
  return NameKey(tokens);
}

// 2. Groups mentions by KB entry, alias group, or folded name, and gives
// each group its type.
std::vector<EntityRecognizer::MentionGroup> EntityRecognizer::GroupMentions(
    const std::vector<RawMention>& mentions) const {
  std::vector<MentionGroup> groups;
  std::map<std::string, int> group_by_key;
  for (int i = 0; i < static_cast<int>(mentions.size()); ++i) {
    const RawMention& m = mentions[i];
    const std::string key = NameKey(m.tokens);
    const KbEntry* kb = has_kb_ ? kb_.Find(key) : nullptr;
    int alias = -1;
    std::string group_key;
    if (kb != nullptr) {
      group_key = "kb\x01" + kb->id;
    } else if (alias = AliasGroupOf(m.surface); alias >= 0) {
      group_key = "alias\x01" + std::to_string(alias);
    } else {
      group_key = "name\x01" + (m.type == 1 ? OrganisationKey(m.tokens) : key);
    }
    auto [it, added] = group_by_key.emplace(group_key, static_cast<int>(groups.size()));
    if (added) {
      MentionGroup g;
      g.kb = kb;
      g.alias = alias;
      groups.push_back(std::move(g));
    }
    MentionGroup& g = groups[it->second];
    g.mentions.push_back(i);
    g.votes[m.type]++;
    if (m.tokens.size() > g.tokens.size()) {
      g.tokens = m.tokens;
      g.ticket = IsTicket(m.surface);
    }
  }
  for (MentionGroup& g : groups) {
    if (g.kb != nullptr) {
      g.type = static_cast<int>(g.kb->type);
      g.tokens = NameTokens(g.kb->name);
    } else if (g.alias >= 0) {
      g.type = BuiltinAliasGroups()[g.alias].type;
    } else {
      // Majority vote; ties go to the type of the first mention.
      g.type = mentions[g.mentions[0]].type;
      for (int t = 0; t < ner::kNumTypes; ++t) {
        if (g.votes[t] > g.votes[g.type]) g.type = t;
      }
      // A one-word "person" that the document puts somewhere ("in
      // Coron") and never lets speak is a place (English cues only).
      if (g.type == 0 && g.tokens.size() == 1) {
        bool place = false, person = false;
        for (int i : g.mentions) place |= mentions[i].place_cue, person |= mentions[i].person_cue;
        if (place && !person) g.type = 2;
      }
    }
  }
  return groups;
}

// 3a. A one-word name in brackets right after a longer name of a person or
// organisation is what the article calls it from then on: "Presiden Joko
// Widodo (Jokowi)", "Basuki Tjahaja Purnama (Ahok)", "Komisi Pemberantasan
// Korupsi (KPK)". The bracketed name's group joins the full name's, so
// "Jokowi" later in the article is Joko Widodo (and the store learns the
// alias for articles that say only "Jokowi"). So is a name of the same type
// after "alias", of any length ("Andi Agustinus alias Andi Narogong").
void EntityRecognizer::JoinBracketedNames(const Document& doc,
                                          const std::vector<RawMention>& mentions,
                                          std::vector<MentionGroup>& groups) {
  std::vector<int> group_of(mentions.size(), -1);
  for (int g = 0; g < static_cast<int>(groups.size()); ++g) {
    for (int m : groups[g].mentions) group_of[m] = g;
  }
  auto root = [&](int g) {
    while (groups[g].merged_into >= 0) g = groups[g].merged_into;
    return g;
  };
  const std::string_view text = doc.text;
  // "Basuki Tjahaja Purnama alias Ahok", "Andi Agustinus alias Andi
  // Narogong": the other name follows the word "alias" (IndoSum writes it
  // 127 times; each had given two people).
  auto after_alias = [&](const RawMention& full, const RawMention& nick) {
    if (nick.span.begin < full.span.end) return false;
    const std::string_view between = text.substr(full.span.end, nick.span.begin - full.span.end);
    return between == " alias ";
  };
  for (size_t i = 0; i + 1 < mentions.size(); ++i) {
    const RawMention& full = mentions[i];
    const RawMention& nick = mentions[i + 1];  // mentions are in text order
    const bool alias = after_alias(full, nick);
    if (full.tokens.size() < 2 || (nick.tokens.size() != 1 && !alias)) continue;
    const int gf = root(group_of[i]), gn = group_of[i + 1];
    if (gf == gn || groups[gn].merged_into >= 0 || groups[gn].kb != nullptr || groups[gn].alias >= 0 ||
        (groups[gn].tokens.size() != 1 && !alias)) {
      continue;
    }
    // Persons and organisations only: "Jakarta (Indonesia)" is no nickname.
    if (groups[gf].type == 2) continue;
    // A person's nickname is a person's name: "Jorge Lorenzo (Ducati)" in a
    // results list names his team.
    if (groups[gf].type == 0 && groups[gn].type != 0) continue;
    if (alias) {
      if (groups[gf].type != groups[gn].type) continue;
    } else {
      const int end = full.span.end, begin = nick.span.begin;
      if (begin < end || nick.span.end >= static_cast<int>(text.size())) continue;
      const std::string_view between = text.substr(end, begin - end);
      if ((between != "(" && between != " (") || text[nick.span.end] != ')') continue;
    }
    groups[gf].nicknames.push_back(nick.surface);
    groups[gn].MergeInto(gf, groups[gf]);
  }
}

// The one person whose first name starts with `g`'s one-word name, at
// least half of it: Indonesian news shortens first names ("Sandi" for
// Sandiaga Uno, "Jokowi" aside). -1 when none or several.
int EntityRecognizer::OnlyNameStartingWith(const MentionGroup& g,
                                           const std::vector<MentionGroup>& groups) {
  if (g.tokens.size() != 1 || g.ticket) return -1;
  const std::string& nick = g.tokens[0];
  if (nick.size() < 4) return -1;
  int found = -1;
  for (int ci = 0; ci < static_cast<int>(groups.size()); ++ci) {
    const MentionGroup& c = groups[ci];
    if (&c == &g || c.merged_into >= 0 || c.type != 0 || c.ticket || c.tokens.size() < 2) continue;
    const std::string& first = c.tokens[0];
    if (first.size() <= nick.size() || nick.size() * 2 < first.size() ||
        !absl::StartsWith(first, nick)) {
      continue;
    }
    if (found >= 0) return -1;  // two people it could shorten
    found = ci;
  }
  return found;
}

// 3b. Short forms of person names join the full name: the person mentioned
// most among those whose name the short form is a word or the first words
// of, or which it is without its middle names; else the one person whose
// first name it begins (OnlyNameStartingWith).
void EntityRecognizer::JoinShortForms(std::vector<MentionGroup>& groups) {
  std::vector<int> order(groups.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return groups[a].tokens.size() > groups[b].tokens.size();
  });
  for (int gi : order) {
    MentionGroup& g = groups[gi];
    if (g.kb != nullptr || g.alias >= 0 || g.merged_into >= 0) continue;
    if (g.type != 0 && g.tokens.size() != 1) continue;
    int best = -1;
    for (int ci : order) {
      const MentionGroup& c = groups[ci];
      if (ci == gi || c.merged_into >= 0 || c.type != 0 || c.ticket) continue;
      if (!IsShortFormOf(g.tokens, c.tokens) && !(g.type == 0 && IsNameWithoutMiddle(g.tokens, c.tokens))) {
        continue;
      }
      if (best < 0 || c.mentions.size() > groups[best].mentions.size() ||
          (c.mentions.size() == groups[best].mentions.size() && c.mentions[0] < groups[best].mentions[0])) {
        best = ci;
      }
    }
    if (best < 0 && g.type == 0) best = OnlyNameStartingWith(g, groups);
    if (best < 0) continue;
    g.MergeInto(best, groups[best]);
  }
}

// 4. One entity per group that was not merged, in order of first mention.
std::vector<Entity> EntityRecognizer::MakeEntities(const Document& doc,
                                                   const std::vector<RawMention>& mentions,
                                                   std::vector<MentionGroup>& groups) const {
  const bool english = absl::StartsWith(doc.language.code, "en");
  std::vector<Entity> entities;
  for (MentionGroup& g : groups) {
    if (g.merged_into >= 0) continue;
    std::sort(g.mentions.begin(), g.mentions.end(), [&](int a, int b) {
      return mentions[a].span.begin < mentions[b].span.begin;
    });
    Entity e;
    e.type = ToEntityType(g.type);
    std::string id_name;
    if (g.kb != nullptr) {
      e.name = g.kb->name;
      e.kb_id = g.kb->id;
      id_name = g.kb->name;
    } else if (g.alias >= 0) {
      const AliasGroup& a = BuiltinAliasGroups()[g.alias];
      e.name = english ? a.name_en : a.name_id;
      id_name = a.name_id;
    } else {
      e.name = MostFrequentSpelling(mentions, g);
      id_name = e.name;
    }
    const bool plain_org = e.type == EntityType::kOrganization && g.kb == nullptr && g.alias < 0;
    e.id = EntityId(e.type, plain_org ? OrganisationKey(NameTokens(id_name)) : NameKey(id_name));
    std::set<std::string> seen_alias = {e.name}, seen_role;
    for (int m : g.mentions) {
      const RawMention& rm = mentions[m];
      e.mentions.push_back({rm.span});
      if (seen_alias.insert(rm.surface).second) e.aliases.push_back(rm.surface);
      if (!rm.role.empty() && seen_role.insert(NameKey(rm.role)).second) e.roles.push_back(rm.role);
    }
    for (const std::string& n : g.nicknames) {
      if (n == e.name || std::any_of(e.nicknames.begin(), e.nicknames.end(),
                                     [&](const Entity::Nickname& k) { return k.name == n; })) {
        continue;
      }
      e.nicknames.push_back(
          {n, EntityId(e.type, plain_org ? OrganisationKey(NameTokens(n)) : NameKey(n))});
    }
    entities.push_back(std::move(e));
  }
  std::stable_sort(entities.begin(), entities.end(), [](const Entity& a, const Entity& b) {
    return a.mentions[0].span.begin < b.mentions[0].span.begin;
  });
  return entities;
}

// "Partai PAN", "partai Golkar": the word for a party's kind before a known
// party's name is that party.
int EntityRecognizer::AliasGroupOf(std::string_view surface) const {
  constexpr std::string_view kParty = "partai ";
  if (!builtin_aliases_) return -1;
  const int group = FindAliasGroup(surface);
  if (group >= 0 || surface.size() <= kParty.size() || ner::ToLower(surface.substr(0, kParty.size())) != kParty) {
    return group;
  }
  const int party = FindAliasGroup(surface.substr(kParty.size()));
  return party >= 0 && BuiltinAliasGroups()[party].type == 1 ? party : -1;
}

// The most frequent spelling among a group's longest names; first-seen
// order breaks ties.
std::string EntityRecognizer::MostFrequentSpelling(const std::vector<RawMention>& mentions,
                                                   const MentionGroup& g) {
  std::map<std::string, int> counts;
  for (int m : g.mentions) {
    if (mentions[m].tokens.size() == g.tokens.size() && NameKey(mentions[m].tokens) == NameKey(g.tokens)) {
      counts[mentions[m].surface]++;
    }
  }
  std::string name;
  int best = 0;
  for (int m : g.mentions) {
    auto it = counts.find(mentions[m].surface);
    if (it != counts.end() && it->second > best) {
      best = it->second;
      name = it->first;
    }
  }
  return name;
}

}  // namespace warta::enrichment
