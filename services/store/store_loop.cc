#include "services/store/store_loop.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "common/logging.h"
#include "services/common/dead_letter.h"
#include "services/store/stored_message_processor.h"

namespace warta::services {

std::vector<kafka::PartitionOffset> StartingOffsetsFromStore(
    storage::ArticleStore& store, const std::vector<kafka::PartitionOffset>& assigned) {
  std::vector<kafka::PartitionOffset> out;
  std::map<std::string, std::map<int, int64_t>> by_topic;
  for (const kafka::PartitionOffset& tp : assigned) {
    if (!by_topic.count(tp.topic)) {
      auto stored = store.LoadOffsets(tp.topic);
      if (!stored.ok()) {
        LogError("cannot read stored offsets: ", stored.status().message());
        by_topic[tp.topic] = {};
      } else {
        by_topic[tp.topic] = std::move(*stored);
      }
    }
    const auto& offsets = by_topic[tp.topic];
    if (auto it = offsets.find(tp.partition); it != offsets.end()) {
      out.push_back({tp.topic, tp.partition, it->second});
    }
  }
  return out;
}

absl::Status RunStoreLoop(kafka::MessageSource& source, kafka::Producer* dlq_producer,
                          storage::ArticleStore& store, const StoreLoopOptions& options,
                          const std::function<bool()>& stop) {
  const StoredMessageProcessor processor;
  auto handle = [&](const std::vector<kafka::Message>& messages) -> absl::Status {
    StoreBatch batch = processor.ProcessBatch(messages);
    DeadLetterSender dead_letters(dlq_producer, options.dlq_topic);
    for (const auto& [message, reason] : batch.dead_letters) {
      if (absl::Status queued = dead_letters.Send(*message, reason); !queued.ok()) return queued;
    }
    if (absl::Status acked = dead_letters.Acknowledged(); !acked.ok()) return acked;
    absl::StatusOr<storage::UpsertCounts> counts =
        store.UpsertBatch(batch.articles, batch.offsets);
    if (!counts.ok()) return counts.status();
    LogInfo("stored ", batch.articles.size(), " article(s)",
            dead_letters.count() ? absl::StrCat(", ", dead_letters.count(), " dead-lettered") : "");
    return absl::OkStatus();
  };
  return RunConsumeLoop(source, options.consume, handle, stop);
}

}  // namespace warta::services
