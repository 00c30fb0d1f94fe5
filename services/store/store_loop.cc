#include "services/store/store_loop.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "common/logging.h"
#include "services/common/dead_letter.h"
#include "services/common/metrics.h"
#include "services/store/stored_message_processor.h"

namespace warta::services {
namespace {

// warta_store_upserts_total{result} and
// warta_store_story_assignments_total{kind}, every label value registered
// (at 0) when the loop starts.
class StoreMetrics {
 public:
  static const StoreMetrics& Get() {
    static const auto* metrics = new StoreMetrics();
    return *metrics;
  }

  void Record(const storage::UpsertCounts& counts) const {
    inserted_.Increment(counts.inserted);
    replaced_.Increment(counts.replaced);
    unchanged_.Increment(counts.unchanged);
    new_story_.Increment(counts.new_stories);
    joined_.Increment(counts.joined_stories);
    near_copy_.Increment(counts.near_copies);
  }

 private:
  StoreMetrics()
      : upserts_(prometheus::BuildCounter()
                     .Name("warta_store_upserts_total")
                     .Help("Articles written to the store, by result: inserted (new), replaced "
                           "(re-enriched) or unchanged (redelivered or older).")
                     .Register(MetricsRegistry())),
        stories_(prometheus::BuildCounter()
                     .Name("warta_store_story_assignments_total")
                     .Help("New articles put into a story, by kind: new_story, joined, or "
                           "near_copy (of an earlier article, in its story).")
                     .Register(MetricsRegistry())),
        inserted_(upserts_.Add({{"result", "inserted"}})),
        replaced_(upserts_.Add({{"result", "replaced"}})),
        unchanged_(upserts_.Add({{"result", "unchanged"}})),
        new_story_(stories_.Add({{"kind", "new_story"}})),
        joined_(stories_.Add({{"kind", "joined"}})),
        near_copy_(stories_.Add({{"kind", "near_copy"}})) {}

  prometheus::Family<prometheus::Counter>& upserts_;
  prometheus::Family<prometheus::Counter>& stories_;
  prometheus::Counter &inserted_, &replaced_, &unchanged_;
  prometheus::Counter &new_story_, &joined_, &near_copy_;
};

}  // namespace

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
  const StoreMetrics& metrics = StoreMetrics::Get();
  auto handle = [&](const std::vector<kafka::Message>& messages) -> absl::Status {
    StoreBatch batch = processor.ProcessBatch(messages);
    DeadLetterSender dead_letters(dlq_producer, options.dlq_topic);
    for (const StoreDeadLetter& dead : batch.dead_letters) {
      if (absl::Status queued = dead_letters.Send(*dead.message, dead.kind, dead.reason);
          !queued.ok()) {
        return queued;
      }
    }
    if (absl::Status acked = dead_letters.Acknowledged(); !acked.ok()) return acked;
    absl::StatusOr<storage::UpsertCounts> counts =
        store.UpsertBatch(batch.articles, batch.offsets);
    if (!counts.ok()) return counts.status();
    metrics.Record(*counts);
    LogInfo("stored ", batch.articles.size(), " article(s)",
            dead_letters.count() ? absl::StrCat(", ", dead_letters.count(), " dead-lettered") : "");
    return absl::OkStatus();
  };
  return RunConsumeLoop(source, options.consume, handle, stop);
}

}  // namespace warta::services
