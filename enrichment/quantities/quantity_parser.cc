#include "enrichment/quantities/quantity_parser.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "enrichment/quantities/quantity_lexicon.h"
#include "enrichment/segment/token_pieces.h"

namespace warta::enrichment {
namespace {

using quantity_lexicon::Qualifier;
using quantity_lexicon::PrefixQualifiersByFirstWord;
using quantity_lexicon::ScaleWords;
using quantity_lexicon::OrderWords;
using quantity_lexicon::NumberWords;
using quantity_lexicon::NumberMultipliers;
using quantity_lexicon::CurrencyWords;
using quantity_lexicon::UnitStopWords;
using quantity_lexicon::MonthWords;
using quantity_lexicon::YearFollowerWords;
using quantity_lexicon::LabelWords;
using quantity_lexicon::ClassifierWords;
using quantity_lexicon::ModifierWords;

bool IsLowerInitial(std::string_view s) {
  return !s.empty() && s[0] >= 'a' && s[0] <= 'z';
}

bool LooksLikeVerb(std::string_view lower) {
  // Indonesian verbal prefixes; the words that carry them are rarely the
  // counted thing ("tentara berada", "orang tewas" stays one word).
  for (std::string_view p : {"me", "ber", "di", "ter"}) {
    if (lower.size() > p.size() + 2 && lower.substr(0, p.size()) == p) {
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------

class Finder {
 public:
  // `pieces` are of `text` (token_pieces.h); offsets in the result are
  // shifted by `base`.
  Finder(std::string_view text, std::vector<Piece> pieces, NumberStyle style, int base)
      : text_(text), style_(style), base_(base), pieces_(std::move(pieces)) {
    lower_.reserve(pieces_.size());
    for (const Piece& p : pieces_) lower_.push_back(AsciiLower(Str(p)));
  }

  std::vector<FoundQuantity> Run() {
    std::vector<FoundQuantity> out;
    size_t i = 0;
    while (i < pieces_.size()) {
      size_t next = i + 1;
      if (auto q = MatchAt(i, &next)) {
        out.push_back(std::move(*q));
        i = next;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  std::string_view Str(const Piece& p) const {
    return text_.substr(p.begin, p.end - p.begin);
  }
  bool IsPunct(size_t i, std::string_view s) const {
    return i < pieces_.size() && pieces_[i].kind == PieceKind::kPunct &&
           Str(pieces_[i]) == s;
  }
  bool IsWord(size_t i) const {
    return i < pieces_.size() && pieces_[i].kind == PieceKind::kWord;
  }
  // True when pieces i and i+1 touch (no space between).
  bool Touching(size_t i) const {
    return i + 1 < pieces_.size() && !pieces_[i + 1].space_before;
  }

  // Currency written before the amount: "Rp", "$", "US$", "€", "USD".
  std::optional<std::string> CurrencyPrefix(size_t i, size_t* next) const {
    if (i >= pieces_.size()) return std::nullopt;
    const std::string& w = lower_[i];
    auto number_follows = [&](size_t j) {
      return j < pieces_.size() && pieces_[j].kind == PieceKind::kNumber;
    };
    if (pieces_[i].kind == PieceKind::kPunct) {
      std::string_view s = Str(pieces_[i]);
      std::string code = s == "$" ? "USD" : s == "€" ? "EUR" : s == "£" ? "GBP"
                         : s == "¥" ? "JPY" : "";
      if (!code.empty() && number_follows(i + 1)) {
        *next = i + 1;
        return code;
      }
      return std::nullopt;
    }
    if (!IsWord(i)) return std::nullopt;
    if ((w == "us" || w == "as" || w == "s") && IsPunct(i + 1, "$") &&
        Touching(i) && number_follows(i + 2)) {
      *next = i + 2;
      return "USD";
    }
    if (w == "rp") {
      size_t j = i + 1;
      if (IsPunct(j, ".")) ++j;
      if (number_follows(j)) {
        *next = j;
        return "IDR";
      }
    }
    if ((w == "usd" || w == "eur" || w == "idr" || w == "gbp") &&
        number_follows(i + 1)) {
      *next = i + 1;
      return AsciiLower(w) == "usd"   ? "USD"
             : AsciiLower(w) == "eur" ? "EUR"
             : AsciiLower(w) == "idr" ? "IDR"
                                      : "GBP";
    }
    return std::nullopt;
  }

  // Number words: "satu", "dua puluh lima", "seratus", "twenty".
  std::optional<double> NumberWordsAt(size_t i, size_t* next) const {
    double acc = 0;
    double digit = 0;
    bool any = false;
    size_t j = i;
    const auto& words = NumberWords();
    const auto& mults = NumberMultipliers();
    while (IsWord(j)) {
      const std::string& w = lower_[j];
      if (auto it = words.find(w); it != words.end()) {
        if (digit != 0) break;  // "satu dua": two numbers, stop
        digit = it->second;
        any = true;
      } else if (auto mt = mults.find(w); mt != mults.end() && digit != 0) {
        acc += mt->second < 0 ? digit + 10 : digit * mt->second;
        digit = 0;
      } else {
        break;
      }
      ++j;
    }
    if (!any) return std::nullopt;
    *next = j;
    return acc + digit;
  }

  std::optional<FoundQuantity> MatchAt(size_t i, size_t* next_out) const {
    FoundQuantity fq;
    Quantity& q = fq.quantity;
    size_t j = i;

    // 1. Qualifier before the number; "antara" / "between" open a range.
    const bool between = IsWord(i) && (lower_[i] == "antara" || lower_[i] == "between");
    if (between) ++j;
    const auto& by_first_word = PrefixQualifiersByFirstWord();
    const auto candidates =
        between || !IsWord(i) ? by_first_word.end() : by_first_word.find(lower_[i]);
    if (candidates != by_first_word.end()) {
      for (const Qualifier* qual : candidates->second) {
        bool ok = true;
        for (size_t k = 1; k < qual->words.size(); ++k) {
          if (!IsWord(i + k) || lower_[i + k] != qual->words[k]) {
            ok = false;
            break;
          }
        }
        if (ok) {
          q.qualifier = std::string(qual->qualifier);
          j = i + qual->words.size();
          break;
        }
      }
    }
    const bool has_prefix_qualifier = j != i && !between;

    // 2. Currency sign, then the number.
    size_t after = j;
    if (auto cur = CurrencyPrefix(j, &after)) {
      fq.currency = *cur;
      j = after;
    }
    if (j >= pieces_.size()) return std::nullopt;
    const size_t number_piece = j;
    bool bare_digits = false;
    double value = 0;
    if (pieces_[j].kind == PieceKind::kNumber) {
      auto v = ParseNumeral(Str(pieces_[j]), style_);
      if (!v) return std::nullopt;
      value = *v;
      bare_digits = true;
      ++j;
    } else if (auto it = OrderWords().find(lower_[j]);
               IsWord(j) && it != OrderWords().end()) {
      value = it->second;
      q.exact_value = false;
      q.qualifier = "order_of_magnitude";
      ++j;
      // "tens of thousands of troops", "puluhan ribu".
      while (IsWord(j) && lower_[j] == "of" && IsWord(j + 1) &&
             OrderWords().count(lower_[j + 1])) {
        value *= OrderWords().at(lower_[j + 1]);
        j += 2;
      }
      if (IsWord(j) && lower_[j] == "of") ++j;
    } else if (auto v = NumberWordsAt(j, &after)) {
      // "salah satu" is "one of", not a count.
      if (j > 0 && IsWord(j - 1) && lower_[j - 1] == "salah") return std::nullopt;
      value = *v;
      j = after;
    } else {
      return std::nullopt;
    }

    // Dates and labels are not quantities.
    if (bare_digits) {
      if (IsPunct(number_piece + 1, "/") || IsPunct(number_piece + 1, ":") ||
          (number_piece > 0 && (IsPunct(number_piece - 1, "/") ||
                                IsPunct(number_piece - 1, ":")))) {
        return std::nullopt;
      }
      if (number_piece > 0 && IsWord(number_piece - 1) &&
          LabelWords().count(lower_[number_piece - 1]) &&
          fq.currency.empty() && !has_prefix_qualifier) {
        return std::nullopt;
      }
      if (number_piece > 0 && !pieces_[number_piece].space_before &&
          IsWord(number_piece - 1)) {
        return std::nullopt;  // "G20", "F16"
      }
    }

    // 3. Scale words: "3,5 juta", "1.5 billion".
    bool scaled = false;
    while (IsWord(j)) {
      auto it = ScaleWords().find(lower_[j]);
      if (it == ScaleWords().end()) break;
      value *= it->second;
      scaled = true;
      ++j;
    }

    // Ranges: "3.000-5.000", "10 hingga 12", "antara 10 dan 12", "3-5 juta".
    if (auto high = RangeEnd(number_piece, j, between, &after)) {
      double high_value = high->first;
      if (!scaled && high->second != 1) {
        value *= high->second;  // "3-5 juta": the scale is shared
        scaled = true;
      }
      if (high_value > value) {
        q.low = value;
        q.high = high_value;
        q.qualifier = "range";
        q.exact_value = false;
        j = after;
      }
    } else if (between) {
      return std::nullopt;  // "antara 10 orang": the number alone matches next
    }

    // 4. Currency or unit after the number.
    size_t end_piece = j;  // one past the last piece of the quantity
    if (fq.currency.empty() && IsWord(j)) {
      if (auto it = CurrencyWords().find(lower_[j]);
          it != CurrencyWords().end() &&
          (lower_[j] != "pound" || IsLowerInitial(Str(pieces_[j])))) {
        fq.currency = it->second;
        ++j;
        // "dolar AS", "dolar Amerika Serikat".
        if (fq.currency == "USD" && IsWord(j) &&
            (Str(pieces_[j]) == "AS" || Str(pieces_[j]) == "US")) {
          ++j;
        }
        end_piece = j;
      }
    }
    if (IsPunct(j, "%")) {
      q.unit = "%";
      end_piece = ++j;
    }
    if (IsWord(j) && MonthWords().count(lower_[j]) && bare_digits &&
        !has_prefix_qualifier && fq.currency.empty()) {
      return std::nullopt;  // "4 November"
    }
    // A year-like number ("2016") is a year when a verb or an adjective
    // follows it ("2016 dihasilkan", "2019 mendatang", "2016 naik"): the
    // story figures listed "2016 mengalami" as an amount.
    const bool year_like = bare_digits && !has_prefix_qualifier && value >= 1800 &&
                           value <= 2100 && Str(pieces_[number_piece]).size() == 4;
    if (fq.currency.empty() && q.unit.empty()) {
      size_t k = j;
      // English puts adjectives first: "10,000 North Korean troops".
      size_t skipped = 0;
      while (IsWord(k) && !IsLowerInitial(Str(pieces_[k])) && skipped < 3 &&
             IsWord(k + 1)) {
        ++k;
        ++skipped;
      }
      if (IsWord(k) && IsLowerInitial(Str(pieces_[k])) &&
          !UnitStopWords().count(lower_[k]) && !MonthWords().count(lower_[k]) &&
          !((skipped > 0 || year_like) && LooksLikeVerb(lower_[k])) &&
          !(year_like && YearFollowerWords().count(lower_[k])) &&
          !ScaleWords().count(lower_[k])) {
        if (skipped > 0 && !IsEnglishNoun(lower_[k])) {
          // Indonesian: the capitalised words belong to the next phrase.
        } else {
          q.unit = lower_[k];
          end_piece = ++k;
          if (IsWord(k) && IsLowerInitial(Str(pieces_[k])) &&
              !UnitStopWords().count(lower_[k]) && !LooksLikeVerb(lower_[k]) &&
              (ClassifierWords().count(q.unit) ||
               ModifierWords().count(lower_[k]))) {
            q.unit += " " + lower_[k];
            end_piece = ++k;
          }
        }
      }
    }

    // 5. Qualifier after the number: "10.000 lebih", "5,000 or more".
    if (q.qualifier == "exact") {
      if (IsWord(end_piece) && lower_[end_piece] == "lebih" &&
          !(IsWord(end_piece + 1) && (lower_[end_piece + 1] == "dari" ||
                                      lower_[end_piece + 1] == "daripada"))) {
        q.qualifier = "more_than";
        ++end_piece;
      } else if (IsWord(end_piece) && lower_[end_piece] == "or" &&
                 IsWord(end_piece + 1) && lower_[end_piece + 1] == "more") {
        q.qualifier = "at_least";
        end_piece += 2;
      }
    }

    // A bare year-like or one-word number with nothing around it is noise.
    const bool bare = !has_prefix_qualifier && fq.currency.empty() &&
                      q.unit.empty() && !scaled && q.exact_value;
    const bool year_range = q.high > q.low && q.high <= 2100 && value >= 1800 &&
                            Str(pieces_[number_piece]).size() == 4;
    if ((bare || year_range) && bare_digits && value >= 1800 && value <= 2100 &&
        Str(pieces_[number_piece]).size() == 4 && q.unit.empty() && fq.currency.empty()) {
      return std::nullopt;  // "2024", "1918-1919"
    }
    if (bare && !bare_digits) return std::nullopt;  // "salah satu", "one of"

    q.value = value;
    if (!fq.currency.empty()) q.unit = fq.currency;
    q.span.begin = pieces_[i].begin + base_;
    q.span.end = pieces_[end_piece - 1].end + base_;
    *next_out = end_piece;
    return fq;
  }

  // The upper end of a range starting at piece `j` (after the first
  // number and its scale): the connector, a number, its scale. Returns the
  // scaled value and the scale (1 when none).
  std::optional<std::pair<double, double>> RangeEnd(size_t number_start, size_t j,
                                                    bool between, size_t* next) const {
    size_t k = j;
    const bool dash = (IsPunct(k, "-") || IsPunct(k, "–")) && !pieces_[k].space_before;
    const bool word = IsWord(k) && (lower_[k] == "hingga" || lower_[k] == "sampai" ||
                                    lower_[k] == "to" ||
                                    (between && (lower_[k] == "dan" || lower_[k] == "and")));
    if (!dash && !word) return std::nullopt;
    // "naik dari 10 hingga 12", "rose from 10 to 12": a change, not a range.
    if (word && !between && number_start > 0 && IsWord(number_start - 1) &&
        (lower_[number_start - 1] == "dari" || lower_[number_start - 1] == "from")) {
      return std::nullopt;
    }
    ++k;
    if (k >= pieces_.size() || pieces_[k].kind != PieceKind::kNumber) return std::nullopt;
    if (dash && pieces_[k].space_before) return std::nullopt;
    auto v = ParseNumeral(Str(pieces_[k]), style_);
    if (!v) return std::nullopt;
    ++k;
    double scale = 1;
    while (IsWord(k)) {
      auto it = ScaleWords().find(lower_[k]);
      if (it == ScaleWords().end()) break;
      scale *= it->second;
      ++k;
    }
    *next = k;
    return std::make_pair(*v * scale, scale);
  }

  static bool IsEnglishNoun(std::string_view w) {
    // After capitalised adjectives, accept plural-looking English nouns only.
    return w.size() > 3 && w.back() == 's';
  }

  std::string_view text_;
  NumberStyle style_;
  int base_;
  std::vector<Piece> pieces_;
  std::vector<std::string> lower_;
};

}  // namespace

NumberStyle NumberStyleFor(std::string_view language) {
  if (language == "en") return NumberStyle::kEnglish;
  if (language == "id") return NumberStyle::kIndonesian;
  return NumberStyle::kAuto;
}

std::optional<double> ParseNumeral(std::string_view numeral, NumberStyle style) {
  if (numeral.empty() || numeral.size() > 40) return std::nullopt;
  int dots = 0, commas = 0;
  size_t last_dot = 0, last_comma = 0;
  for (size_t i = 0; i < numeral.size(); ++i) {
    const char c = numeral[i];
    if (c == '.') {
      ++dots;
      last_dot = i;
    } else if (c == ',') {
      ++commas;
      last_comma = i;
    } else if (c < '0' || c > '9') {
      return std::nullopt;
    }
  }
  const char first = numeral.front();
  const char last = numeral.back();
  if (first < '0' || first > '9' || last < '0' || last > '9') {
    return std::nullopt;
  }
  // Which character (if any) is the decimal mark.
  char decimal = 0;
  if (dots > 0 && commas > 0) {
    decimal = last_dot > last_comma ? '.' : ',';
    if ((decimal == '.' ? dots : commas) > 1) return std::nullopt;
  } else if (dots + commas == 1) {
    const char sep = dots ? '.' : ',';
    const size_t pos = dots ? last_dot : last_comma;
    const bool three_after = numeral.size() - pos - 1 == 3;
    switch (style) {
      case NumberStyle::kIndonesian:
        decimal = (sep == ',' || !three_after) ? sep : 0;
        break;
      case NumberStyle::kEnglish:
        decimal = (sep == '.' || !three_after) ? sep : 0;
        break;
      case NumberStyle::kAuto:
        decimal = three_after ? 0 : sep;
        break;
    }
  }
  double value = 0;
  double scale = 0;  // 0 while in the integer part
  for (const char c : numeral) {
    if (c == decimal) {
      scale = 0.1;
      continue;
    }
    if (c == '.' || c == ',') continue;  // thousands separator
    const int d = c - '0';
    if (scale == 0) {
      value = value * 10 + d;
    } else {
      value += d * scale;
      scale /= 10;
    }
  }
  return value;
}

std::vector<FoundQuantity> FindQuantities(std::string_view text,
                                          NumberStyle style, int base) {
  return Finder(text, PiecesOf(text), style, base).Run();
}

std::vector<FoundQuantity> FindQuantities(const Document& doc, NumberStyle style) {
  return Finder(doc.text, PiecesOfTokens(doc.text, doc.tokens), style, 0).Run();
}

std::string FormatQuantityValue(double value) {
  char buf[64];
  if (std::fabs(value) < 1e15 && value == std::floor(value)) {
    std::snprintf(buf, sizeof(buf), "%.0f", value);
  } else {
    std::snprintf(buf, sizeof(buf), "%.10g", value);
  }
  return buf;
}

std::string NormalizedQuantity(const FoundQuantity& q) {
  std::string out = FormatQuantityValue(q.quantity.value);
  if (!q.quantity.unit.empty()) out += " " + q.quantity.unit;
  return out;
}

}  // namespace warta::enrichment
