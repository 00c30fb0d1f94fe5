#include "enrichment/entities/ner_features.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "unicode/locid.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"
#include "unicode/utf8.h"

namespace warta::enrichment::ner {

std::string_view TypeName(int type) {
  switch (type) {
    case 0: return "PERSON";
    case 1: return "ORGANIZATION";
    case 2: return "LOCATION";
  }
  return "O";
}

std::string TagName(int tag) {
  if (tag == kOutside) return "O";
  return std::string(IsInside(tag) ? "I-" : "B-") + std::string(TypeName(TagType(tag)));
}

uint8_t FrequencyBucket(double frequency) {
  if (!(frequency > 0)) return 0;
  const double zipf = std::log10(frequency) + 9;
  if (zipf < 3.5) return 1;
  return static_cast<uint8_t>(std::min(6.0, 2 + std::floor((zipf - 3.5) * 2)));
}

NerResources::NerResources(std::vector<std::string> words, std::vector<LexEntry> entries,
                           std::vector<GazetteerEntry> gazetteer)
    : words_(std::move(words)), entries_(std::move(entries)), gazetteer_(std::move(gazetteer)) {
  index_.reserve(words_.size());
  for (int i = 0; i < static_cast<int>(words_.size()); ++i) index_.emplace(words_[i], i);
  for (int i = 0; i < static_cast<int>(gazetteer_.size()); ++i) {
    const GazetteerEntry& g = gazetteer_[i];
    if (g.tokens.empty() || g.source < 0 || g.source >= kNumGazetteerSources) continue;
    gaz_first_[g.source][g.tokens[0]].push_back(i);
  }
  for (auto& map : gaz_first_) {
    for (auto& [first, list] : map) {
      std::stable_sort(list.begin(), list.end(), [this](int a, int b) {
        return gazetteer_[a].tokens.size() > gazetteer_[b].tokens.size();
      });
    }
  }
}

void NerResources::GazetteerTags(const std::vector<std::string_view>& lower, int source,
                                 std::vector<uint8_t>* tags) const {
  const int n = static_cast<int>(lower.size());
  tags->assign(n, 0);
  const auto& first = gaz_first_[source];
  if (first.empty()) return;
  for (int i = 0; i < n;) {
    auto it = first.find(absl::string_view(lower[i].data(), lower[i].size()));
    int matched = 0;
    if (it != first.end()) {
      for (int e : it->second) {
        const auto& toks = gazetteer_[e].tokens;
        const int len = static_cast<int>(toks.size());
        if (i + len > n) continue;
        bool ok = true;
        for (int k = 1; k < len && ok; ++k) ok = toks[k] == lower[i + k];
        if (!ok) continue;
        (*tags)[i] = static_cast<uint8_t>(BeginTag(gazetteer_[e].type));
        for (int k = 1; k < len; ++k) (*tags)[i + k] = static_cast<uint8_t>(InsideTag(gazetteer_[e].type));
        matched = len;
        break;
      }
    }
    i += matched > 0 ? matched : 1;
  }
}

void AppendLower(std::string_view text, std::string* out) {
  bool ascii = true;
  for (unsigned char c : text) ascii &= c < 0x80;
  if (ascii) {
    for (unsigned char c : text) out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    return;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.toLower(icu::Locale::getRoot());
  u.toUTF8String(*out);
}

std::string ToLower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendLower(text, &out);
  return out;
}

CaseClass ClassifyCase(std::string_view word) {
  int upper = 0, lower = 0, letters = 0;
  bool first_upper = false;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t len = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    if (s[i] < 0x80) {
      c = s[i++];
      if (c >= 'A' && c <= 'Z') {
        if (letters == 0) first_upper = true;
        ++upper;
        ++letters;
      } else if (c >= 'a' && c <= 'z') {
        ++lower;
        ++letters;
      }
      continue;
    }
    U8_NEXT(s, i, len, c);
    if (c < 0) continue;
    if (u_isupper(c) || u_istitle(c)) {
      if (letters == 0) first_upper = true;
      ++upper;
      ++letters;
    } else if (u_isalpha(c)) {
      ++lower;
      ++letters;
    }
  }
  if (letters == 0) return CaseClass::kNoLetters;
  if (upper == 0) return CaseClass::kLower;
  if (lower == 0) return letters == 1 ? CaseClass::kInitialUpper : CaseClass::kAllUpper;
  if (first_upper && upper == 1) return CaseClass::kInitialUpper;
  return CaseClass::kMixed;
}

