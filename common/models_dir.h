// Where the trained model files are: the models folder built into the
// binaries (the source tree's models/, overridden by a program's
// --models_dir) and the names of the files inside it.
#ifndef WARTA_COMMON_MODELS_DIR_H_
#define WARTA_COMMON_MODELS_DIR_H_

#include <string>

namespace warta {

// The source tree's models/ folder, as configured by CMake.
std::string DefaultModelsDir();

// File names of the committed models, relative to the models folder.
inline constexpr char kLangidModelFile[] = "langid/nusantara-v1.bin";
inline constexpr char kLangidConfusableModelFile[] = "langid/confusable-v1.bin";
inline constexpr char kNerModelFile[] = "ner/ner.model";
// Word document frequencies for the story clusterer (warta-train-story-idf).
inline constexpr char kStoryIdfFile[] = "stories/idf.tsv";

}  // namespace warta

#endif  // WARTA_COMMON_MODELS_DIR_H_
