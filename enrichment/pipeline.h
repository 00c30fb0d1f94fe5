// The enrichment pipeline: clean → segment → language → entities → dates →
// quantities → claims over one article, and the conversion of the finished
// Document into a warta.v1.EnrichedArticle. Pure: models come in as bytes,
// the time stamp as a parameter, and a service that times the stages passes
// a StageObserver. Create once, then Enrich from any number of threads
// (const, thread-safe).
#ifndef WARTA_ENRICHMENT_PIPELINE_H_
#define WARTA_ENRICHMENT_PIPELINE_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "enrichment/document.h"
#include "warta/v1/article.pb.h"

namespace warta::enrichment {

class Cleaner;
class Segmenter;
class LanguageIdentifier;
class EntityRecognizer;
class DateTagger;
class QuantityTagger;
class ClaimExtractor;

// The stages, in the order Run applies them.
enum class Stage { kClean, kSegment, kLanguage, kEntities, kDates, kQuantities, kClaims };
inline constexpr int kStageCount = 7;

// "clean", "segment", "language", "entities", "dates", "quantities", "claims".
std::string_view StageName(Stage stage);

// Sees every stage run, e.g. to time it for operators' metrics: the pipeline
// has no clock of its own. Called from every thread that enriches, so it
// must be thread-safe.
class StageObserver {
 public:
  virtual ~StageObserver() = default;
  // Runs the stage by calling `run` once and returns what it returned.
  virtual absl::Status Observe(Stage stage, absl::FunctionRef<absl::Status()> run) const = 0;
};

struct PipelineOptions {
  std::string langid_model;             // contents of models/langid/nusantara-v1.bin
  std::string langid_confusable_model;  // contents of models/langid/confusable-v1.bin
  std::string ner_model;       // contents of models/ner/...
  std::string knowledge_base;  // optional KB file contents (see README)
  // Optional; not owned, must outlive the pipeline.
  const StageObserver* observer = nullptr;
};

class Pipeline {
 public:
  static absl::StatusOr<std::unique_ptr<Pipeline>> Create(const PipelineOptions& options);
  ~Pipeline();

  // Enriches an article that passed article::ValidateArticle.
  absl::StatusOr<warta::v1::EnrichedArticle> Enrich(const warta::v1::Article& article,
                                                    absl::Time now) const;

  // Runs the stages over a Document whose inputs are set.
  absl::Status Run(Document& doc) const;

  // "<release>+<hash of the models>": changes when code or models change.
  const std::string& version() const { return version_; }

 private:
  Pipeline() = default;

  std::unique_ptr<Cleaner> cleaner_;
  std::unique_ptr<Segmenter> segmenter_;
  std::unique_ptr<LanguageIdentifier> language_;
  std::unique_ptr<EntityRecognizer> entities_;
  std::unique_ptr<DateTagger> dates_;
  std::unique_ptr<QuantityTagger> quantities_;
  std::unique_ptr<ClaimExtractor> claims_;
  const StageObserver* observer_ = nullptr;
  std::string version_;
};

// The Document inputs of an article (exposed for tests and tools).
Document DocumentFromArticle(const warta::v1::Article& article);

// Builds the output message from a finished Document.
warta::v1::EnrichedArticle ToEnrichedArticle(const warta::v1::Article& article,
                                             const Document& doc);

}  // namespace warta::enrichment

#endif  // WARTA_ENRICHMENT_PIPELINE_H_
