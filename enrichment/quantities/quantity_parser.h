// Numbers and quantities in news text, Indonesian and English:
// "sekitar 10.000 tentara" -> 10000 tentara, approximately;
// "lebih dari satu juta peluru artileri" -> 1000000, more_than;
// "200 juta euro ($218 juta)" -> 200000000 EUR and 218000000 USD;
// "ribuan pasukan" -> 1000 pasukan, order_of_magnitude, not exact.
//
// ParseNumeral / FindQuantities are pure functions over the segmenter's
// tokens (or a string_view), thread-safe. The enrichment stage that turns them into MONEY and
// QUANTITY entities is QuantityTagger (quantity_tagger.h).
#ifndef WARTA_ENRICHMENT_QUANTITIES_QUANTITY_PARSER_H_
#define WARTA_ENRICHMENT_QUANTITIES_QUANTITY_PARSER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "enrichment/document.h"

namespace warta::enrichment {

// How "." and "," are read inside a numeral.
enum class NumberStyle {
  kIndonesian,  // "10.000" = ten thousand, "3,5" = three and a half
  kEnglish,     // "10,000" = ten thousand, "3.5" = three and a half
  kAuto,        // unambiguous forms win ("1.234,5", "1,234.5", "10.000.000");
                // a lone separator before exactly three digits is a
                // thousands separator, otherwise a decimal point
};

// The style of a document's language, the one reading of numbers every
// stage shares: "en" kEnglish, "id" kIndonesian, anything else kAuto.
// Malay is kAuto: Malaysian text writes "10,000" and "3.5", and an
// Indonesian page taken for Malay (the pair is easy to confuse) writes
// "10.000" and "3,5"; kAuto reads both right.
NumberStyle NumberStyleFor(std::string_view language);

// Parses one numeral written in digits ("10.000", "3,5", "1,234.56").
// nullopt when `numeral` is not digits and separators only.
std::optional<double> ParseNumeral(std::string_view numeral, NumberStyle style);

// A quantity found in a text, with its offsets.
struct FoundQuantity {
  Quantity quantity;        // span is in the coordinates of FindQuantities
  std::string currency;     // ISO 4217 ("EUR", "USD", "IDR") when money
  bool is_money() const { return !currency.empty(); }
};

// Finds every quantity in a segmented Document, reading doc.tokens (the
// quantities stage). Offsets are into doc.text. Years ("2024"), days of
// dates ("4 November") and numbered things ("Pasal 4") are not quantities
// and are skipped.
std::vector<FoundQuantity> FindQuantities(const Document& doc, NumberStyle style);

// The same for a text that is not a Document (tests, fuzzing, one string):
// it is tokenised by the segmenter's rules (TokenizeText). Offsets in the
// result are byte offsets into `text` plus `base`.
std::vector<FoundQuantity> FindQuantities(std::string_view text,
                                          NumberStyle style = NumberStyle::kAuto,
                                          int base = 0);

// "10000 tentara", "200000000 EUR", "3.5 persen", "3000".
std::string NormalizedQuantity(const FoundQuantity& q);

// Formats a value without a trailing ".0" ("10000", "3.5").
std::string FormatQuantityValue(double value);

}  // namespace warta::enrichment

// Users that reached the tagger through this header (bench/claims).
#include "enrichment/quantities/quantity_tagger.h"  // IWYU pragma: export

#endif  // WARTA_ENRICHMENT_QUANTITIES_QUANTITY_PARSER_H_
