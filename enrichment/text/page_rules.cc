#include "enrichment/text/page_rules.h"

#include <array>

#include <algorithm>

#include "absl/strings/ascii.h"

namespace warta::enrichment::page_rules {
namespace {

struct Label {
  std::string_view text;    // lower case
  std::string_view reason;
  int max_line_bytes;       // longer lines are article text that happens to start so
};

// "<label>: ..." lines.
constexpr std::array<Label, 38> kPrefixLabels = {{
    {"baca juga", "related_link", 400},      {"baca pula", "related_link", 400},
    {"baca", "related_link", 300},           {"simak juga", "related_link", 400},
    {"simak", "related_link", 300},          {"lihat juga", "related_link", 400},
    {"tonton juga", "related_link", 400},    {"simak video", "related_link", 400},
    {"baca selengkapnya", "related_link", 400}, {"berita terkait", "related_link", 400},
    {"artikel terkait", "related_link", 400}, {"read more", "related_link", 400},
    {"read also", "related_link", 400},      {"also read", "related_link", 400},
    {"related", "related_link", 400},        {"see also", "related_link", 400},
    {"pilihan editor", "editor_pick", 400},  {"pilihan redaksi", "editor_pick", 400},
    {"editor's pick", "editor_pick", 400},   {"sumber", "source_credit", 150},
    {"source", "source_credit", 150},        {"sumber foto", "image_credit", 200},
    {"foto", "image_credit", 250},           {"photo", "image_credit", 250},
    {"image", "image_credit", 250},          {"gambar", "image_credit", 250},
    {"ilustrasi", "image_credit", 250},      {"caption", "image_credit", 250},
    {"tag", "tags", 300},                    {"tags", "tags", 300},
    {"topik", "tags", 300},                  {"reporter", "byline", 120},
    {"penulis", "byline", 120},              {"editor", "byline", 120},
    {"oleh", "byline", 120},                 {"redaktur", "byline", 120},
    {"penyunting", "byline", 120},           {"pewarta", "byline", 120},
}};

// Whole lines (lower case, trailing ':' dropped).
constexpr std::array<Label, 30> kWholeLines = {{
    {"berita terkait", "related_link", 0},   {"artikel terkait", "related_link", 0},
    {"baca juga", "related_link", 0},        {"related", "related_link", 0},
    {"related articles", "related_link", 0}, {"related news", "related_link", 0},
    {"read more", "related_link", 0},        {"terkait", "related_link", 0},
    {"sumber", "source_credit", 0},          {"source", "source_credit", 0},
    {"advertisement", "advertisement", 0},   {"advertisment", "advertisement", 0},
    {"iklan", "advertisement", 0},           {"scroll to continue with content", "advertisement", 0},
    {"scroll untuk melanjutkan", "advertisement", 0}, {"share", "share", 0},
    {"bagikan", "share", 0},                 {"bagikan artikel ini", "share", 0},
    {"share this article", "share", 0},      {"image", "image_credit", 0},
    {"foto", "image_credit", 0},             {"photo", "image_credit", 0},
    {"tags", "tags", 0},                     {"tag", "tags", 0},
    {"komentar", "share", 0},                {"comments", "share", 0},
    {"continue reading", "advertisement", 0}, {"lanjutkan membaca", "advertisement", 0},
    {"video pilihan", "related_link", 0},    {"pilihan editor", "editor_pick", 0},
}};

constexpr std::array<std::string_view, 16> kShareWords = {
    "facebook", "twitter", "whatsapp", "telegram", "line", "linkedin", "email", "e-mail",
    "copy", "link", "x", "pinterest", "share", "bagikan", "salin", "tautan"};

// Promotional lines of outlets (site footers, app and social calls).
// Only in the last lines of a page: "mengunduh aplikasi" and the like are
// ordinary sentences in tech news.
constexpr std::array<std::string_view, 8> kPromoPhrases = {
    "adalah portal berita", "ikuti kami di", "follow us on", "dapatkan update berita",
    "dapatkan informasi terkini", "subscribe to our", "berlangganan newsletter",
    "kamu bisa menjadi member"};

constexpr std::array<std::string_view, 13> kAgencies = {
    "antara", "reuters", "afp", "ap", "cna", "bbc", "xinhua", "kcna", "bernama", "dpa",
    "yonhap", "tass", "ria"};

// Outlet names and host fragments that mark a dateline.
constexpr std::array<std::string_view, 22> kMediaMarkers = {
    ".com", ".co", ".net", ".id", ".tv", "news", "cnn", "antara", "pos kota", "kompas",
    "tempo", "detik", "liputan6", "okezone", "tribun", "viva", "republika", "merdeka",
    "reuters", "afp", "juara", "bergelora"};

// Debian's abseil keeps its own string_view type, so the few string
// helpers needed here are written against std::string_view.
std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = absl::ascii_tolower(static_cast<unsigned char>(c));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view StripSuffix(std::string_view s, char c) {
  if (!s.empty() && s.back() == c) s.remove_suffix(1);
  return s;
}

// Non-empty pieces of `s` between any of `separators`.
std::vector<std::string_view> SplitAny(std::string_view s, std::string_view separators) {
  std::vector<std::string_view> out;
  size_t b = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || separators.find(s[i]) != std::string_view::npos) {
      if (i > b) out.push_back(s.substr(b, i - b));
      b = i + 1;
    }
  }
  return out;
}

