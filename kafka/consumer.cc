#include "kafka/consumer.h"

#include <librdkafka/rdkafkacpp.h>

#include "absl/strings/str_cat.h"
#include "common/logging.h"
#include "kafka/rdkafka_config.h"

namespace warta::kafka {
namespace {

void FreePartitions(std::vector<RdKafka::TopicPartition*>& partitions) {
  RdKafka::TopicPartition::destroy(partitions);
}

}  // namespace

class Consumer::Rebalancer : public RdKafka::RebalanceCb {
 public:
  explicit Rebalancer(decltype(ConsumerOptions::starting_offsets) hook) : hook_(std::move(hook)) {}

  void rebalance_cb(RdKafka::KafkaConsumer* consumer, RdKafka::ErrorCode err,
                    std::vector<RdKafka::TopicPartition*>& partitions) override {
    if (err == RdKafka::ERR__ASSIGN_PARTITIONS) {
      if (hook_) {
        std::vector<PartitionOffset> asked;
        for (auto* tp : partitions) asked.push_back({tp->topic(), tp->partition(), -1});
        for (const PartitionOffset& start : hook_(asked)) {
          for (auto* tp : partitions) {
            if (tp->topic() == start.topic && tp->partition() == start.partition) {
              tp->set_offset(start.offset);
            }
          }
        }
      }
      std::string names;
      for (auto* tp : partitions) absl::StrAppend(&names, " ", tp->topic(), "/", tp->partition());
      LogInfo("assigned:", names.empty() ? " (none)" : names);
      consumer->assign(partitions);
    } else {
      LogInfo("partitions revoked (", partitions.size(), ")");
      consumer->unassign();
      ++revocations_;
    }
  }

  int64_t revocations() const { return revocations_; }

 private:
  int64_t revocations_ = 0;
  decltype(ConsumerOptions::starting_offsets) hook_;
};

// With a lag hook the consumer takes librdkafka's events: statistics become
// lag figures; its log lines and errors, which librdkafka would otherwise
// print itself, go to Warta's log.
class Consumer::Events : public RdKafka::EventCb {
 public:
  explicit Events(decltype(ConsumerOptions::on_lag) on_lag) : on_lag_(std::move(on_lag)) {}

  void event_cb(RdKafka::Event& event) override {
    switch (event.type()) {
      case RdKafka::Event::EVENT_STATS: {
        absl::StatusOr<std::vector<PartitionLag>> lag = LagFromStatistics(event.str());
        if (lag.ok()) {
          on_lag_(*lag);
        } else {
          LogWarning(lag.status().message());
        }
        break;
      }
      case RdKafka::Event::EVENT_LOG:
        Log(event.severity() <= RdKafka::Event::EVENT_SEVERITY_ERROR     ? LogLevel::kError
            : event.severity() <= RdKafka::Event::EVENT_SEVERITY_NOTICE ? LogLevel::kWarning
                                                                         : LogLevel::kInfo,
            absl::StrCat("librdkafka ", event.fac(), ": ", event.str()));
        break;
      case RdKafka::Event::EVENT_ERROR:
        Log(event.fatal() ? LogLevel::kError : LogLevel::kWarning,
            absl::StrCat("Kafka consumer: ", RdKafka::err2str(event.err()), ": ", event.str()));
        break;
      default:
        break;
    }
  }

