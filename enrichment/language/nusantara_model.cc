#include "enrichment/language/nusantara_model.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <map>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace warta::enrichment {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the model file is little-endian and read with memcpy");

constexpr char kMagic[4] = {'W', 'L', 'I', 'D'};
// Version 1 files (no word table) are still read.
constexpr uint32_t kVersion = 2;
constexpr int kMaxWordBytes = 48;  // longer "words" are URLs or junk

// Seeds keep the feature kinds apart in the shared hash space.
constexpr uint32_t kWordSeed = 0x9e3779b9u;
constexpr uint32_t kBigramSeed = 0x85ebca6bu;

inline uint32_t Fnv1a(const char* data, int size, uint32_t seed) {
  uint32_t h = 2166136261u ^ seed;
  for (int i = 0; i < size; ++i) {
    h ^= static_cast<unsigned char>(data[i]);
    h *= 16777619u;
  }
  return h;
}

// Final mix so that the top bits (used as the bucket) depend on all input.
inline uint32_t Mix(uint32_t h) {
  h ^= h >> 16;
  h *= 0x7feb352du;
  h ^= h >> 15;
  h *= 0x846ca68bu;
  h ^= h >> 16;
  return h;
}

// Letters are ASCII letters and any non-ASCII UTF-8 byte except the
// General Punctuation block (E2 80 xx: curly quotes, dashes, ellipsis),
// which separates words like ASCII punctuation does.
inline bool IsWordByte(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  if (c == 0xE2 && i + 1 < text.size() &&
      static_cast<unsigned char>(text[i + 1]) == 0x80) {
    return false;
  }
  if (c == 0x80 && i >= 1 && static_cast<unsigned char>(text[i - 1]) == 0xE2) {
    return false;
  }
  if (i >= 2 && static_cast<unsigned char>(text[i - 2]) == 0xE2 &&
      static_cast<unsigned char>(text[i - 1]) == 0x80) {
    return false;
  }
  return true;
}

template <typename T>
void Append(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  template <typename T>
  bool Read(T& value) {
    if (bytes_.size() < sizeof(T)) return false;
    std::memcpy(&value, bytes_.data(), sizeof(T));
    bytes_.remove_prefix(sizeof(T));
    return true;
  }
  bool ReadBytes(size_t n, std::string_view& out) {
    if (bytes_.size() < n) return false;
    out = bytes_.substr(0, n);
    bytes_.remove_prefix(n);
    return true;
  }
  size_t remaining() const { return bytes_.size(); }

 private:
  std::string_view bytes_;
};

absl::Status Corrupt(std::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat("language model is corrupt or not a Warta langid model: ",
                   std::string(what)));
}

}  // namespace

uint32_t NusantaraWordFeature(std::string_view word,
                              const NusantaraFeatureConfig& config) {
  return Mix(NusantaraWordTableKey(word)) >> (32 - config.bucket_bits);
}

uint32_t NusantaraWordTableKey(std::string_view word) {
  std::string padded = "_";
  padded.append(word);
  padded += '_';
  return Fnv1a(padded.data(), static_cast<int>(padded.size()), kWordSeed);
}

void ExtractNusantaraFeatures(std::string_view text,
                              const NusantaraFeatureConfig& config,
                              std::vector<uint32_t>& features,
                              std::vector<NusantaraWordKey>* words_out) {
  const int shift = 32 - config.bucket_bits;
  char word[kMaxWordBytes + 2];
  uint32_t previous_word = 0;
  bool sentence_start = true;
  int words = 0;
  size_t i = 0;
  while (i < text.size() && words < config.max_words) {
    if (!IsWordByte(text, i)) {
      // Digits and punctuation break word pairs only at sentence ends, so
      // "pada 2024 ini" still pairs as words would in running text.
      char c = text[i];
      if (c == '.' || c == '!' || c == '?' || c == '\n') {
        previous_word = 0;
        sentence_start = true;
      }
      ++i;
      continue;
    }
    size_t start = i;
    while (i < text.size() && IsWordByte(text, i)) ++i;
    int size = static_cast<int>(i - start);
    if (size > kMaxWordBytes) {
      previous_word = 0;
      continue;
    }
    ++words;
    word[0] = '_';
    for (int k = 0; k < size; ++k) {
      char c = text[start + k];
      word[k + 1] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
    }
    word[size + 1] = '_';
    const int padded = size + 2;
    const uint32_t word_hash = Fnv1a(word, padded, kWordSeed);
    if (words_out != nullptr) {
      const bool capitalised = text[start] >= 'A' && text[start] <= 'Z';
      words_out->push_back({word_hash, capitalised && !sentence_start});
    }
    sentence_start = false;
    if (config.word_unigrams) features.push_back(Mix(word_hash) >> shift);
    if (config.word_bigrams && previous_word != 0) {
      features.push_back(Mix(previous_word * 31u + word_hash + kBigramSeed) >>
                         shift);
    }
    previous_word = word_hash;
    for (int n = config.min_ngram; n <= config.max_ngram; ++n) {
      for (int k = 0; k + n <= padded; ++k) {
        features.push_back(Mix(Fnv1a(word + k, n, static_cast<uint32_t>(n))) >>
                           shift);
      }
    }
  }
}

