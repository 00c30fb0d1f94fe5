// warta-store's Kafka side: articles.enriched → ArticleStore. Each batch is
// upserted together with the consumed offsets in one database transaction,
// and partitions start from the offsets in the database when assigned, so
// every message lands in the store exactly once even across crashes.
#ifndef WARTA_SERVICES_STORE_STORE_LOOP_H_
#define WARTA_SERVICES_STORE_STORE_LOOP_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "kafka/message_source.h"
#include "kafka/producer.h"
#include "services/common/consume_loop.h"
#include "storage/store.h"

namespace warta::services {

struct StoreLoopOptions {
  std::string dlq_topic = "articles.dlq";
  ConsumeLoopOptions consume;
};

// The consumer's starting-offsets hook: the store's own offsets.
std::vector<kafka::PartitionOffset> StartingOffsetsFromStore(
    storage::ArticleStore& store, const std::vector<kafka::PartitionOffset>& assigned);

// Runs until `stop()`. What is stored and what is a dead letter is
// StoredMessageProcessor's call; dead letters go to the DLQ (producer may be
// null: then they are only logged) and are skipped.
absl::Status RunStoreLoop(kafka::MessageSource& source, kafka::Producer* dlq_producer,
                          storage::ArticleStore& store, const StoreLoopOptions& options,
                          const std::function<bool()>& stop);

}  // namespace warta::services

#endif  // WARTA_SERVICES_STORE_STORE_LOOP_H_
