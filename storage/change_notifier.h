// ChangeNotifier: lets watchers block until a store has a change newer than
// the one they saw, instead of polling. Backends own one, Publish() after
// each committed write and forward WaitForChange/StopWatchers to it.
//
// Thread-safe.
#ifndef WARTA_STORAGE_CHANGE_NOTIFIER_H_
#define WARTA_STORAGE_CHANGE_NOTIFIER_H_

#include <cstdint>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace warta::storage {

class ChangeNotifier {
 public:
  explicit ChangeNotifier(int64_t latest_seq = 0) : latest_(latest_seq) {}

  ChangeNotifier(const ChangeNotifier&) = delete;
  ChangeNotifier& operator=(const ChangeNotifier&) = delete;

  // Records that changes up to `seq` are committed and wakes the waiters.
  void Publish(int64_t seq);

  // Blocks until the latest published seq is greater than `seq`, `deadline`
  // passes or Stop() has been called; returns the latest published seq.
  int64_t Wait(int64_t seq, absl::Time deadline);

  // Wakes every waiter and makes later Wait calls return at once (server
  // shutdown). Permanent, so that a watcher about to wait cannot miss it.
  void Stop();

  int64_t latest() const;

 private:
  mutable absl::Mutex mu_;
  absl::CondVar changed_;
  int64_t latest_ ABSL_GUARDED_BY(mu_);
  bool stopped_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace warta::storage

#endif  // WARTA_STORAGE_CHANGE_NOTIFIER_H_
