// Kafka transactions as a consume loop needs them (exactly-once mode of
// warta-enrich): begin, commit the outputs together with the consumer
// group's offsets, abort. KafkaTransactions is the real one over a
// transactional Producer and the group Consumer; tests pass a fake.
//
// Status codes say what happened to the open transaction:
//   OK                   committed (Commit) / done
//   ABORTED              the transaction was aborted: its outputs are
//                        discarded and the batch must be read again
//   FAILED_PRECONDITION  fatal (e.g. fenced by a newer instance with the
//                        same transactional id): the producer cannot go on
#ifndef WARTA_KAFKA_TRANSACTIONS_H_
#define WARTA_KAFKA_TRANSACTIONS_H_

#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "kafka/message.h"

namespace warta::kafka {

class Consumer;
class Producer;

class Transactions {
 public:
  virtual ~Transactions() = default;
  virtual absl::Status Begin() = 0;
  // Adds the next offsets to consume to the open transaction and commits
  // it: outputs and offsets become visible together, or not at all.
  virtual absl::Status Commit(const std::vector<PartitionOffset>& offsets) = 0;
  virtual absl::Status Abort() = 0;
};

class KafkaTransactions : public Transactions {
 public:
  // `producer` was created with a transactional.id; `consumer` is the group
  // consumer whose offsets go into each transaction. Both outlive this.
  KafkaTransactions(Producer& producer, Consumer& consumer, absl::Duration timeout)
      : producer_(producer), consumer_(consumer), timeout_(timeout) {}

  // Registers the transactional id with the broker, which fences any older
  // instance with the same id and aborts what it left open.
  absl::Status Init();
  absl::Status Begin() override;
  absl::Status Commit(const std::vector<PartitionOffset>& offsets) override;
  absl::Status Abort() override;

 private:
  Producer& producer_;
  Consumer& consumer_;
  absl::Duration timeout_;
};

}  // namespace warta::kafka

#endif  // WARTA_KAFKA_TRANSACTIONS_H_
