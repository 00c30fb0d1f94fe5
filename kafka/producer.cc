#include "kafka/producer.h"

#include <future>
#include <memory>
#include <string_view>

#include <librdkafka/rdkafkacpp.h>

#include "absl/strings/str_cat.h"
#include "common/logging.h"
#include "kafka/rdkafka_config.h"

namespace warta::kafka {

// Routes each delivery report to the callback carried in the message's opaque.
class Producer::DeliveryReporter : public RdKafka::DeliveryReportCb {
 public:
  explicit DeliveryReporter(decltype(ProducerOptions::on_outcome) on_outcome)
      : on_outcome_(std::move(on_outcome)) {}

  void dr_cb(RdKafka::Message& message) override {
    if (on_outcome_) on_outcome_(message.topic_name(), message.err() == RdKafka::ERR_NO_ERROR);
    auto* callback = static_cast<DeliveryCallback*>(message.msg_opaque());
    if (callback == nullptr) return;
    Delivery delivery;
    if (message.err() != RdKafka::ERR_NO_ERROR) {
      delivery.status = absl::UnavailableError(
          absl::StrCat("Kafka did not take the message for ", message.topic_name(), ": ",
                       message.errstr()));
    }
    delivery.partition = message.partition();
    delivery.offset = message.offset();
    (*callback)(delivery);
    delete callback;
  }

