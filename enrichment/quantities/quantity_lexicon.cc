#include "enrichment/quantities/quantity_lexicon.h"

namespace warta::enrichment::quantity_lexicon {

// Longest phrases first: the first match wins.
const std::vector<Qualifier>& PrefixQualifiers() {
  static const auto* list = new std::vector<Qualifier>{
      {{"lebih", "dari", "pada"}, "more_than"},
      {{"paling", "sedikit"}, "at_least"},
      {{"paling", "tidak"}, "at_least"},
      {{"paling", "banyak"}, "at_most"},
      {{"kurang", "lebih"}, "approximately"},
      {{"lebih", "kurang"}, "approximately"},
      {{"lebih", "dari"}, "more_than"},
      {{"lebih", "daripada"}, "more_than"},
      {{"kurang", "dari"}, "less_than"},
      {{"kurang", "daripada"}, "less_than"},
      {{"di", "atas"}, "more_than"},
      {{"di", "bawah"}, "less_than"},
      {{"more", "than"}, "more_than"},
      {{"less", "than"}, "less_than"},
      {{"fewer", "than"}, "less_than"},
      {{"at", "least"}, "at_least"},
      {{"at", "most"}, "at_most"},
      {{"up", "to"}, "at_most"},
      {{"as", "many", "as"}, "at_most"},
      {{"sekitar"}, "approximately"},
      {{"kira-kira"}, "approximately"},
      {{"kurang-lebih"}, "approximately"},
      {{"sekira"}, "approximately"},
      {{"diperkirakan"}, "approximately"},
      {{"hampir"}, "at_most"},
      {{"nyaris"}, "at_most"},
      {{"sedikitnya"}, "at_least"},
      {{"setidaknya"}, "at_least"},
      {{"minimal"}, "at_least"},
      {{"sekurang-kurangnya"}, "at_least"},
      {{"maksimal"}, "at_most"},
      {{"sebanyak-banyaknya"}, "at_most"},
      {{"about"}, "approximately"},
      {{"around"}, "approximately"},
      {{"approximately"}, "approximately"},
      {{"roughly"}, "approximately"},
      {{"some"}, "approximately"},
      {{"an", "estimated"}, "approximately"},
      {{"estimated"}, "approximately"},
      {{"nearly"}, "at_most"},
      {{"almost"}, "at_most"},
      {{"over"}, "more_than"},
      {{"above"}, "more_than"},
      {{"under"}, "less_than"},
      {{"sebanyak"}, "exact"},
      {{"sejumlah"}, "exact"},
  };
  return *list;
}

const std::unordered_map<std::string_view, std::vector<const Qualifier*>>&
PrefixQualifiersByFirstWord() {
  static const auto* index = [] {
    auto* m = new std::unordered_map<std::string_view, std::vector<const Qualifier*>>;
    for (const Qualifier& q : PrefixQualifiers()) (*m)[q.words.front()].push_back(&q);
    return m;
  }();
  return *index;
}

const std::unordered_map<std::string, double>& ScaleWords() {
  static const auto* m = new std::unordered_map<std::string, double>{
      {"ribu", 1e3},     {"rb", 1e3},       {"juta", 1e6},
      {"jt", 1e6},       {"miliar", 1e9},   {"milyar", 1e9},
      {"triliun", 1e12}, {"thousand", 1e3}, {"million", 1e6},
      {"billion", 1e9},  {"trillion", 1e12}, {"bn", 1e9},
      {"mln", 1e6},
  };
  return *m;
}

// "ribuan pasukan": a count known only by its order of magnitude.
const std::unordered_map<std::string, double>& OrderWords() {
  static const auto* m = new std::unordered_map<std::string, double>{
      {"puluhan", 10},      {"belasan", 10},     {"ratusan", 100},
      {"ribuan", 1e3},      {"jutaan", 1e6},     {"miliaran", 1e9},
      {"triliunan", 1e12},  {"dozens", 10},      {"tens", 10},
      {"hundreds", 100},    {"thousands", 1e3},  {"millions", 1e6},
      {"billions", 1e9},
  };
  return *m;
}

// Digit and teen words; "belas", "puluh", "ratus" multiply the digit before.
const std::unordered_map<std::string, double>& NumberWords() {
  static const auto* m = new std::unordered_map<std::string, double>{
      {"satu", 1},     {"dua", 2},       {"tiga", 3},      {"empat", 4},
      {"lima", 5},     {"enam", 6},      {"tujuh", 7},     {"delapan", 8},
      {"sembilan", 9}, {"sepuluh", 10},  {"sebelas", 11},  {"seratus", 100},
      {"seribu", 1e3}, {"sejuta", 1e6},  {"semiliar", 1e9}, {"one", 1},
      {"two", 2},      {"three", 3},     {"four", 4},      {"five", 5},
      {"six", 6},      {"seven", 7},     {"eight", 8},     {"nine", 9},
      {"ten", 10},     {"eleven", 11},   {"twelve", 12},   {"thirteen", 13},
      {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16},  {"seventeen", 17},
      {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},  {"thirty", 30},
      {"forty", 40},   {"fifty", 50},    {"sixty", 60},    {"seventy", 70},
      {"eighty", 80},  {"ninety", 90},   {"dozen", 12},
  };
  return *m;
}

const std::unordered_map<std::string, double>& NumberMultipliers() {
  static const auto* m = new std::unordered_map<std::string, double>{
      {"belas", -10},  // adds ten: "tiga belas" = 13
      {"puluh", 10},
      {"ratus", 100},
      {"hundred", 100},
  };
  return *m;
}

const std::unordered_map<std::string, std::string>& CurrencyWords() {
  static const auto* m = new std::unordered_map<std::string, std::string>{
      {"euro", "EUR"},     {"euros", "EUR"},     {"dolar", "USD"},
      {"dollar", "USD"},   {"dollars", "USD"},   {"rupiah", "IDR"},
      {"yen", "JPY"},      {"yuan", "CNY"},      {"renminbi", "CNY"},
      {"rubel", "RUB"},    {"ruble", "RUB"},     {"rubles", "RUB"},
      {"roubles", "RUB"},  {"pound", "GBP"},     {"pounds", "GBP"},
      {"poundsterling", "GBP"}, {"ringgit", "MYR"}, {"usd", "USD"},
      {"eur", "EUR"},      {"idr", "IDR"},       {"gbp", "GBP"},
      {"jpy", "JPY"},      {"rub", "RUB"},       {"cny", "CNY"},
  };
  return *m;
}

// Words that never name what is counted.
const std::unordered_set<std::string>& UnitStopWords() {
  static const auto* s = new std::unordered_set<std::string>{
      // Indonesian function words.
      "yang", "di", "ke", "dari", "dan", "atau", "untuk", "pada", "dalam",
      "ini", "itu", "telah", "akan", "sedang", "sudah", "masih", "belum",
      "tidak", "juga", "dengan", "oleh", "sebagai", "bagi", "per", "hingga",
      "sampai", "menjadi", "adalah", "ialah", "merupakan", "tersebut", "lagi",
      "saja", "pun", "lalu", "lebih", "kurang", "sekitar", "hanya", "bahkan",
      "serta", "tetapi", "namun", "karena", "kepada", "terhadap", "antara",
      "atas", "bawah", "setelah", "sebelum", "saat", "ketika", "jika", "bila",
      "agar", "supaya", "maka", "sehingga", "bahwa", "kata", "ujar", "tak",
      "para", "pula", "sejak", "selama", "tahun-tahun", "nya", "lain",
      "sebesar", "senilai", "sebanyak", "mencapai", "wib", "wita", "wit",
      // Adverbs and modals after a number name no unit: "sejak 2006 sangat
      // ...", "3 bisa ...".
      "sangat", "amat", "paling", "cukup", "agak", "terlalu", "begitu", "pernah",
      "bisa", "dapat", "harus", "mau", "ingin", "kini", "sekarang", "nanti", "kemudian",
      // Times of day after a clock time ("pada 3.48 dini hari", "10.30 pagi").
      "dini", "pagi", "siang", "sore",
      // Pronouns, conjunctions and particles: "2016 silam", "3 kita", "5 tapi".
      "silam", "ada", "kita", "kami", "mereka", "tapi", "melainkan", "lantaran",
      "sekaligus", "beserta", "maupun", "turut", "ikut", "kan", "usai", "bakal", "kala",
      "setiap",
      // English.
      "of", "in", "on", "at", "to", "the", "a", "an", "and", "or", "for",
      "by", "with", "from", "were", "was", "are", "is", "be", "been", "have",
      "has", "had", "will", "would", "could", "may", "might", "that", "which",
      "who", "this", "these", "those", "more", "less", "than", "as", "into",
      "each", "last", "ago", "said", "says", "but", "not", "it", "its",
  };
  return *s;
}

const std::unordered_set<std::string>& YearFollowerWords() {
  static const auto* s = new std::unordered_set<std::string>{
      "baik", "naik", "turun", "mulai", "selesai", "baru", "pukul", "kemungkinan",
      "depan", "kemarin", "awal", "akhir", "tengah", "bukanlah", "sangatlah", "gencar",
      "rata-rata", "secara", "total"};
  return *s;
}

const std::unordered_set<std::string>& MonthWords() {
  static const auto* s = new std::unordered_set<std::string>{
      "januari", "februari", "maret", "april", "mei", "juni", "juli",
      "agustus", "september", "oktober", "november", "desember", "january",
      "february", "march", "may", "june", "july", "august", "october",
      "december", "jan", "feb", "mar", "apr", "jun", "jul", "agu", "aug",
      "sep", "sept", "okt", "oct", "nov", "des", "dec",
  };
  return *s;
}

// A number right after these words is a label, not an amount.
const std::unordered_set<std::string>& LabelWords() {
  static const auto* s = new std::unordered_set<std::string>{
      "pasal", "ayat", "nomor", "no", "tahun", "pukul", "jam", "tanggal",
      "halaman", "bab", "edisi", "article", "section", "page", "year", "number",
      "rt", "rw", "km", "abad", "century", "covid", "level", "tingkat", "ke",
      "g", "f", "su", "mig", "tu",
  };
  return *s;
}

// Classifiers that take a modifier noun: "peluru artileri", "butir amunisi".
const std::unordered_set<std::string>& ClassifierWords() {
  static const auto* s = new std::unordered_set<std::string>{
      "peluru", "butir", "buah", "unit", "rudal", "amunisi", "kepala", "ton",
      "barel", "artillery", "kotak", "batang", "lembar", "helai", "pucuk",
      "ekor", "kapal", "pesawat", "senjata", "surat",
  };
  return *s;
}
const std::unordered_set<std::string>& ModifierWords() {
  static const auto* s = new std::unordered_set<std::string>{
      "artileri", "balistik", "keluarga", "militer", "udara", "suara",
      "shells", "rounds", "tempur", "perang", "jelajah", "tank",
  };
  return *s;
}

}  // namespace warta::enrichment::quantity_lexicon
