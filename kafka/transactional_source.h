// A MessageSource whose Commit is a Kafka transaction: the outputs produced
// while handling a batch and the batch's offsets are committed together
// (consume-transform-produce, exactly once for read_committed readers of
// the output topics). A handler failure (the loop seeks back) aborts the
// open transaction, so the batch's outputs are discarded before it is read
// again. Pure over the two interfaces; not thread-safe, like any source.
#ifndef WARTA_KAFKA_TRANSACTIONAL_SOURCE_H_
#define WARTA_KAFKA_TRANSACTIONAL_SOURCE_H_

#include "kafka/message_source.h"
#include "kafka/transactions.h"

namespace warta::kafka {

class TransactionalSource : public MessageSource {
 public:
  // `transactions` must have a transaction open (Begin) before the first
  // output is produced; Start() does that.
  TransactionalSource(MessageSource& consumer, Transactions& transactions)
      : consumer_(consumer), transactions_(transactions) {}

  absl::Status Start();

  // An error once the transactions failed fatally: the source cannot go on.
  absl::StatusOr<std::optional<Message>> Poll(absl::Duration timeout) override;

  // Commits the open transaction with `offsets` and opens the next one.
  // ABORTED when the transaction had to be aborted: read the batch again.
  // A batch read across a rebalance is aborted, never committed: the
  // partitions start again from the group's committed offsets (here or in
  // another instance), so its outputs would be produced twice.
  absl::Status Commit(const std::vector<PartitionOffset>& offsets) override;

  // Aborts the open transaction (the batch failed) and opens the next one,
  // then moves the consumer.
  absl::Status Seek(const PartitionOffset& offset) override;

  int64_t Revocations() const override { return consumer_.Revocations(); }

 private:
  // Abort, then Begin; remembers a fatal failure.
  void Restart();
  absl::Status Remember(absl::Status status);

  MessageSource& consumer_;
  Transactions& transactions_;
  absl::Status fatal_;
  // The consumer's revocations when the open transaction's first message
  // was read; -1 before it.
  int64_t revocations_at_first_ = -1;
};

}  // namespace warta::kafka

#endif  // WARTA_KAFKA_TRANSACTIONAL_SOURCE_H_
