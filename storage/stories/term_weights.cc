#include "storage/stories/term_weights.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace warta::storage {
namespace {

constexpr absl::string_view kMagic = "warta-story-idf";

// Function words of Indonesian and English news: they join every story.
// (The IDF table would push most of them down anyway, but English has no
// corpus here.)
bool IsStopWord(std::string_view word) {
  static const auto* const kWords = new absl::flat_hash_set<std::string_view>{
      // Indonesian
      "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada",
      "dalam", "tidak", "akan", "juga", "ada", "adalah", "karena", "oleh", "atau",
      "sebagai", "bisa", "telah", "sudah", "saat", "kata", "ia", "dia", "mereka",
      "kami", "kita", "saya", "tersebut", "lebih", "namun", "tak", "hal", "para",
      "bahwa", "seperti", "masih", "belum", "harus", "bagi", "hingga", "agar",
      "lagi", "pun", "jika", "kalau", "baru", "antara", "menjadi", "yakni", "yaitu",
      "kepada", "setelah", "sebelum", "sejak", "serta", "maka", "sehingga", "tetapi",
      "tapi", "hanya", "lain", "satu", "dua", "tiga", "tahun", "hari", "senin",
      "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "baca", "juga",
      "mengatakan", "ujar", "ujarnya", "katanya", "tutur", "jelas", "menurut",
      "sementara", "selain", "tim", "nya", "pak", "bu",
      // English
      "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with",
      "by", "from", "as", "is", "are", "was", "were", "be", "been", "has", "have",
      "had", "it", "its", "this", "that", "these", "those", "he", "she", "they",
      "we", "i", "you", "his", "her", "their", "our", "not", "no", "but", "if",
      "said", "says", "say", "told", "will", "would", "could", "can", "also",
      "after", "before", "about", "over", "into", "more", "than", "who", "which",
      "what", "when", "where", "there", "one", "two", "three", "year", "years",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "mr", "ms", "new", "up", "out", "all", "so", "do", "did", "just",
  };
  return kWords->contains(word);
}

}  // namespace

std::vector<std::string> StoryWords(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || absl::ascii_isalnum(u)) {
      current.push_back(absl::ascii_tolower(u));
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

absl::StatusOr<TermWeights> TermWeights::Parse(std::string_view tsv) {
  TermWeights weights;
  int line_number = 0;
  for (absl::string_view line :
       absl::StrSplit(absl::string_view(tsv.data(), tsv.size()), '\n', absl::SkipEmpty())) {
    ++line_number;
    std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    if (line_number == 1) {
      if (fields.size() != 3 || fields[0] != kMagic || fields[1] != "1" ||
          !absl::SimpleAtoi(fields[2], &weights.documents_) || weights.documents_ <= 0) {
        return absl::InvalidArgumentError(absl::StrCat(
            "story IDF table: line 1 must be \"", kMagic, "<TAB>1<TAB><documents>\""));
      }
      continue;
    }
    int64_t df = 0;
    if (fields.size() != 2 || fields[0].empty() || !absl::SimpleAtoi(fields[1], &df) ||
        df <= 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "story IDF table: line ", line_number, " is not <word><TAB><documents>"));
    }
    weights.document_frequency_[std::string(fields[0])] = df;
  }
  if (line_number == 0) return absl::InvalidArgumentError("story IDF table is empty");
  return weights;
}

std::string TermWeights::Build(const std::vector<std::vector<std::string>>& documents,
                               int min_documents) {
  std::map<std::string, int64_t> df;  // sorted: the file is reproducible
  for (const auto& words : documents) {
    absl::flat_hash_set<std::string_view> seen(words.begin(), words.end());
    for (std::string_view w : seen) ++df[std::string(w)];
  }
  std::string out = absl::StrCat(kMagic, "\t1\t", documents.size(), "\n");
  for (const auto& [word, n] : df) {
    if (n >= min_documents) absl::StrAppend(&out, word, "\t", n, "\n");
  }
  return out;
}

double TermWeights::Idf(std::string_view word) const {
  if (word.size() < 2 || IsStopWord(word)) return 0;
  auto it = document_frequency_.find(absl::string_view(word.data(), word.size()));
  const double df = it == document_frequency_.end() ? 0 : static_cast<double>(it->second);
  return std::log((documents_ + 1.0) / (df + 1.0)) + 1.0;
}

double TermWeights::MaxIdf() const { return std::log(documents_ + 1.0) + 1.0; }

}  // namespace warta::storage
