#include "kafka/consumer_lag.h"

#include <algorithm>
#include <string>
#include <tuple>

#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace warta::kafka {
namespace {

using google::protobuf::Struct;

// A numeric field, or -1 (librdkafka's "unknown") when absent.
int64_t Number(const Struct& object, const std::string& name) {
  auto it = object.fields().find(name);
  if (it == object.fields().end() || !it->second.has_number_value()) return -1;
  return static_cast<int64_t>(it->second.number_value());
}

const Struct* Object(const Struct& object, const std::string& name) {
  auto it = object.fields().find(name);
  if (it == object.fields().end() || !it->second.has_struct_value()) return nullptr;
  return &it->second.struct_value();
}

}  // namespace

absl::StatusOr<std::vector<PartitionLag>> LagFromStatistics(std::string_view json) {
  Struct stats;
  if (!google::protobuf::util::JsonStringToMessage(std::string(json), &stats).ok()) {
    return absl::InvalidArgumentError("librdkafka statistics are not a JSON object");
  }
  std::vector<PartitionLag> out;
  const Struct* topics = Object(stats, "topics");
  if (topics == nullptr) return out;
  for (const auto& [topic, topic_value] : topics->fields()) {
    const Struct* partitions = topic_value.has_struct_value()
                                   ? Object(topic_value.struct_value(), "partitions")
                                   : nullptr;
    if (partitions == nullptr) continue;
    for (const auto& [key, value] : partitions->fields()) {
      if (!value.has_struct_value()) continue;
      const Struct& p = value.struct_value();
      const int64_t partition = Number(p, "partition");  // -1: librdkafka's internal queue
      auto state = p.fields().find("fetch_state");
      if (partition < 0 || state == p.fields().end() ||
          state->second.string_value() != "active") {
        continue;
      }
      const int64_t high = Number(p, "hi_offset");
      const int64_t committed = Number(p, "committed_offset");
      const int64_t consumed = Number(p, "app_offset");
      const int64_t position = committed >= 0 ? committed
                               : consumed >= 0 ? consumed
                                               : Number(p, "next_offset");
      if (high < 0 || position < 0) continue;
      out.push_back({topic, static_cast<int32_t>(partition), std::max<int64_t>(0, high - position)});
    }
  }
  std::sort(out.begin(), out.end(), [](const PartitionLag& a, const PartitionLag& b) {
    return std::tie(a.topic, a.partition) < std::tie(b.topic, b.partition);
  });
  return out;
}

}  // namespace warta::kafka
