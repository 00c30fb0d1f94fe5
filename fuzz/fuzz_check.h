// Check() for the libFuzzer targets: a broken invariant aborts, which
// libFuzzer reports as a crash and saves the input for.
#ifndef WARTA_FUZZ_FUZZ_CHECK_H_
#define WARTA_FUZZ_FUZZ_CHECK_H_

#include <cstdlib>

namespace warta::fuzz {

inline void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace warta::fuzz

#endif  // WARTA_FUZZ_FUZZ_CHECK_H_
