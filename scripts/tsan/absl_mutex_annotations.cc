// make tsan only (scripts/tsan/tsan.cmake links this into every binary of
// build-tsan/): tells ThreadSanitizer about absl::Mutex and absl::CondVar.
//
// Debian's abseil is not built with -fsanitize=thread, so its Mutex has no
// TSan annotations and TSan sees no synchronisation in Lock/Unlock: every
// access guarded by an absl::Mutex would be reported as a race (a two-thread
// counter under absl::MutexLock is). These definitions interpose the
// library's exported Mutex and CondVar functions (the executable's symbols
// come first for our code and for libgrpc, which locks absl::Mutex too), wrap
// each in the same __tsan_mutex_* annotations abseil's own mutex.cc uses when
// it is built with TSan, and call the library's function (dlsym RTLD_NEXT).
// Between pre_ and post_ annotations TSan ignores memory accesses, which also
// covers Condition functions the library evaluates while handing the lock on.
#include <dlfcn.h>
#include <sanitizer/tsan_interface.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

#define WARTA_STR2(x) #x
#define WARTA_STR(x) WARTA_STR2(x)

namespace {

// The mangled names below spell Debian's inline namespace (absl::debian3).
static_assert(std::char_traits<char>::compare(
                  WARTA_STR(ABSL_OPTION_INLINE_NAMESPACE_NAME), "debian3", 8) == 0,
              "abseil's inline namespace changed: update the mangled names");

void* RealOrDie(const char* mangled) {
  void* real = dlsym(RTLD_NEXT, mangled);
  if (real == nullptr) {
    std::fprintf(stderr, "tsan absl::Mutex annotations: %s not found: %s\n", mangled, dlerror());
    std::abort();
  }
  return real;
}

template <typename Fn>
Fn Real(const char* mangled) {
  return reinterpret_cast<Fn>(RealOrDie(mangled));
}

// Mutex's only member is its state word; kMuWriter (0x8) is set while a
// writer holds it. Await and CondVar waits may hold either kind of lock.
unsigned HeldFlags(const absl::Mutex* mu) {
  const auto* word = reinterpret_cast<const std::atomic<intptr_t>*>(mu);
  return (word->load(std::memory_order_relaxed) & 0x8) != 0 ? 0 : __tsan_mutex_read_lock;
}

void* Tsan(const absl::Mutex* mu) { return const_cast<absl::Mutex*>(mu); }

// The library calls some of these functions itself (CondVar::WaitWithTimeout
// calls WaitWithDeadline through the PLT, so it reaches ours): only the
// outermost call is annotated, or TSan would see a second unlock.
thread_local int depth = 0;

struct Outermost {
  Outermost() : outermost(depth++ == 0) {}
  ~Outermost() { --depth; }
  const bool outermost;
};

// Lock-and-wait operations: entered holding `mu`, which the library releases
// and takes again. The release is annotated before (a waiter may be woken by
// it), the acquisition after, and accesses in between are ignored.
template <typename Call>
auto WhileReleased(absl::Mutex* mu, Call call) {
  Outermost scope;
  if (!scope.outermost) return call();
  const unsigned flags = HeldFlags(mu);
  __tsan_mutex_pre_unlock(Tsan(mu), flags);
  auto result = call();
  __tsan_mutex_post_unlock(Tsan(mu), flags);
  __tsan_mutex_pre_lock(Tsan(mu), flags);
  __tsan_mutex_post_lock(Tsan(mu), flags, 0);
  return result;
}

template <typename Call>
auto Locking(absl::Mutex* mu, unsigned flags, Call call) {
  Outermost scope;
  if (!scope.outermost) return call();
  __tsan_mutex_pre_lock(Tsan(mu), flags);
  auto result = call();
  __tsan_mutex_post_lock(Tsan(mu), flags, 0);
  return result;
}

}  // namespace