bool SentenceHasCase(const std::vector<std::string_view>& words) {
  bool upper = false, lower = false;
  for (std::string_view w : words) {
    switch (ClassifyCase(w)) {
      case CaseClass::kLower: lower = true; break;
      case CaseClass::kInitialUpper:
      case CaseClass::kMixed: upper = true; lower |= w.size() > 1; break;
      case CaseClass::kAllUpper: upper = true; break;
      default: break;
    }
    if (upper && lower) return true;
  }
  return false;
}

void AnalyzeSentence(const std::vector<std::string_view>& words,
                     const NerResources& resources, std::string* lower_storage,
                     std::vector<TokenInfo>* infos) {
  const int n = static_cast<int>(words.size());
  lower_storage->clear();
  std::vector<int> ends(n);
  for (int i = 0; i < n; ++i) {
    AppendLower(words[i], lower_storage);
    ends[i] = static_cast<int>(lower_storage->size());
  }
  std::vector<std::string_view> lower(n);
  for (int i = 0, begin = 0; i < n; begin = ends[i], ++i) {
    lower[i] = std::string_view(*lower_storage).substr(begin, ends[i] - begin);
  }
  std::vector<uint8_t> gaz, gaz_train;
  resources.GazetteerTags(lower, 0, &gaz);
  resources.GazetteerTags(lower, 1, &gaz_train);
  const bool cased = SentenceHasCase(words);
  infos->resize(n);
  for (int i = 0; i < n; ++i) {
    TokenInfo& t = (*infos)[i];
    t.lower = lower[i];
    const int idx = resources.Find(lower[i]);
    t.lex = idx < 0 ? nullptr : &resources.entries()[idx];
    const CaseClass cc = ClassifyCase(words[i]);
    t.case_class = (cased || cc == CaseClass::kNoLetters) ? cc : CaseClass::kCaseless;
    t.gaz = gaz[i];
    t.gaz_train = gaz_train[i];
  }
  // Capitalised runs (never in caseless sentences: no token is kInitialUpper
  // there).
  for (int i = 0; i < n;) {
    const CaseClass cc = (*infos)[i].case_class;
    const bool capital = cc == CaseClass::kInitialUpper || cc == CaseClass::kAllUpper || cc == CaseClass::kMixed;
    int j = i + 1;
    if (capital) {
      while (j < n) {
        const CaseClass c = (*infos)[j].case_class;
        if (c != CaseClass::kInitialUpper && c != CaseClass::kAllUpper && c != CaseClass::kMixed) break;
        ++j;
      }
    }
    for (int k = i; k < j; ++k) {
      (*infos)[k].run_begin = capital ? i : k;
      (*infos)[k].run_end = capital ? j : k;
    }
    i = j;
  }
}

namespace {

// "10.000" -> "0.0", "jong-un" -> "a-a", "(" -> "(".
std::string FormShape(std::string_view lower) {
  std::string out;
  char last = 0;
  for (unsigned char c : lower) {
    char m;
    if (c >= '0' && c <= '9') m = '0';
    else if ((c >= 'a' && c <= 'z') || c >= 0x80) m = 'a';
    else m = static_cast<char>(c);
    if (m != last) out.push_back(m);
    last = m;
    if (out.size() >= 6) break;
  }
  return out;
}

int LengthBucket(size_t n) {
  if (n <= 3) return static_cast<int>(n);
  if (n <= 5) return 4;
  if (n <= 8) return 5;
  return 6;
}

}  // namespace

uint64_t BigramFeature(int offset, std::string_view left, std::string_view right) {
  return HashMore(HashMore(HashMore(HashStart(kBigram, offset), left), "\x01"), right);
}