std::string SerializeNusantaraModel(const NusantaraModelData& data) {
  std::string out(kMagic, sizeof(kMagic));
  Append(out, kVersion);
  const NusantaraFeatureConfig& c = data.config;
  Append(out, static_cast<uint32_t>(c.bucket_bits));
  Append(out, static_cast<uint32_t>(c.min_ngram));
  Append(out, static_cast<uint32_t>(c.max_ngram));
  Append(out, static_cast<uint32_t>((c.word_unigrams ? 1 : 0) |
                                    (c.word_bigrams ? 2 : 0)));
  Append(out, static_cast<uint32_t>(c.max_words));
  Append(out, static_cast<uint32_t>(data.classes.size()));
  for (const std::string& code : data.classes) {
    Append(out, static_cast<uint8_t>(code.size()));
    out += code;
  }
  for (float b : data.bias) Append(out, b);
  float max_abs = 0;
  for (float w : data.weights) max_abs = std::max(max_abs, std::fabs(w));
  const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  Append(out, scale);
  for (float w : data.weights) {
    Append(out, static_cast<int16_t>(std::lround(w / scale)));
  }
  // The word table, by key, entries with one key merged.
  std::map<uint32_t, std::pair<uint8_t, std::vector<float>>> table;
  for (const NusantaraWord& w : data.words) {
    auto& [tags, delta] = table[NusantaraWordTableKey(w.word)];
    tags |= w.tags;
    delta.resize(data.classes.size(), 0.0f);
    for (size_t c = 0; c < delta.size() && c < w.delta.size(); ++c) delta[c] += w.delta[c];
  }
  Append(out, static_cast<uint32_t>(table.size()));
  for (const auto& [key, entry] : table) {
    Append(out, key);
    Append(out, entry.first);
    for (float d : entry.second) Append(out, d);
  }
  return out;
}

absl::StatusOr<std::unique_ptr<NusantaraModel>> NusantaraModel::Create(
    std::string_view bytes) {
  if (bytes.empty()) {
    return absl::InvalidArgumentError(
        "language model bytes are empty (expected the contents of "
        "models/langid/nusantara-v1.bin)");
  }
  Reader reader(bytes);
  std::string_view magic;
  if (!reader.ReadBytes(sizeof(kMagic), magic) ||
      std::memcmp(magic.data(), kMagic, sizeof(kMagic)) != 0) {
    return Corrupt("bad magic");
  }
  uint32_t version = 0, bucket_bits = 0, min_ngram = 0, max_ngram = 0,
           flags = 0, max_words = 0, num_classes = 0;
  if (!reader.Read(version) || version < 1 || version > kVersion) {
    return Corrupt(absl::StrCat("unsupported version ", version));
  }
  if (!reader.Read(bucket_bits) || !reader.Read(min_ngram) ||
      !reader.Read(max_ngram) || !reader.Read(flags) ||
      !reader.Read(max_words) || !reader.Read(num_classes)) {
    return Corrupt("truncated header");
  }
  if (bucket_bits < 8 || bucket_bits > 24 || min_ngram < 1 ||
      max_ngram < min_ngram || max_ngram > 8 || num_classes < 2 ||
      num_classes > 64 || max_words == 0) {
    return Corrupt("header out of range");
  }
  auto model = std::unique_ptr<NusantaraModel>(new NusantaraModel());
  NusantaraFeatureConfig& c = model->config_;
  c.bucket_bits = static_cast<int>(bucket_bits);
  c.min_ngram = static_cast<int>(min_ngram);
  c.max_ngram = static_cast<int>(max_ngram);
  c.word_unigrams = (flags & 1) != 0;
  c.word_bigrams = (flags & 2) != 0;
  c.max_words = static_cast<int>(max_words);
  for (uint32_t k = 0; k < num_classes; ++k) {
    uint8_t size = 0;
    std::string_view code;
    if (!reader.Read(size) || !reader.ReadBytes(size, code)) {
      return Corrupt("truncated class list");
    }
    model->classes_.emplace_back(code);
  }
  model->bias_.resize(num_classes);
  for (float& b : model->bias_) {
    if (!reader.Read(b)) return Corrupt("truncated biases");
  }
  if (!reader.Read(model->scale_)) return Corrupt("truncated scale");
  const size_t count = (size_t{1} << bucket_bits) * num_classes;
  std::string_view raw;
  if (!reader.ReadBytes(count * sizeof(int16_t), raw)) {
    return Corrupt(absl::StrCat("expected ", count * sizeof(int16_t),
                                " weight bytes, found ", reader.remaining()));
  }
  model->weights_.resize(count);
  std::memcpy(model->weights_.data(), raw.data(), raw.size());
  uint32_t num_words = 0;
  if (version >= 2 && !reader.Read(num_words)) return Corrupt("truncated word table");
  for (uint32_t e = 0; e < num_words; ++e) {
    uint32_t key = 0;
    uint8_t tags = 0;
    if (!reader.Read(key) || !reader.Read(tags)) return Corrupt("truncated word table");
    model->word_keys_.push_back(key);
    model->word_tags_.push_back(tags);
    for (uint32_t c = 0; c < num_classes; ++c) {
      float delta = 0;
      if (!reader.Read(delta)) return Corrupt("truncated word table");
      model->word_deltas_.push_back(delta);
    }
  }
  // At most half full, so probes stay short.
  model->slots_.assign(std::bit_ceil(std::max<size_t>(2 * num_words, 16)), 0);
  const size_t mask = model->slots_.size() - 1;
  for (uint32_t e = 0; e < num_words; ++e) {
    size_t slot = Mix(model->word_keys_[e]) & mask;
    while (model->slots_[slot] != 0) {
      if (model->word_keys_[model->slots_[slot] - 1] == model->word_keys_[e]) {
        return Corrupt("word table key twice");
      }
      slot = (slot + 1) & mask;
    }
    model->slots_[slot] = e + 1;
  }
  if (reader.remaining() != 0) return Corrupt("trailing bytes");
  return model;
}