 private:
  decltype(ConsumerOptions::on_lag) on_lag_;
};

absl::StatusOr<std::unique_ptr<Consumer>> Consumer::Create(const ConsumerOptions& options) {
  if (options.group_id.empty()) return absl::InvalidArgumentError("consumer needs a group id");
  if (options.topics.empty()) return absl::InvalidArgumentError("consumer needs topics");
  std::unique_ptr<Consumer> consumer(new Consumer());
  consumer->rebalancer_ = std::make_unique<Rebalancer>(options.starting_offsets);
  std::map<std::string, std::string> props = {
      {"bootstrap.servers", options.brokers},
      {"group.id", options.group_id},
      {"client.id", options.client_id},
      {"enable.auto.commit", "false"},
      {"enable.auto.offset.store", "false"},
      {"auto.offset.reset", options.auto_offset_reset},
      {"session.timeout.ms", "10000"},
      {"heartbeat.interval.ms", "1000"},
      {"max.poll.interval.ms", "300000"},
      {"enable.partition.eof", "false"},
  };
  if (options.on_lag) {
    props["statistics.interval.ms"] =
        absl::StrCat(std::max<int64_t>(1, absl::ToInt64Milliseconds(options.lag_interval)));
  }
  auto security = SecurityProperties(options.security);
  if (!security.ok()) return security.status();
  props.insert(security->begin(), security->end());
  for (const auto& [k, v] : options.properties) props[k] = v;
  auto conf = MakeConf(props);
  if (!conf.ok()) return conf.status();
  std::string error;
  if ((*conf)->set("rebalance_cb", consumer->rebalancer_.get(), error) !=
      RdKafka::Conf::CONF_OK) {
    return absl::InternalError(error);
  }
  if (options.on_lag) {
    consumer->events_ = std::make_unique<Events>(options.on_lag);
    if ((*conf)->set("event_cb", consumer->events_.get(), error) != RdKafka::Conf::CONF_OK) {
      return absl::InternalError(error);
    }
  }
  consumer->consumer_.reset(RdKafka::KafkaConsumer::create(conf->get(), error));
  if (!consumer->consumer_) {
    return absl::InvalidArgumentError(absl::StrCat("cannot create Kafka consumer: ", error));
  }
  RdKafka::ErrorCode err = consumer->consumer_->subscribe(options.topics);
  if (err != RdKafka::ERR_NO_ERROR) {
    return absl::UnavailableError(absl::StrCat("cannot subscribe: ", RdKafka::err2str(err)));
  }
  return consumer;
}

Consumer::~Consumer() { Close(); }

std::unique_ptr<RdKafka::ConsumerGroupMetadata> Consumer::GroupMetadata() const {
  return std::unique_ptr<RdKafka::ConsumerGroupMetadata>(consumer_->groupMetadata());
}

void Consumer::Close() {
  if (closed_ || !consumer_) return;
  closed_ = true;
  consumer_->close();
}

absl::StatusOr<std::optional<Message>> Consumer::Poll(absl::Duration timeout) {
  std::unique_ptr<RdKafka::Message> m(
      consumer_->consume(static_cast<int>(absl::ToInt64Milliseconds(timeout))));
  switch (m->err()) {
    case RdKafka::ERR_NO_ERROR: {
      Message out;
      out.topic = m->topic_name();
      out.partition = m->partition();
      out.offset = m->offset();
      if (m->key() != nullptr) out.key = *m->key();
      if (m->payload() != nullptr) {
        out.value.assign(static_cast<const char*>(m->payload()), m->len());
      }
      if (RdKafka::Headers* headers = m->headers(); headers != nullptr) {
        for (const RdKafka::Headers::Header& h : headers->get_all()) {
          out.headers.push_back(
              {h.key(), h.value() ? std::string(static_cast<const char*>(h.value()),
                                                h.value_size())
                                  : std::string()});
        }
      }
      out.timestamp_ms = m->timestamp().timestamp;
      return std::optional<Message>(std::move(out));
    }
    case RdKafka::ERR__TIMED_OUT:
    case RdKafka::ERR__PARTITION_EOF:
      return std::optional<Message>();
    case RdKafka::ERR__FATAL:
    case RdKafka::ERR__AUTHENTICATION:
      return absl::UnavailableError(absl::StrCat("Kafka consumer failed: ", m->errstr()));
    default:
      LogWarning("Kafka consumer: ", m->errstr());
      return std::optional<Message>();
  }
}

absl::Status Consumer::Commit(const std::vector<PartitionOffset>& offsets) {
  if (offsets.empty()) return absl::OkStatus();
  std::vector<RdKafka::TopicPartition*> partitions;
  for (const PartitionOffset& o : offsets) {
    partitions.push_back(RdKafka::TopicPartition::create(o.topic, o.partition, o.offset));
  }
  RdKafka::ErrorCode err = consumer_->commitSync(partitions);
  FreePartitions(partitions);
  if (err != RdKafka::ERR_NO_ERROR) {
    return absl::UnavailableError(absl::StrCat("offset commit failed: ", RdKafka::err2str(err)));
  }
  return absl::OkStatus();
}

int64_t Consumer::Revocations() const { return rebalancer_->revocations(); }

absl::Status Consumer::Seek(const PartitionOffset& offset) {
  std::unique_ptr<RdKafka::TopicPartition> tp(
      RdKafka::TopicPartition::create(offset.topic, offset.partition, offset.offset));
  RdKafka::ErrorCode err = consumer_->seek(*tp, 5000);
  if (err != RdKafka::ERR_NO_ERROR) {
    return absl::UnavailableError(absl::StrCat("seek ", offset.topic, "/", offset.partition, " to ",
                                               offset.offset, ": ", RdKafka::err2str(err)));
  }
  return absl::OkStatus();
}

}  // namespace warta::kafka