bool IsSentenceEnd(char c) { return c == '.' || c == '!' || c == '?'; }

int CountWords(std::string_view s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    if (c == ' ') {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

// The label before the first ':' (at most 25 bytes), lower case.
std::optional<std::string> LabelBeforeColon(std::string_view line) {
  const size_t colon = line.substr(0, 26).find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 25) return std::nullopt;
  return Lower(Trim(line.substr(0, colon)));
}

bool AllCapsLetters(std::string_view s, int min_letters) {
  int letters = 0;
  for (char c : s) {
    if (absl::ascii_islower(static_cast<unsigned char>(c))) return false;
    if (absl::ascii_isupper(static_cast<unsigned char>(c))) ++letters;
  }
  return letters >= min_letters;
}

// "(ard)", "(ugo/djm)", "[sau]", "(Uu. H-RF/I015)", "(end)".
bool IsInitialsCode(std::string_view inner) {
  if (inner.empty() || inner.size() > 20) return false;
  bool has_lower_or_slash = false;
  for (char c : inner) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (!(absl::ascii_isalnum(u) || c == '/' || c == '.' || c == '-' || c == ' ')) return false;
    if (absl::ascii_islower(u) || c == '/') has_lower_or_slash = true;
  }
  // A lone upper-case word in parentheses is an acronym, not initials.
  return has_lower_or_slash;
}

// "Web Warouw": capitalised words of letters.
bool IsPersonName(std::string_view inner) {
  if (inner.empty() || inner.size() > 40) return false;
  int words = 0;
  for (std::string_view w : SplitAny(inner, " ")) {
    if (!absl::ascii_isupper(static_cast<unsigned char>(w[0]))) return false;
    for (char c : w) {
      if (!absl::ascii_isalpha(static_cast<unsigned char>(c)) && c != '-' && c != '\'') {
        return false;
      }
    }
    ++words;
  }
  return words >= 1 && words <= 4 && !AllCapsLetters(inner, 1);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (absl::ascii_tolower(static_cast<unsigned char>(a[i])) != lower[i]) return false;
  }
  return true;
}

bool IsBylineLabelWord(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kLabels = {
      "reporter", "penulis", "editor", "oleh",   "redaktur", "penyunting",
      "pewarta",  "kontributor", "fotografer", "by", "writer", "author"};
  for (std::string_view l : kLabels) {
    if (EqualsIgnoreCase(word, l)) return true;
  }
  return false;
}

}  // namespace

