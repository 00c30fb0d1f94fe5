// Plain Kafka message types shared by the producer, the consumer and the
// service loops, so the loops' cores can be tested without librdkafka.
#ifndef WARTA_KAFKA_MESSAGE_H_
#define WARTA_KAFKA_MESSAGE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace warta::kafka {

struct Header {
  std::string key;
  std::string value;
};

struct Message {
  std::string topic;
  int32_t partition = 0;
  int64_t offset = 0;
  std::string key;
  std::string value;
  std::vector<Header> headers;
  int64_t timestamp_ms = 0;
};

// The next offset to consume on a partition (what Kafka commits).
struct PartitionOffset {
  std::string topic;
  int32_t partition = 0;
  int64_t offset = 0;
};

}  // namespace warta::kafka

#endif  // WARTA_KAFKA_MESSAGE_H_
