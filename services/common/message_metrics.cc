#include "services/common/message_metrics.h"

#include <map>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"

namespace warta::services {
namespace {

prometheus::Family<prometheus::Counter>& CounterFamily(const char* name, const char* help) {
  return prometheus::BuildCounter().Name(name).Help(help).Register(MetricsRegistry());
}

prometheus::Family<prometheus::Histogram>& HistogramFamily(const char* name, const char* help) {
  return prometheus::BuildHistogram().Name(name).Help(help).Register(MetricsRegistry());
}

}  // namespace

MessageMetrics& MessageMetrics::Get() {
  static auto* metrics = new MessageMetrics{
      TopicCounters(CounterFamily("warta_messages_consumed_total",
                                  "Messages polled from Kafka, by topic.")),
      TopicCounters(CounterFamily("warta_messages_produced_total",
                                  "Messages Kafka acknowledged, by topic.")),
      TopicCounters(CounterFamily("warta_messages_produce_failed_total",
                                  "Messages Kafka finally refused, by topic.")),
      CounterFamily("warta_messages_dead_lettered_total",
                    "Messages sent to the dead-letter topic, by reason."),
      HistogramFamily("warta_consume_batch_messages", "Messages per consumed batch."),
      HistogramFamily("warta_consume_batch_duration_seconds",
                      "Time to handle one consumed batch (before its offsets are committed)."),
      CounterFamily("warta_consume_batch_retries_total",
                    "Batches that failed and are read again from their first offsets."),
      prometheus::BuildGauge()
          .Name("warta_consumer_lag_messages")
          .Help("Messages on a partition not yet consumed: high watermark minus committed "
                "offset.")
          .Register(MetricsRegistry()),
  };
  return *metrics;
}

std::function<void(std::string_view topic, bool acknowledged)> CountProducedMessages() {
  MessageMetrics& metrics = MessageMetrics::Get();
  return [&metrics](std::string_view topic, bool acknowledged) {
    (acknowledged ? metrics.produced : metrics.produce_failed).For(topic).Increment();
  };
}

std::function<void(const std::vector<kafka::PartitionLag>&)> RecordConsumerLag() {
  struct Gauges {
    absl::Mutex mu;
    std::map<std::pair<std::string, int32_t>, prometheus::Gauge*> by_partition
        ABSL_GUARDED_BY(mu);
  };
  auto gauges = std::make_shared<Gauges>();
  return [gauges](const std::vector<kafka::PartitionLag>& lags) {
    prometheus::Family<prometheus::Gauge>& family = MessageMetrics::Get().lag;
    absl::MutexLock lock(&gauges->mu);
    std::map<std::pair<std::string, int32_t>, prometheus::Gauge*> now;
    for (const kafka::PartitionLag& lag : lags) {
      auto key = std::make_pair(lag.topic, lag.partition);
      auto it = gauges->by_partition.find(key);
      prometheus::Gauge* gauge =
          it != gauges->by_partition.end()
              ? it->second
              : &family.Add({{"topic", lag.topic}, {"partition", absl::StrCat(lag.partition)}});
      gauge->Set(static_cast<double>(lag.lag));
      now.emplace(std::move(key), gauge);
    }
    for (const auto& [key, gauge] : gauges->by_partition) {
      if (!now.count(key)) family.Remove(gauge);
    }
    gauges->by_partition = std::move(now);
  };
}

}  // namespace warta::services