void LexicalFeatures(std::string_view lower, const LexEntry* lex, int offset,
                     std::vector<uint64_t>* out) {
  out->push_back(Feature(kWord, offset, lower));
  if (lex != nullptr && lex->coarse_cluster >= 0) {
    out->push_back(Feature(kCoarse, offset, lex->coarse_cluster));
  }
  if (offset < -1 || offset > 1) return;
  if (lex != nullptr && lex->cluster >= 0) out->push_back(Feature(kCluster, offset, lex->cluster));
  out->push_back(Feature(kForm, offset, FormShape(lower)));
  if (offset != 0) return;
  out->push_back(Feature(kLength, 0, LengthBucket(lower.size())));
  for (size_t k = 1; k <= 3 && k < lower.size(); ++k) {
    out->push_back(Feature(kPrefix, static_cast<int>(k), lower.substr(0, k)));
  }
  for (size_t k = 1; k <= 4 && k < lower.size(); ++k) {
    out->push_back(Feature(kSuffix, static_cast<int>(k), lower.substr(lower.size() - k)));
  }
}

void RunFeatures(const std::vector<TokenInfo>& s, int i, std::vector<uint64_t>* out) {
  const int b = s[i].run_begin, e = s[i].run_end;
  if (e - b < 2) return;
  if (i > b) out->push_back(Feature(kRunFirst, 0, s[b].lower));
  if (i + 1 < e) out->push_back(Feature(kRunLast, 0, s[e - 1].lower));
  if (i > b && b > 0) out->push_back(Feature(kRunPrev, 0, s[b - 1].lower));
  // Run length (capped) by position: first, 2nd..5th, and whether last.
  out->push_back(Feature(kRunShape, 0, std::min(e - b, 6), std::min(i - b, 4) + 8 * (i + 1 == e)));
}

void FrequencyFeatures(const std::vector<TokenInfo>& s, int i, std::vector<uint64_t>* out) {
  const int n = static_cast<int>(s.size());
  for (int k = -1; k <= 1; ++k) {
    const int j = i + k;
    if (j < 0 || j >= n) continue;
    out->push_back(Feature(kFreq, k, static_cast<int>(s[j].case_class), s[j].lex ? s[j].lex->freq_id : 0));
  }
  const int cc = static_cast<int>(s[i].case_class);
  const LexEntry* lex = s[i].lex;
  if (i == 0) out->push_back(Feature(kFreq, kFreqFirstOffset, cc, lex ? lex->freq_id : 0));
  out->push_back(Feature(kFreqEn, 0, cc, lex ? lex->freq_en : 0));
  out->push_back(Feature(kFreqCap, 0, cc * kNumCapBuckets + (lex ? lex->cap_bucket : 0),
                         lex ? lex->freq_id : 0));
}

void TokenFeatures(const std::vector<TokenInfo>& s, int i, std::vector<uint64_t>* out) {
  const int n = static_cast<int>(s.size());
  out->push_back(Feature(kBias, 0, 0));
  for (int k = -2; k <= 2; ++k) {
    const int j = i + k;
    if (j < 0 || j >= n) {
      if (k == -1 || k == 1) out->push_back(Feature(kBoundary, k, 0));
      continue;
    }
    LexicalFeatures(s[j].lower, s[j].lex, k, out);
    if (k >= -1 && k <= 1) {
      out->push_back(Feature(kCase, k, static_cast<int>(s[j].case_class)));
      if (s[j].gaz != 0) out->push_back(Feature(kGaz, k, s[j].gaz));
      if (s[j].gaz_train != 0) out->push_back(Feature(kGazTrain, k, s[j].gaz_train));
    }
  }
  const int cc = static_cast<int>(s[i].case_class);
  out->push_back(Feature(kCaseCap, 0, cc, s[i].lex ? s[i].lex->cap_bucket : 0));
  if (i == 0) out->push_back(Feature(kFirst, 0, cc));
  out->push_back(Feature(kCasePair, -1, i > 0 ? static_cast<int>(s[i - 1].case_class) : kNumCaseClasses, cc));
  out->push_back(Feature(kCasePair, 1, cc, i + 1 < n ? static_cast<int>(s[i + 1].case_class) : kNumCaseClasses));
  if (i > 0) out->push_back(BigramFeature(-1, s[i - 1].lower, s[i].lower));
  if (i + 1 < n) out->push_back(BigramFeature(1, s[i].lower, s[i + 1].lower));
  RunFeatures(s, i, out);
  FrequencyFeatures(s, i, out);
}

}  // namespace warta::enrichment::ner
