// Helpers shared by the text stage tests.
#ifndef WARTA_TESTS_UNIT_TEXT_CLEAN_TEST_UTIL_H_
#define WARTA_TESTS_UNIT_TEXT_CLEAN_TEST_UTIL_H_

#include <string>
#include <vector>

#include "enrichment/text/cleaner.h"
#include "gtest/gtest.h"

namespace warta::enrichment::testing {

// Runs a default Cleaner over `doc` (original, title_hint, source set).
inline Document Cleaned(Document doc) {
  auto cleaner = Cleaner::Create({});
  EXPECT_TRUE(cleaner.ok());
  EXPECT_TRUE((*cleaner)->Process(doc).ok());
  return doc;
}

// The reasons of clean.removed, in page order.
inline std::vector<std::string> RemovedReasons(const Document& doc) {
  std::vector<std::string> out;
  for (const RemovedSpan& r : doc.clean.removed) out.push_back(r.reason);
  return out;
}

}  // namespace warta::enrichment::testing

#endif  // WARTA_TESTS_UNIT_TEXT_CLEAN_TEST_UTIL_H_
