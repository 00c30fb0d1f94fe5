// How far a group consumer is behind, per assigned partition, read from
// librdkafka's statistics (the JSON it emits every statistics.interval.ms,
// see librdkafka's STATISTICS.md), so no extra broker round trip is needed.
// A pure function over the JSON text, tested without a broker.
#ifndef WARTA_KAFKA_CONSUMER_LAG_H_
#define WARTA_KAFKA_CONSUMER_LAG_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace warta::kafka {

struct PartitionLag {
  std::string topic;
  int32_t partition = 0;
  // Messages on the partition not yet consumed: the high watermark minus
  // the group's committed offset (before the first commit of the
  // assignment: minus the consumer's position).
  int64_t lag = 0;
};

// One entry per partition that is being fetched (fetch_state "active") and
// whose lag is known, sorted by topic and partition. INVALID_ARGUMENT when
// the text is not a statistics object.
absl::StatusOr<std::vector<PartitionLag>> LagFromStatistics(std::string_view json);

}  // namespace warta::kafka

#endif  // WARTA_KAFKA_CONSUMER_LAG_H_
