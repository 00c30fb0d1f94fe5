#include "services/store/store_loop.h"

#include <atomic>
#include <memory>

#include "absl/strings/str_cat.h"
#include "common/logging.h"
#include "services/common/dead_letter.h"
#include "warta/v1/article.pb.h"

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

absl::Status RunStoreLoop(kafka::Consumer& consumer, kafka::Producer* dlq_producer,
                          storage::ArticleStore& store, const StoreLoopOptions& options,
                          const std::function<bool()>& stop) {
  auto handle = [&](const std::vector<kafka::Message>& batch) -> absl::Status {
    std::vector<warta::v1::EnrichedArticle> articles;
    articles.reserve(batch.size());
    auto failures = std::make_shared<std::atomic<int>>(0);
    int dead = 0;
    for (const kafka::Message& m : batch) {
      warta::v1::EnrichedArticle article;
      std::string reason;
      if (!article.ParseFromString(m.value)) {
        reason = "not a binary warta.v1.EnrichedArticle";
      } else if (article.article().id().empty()) {
        reason = "enriched article without article.id";
      }
      if (reason.empty()) {
        articles.push_back(std::move(article));
        continue;
      }
      ++dead;
      LogWarning("dead letter ", m.topic, "/", m.partition, "@", m.offset, ": ", reason);
      if (dlq_producer == nullptr) continue;
      absl::Status queued = dlq_producer->Produce(
          options.dlq_topic, m.key, m.value,
          DeadLetterHeaders(m, absl::InvalidArgumentError(reason)),
          [failures](const kafka::Delivery& d) {
            if (!d.status.ok()) failures->fetch_add(1);
          });
      if (!queued.ok()) return queued;
    }
    if (dead > 0 && dlq_producer != nullptr) {
      if (dlq_producer->Flush(absl::Seconds(60)) > 0 || failures->load() > 0) {
        return absl::UnavailableError("dead letters not acknowledged by Kafka");
      }
    }
    std::vector<storage::ConsumedOffset> offsets;
    for (const kafka::PartitionOffset& o : NextOffsets(batch)) {
      offsets.push_back({o.topic, o.partition, o.offset});
    }
    if (absl::Status s = store.UpsertBatch(articles, offsets); !s.ok()) return s;
    LogInfo("stored ", articles.size(), " article(s)", dead ? absl::StrCat(", ", dead, " dead-lettered") : "");
    return absl::OkStatus();
  };
  return RunConsumeLoop(consumer, options.consume, handle, stop);
}

}  // namespace warta::services
