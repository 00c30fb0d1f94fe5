#include "kafka/transactional_source.h"

#include "absl/strings/str_cat.h"
#include "common/logging.h"

namespace warta::kafka {

absl::Status TransactionalSource::Remember(absl::Status status) {
  if (absl::IsFailedPrecondition(status) && fatal_.ok()) fatal_ = status;
  return status;
}

absl::Status TransactionalSource::Start() { return Remember(transactions_.Begin()); }

absl::StatusOr<std::optional<Message>> TransactionalSource::Poll(absl::Duration timeout) {
  if (!fatal_.ok()) {
    return absl::FailedPreconditionError(
        absl::StrCat("Kafka transactions cannot go on: ", fatal_.message()));
  }
  absl::StatusOr<std::optional<Message>> polled = consumer_.Poll(timeout);
  if (polled.ok() && polled->has_value() && revocations_at_first_ < 0) {
    revocations_at_first_ = consumer_.Revocations();
  }
  return polled;
}

void TransactionalSource::Restart() {
  revocations_at_first_ = -1;
  if (absl::Status aborted = Remember(transactions_.Abort()); !aborted.ok()) {
    LogWarning("aborting the transaction: ", aborted.message());
  }
  if (absl::Status begun = Remember(transactions_.Begin()); !begun.ok()) {
    LogWarning("beginning a transaction: ", begun.message());
  }
}

absl::Status TransactionalSource::Commit(const std::vector<PartitionOffset>& offsets) {
  if (revocations_at_first_ >= 0 && consumer_.Revocations() != revocations_at_first_) {
    Restart();
    return absl::AbortedError(
        "the partitions were reassigned while the batch was read; its outputs are discarded and "
        "it is read again from the group's committed offsets");
  }
  absl::Status committed = Remember(transactions_.Commit(offsets));
  revocations_at_first_ = -1;
  if (committed.ok()) return Remember(transactions_.Begin());
  if (absl::IsFailedPrecondition(committed)) return committed;
  // Whatever went wrong, the outputs must not become visible without the
  // offsets: abort (a no-op when the commit already aborted) and re-read.
  Restart();
  return absl::AbortedError(
      absl::StrCat("transaction aborted, the batch will be read again: ", committed.message()));
}

absl::Status TransactionalSource::Seek(const PartitionOffset& offset) {
  Restart();
  return consumer_.Seek(offset);
}

}  // namespace warta::kafka
