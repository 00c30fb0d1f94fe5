// RAII wrapper over a librdkafka KafkaConsumer in a consumer group, with
// auto-commit off: the owner commits what it has finished. An optional hook
// picks the starting offsets of newly assigned partitions (the store keeps
// its offsets in its own database), and an optional hook that receives the
// lag per partition every few seconds (for metrics). Not thread-safe: one
// thread polls. Close() (or the destructor) leaves the group cleanly.
#ifndef WARTA_KAFKA_CONSUMER_H_
#define WARTA_KAFKA_CONSUMER_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "kafka/consumer_lag.h"
#include "kafka/message.h"
#include "kafka/security.h"
#include "kafka/message_source.h"

namespace RdKafka {
class KafkaConsumer;
class ConsumerGroupMetadata;
}

namespace warta::kafka {

struct ConsumerOptions {
  std::string brokers = "127.0.0.1:9092";
  std::string group_id;
  std::string client_id = "warta";
  std::vector<std::string> topics;
  // Where a partition with no committed offset starts: "earliest" or "latest".
  std::string auto_offset_reset = "earliest";
  // Called with newly assigned partitions (offset field unset); returns the
  // offsets to start from. Partitions it leaves out start from the committed
  // offset. Runs on the polling thread.
  std::function<std::vector<PartitionOffset>(const std::vector<PartitionOffset>&)>
      starting_offsets;
  // Called every `lag_interval` with the lag of each partition being
  // fetched (from librdkafka's statistics). Runs on the polling thread.
  std::function<void(const std::vector<PartitionLag>&)> on_lag;
  absl::Duration lag_interval = absl::Seconds(5);
  SecurityOptions security;  // PLAINTEXT unless set
  std::map<std::string, std::string> properties;
};

class Consumer : public MessageSource {
 public:
  static absl::StatusOr<std::unique_ptr<Consumer>> Create(const ConsumerOptions& options);
  ~Consumer() override;
  Consumer(const Consumer&) = delete;
  Consumer& operator=(const Consumer&) = delete;

  // The next message, or nullopt when none arrived within `timeout`.
  // Transient broker errors are logged and reported as nullopt; an error
  // the consumer cannot go on from is returned.
  absl::StatusOr<std::optional<Message>> Poll(absl::Duration timeout) override;

  // Synchronously commits the next offsets to consume.
  absl::Status Commit(const std::vector<PartitionOffset>& offsets) override;

  // Moves an assigned partition back (or forward) to `offset`.
  absl::Status Seek(const PartitionOffset& offset) override;

  int64_t Revocations() const override;

  // The group's current membership (member id, generation), which a
  // transactional producer sends with the offsets so the broker can fence
  // an instance that lost its partitions in a rebalance.
  std::unique_ptr<RdKafka::ConsumerGroupMetadata> GroupMetadata() const;

  // Leaves the group. Idempotent.
  void Close();

 private:
  class Rebalancer;
  class Events;
  Consumer() = default;

  std::unique_ptr<Rebalancer> rebalancer_;
  std::unique_ptr<Events> events_;
  std::unique_ptr<RdKafka::KafkaConsumer> consumer_;
  bool closed_ = false;
};

}  // namespace warta::kafka

#endif  // WARTA_KAFKA_CONSUMER_H_