bool IsBylineLabel(std::string_view line) {
  std::string lower = Lower(StripSuffix(Trim(line), ':'));
  return IsBylineLabelWord(Trim(lower));
}

bool LooksLikeName(std::string_view line) {
  if (line.empty() || line.size() > 60 || CountWords(line) > 6) return false;
  if (line.back() == '.' && line.find(' ') != std::string_view::npos) return false;
  return line.find('"') == std::string_view::npos;
}

bool ParseBylineLine(std::string_view line, std::vector<std::string>* names) {
  if (line.size() > 160) return false;
  // Find "<label> :" occurrences; the names lie between them.
  struct Hit {
    size_t label_begin;
    size_t value_begin;
  };
  // Most lines are not bylines: the first word tells.
  const size_t first_end = line.find_first_of(" :");
  if (first_end == std::string_view::npos || !IsBylineLabelWord(line.substr(0, first_end))) {
    return false;
  }
  std::vector<Hit> hits;
  size_t word_begin = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] != ' ' && line[i] != ':') continue;
    if (i > word_begin) {
      std::string_view word = line.substr(word_begin, i - word_begin);
      size_t j = i;
      while (j < line.size() && line[j] == ' ') ++j;
      if (IsBylineLabelWord(word) && j < line.size() && line[j] == ':') {
        hits.push_back({word_begin, j + 1});
      }
    }
    word_begin = i + 1;
  }
  if (hits.empty() || hits.front().label_begin != 0) return false;
  for (size_t h = 0; h < hits.size(); ++h) {
    const size_t end = h + 1 < hits.size() ? hits[h + 1].label_begin : line.size();
    std::string_view name =
        Trim(line.substr(hits[h].value_begin, end - hits[h].value_begin));
    name = StripSuffix(name, ',');
    if (!name.empty()) names->emplace_back(name);
  }
  return true;
}

std::optional<std::string_view> BoilerplateReason(std::string_view line, bool near_end) {
  if (line.empty()) return std::nullopt;
  // Lines with no letter or digit: "***", "---", "...".
  bool any_alnum = false;
  for (char c : line) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
        static_cast<unsigned char>(c) >= 0x80) {
      any_alnum = true;
      break;
    }
  }
  if (!any_alnum) return "decoration";

  if (line.size() <= 60) {
    const std::string lower = Lower(StripSuffix(line, ':'));
    for (const Label& l : kWholeLines) {
      if (lower == l.text) return l.reason;
    }
    bool all_share = true;
    int words = 0;
    for (std::string_view w : SplitAny(lower, " |,/")) {
      ++words;
      if (std::find(kShareWords.begin(), kShareWords.end(), w) == kShareWords.end()) {
        all_share = false;
        break;
      }
    }
    if (all_share && words >= 2) return "share";
  }
  if (std::optional<std::string> label = LabelBeforeColon(line)) {
    for (const Label& l : kPrefixLabels) {
      if (*label == l.text && static_cast<int>(line.size()) <= l.max_line_bytes) return l.reason;
    }
  }
  // "Baca Juga Netanyahu ..." without a colon.
  if (line.size() <= 300) {
    const std::string head = Lower(line.substr(0, std::min<size_t>(line.size(), 20)));
    if (head.starts_with("baca juga ") || head.starts_with("simak juga ") ||
        head.starts_with("read more ") || head.starts_with("baca juga-") ||
        head.starts_with("pilihan editor ")) {
      return head.starts_with("pilihan") ? "editor_pick" : "related_link";
    }
  }
  if (near_end && line.size() <= 500) {
    const std::string lower = Lower(line);
    for (std::string_view p : kPromoPhrases) {
      if (lower.find(p) != std::string::npos) return "advertisement";
    }
  }
  if (LooksLikeImageCaption(line)) return "image_credit";
  if (near_end && line.size() <= 40) {
    // "CNA | REUTERS", "AFP/Reuters", "ANTARA".
    const std::string lower = Lower(line);
    bool all_agencies = true;
    int parts = 0;
    for (std::string_view w :
         SplitAny(lower, " |/,()")) {
      ++parts;
      if (std::find(kAgencies.begin(), kAgencies.end(), w) == kAgencies.end()) {
        all_agencies = false;
        break;
      }
    }
    if (all_agencies && parts >= 1) return "source_credit";
    // "(ard)", "[sau]", "(ugo/djm)".
    if (line.size() >= 3 && (line.front() == '(' || line.front() == '[') &&
        (line.back() == ')' || line.back() == ']')) {
      std::string_view inner = line.substr(1, line.size() - 2);
      if (IsInitialsCode(inner) || IsPersonName(inner)) return "byline";
    }
  }
  return std::nullopt;
}