namespace absl {
ABSL_NAMESPACE_BEGIN

Mutex::~Mutex() {
  static const auto real = Real<void (*)(Mutex*)>("_ZN4absl7debian35MutexD2Ev");
  __tsan_mutex_destroy(this, __tsan_mutex_not_static);
  real(this);
}

void Mutex::Lock() {
  static const auto real = Real<void (*)(Mutex*)>("_ZN4absl7debian35Mutex4LockEv");
  Locking(this, 0, [&] { real(this); return 0; });
}

void Mutex::ReaderLock() {
  static const auto real = Real<void (*)(Mutex*)>("_ZN4absl7debian35Mutex10ReaderLockEv");
  Locking(this, __tsan_mutex_read_lock, [&] { real(this); return 0; });
}

bool Mutex::TryLock() {
  static const auto real = Real<bool (*)(Mutex*)>("_ZN4absl7debian35Mutex7TryLockEv");
  Outermost scope;
  if (!scope.outermost) return real(this);
  __tsan_mutex_pre_lock(this, __tsan_mutex_try_lock);
  const bool locked = real(this);
  __tsan_mutex_post_lock(
      this, __tsan_mutex_try_lock | (locked ? 0 : __tsan_mutex_try_lock_failed), 0);
  return locked;
}

bool Mutex::ReaderTryLock() {
  static const auto real = Real<bool (*)(Mutex*)>("_ZN4absl7debian35Mutex13ReaderTryLockEv");
  Outermost scope;
  if (!scope.outermost) return real(this);
  __tsan_mutex_pre_lock(this, __tsan_mutex_try_read_lock);
  const bool locked = real(this);
  __tsan_mutex_post_lock(
      this, locked ? __tsan_mutex_try_read_lock : __tsan_mutex_try_read_lock_failed, 0);
  return locked;
}

void Mutex::Unlock() {
  static const auto real = Real<void (*)(Mutex*)>("_ZN4absl7debian35Mutex6UnlockEv");
  Outermost scope;
  if (!scope.outermost) return real(this);
  __tsan_mutex_pre_unlock(this, 0);
  real(this);
  __tsan_mutex_post_unlock(this, 0);
}

void Mutex::ReaderUnlock() {
  static const auto real = Real<void (*)(Mutex*)>("_ZN4absl7debian35Mutex12ReaderUnlockEv");
  Outermost scope;
  if (!scope.outermost) return real(this);
  __tsan_mutex_pre_unlock(this, __tsan_mutex_read_lock);
  real(this);
  __tsan_mutex_post_unlock(this, __tsan_mutex_read_lock);
}

void Mutex::LockWhen(const Condition& cond) {
  static const auto real =
      Real<void (*)(Mutex*, const Condition&)>("_ZN4absl7debian35Mutex8LockWhenERKNS0_9ConditionE");
  Locking(this, 0, [&] { real(this, cond); return 0; });
}

void Mutex::ReaderLockWhen(const Condition& cond) {
  static const auto real = Real<void (*)(Mutex*, const Condition&)>(
      "_ZN4absl7debian35Mutex14ReaderLockWhenERKNS0_9ConditionE");
  Locking(this, __tsan_mutex_read_lock, [&] { real(this, cond); return 0; });
}

bool Mutex::LockWhenWithTimeout(const Condition& cond, Duration timeout) {
  static const auto real = Real<bool (*)(Mutex*, const Condition&, Duration)>(
      "_ZN4absl7debian35Mutex19LockWhenWithTimeoutERKNS0_9ConditionENS0_8DurationE");
  return Locking(this, 0, [&] { return real(this, cond, timeout); });
}

bool Mutex::ReaderLockWhenWithTimeout(const Condition& cond, Duration timeout) {
  static const auto real = Real<bool (*)(Mutex*, const Condition&, Duration)>(
      "_ZN4absl7debian35Mutex25ReaderLockWhenWithTimeoutERKNS0_9ConditionENS0_8DurationE");
  return Locking(this, __tsan_mutex_read_lock, [&] { return real(this, cond, timeout); });
}

bool Mutex::LockWhenWithDeadline(const Condition& cond, Time deadline) {
  static const auto real = Real<bool (*)(Mutex*, const Condition&, Time)>(
      "_ZN4absl7debian35Mutex20LockWhenWithDeadlineERKNS0_9ConditionENS0_4TimeE");
  return Locking(this, 0, [&] { return real(this, cond, deadline); });
}

bool Mutex::ReaderLockWhenWithDeadline(const Condition& cond, Time deadline) {
  static const auto real = Real<bool (*)(Mutex*, const Condition&, Time)>(
      "_ZN4absl7debian35Mutex26ReaderLockWhenWithDeadlineERKNS0_9ConditionENS0_4TimeE");
  return Locking(this, __tsan_mutex_read_lock, [&] { return real(this, cond, deadline); });
}

void Mutex::Await(const Condition& cond) {
  static const auto real =
      Real<void (*)(Mutex*, const Condition&)>("_ZN4absl7debian35Mutex5AwaitERKNS0_9ConditionE");
  WhileReleased(this, [&] { real(this, cond); return 0; });
}

bool Mutex::AwaitWithTimeout(const Condition& cond, Duration timeout) {
  static const auto real = Real<bool (*)(Mutex*, const Condition&, Duration)>(
      "_ZN4absl7debian35Mutex16AwaitWithTimeoutERKNS0_9ConditionENS0_8DurationE");
  return WhileReleased(this, [&] { return real(this, cond, timeout); });
}

bool Mutex::AwaitWithDeadline(const Condition& cond, Time deadline) {
  static const auto real = Real<bool (*)(Mutex*, const Condition&, Time)>(
      "_ZN4absl7debian35Mutex17AwaitWithDeadlineERKNS0_9ConditionENS0_4TimeE");
  return WhileReleased(this, [&] { return real(this, cond, deadline); });
}

void CondVar::Wait(Mutex* mu) {
  static const auto real =
      Real<void (*)(CondVar*, Mutex*)>("_ZN4absl7debian37CondVar4WaitEPNS0_5MutexE");
  WhileReleased(mu, [&] { real(this, mu); return 0; });
}

bool CondVar::WaitWithTimeout(Mutex* mu, Duration timeout) {
  static const auto real = Real<bool (*)(CondVar*, Mutex*, Duration)>(
      "_ZN4absl7debian37CondVar15WaitWithTimeoutEPNS0_5MutexENS0_8DurationE");
  return WhileReleased(mu, [&] { return real(this, mu, timeout); });
}

bool CondVar::WaitWithDeadline(Mutex* mu, Time deadline) {
  static const auto real = Real<bool (*)(CondVar*, Mutex*, Time)>(
      "_ZN4absl7debian37CondVar16WaitWithDeadlineEPNS0_5MutexENS0_4TimeE");
  return WhileReleased(mu, [&] { return real(this, mu, deadline); });
}

ABSL_NAMESPACE_END
}  // namespace absl
