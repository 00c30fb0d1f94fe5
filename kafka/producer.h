// RAII wrapper over a librdkafka producer with idempotence on (acks=all):
// Produce() enqueues and reports delivery through a callback; ProduceAndWait()
// blocks until the broker acknowledged. A background thread serves delivery
// reports. Thread-safe; not copyable. The destructor flushes (bounded) and
// logs what could not be delivered.
#ifndef WARTA_KAFKA_PRODUCER_H_
#define WARTA_KAFKA_PRODUCER_H_

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "kafka/message.h"
#include "kafka/security.h"

namespace RdKafka {
class Producer;
class Error;
class ConsumerGroupMetadata;
}

namespace warta::kafka {

struct ProducerOptions {
  std::string brokers = "127.0.0.1:9092";
  std::string client_id = "warta";
  // Non-empty: a transactional producer (exactly-once mode); every output
  // must then be produced inside a transaction (see kafka/transactions.h).
  std::string transactional_id;
  SecurityOptions security;  // PLAINTEXT unless set
  // How long a message may wait for others to share its request
  // (librdkafka's linger.ms): latency against requests per message. Under
  // load messages share requests anyway while earlier ones are in flight.
  int linger_ms = 5;
  // Any librdkafka property, applied last (e.g. {"linger.ms", "20"}).
  std::map<std::string, std::string> properties;
  // Optional: told every message's final outcome (acknowledged by Kafka or
  // not), for metrics. Runs on whichever thread serves delivery reports
  // (the producer's own, or one in Flush), so it must be thread-safe.
  std::function<void(std::string_view topic, bool acknowledged)> on_outcome;
};

struct Delivery {
  absl::Status status;
  int32_t partition = -1;
  int64_t offset = -1;
};

using DeliveryCallback = std::function<void(const Delivery&)>;

class Producer {
 public:
  static absl::StatusOr<std::unique_ptr<Producer>> Create(const ProducerOptions& options);
  ~Producer();
  Producer(const Producer&) = delete;
  Producer& operator=(const Producer&) = delete;

  // Enqueues a message. `on_delivery` runs on the producer's delivery thread
  // once Kafka acknowledged (or finally failed). Waits while the local queue
  // is full, up to `enqueue_timeout`.
  absl::Status Produce(std::string_view topic, std::string_view key, std::string_view value,
                       const std::vector<Header>& headers, DeliveryCallback on_delivery,
                       absl::Duration enqueue_timeout = absl::Seconds(30));

  // Produces and waits for the acknowledgement.
  absl::StatusOr<Delivery> ProduceAndWait(std::string_view topic, std::string_view key,
                                          std::string_view value,
                                          const std::vector<Header>& headers,
                                          absl::Duration timeout);

  // Waits until every enqueued message is delivered or failed. Returns the
  // number still undelivered when the timeout hit.
  int Flush(absl::Duration timeout);

  // Transactions (only with ProducerOptions::transactional_id); the
  // statuses are those of kafka/transactions.h. CommitTransaction adds the
  // group's next offsets first.
  absl::Status InitTransactions(absl::Duration timeout);
  absl::Status BeginTransaction();
  absl::Status CommitTransaction(const std::vector<PartitionOffset>& offsets,
                                 const RdKafka::ConsumerGroupMetadata& group,
                                 absl::Duration timeout);
  absl::Status AbortTransaction(absl::Duration timeout);

 private:
  class DeliveryReporter;
  Producer() = default;
  void PollLoop();

  std::unique_ptr<DeliveryReporter> reporter_;
  std::unique_ptr<RdKafka::Producer> producer_;
  std::atomic<bool> stop_{false};
  std::thread poller_;
};

}  // namespace warta::kafka

#endif  // WARTA_KAFKA_PRODUCER_H_
