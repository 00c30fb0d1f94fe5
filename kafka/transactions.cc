#include "kafka/transactions.h"

#include <librdkafka/rdkafkacpp.h>

#include "kafka/consumer.h"
#include "kafka/producer.h"

namespace warta::kafka {

absl::Status KafkaTransactions::Init() { return producer_.InitTransactions(timeout_); }

absl::Status KafkaTransactions::Begin() { return producer_.BeginTransaction(); }

absl::Status KafkaTransactions::Commit(const std::vector<PartitionOffset>& offsets) {
  std::unique_ptr<RdKafka::ConsumerGroupMetadata> group = consumer_.GroupMetadata();
  if (group == nullptr) return absl::AbortedError("no consumer group metadata (not in a group)");
  return producer_.CommitTransaction(offsets, *group, timeout_);
}

absl::Status KafkaTransactions::Abort() { return producer_.AbortTransaction(timeout_); }

}  // namespace warta::kafka