std::optional<Dateline> FindDateline(std::string_view line, std::string_view source) {
  const size_t limit = std::min<size_t>(line.size(), 70);
  size_t dash = line.substr(0, limit).find('-');
  if (dash == std::string_view::npos || dash == 0) return std::nullopt;
  std::string_view prefix = TrimRight(line.substr(0, dash));
  if (prefix.empty() || prefix.size() > 60 || CountWords(prefix) > 6) return std::nullopt;
  for (size_t i = 0; i < prefix.size(); ++i) {
    const char c = prefix[i];
    if (c == '"' || c == '!' || c == '?' || c == ':' || c == ';') return std::nullopt;
    // '.' only inside a host name ("TEMPO.CO", "Suara.com").
    if (c == '.' && (i + 1 >= prefix.size() ||
                     !absl::ascii_isalpha(static_cast<unsigned char>(prefix[i + 1])))) {
      return std::nullopt;
    }
  }
  const bool spaced_before = dash > prefix.size();
  size_t after = dash;
  while (after < line.size() && line[after] == '-') ++after;
  const bool spaced_after = after < line.size() && line[after] == ' ';
  while (after < line.size() && line[after] == ' ') ++after;
  if (after >= line.size()) return std::nullopt;
  const unsigned char first = static_cast<unsigned char>(line[after]);
  if (!(absl::ascii_isalnum(first) || first == '"' || first == '\'' || first >= 0x80)) {
    return std::nullopt;
  }
  const std::string lower = Lower(prefix);
  bool marker = false;
  for (std::string_view m : kMediaMarkers) {
    if (lower.find(m) != std::string::npos) {
      marker = true;
      break;
    }
  }
  if (!marker && !source.empty()) {
    // "rimanews", "cnn indonesia" -> "rimanews", "cnn".
    std::string src = Lower(source);
    if (src.starts_with("www.")) src = src.substr(4);
    src = src.substr(0, src.find_first_of(". "));
    marker = src.size() >= 3 && lower.find(src) != std::string::npos;
  }
  const bool spaced = spaced_before || spaced_after;
  const bool caps = AllCapsLetters(prefix, 3);
  if (marker || (spaced && caps)) {
    return Dateline{static_cast<int>(prefix.size()), static_cast<int>(after)};
  }
  // "Korea Utara-Rusia", "KPK-Polri", "COVID-19" are compounds; an unspaced
  // dash makes a dateline only after one long upper-case place name
  // ("SWEDIA-Tanpa kesulitan ...").
  if (!spaced && caps && prefix.size() >= 5 && prefix.find(' ') == std::string_view::npos &&
      absl::ascii_isupper(first)) {
    return Dateline{static_cast<int>(prefix.size()), static_cast<int>(after)};
  }
  return std::nullopt;
  return Dateline{static_cast<int>(prefix.size()), static_cast<int>(after)};
}

