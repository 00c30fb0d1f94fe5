#include "storage/change_notifier.h"

namespace warta::storage {

void ChangeNotifier::Publish(int64_t seq) {
  absl::MutexLock lock(&mu_);
  if (seq > latest_) latest_ = seq;
  changed_.SignalAll();
}

int64_t ChangeNotifier::Wait(int64_t seq, absl::Time deadline) {
  absl::MutexLock lock(&mu_);
  while (latest_ <= seq && !stopped_) {
    // WaitWithDeadline returns true on timeout.
    if (changed_.WaitWithDeadline(&mu_, deadline)) break;
  }
  return latest_;
}

void ChangeNotifier::Stop() {
  absl::MutexLock lock(&mu_);
  stopped_ = true;
  changed_.SignalAll();
}

int64_t ChangeNotifier::latest() const {
  absl::MutexLock lock(&mu_);
  return latest_;
}

}  // namespace warta::storage
