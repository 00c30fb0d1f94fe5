// File names of the committed models, relative to the models folder.
#ifndef WARTA_SERVICES_COMMON_MODEL_NAMES_H_
#define WARTA_SERVICES_COMMON_MODEL_NAMES_H_

namespace warta::services {

inline constexpr char kLangidModelFile[] = "langid/nusantara-v1.bin";
inline constexpr char kLangidConfusableModelFile[] = "langid/confusable-v1.bin";
inline constexpr char kNerModelFile[] = "ner/ner.model";
// Word document frequencies for the story clusterer (warta-train-story-idf).
inline constexpr char kStoryIdfFile[] = "stories/idf.tsv";

}  // namespace warta::services

#endif  // WARTA_SERVICES_COMMON_MODEL_NAMES_H_