std::optional<TrailingCredit> FindTrailingCredit(std::string_view line) {
  if (line.size() < 4 || (line.back() != ')' && line.back() != ']')) return std::nullopt;
  const char open = line.back() == ')' ? '(' : '[';
  const size_t begin = line.rfind(open);
  if (begin == std::string_view::npos || begin == 0) return std::nullopt;
  std::string_view inner = line.substr(begin + 1, line.size() - begin - 2);
  // After the end of a sentence: ". (Web Warouw)", ".(ard)".
  size_t k = begin;
  while (k > 0 && line[k - 1] == ' ') --k;
  if (k == 0) return std::nullopt;
  const char before = line[k - 1];
  if (!(IsSentenceEnd(before) || before == '"' || before == '\'')) return std::nullopt;
  if (IsPersonName(inner)) return TrailingCredit{static_cast<int>(begin), std::string(inner)};
  if (IsInitialsCode(inner)) return TrailingCredit{static_cast<int>(begin), ""};
  return std::nullopt;
}

std::string CreditLineName(std::string_view line) {
  if (line.size() < 3 || line.front() != '(' || line.back() != ')') return "";
  std::string_view inner = line.substr(1, line.size() - 2);
  return IsPersonName(inner) ? std::string(inner) : "";
}

bool LooksLikeTitle(std::string_view line) {
  if (line.size() > 200) return false;
  const std::vector<std::string_view> words = SplitAny(line, " ");
  if (words.size() < 3 || words.size() > 20) return false;
  std::string_view core = line;
  while (!core.empty() && (core.back() == '"' || core.back() == '\'')) core.remove_suffix(1);
  if (core.empty()) return false;
  const char last = core.back();
  if (last == '.' || last == ',' || last == ':' || last == ')') return false;
  // More than one sentence: a lede.
  for (size_t i = 0; i + 1 < line.size(); ++i) {
    if (IsSentenceEnd(line[i]) && line[i + 1] == ' ') return false;
  }
  // A question or exclamation opens many feature stories ("Siapa yang tak
  // suka dengan donat?"); as a headline it is in title case ("Putin Bertemu
  // Menlu Korea Utara di Moskow, Bahas Apa?").
  if (line.back() == '?' || line.back() == '!') {
    size_t capitalised = 0;
    for (std::string_view w : words) {
      capitalised += absl::ascii_isupper(static_cast<unsigned char>(w[0])) ? 1 : 0;
    }
    if (capitalised * 10 < words.size() * 6) return false;
  }
  return true;
}

bool LooksLikeSectionLabel(std::string_view line) {
  if (line.empty() || line.size() > 30 || CountWords(line) > 3) return false;
  for (char c : line) {
    if (IsSentenceEnd(c) || c == '"' || c == ',') return false;
  }
  return true;
}

bool LooksLikeImageCaption(std::string_view line) {
  if (line.size() > 600 || line.back() != ')') return false;
  const size_t open = line.rfind('(');
  if (open == std::string_view::npos) return false;
  const std::string inner = Lower(line.substr(open + 1));
  const bool credit_word = inner.find("foto") != std::string::npos ||
                           inner.find("photo") != std::string::npos ||
                           inner.find("getty") != std::string::npos ||
                           inner.find("dok.") != std::string::npos ||
                           inner.find("istimewa") != std::string::npos;
  const bool separator = inner.find('/') != std::string::npos || inner.find(':') != std::string::npos;
  return credit_word && separator;
}

bool IsPublicationTimePrefix(std::string_view prefix) {
  prefix = Trim(prefix);
  if (prefix.empty()) return true;
  if (prefix.size() > 60) return false;
  if (prefix.find('|') != std::string_view::npos) return true;
  const std::string lower = Lower(StripSuffix(prefix, ':'));
  static constexpr std::array<std::string_view, 9> kLabels = {
      "diperbarui", "dipublikasikan", "diterbitkan", "published", "updated",
      "posted",     "terbit",         "diposting",   "tanggal"};
  for (std::string_view l : kLabels) {
    if (lower.starts_with(l)) return true;
  }
  return false;
}

}  // namespace warta::enrichment::page_rules
