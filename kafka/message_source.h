// Where a consume loop gets its messages: the three things it asks of a
// Kafka group consumer (poll, commit, seek back). kafka::Consumer is the
// real one; tests pass an in-memory source, so the loop's seek-and-retry
// path runs without a broker. Implementations need not be thread-safe: one
// thread drives a source.
#ifndef WARTA_KAFKA_MESSAGE_SOURCE_H_
#define WARTA_KAFKA_MESSAGE_SOURCE_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "kafka/message.h"

namespace warta::kafka {

class MessageSource {
 public:
  virtual ~MessageSource() = default;

  // The next message, or nullopt when none arrived within `timeout`. An
  // error means the source cannot go on.
  virtual absl::StatusOr<std::optional<Message>> Poll(absl::Duration timeout) = 0;

  // Records the next offsets to consume (what a restart resumes from).
  // ABORTED: the outputs produced for the batch were discarded with it (a
  // transactional source), so the caller must read the batch again.
  virtual absl::Status Commit(const std::vector<PartitionOffset>& offsets) = 0;

  // Moves a partition back (or forward) so that `offset` is polled next.
  virtual absl::Status Seek(const PartitionOffset& offset) = 0;

  // How many times the source's partitions were taken away so far (a
  // group rebalance). After one, the group's committed offsets, not the
  // messages already read, say where each partition goes on: a batch read
  // across one must not be committed.
  virtual int64_t Revocations() const { return 0; }
};

}  // namespace warta::kafka

#endif  // WARTA_KAFKA_MESSAGE_SOURCE_H_