int NusantaraModel::FindWord(uint32_t key) const {
  const size_t mask = slots_.size() - 1;
  for (size_t slot = Mix(key) & mask; slots_[slot] != 0; slot = (slot + 1) & mask) {
    const uint32_t e = slots_[slot] - 1;
    if (word_keys_[e] == key) return static_cast<int>(e);
  }
  return -1;
}

int NusantaraModel::Score(std::string_view text,
                          std::span<double> logits) const {
  const size_t k = classes_.size();
  // Per-thread scratch: Score is called per sentence and per article, and a
  // fresh vector each time would cost more than the lookups.
  thread_local std::vector<uint32_t> features;
  thread_local std::vector<NusantaraWordKey> words;
  features.clear();
  words.clear();
  ExtractNusantaraFeatures(text, config_, features,
                           word_keys_.empty() ? nullptr : &words);
  // Integer sums are exact and order-independent; one multiply at the end.
  int64_t sums[64] = {};
  for (uint32_t f : features) {
    const int16_t* row = weights_.data() + static_cast<size_t>(f) * k;
    for (size_t c = 0; c < k; ++c) sums[c] += row[c];
  }
  for (size_t c = 0; c < k; ++c) {
    logits[c] = bias_[c] + static_cast<double>(sums[c]) * scale_;
  }
  for (const NusantaraWordKey& w : words) {
    if (w.name) continue;
    const int e = FindWord(w.key);
    if (e < 0) continue;
    const float* delta = word_deltas_.data() + static_cast<size_t>(e) * k;
    for (size_t c = 0; c < k; ++c) logits[c] += delta[c];
  }
  return static_cast<int>(features.size());
}

WordEvidence NusantaraModel::Evidence(std::string_view text) const {
  thread_local std::vector<uint32_t> features;
  thread_local std::vector<NusantaraWordKey> words;
  features.clear();
  words.clear();
  // Only the words are wanted; n-grams off keeps this cheap.
  NusantaraFeatureConfig words_only = config_;
  words_only.word_unigrams = words_only.word_bigrams = false;
  words_only.min_ngram = 1;
  words_only.max_ngram = 0;
  ExtractNusantaraFeatures(text, words_only, features, &words);
  WordEvidence evidence;
  evidence.words = static_cast<int>(words.size());
  for (const NusantaraWordKey& w : words) {
    if (w.name) continue;
    ++evidence.counted;
    const int e = FindWord(w.key);
    if (e < 0) continue;
    evidence.family += (word_tags_[e] & kFamilyVocabulary) != 0;
    evidence.english += (word_tags_[e] & kEnglishVocabulary) != 0;
  }
  return evidence;
}

}  // namespace warta::enrichment