 private:
  decltype(ProducerOptions::on_outcome) on_outcome_;
};

absl::StatusOr<std::unique_ptr<Producer>> Producer::Create(const ProducerOptions& options) {
  std::unique_ptr<Producer> producer(new Producer());
  producer->reporter_ = std::make_unique<DeliveryReporter>(options.on_outcome);
  std::map<std::string, std::string> props = {
      {"bootstrap.servers", options.brokers},
      {"client.id", options.client_id},
      {"enable.idempotence", "true"},
      {"acks", "all"},
      {"linger.ms", std::to_string(options.linger_ms)},
      {"compression.type", "lz4"},
      {"message.timeout.ms", "60000"},
  };
  if (!options.transactional_id.empty()) {
    props["transactional.id"] = options.transactional_id;
    // How long read_committed readers wait on a transaction an instance
    // left open when it died for good (a restart aborts it at once).
    props["transaction.timeout.ms"] = "20000";
    props["message.timeout.ms"] = "20000";  // may not exceed the transaction timeout
  }
  auto security = SecurityProperties(options.security);
  if (!security.ok()) return security.status();
  props.insert(security->begin(), security->end());
  for (const auto& [k, v] : options.properties) props[k] = v;
  auto conf = MakeConf(props);
  if (!conf.ok()) return conf.status();
  std::string error;
  if ((*conf)->set("dr_cb", producer->reporter_.get(), error) != RdKafka::Conf::CONF_OK) {
    return absl::InternalError(error);
  }
  producer->producer_.reset(RdKafka::Producer::create(conf->get(), error));
  if (!producer->producer_) {
    return absl::InvalidArgumentError(absl::StrCat("cannot create Kafka producer: ", error));
  }
  producer->poller_ = std::thread([p = producer.get()] { p->PollLoop(); });
  return producer;
}

Producer::~Producer() {
  if (producer_) {
    int left = Flush(absl::Seconds(10));
    if (left > 0) LogError("producer closed with ", left, " message(s) undelivered");
  }
  stop_ = true;
  if (poller_.joinable()) poller_.join();
  // Serve any last reports so their callbacks are freed.
  if (producer_) producer_->poll(0);
}

void Producer::PollLoop() {
  while (!stop_) producer_->poll(100);
}

absl::Status Producer::Produce(std::string_view topic, std::string_view key,
                               std::string_view value, const std::vector<Header>& headers,
                               DeliveryCallback on_delivery, absl::Duration enqueue_timeout) {
  absl::Time deadline = absl::Now() + enqueue_timeout;
  while (true) {
    RdKafka::Headers* rd_headers = nullptr;
    if (!headers.empty()) {
      rd_headers = RdKafka::Headers::create();
      for (const Header& h : headers) rd_headers->add(h.key, h.value.data(), h.value.size());
    }
    auto* callback = new DeliveryCallback(std::move(on_delivery));
    RdKafka::ErrorCode err = producer_->produce(
        std::string(topic), RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
        const_cast<char*>(value.data()), value.size(), key.data(), key.size(), 0, rd_headers,
        callback);
    if (err == RdKafka::ERR_NO_ERROR) return absl::OkStatus();
    // On failure librdkafka leaves the headers and the opaque to us.
    delete rd_headers;
    on_delivery = std::move(*callback);
    delete callback;
    if (err != RdKafka::ERR__QUEUE_FULL) {
      return absl::UnavailableError(
          absl::StrCat("cannot produce to ", std::string(topic), ": ", RdKafka::err2str(err)));
    }
    if (absl::Now() > deadline) {
      return absl::ResourceExhaustedError(
          absl::StrCat("Kafka producer queue full for ", absl::FormatDuration(enqueue_timeout)));
    }
    absl::SleepFor(absl::Milliseconds(10));
  }
}

absl::StatusOr<Delivery> Producer::ProduceAndWait(std::string_view topic, std::string_view key,
                                                  std::string_view value,
                                                  const std::vector<Header>& headers,
                                                  absl::Duration timeout) {
  auto promise = std::make_shared<std::promise<Delivery>>();
  std::future<Delivery> future = promise->get_future();
  absl::Status enqueued = Produce(
      topic, key, value, headers, [promise](const Delivery& d) { promise->set_value(d); },
      timeout);
  if (!enqueued.ok()) return enqueued;
  if (future.wait_for(absl::ToChronoMilliseconds(timeout)) != std::future_status::ready) {
    return absl::DeadlineExceededError(absl::StrCat(
        "Kafka did not acknowledge within ", absl::FormatDuration(timeout),
        "; the message may still arrive, resubmit with the same id to be safe"));
  }
  Delivery delivery = future.get();
  if (!delivery.status.ok()) return delivery.status;
  return delivery;
}

int Producer::Flush(absl::Duration timeout) {
  producer_->flush(static_cast<int>(absl::ToInt64Milliseconds(timeout)));
  return producer_->outq_len();
}

namespace {

// Maps a librdkafka transaction error (owned, deleted here) onto the
// statuses of kafka/transactions.h.
absl::Status TransactionStatus(RdKafka::Error* error, const char* what) {
  if (error == nullptr) return absl::OkStatus();
  std::unique_ptr<RdKafka::Error> owned(error);
  std::string message = absl::StrCat(what, ": ", owned->str());
  if (owned->is_fatal()) return absl::FailedPreconditionError(message);
  if (owned->txn_requires_abort()) return absl::AbortedError(message);
  if (owned->is_retriable()) return absl::UnavailableError(message);
  return absl::InternalError(message);
}

int Millis(absl::Duration d) { return static_cast<int>(absl::ToInt64Milliseconds(d)); }

}  // namespace

absl::Status Producer::InitTransactions(absl::Duration timeout) {
  return TransactionStatus(producer_->init_transactions(Millis(timeout)), "init_transactions");
}

absl::Status Producer::BeginTransaction() {
  return TransactionStatus(producer_->begin_transaction(), "begin_transaction");
}

absl::Status Producer::CommitTransaction(const std::vector<PartitionOffset>& offsets,
                                         const RdKafka::ConsumerGroupMetadata& group,
                                         absl::Duration timeout) {
  if (!offsets.empty()) {
    std::vector<RdKafka::TopicPartition*> partitions;
    for (const PartitionOffset& o : offsets) {
      partitions.push_back(RdKafka::TopicPartition::create(o.topic, o.partition, o.offset));
    }
    absl::Status sent = TransactionStatus(
        producer_->send_offsets_to_transaction(partitions, &group, Millis(timeout)),
        "send_offsets_to_transaction");
    RdKafka::TopicPartition::destroy(partitions);
    if (!sent.ok()) return sent;
  }
  // A retriable failure (a timeout, a coordinator moving) may be retried as
  // long as the transaction is not to be aborted.
  absl::Status committed;
  for (int attempt = 0; attempt < 3; ++attempt) {
    committed = TransactionStatus(producer_->commit_transaction(Millis(timeout)),
                                  "commit_transaction");
    if (!absl::IsUnavailable(committed)) break;
  }
  return committed;
}

absl::Status Producer::AbortTransaction(absl::Duration timeout) {
  return TransactionStatus(producer_->abort_transaction(Millis(timeout)), "abort_transaction");
}

}  // namespace warta::kafka
