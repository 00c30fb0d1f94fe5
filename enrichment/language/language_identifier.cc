#include "enrichment/language/language_identifier.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "enrichment/language/cld2_detector.h"

namespace warta::enrichment {

struct LanguageIdentifier::Judgement {
  LanguageResult result;
  std::vector<Cld2Chunk> chunks;
};

namespace {

constexpr int kMaxClasses = 64;
// Below this share of the text, CLD2's family guess on an unreliable call is
// noise rather than a sign the model should look.
constexpr int kMinFamilyPercent = 30;
constexpr double kReliableConfidence = 0.7;
// CLD2 marks even a five-word sentence reliable; below this many letters
// its call is too thin to be a prior.
constexpr int kMinCld2PriorBytes = 40;
constexpr double kMinAlternative = 0.01;
// Texts up to this long are short enough for their names to sway CLD2
// ("Presiden Rusia Vladimir Putin bertemu Choe Son Hui di Moskow." comes out
// French): the words that are not names get a say (WordEvidence).
constexpr size_t kShortTextBytes = 400;
// How many vocabulary words, and how much more of one side than the
// other, before the words overrule CLD2's call.
constexpr int kMinVocabularyWords = 2;
constexpr int kVocabularyMajority = 2;
constexpr size_t kMaxAlternatives = 3;

enum class WordVerdict { kNone, kFamily, kEnglish };

// What the words that are not names say against CLD2's call: kFamily when
// CLD2 put the text outside the family but its words are mostly Indonesian
// or Malay vocabulary (names read as French or Basque); kEnglish when CLD2
// put it in the family but its words are mostly English (English around
// Malaysian or Indonesian names). A majority of the counted words is
// required: languages without a wordfreq list (Sesotho, Swahili, ...) share
// a few short words with Indonesian, never most of them.
WordVerdict JudgeWords(const WordEvidence& words, bool cld2_says_family) {
  auto overrules = [&](int side, int other) {
    return side >= kMinVocabularyWords && side >= kVocabularyMajority * other &&
           2 * side >= words.counted;
  };
  if (!cld2_says_family && overrules(words.family, words.english)) {
    return WordVerdict::kFamily;
  }
  if (cld2_says_family && overrules(words.english, words.family)) {
    return WordVerdict::kEnglish;
  }
  return WordVerdict::kNone;
}

// Whether `text` has at least `n` letters (ASCII letters and UTF-8 lead
// bytes); stops counting once it knows.
bool HasLetters(std::string_view text, int n) {
  int letters = 0;
  for (char c : text) {
    if (letters >= n) return true;
    if (absl::ascii_isalpha(static_cast<unsigned char>(c)) ||
        static_cast<unsigned char>(c) >= 0xC0) {
      ++letters;
    }
  }
  return letters >= n;
}

// Paragraphs as newline-separated blocks, trimmed, when the segment stage
// has not run.
std::vector<Paragraph> SplitParagraphs(std::string_view text) {
  std::vector<Paragraph> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = text.find('\n', i);
    if (end == std::string_view::npos) end = text.size();
    size_t b = i, e = end;
    while (b < e && absl::ascii_isspace(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && absl::ascii_isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    if (e > b) out.push_back({{static_cast<int>(b), static_cast<int>(e)}});
    i = end + 1;
  }
  return out;
}

void SortByConfidence(std::vector<LanguageGuess>& guesses) {
  std::stable_sort(guesses.begin(), guesses.end(),
                   [](const LanguageGuess& a, const LanguageGuess& b) {
                     return a.confidence > b.confidence;
                   });
}

void SortAlternatives(std::vector<LanguageGuess>& alternatives) {
  SortByConfidence(alternatives);
  // The runner-up always stays, however unlikely; the rest only when they
  // are worth mentioning.
  while (alternatives.size() > 1 &&
         (alternatives.size() > kMaxAlternatives ||
          alternatives.back().confidence < kMinAlternative)) {
    alternatives.pop_back();
  }
}

// Function words shared by Indonesian and Malay (none longer than eight
// letters, so each packs into one integer), sorted.
constexpr std::string_view kFamilyFunctionWords[] = {
    "ada",     "adalah", "agar",    "akan",   "antara", "apabila", "atau",
    "bagi",    "bahawa", "bahwa",   "belum",  "bisa",   "boleh",   "dalam",
    "dan",     "dapat",  "dari",    "daripada", "dengan", "di",    "dia",
    "harus",   "hingga", "ia",      "iaitu",  "ini",    "itu",     "jika",
    "juga",    "kami",   "karena",  "kata",   "ke",     "kepada",  "kerana",
    "kita",    "lebih",  "masih",   "menurut", "mereka", "namun",  "oleh",
    "pada",    "para",   "perlu",   "saat",   "sebagai", "sejak",  "selepas",
    "seperti", "serta",  "setelah", "sudah",  "tahun",  "telah",   "tersebut",
    "tetapi",  "tidak",  "untuk",   "yaitu",  "yang",
};
// Indonesian and Malay prose runs at 20-35% function words; English,
// Javanese or Sundanese paragraphs stay far below this.
constexpr double kFamilyFunctionWordShare = 0.10;
// Enough words to tell; a long paragraph's opening speaks for it.
constexpr int kMaxScreenedWords = 60;

// Big-endian packing keeps the order of the words.
constexpr uint64_t PackWord(std::string_view word) {
  uint64_t packed = 0;
  for (size_t i = 0; i < 8; ++i) {
    packed = (packed << 8) | (i < word.size() ? static_cast<unsigned char>(word[i]) : 0);
  }
  return packed;
}

constexpr auto kPackedFunctionWords = [] {
  std::array<uint64_t, std::size(kFamilyFunctionWords)> packed{};
  for (size_t i = 0; i < packed.size(); ++i) {
    packed[i] = PackWord(kFamilyFunctionWords[i]);
  }
  return packed;
}();
static_assert(std::is_sorted(kPackedFunctionWords.begin(),
                             kPackedFunctionWords.end()));

double FunctionWordShare(std::string_view text) {
  int words = 0, function_words = 0;
  for (size_t i = 0; i < text.size() && words < kMaxScreenedWords;) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    uint64_t packed = 0;
    size_t size = 0;
    for (; i < text.size() && absl::ascii_isalpha(static_cast<unsigned char>(text[i])); ++i, ++size) {
      if (size < 8) {
        packed |= static_cast<uint64_t>(absl::ascii_tolower(static_cast<unsigned char>(text[i])))
                  << (8 * (7 - size));
      }
    }
    ++words;
    if (size <= 8) {
      function_words += std::binary_search(kPackedFunctionWords.begin(),
                                           kPackedFunctionWords.end(), packed);
    }
  }
  return words == 0 ? 0 : static_cast<double>(function_words) / words;
}

// The first `max_bytes` of text, cut after a whole word (and so never inside
// a UTF-8 sequence).
std::string_view Prefix(std::string_view text, int max_bytes) {
  if (max_bytes <= 0 || text.size() <= static_cast<size_t>(max_bytes)) return text;
  size_t cut = static_cast<size_t>(max_bytes);
  while (cut < text.size() && !absl::ascii_isspace(static_cast<unsigned char>(text[cut]))) {
    ++cut;
  }
  return text.substr(0, cut);
}

std::string_view ParagraphText(std::string_view text, const Paragraph& p) {
  const int size = static_cast<int>(text.size());
  const int begin = std::clamp(p.span.begin, 0, size);
  const int end = std::clamp(p.span.end, begin, size);
  return text.substr(begin, end - begin);
}

// The bits of `model`'s classes in the confusable group holding `code`;
// 0 when no group holds it.
uint64_t ConfusableGroupMask(const NusantaraModel& model, std::string_view code) {
  const std::vector<std::string>& classes = model.classes();
  for (const auto& group : kConfusableGroups) {
    if (std::find(std::begin(group), std::end(group), code) == std::end(group)) {
      continue;
    }
    uint64_t mask = 0;
    for (size_t c = 0; c < classes.size(); ++c) {
      if (std::find(std::begin(group), std::end(group), classes[c]) != std::end(group)) {
        mask |= uint64_t{1} << c;
      }
    }
    return mask;
  }
  return 0;
}

}  // namespace

std::string SourceCountryDomain(std::string_view source) {
  if (size_t scheme = source.find("://"); scheme != std::string_view::npos) {
    source.remove_prefix(scheme + 3);
  }
  source = source.substr(0, source.find_first_of("/?#:"));
  const size_t dot = source.rfind('.');
  if (dot == std::string_view::npos) return "";
  std::string tld = absl::AsciiStrToLower(std::string(source.substr(dot + 1)));
  if (tld.size() != 2 || !absl::ascii_isalpha(static_cast<unsigned char>(tld[0])) ||
      !absl::ascii_isalpha(static_cast<unsigned char>(tld[1]))) {
    return "";
  }
  return tld;
}

absl::StatusOr<std::unique_ptr<LanguageIdentifier>> LanguageIdentifier::Create(
    const LanguageOptions& options) {
  if (!(options.model_temperature > 0)) {
    return absl::InvalidArgumentError("model_temperature must be positive");
  }
  auto model = NusantaraModel::Create(options.model);
  if (!model.ok()) return model.status();
  if ((*model)->classes().size() > kMaxClasses) {
    return absl::InvalidArgumentError("language model has too many classes");
  }
  std::unique_ptr<NusantaraModel> confusable;
  if (!options.confusable_model.empty()) {
    auto created = NusantaraModel::Create(options.confusable_model);
    if (!created.ok()) return created.status();
    if ((*created)->classes().size() > kMaxClasses) {
      return absl::InvalidArgumentError("confusable model has too many classes");
    }
    confusable = std::move(*created);
  }
  return std::unique_ptr<LanguageIdentifier>(new LanguageIdentifier(
      options, std::move(*model), std::move(confusable)));
}

LanguageIdentifier::LanguageIdentifier(LanguageOptions options,
                                       std::unique_ptr<NusantaraModel> model,
                                       std::unique_ptr<NusantaraModel> confusable)
    : options_(std::move(options)),
      model_(std::move(model)),
      confusable_(std::move(confusable)) {
  // The models own their copies; don't keep two.
  options_.model.clear();
  options_.confusable_model.clear();
}

LanguageIdentifier::Judgement LanguageIdentifier::Judge(
    std::string_view text, std::string_view hint, std::string_view source,
    bool want_chunks) const {
  const std::string hint_code = NormalizeLanguageTag(hint);
  const std::string tld = SourceCountryDomain(source);
  Judgement j;
  Cld2Output cld = DetectWithCld2(text, {hint_code, tld}, want_chunks);
  j.chunks = std::move(cld.chunks);
  LanguageResult& r = j.result;

  int total_percent = 0, family_percent = 0;
  for (const Cld2Language& l : cld.top) {
    total_percent += l.percent;
    if (InFamily(l.code)) family_percent += l.percent;
  }
  bool use_model =
      InFamily(cld.code) ||
      (!cld.reliable && family_percent >= kMinFamilyPercent) ||
      (cld.code == "und" && HasLetters(text, 1));
  // Short texts: the words that are not names may overrule CLD2's call.
  const WordVerdict verdict =
      text.size() <= kShortTextBytes
          ? JudgeWords(model_->Evidence(text), /*cld2_says_family=*/use_model)
          : WordVerdict::kNone;
  const bool by_vocabulary = verdict == WordVerdict::kFamily;
  if (verdict == WordVerdict::kEnglish) {
    r.code = "en";
    r.reliable = false;
    r.confidence = 0.5;  // the words said English, against CLD2
    r.alternatives.push_back({cld.code == "en" ? "id" : cld.code, 0.5});
    return j;
  }
  use_model = use_model || by_vocabulary;

  if (use_model && Refine(*model_, ~uint64_t{0}, options_.cld2_prior, text,
                         cld, hint_code, tld, by_vocabulary, r)) {
    return j;
  }
  if (confusable_ != nullptr && cld.code != "und") {
    // CLD2's answer is in a group it confuses: the confusable model picks
    // within the group.
    const uint64_t group = ConfusableGroupMask(*confusable_, cld.code);
    if (std::popcount(group) >= 2 &&
        Refine(*confusable_, group, options_.confusable_cld2_prior, text, cld,
               hint_code, tld, /*by_vocabulary=*/false, r)) {
      return j;
    }
  }

  r.code = cld.code;
  r.reliable = cld.reliable && cld.code != "und";
  for (const Cld2Language& l : cld.top) {
    const double share = static_cast<double>(l.percent) / total_percent;
    if (l.code == r.code) {
      r.confidence = share;
    } else {
      r.alternatives.push_back({l.code, share});
    }
  }
  SortAlternatives(r.alternatives);
  return j;
}

LanguageResult LanguageIdentifier::Identify(std::string_view text,
                                            std::string_view hint,
                                            std::string_view source) const {
  return Judge(text, hint, source, /*want_chunks=*/false).result;
}

absl::Status LanguageIdentifier::Process(Document& doc) const {
  const std::string_view text = doc.text;
  const std::vector<Paragraph> split =
      doc.paragraphs.empty() ? SplitParagraphs(text) : std::vector<Paragraph>{};
  const std::vector<Paragraph>& paragraphs =
      doc.paragraphs.empty() ? split : doc.paragraphs;

  // The article's language from its opening: long articles cost CLD2 time
  // in proportion to their length, and their language is settled within the
  // first thousand bytes.
  const std::string_view sample = Prefix(text, options_.article_sample_bytes);
  Judgement article =
      Judge(sample, doc.language_hint, doc.source, /*want_chunks=*/false);
  if (!InFamily(article.result.code)) {
    // Not Indonesian-like: the rare case in Warta's traffic, judged on the
    // whole text with CLD2's chunks for the paragraphs.
    article = Judge(text, doc.language_hint, doc.source, /*want_chunks=*/true);
  }
  doc.language = std::move(article.result);
  LanguageResult& result = doc.language;
  if (result.code == "und" || paragraphs.size() < 2) return absl::OkStatus();

  if (InFamily(result.code)) {
    // A paragraph full of the family's function words is in the family and
    // needs no detector (nearly every paragraph of an Indonesian article);
    // the others (an English quote, a Javanese song) are judged on their own.
    for (const Paragraph& p : paragraphs) {
      const std::string_view para = ParagraphText(text, p);
      if (FunctionWordShare(para) >= kFamilyFunctionWordShare ||
          !HasLetters(para, options_.min_paragraph_letters)) {
        continue;
      }
      LanguageResult own = Identify(para, doc.language_hint, doc.source);
      if (own.code != result.code && own.code != "und" && own.reliable) {
        result.paragraphs.push_back({p.span, own.code, own.confidence});
      }
    }
    return absl::OkStatus();
  }

  // Chunks and paragraphs are both in text order: one forward sweep.
  size_t first_chunk = 0;
  std::vector<std::pair<std::string_view, int>> bytes_by_code;
  for (const Paragraph& p : paragraphs) {
    const std::string_view para = ParagraphText(text, p);
    if (!HasLetters(para, options_.min_paragraph_letters)) continue;
    const int begin = static_cast<int>(para.data() - text.data());
    const int end = begin + static_cast<int>(para.size());
    while (first_chunk < article.chunks.size() &&
           article.chunks[first_chunk].end <= begin) {
      ++first_chunk;
    }
    bytes_by_code.clear();
    int known_bytes = 0;
    for (size_t c = first_chunk;
         c < article.chunks.size() && article.chunks[c].begin < end; ++c) {
      const Cld2Chunk& chunk = article.chunks[c];
      if (chunk.code == "und") continue;
      const int overlap = std::min(end, chunk.end) - std::max(begin, chunk.begin);
      if (overlap <= 0) continue;
      known_bytes += overlap;
      auto it = std::find_if(bytes_by_code.begin(), bytes_by_code.end(),
                             [&](const auto& e) { return e.first == chunk.code; });
      if (it == bytes_by_code.end()) {
        bytes_by_code.emplace_back(chunk.code, overlap);
      } else {
        it->second += overlap;
      }
    }
    if (bytes_by_code.empty()) continue;
    auto dominant = std::max_element(
        bytes_by_code.begin(), bytes_by_code.end(),
        [](const auto& a, const auto& b) { return a.second < b.second; });
    const std::string_view code = dominant->first;
    if (code == result.code) continue;
    if (InFamily(code)) {
      // CLD2's family calls are refined by the model, as for articles.
      LanguageResult own = Identify(para, doc.language_hint, doc.source);
      if (own.code != result.code && own.reliable) {
        result.paragraphs.push_back({p.span, own.code, own.confidence});
      }
      continue;
    }
    result.paragraphs.push_back(
        {p.span, std::string(code),
         static_cast<double>(dominant->second) / known_bytes});
  }
  return absl::OkStatus();
}

bool LanguageIdentifier::Refine(const NusantaraModel& model, uint64_t allowed,
                                double cld2_prior, std::string_view text,
                                const Cld2Output& cld,
                                std::string_view hint_code, std::string_view tld,
                                bool by_vocabulary, LanguageResult& r) const {
  const std::vector<std::string>& classes = model.classes();
  const size_t k = classes.size();
  auto allowed_code = [&](std::string_view code) {
    for (size_t c = 0; c < k; ++c) {
      if ((allowed >> c & 1) && classes[c] == code) return true;
    }
    return false;
  };
  int total_percent = 0, family_percent = 0;
  for (const Cld2Language& l : cld.top) {
    total_percent += l.percent;
    if (allowed_code(l.code)) family_percent += l.percent;
  }
  std::array<double, kMaxClasses> logits{};
  if (model.Score(text, std::span<double>(logits.data(), k)) == 0) return false;
  double max_logit = -1e300;
  for (size_t c = 0; c < k; ++c) {
    if (!(allowed >> c & 1)) continue;
    logits[c] /= options_.model_temperature;
    if (cld.reliable && cld.text_bytes >= kMinCld2PriorBytes &&
        classes[c] == cld.code) {
      logits[c] += cld2_prior;
    }
    if (classes[c] == hint_code) logits[c] += options_.hint_prior;
    if ((tld == "id" && classes[c] == "id") ||
        ((tld == "my" || tld == "bn") && classes[c] == "ms")) {
      logits[c] += options_.domain_prior;
    }
    max_logit = std::max(max_logit, logits[c]);
  }
  double sum = 0;
  for (size_t c = 0; c < k; ++c) {
    if (allowed >> c & 1) sum += std::exp(logits[c] - max_logit);
  }
  // The model speaks for the group's share of the text; CLD2's other
  // languages keep theirs.
  // (When the words said "family" against CLD2, CLD2's languages were the
  // names' and get no share.)
  const double family_share =
      !by_vocabulary && total_percent > 0 && family_percent > 0
          ? static_cast<double>(family_percent) / total_percent
          : 1.0;
  std::vector<LanguageGuess> guesses;
  for (size_t c = 0; c < k; ++c) {
    if (!(allowed >> c & 1)) continue;
    guesses.push_back(
        {classes[c], family_share * std::exp(logits[c] - max_logit) / sum});
  }
  for (const Cld2Language& l : cld.top) {
    if (!allowed_code(l.code) && !by_vocabulary) {
      guesses.push_back({l.code, static_cast<double>(l.percent) / total_percent});
    }
  }
  SortByConfidence(guesses);
  r.code = guesses.front().code;
  r.confidence = guesses.front().confidence;
  // Reliable: the model is sure within the group and the group is most of
  // the text (a quoted English paragraph does not make an Indonesian
  // article's language doubtful).
  r.reliable = r.confidence / family_share >= kReliableConfidence &&
               family_share >= 0.5;
  guesses.erase(guesses.begin());
  SortAlternatives(guesses);
  r.alternatives = std::move(guesses);
  return true;
}

bool LanguageIdentifier::InFamily(std::string_view code) const {
  const std::vector<std::string>& classes = model_->classes();
  return std::find(classes.begin(), classes.end(), code) != classes.end();
}

}  // namespace warta::enrichment
