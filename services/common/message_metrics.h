// The metrics of the messages a service moves through Kafka, in
// MetricsRegistry():
//   warta_messages_consumed_total{topic}         polled by the consume loop
//   warta_messages_produced_total{topic}         acknowledged by Kafka
//   warta_messages_produce_failed_total{topic}   finally refused by Kafka
//   warta_messages_dead_lettered_total{reason}   sent to the dead-letter topic
//   warta_consume_batch_messages                 histogram: messages per batch
//   warta_consume_batch_duration_seconds         histogram: handling one batch
//   warta_consume_batch_retries_total            batches that failed and are read again
//   warta_consumer_lag_messages{topic,partition} messages not yet consumed
// A family shows in a scrape once something used it: warta-ingest, which
// consumes nothing, has no consume-loop metrics. Thread-safe.
#ifndef WARTA_SERVICES_COMMON_MESSAGE_METRICS_H_
#define WARTA_SERVICES_COMMON_MESSAGE_METRICS_H_

#include <functional>
#include <string_view>
#include <vector>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>

#include "kafka/consumer_lag.h"
#include "services/common/metrics.h"

namespace warta::services {

struct MessageMetrics {
  TopicCounters consumed;
  TopicCounters produced;
  TopicCounters produce_failed;
  prometheus::Family<prometheus::Counter>& dead_lettered;
  // Each has one child, labelled {}.
  prometheus::Family<prometheus::Histogram>& batch_messages;
  prometheus::Family<prometheus::Histogram>& batch_seconds;
  prometheus::Family<prometheus::Counter>& batch_retries;
  prometheus::Family<prometheus::Gauge>& lag;

  // The process's (registered on first use).
  static MessageMetrics& Get();
};

// For kafka::ProducerOptions::on_outcome: counts produced and refused
// messages per topic.
std::function<void(std::string_view topic, bool acknowledged)> CountProducedMessages();

// For kafka::ConsumerOptions::on_lag: sets warta_consumer_lag_messages per
// partition, and drops the partitions no longer reported (revoked).
std::function<void(const std::vector<kafka::PartitionLag>&)> RecordConsumerLag();

}  // namespace warta::services

#endif  // WARTA_SERVICES_COMMON_MESSAGE_METRICS_H_
