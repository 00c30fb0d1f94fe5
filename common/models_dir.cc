#include "common/models_dir.h"

namespace warta {

std::string DefaultModelsDir() { return WARTA_MODELS_DIR; }

}  // namespace warta
