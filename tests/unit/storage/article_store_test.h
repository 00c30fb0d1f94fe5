// The behavioural tests every ArticleStore backend must pass
// (article_store_test.cc), parameterised over a backend factory. Each
// backend's test file instantiates them:
//   INSTANTIATE_TEST_SUITE_P(Sqlite, ArticleStoreTest,
//                            ::testing::Values(StoreFactory{"Sqlite", ...}),
//                            StoreFactoryName);
#ifndef WARTA_TESTS_UNIT_STORAGE_ARTICLE_STORE_TEST_H_
#define WARTA_TESTS_UNIT_STORAGE_ARTICLE_STORE_TEST_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "storage/store.h"
#include "tests/testing/shared_data.h"

namespace warta::storage::testing {

// Opens a store on a fresh, empty database, stamping changes with `clock`.
struct StoreFactory {
  std::string name;
  std::function<absl::StatusOr<std::unique_ptr<ArticleStore>>(
      std::function<absl::Time()> clock)>
      open;
};

inline std::string StoreFactoryName(
    const ::testing::TestParamInfo<StoreFactory>& info) {
  return info.param.name;
}

class ArticleStoreTest : public ::testing::TestWithParam<StoreFactory> {
 protected:
  void SetUp() override {
    auto store = GetParam().open([this] {
      return fake_now_ == absl::InfinitePast() ? absl::Now() : fake_now_;
    });
    if (absl::IsUnavailable(store.status())) WARTA_SKIP_UNLESS_CI(store.status());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  // When set, the time the store stamps on changes.
  absl::Time fake_now_ = absl::InfinitePast();
  std::unique_ptr<ArticleStore> store_;
};

}  // namespace warta::storage::testing

#endif  // WARTA_TESTS_UNIT_STORAGE_ARTICLE_STORE_TEST_H_
