// libFuzzer target for the one article decoder every door uses
// (DecodeArticle: protobuf-JSON, crawler JSON or binary protobuf) and
// ValidateArticle. Any bytes are either refused with INVALID_ARGUMENT and a
// message that is valid UTF-8 (it reaches DLQ headers and gRPC statuses),
// or decoded; an article that validates keeps its meaning when forwarded:
// its binary form (what ingest puts on Kafka) and its JSON form (what
// `warta show` prints) decode to the same article, which validates again
// with the same id.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "article/article_validation.h"
#include "google/protobuf/stubs/logging.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "warta/v1/article.pb.h"
#include "fuzz/fuzz_check.h"

namespace {

using warta::article::DecodeArticle;
using warta::article::IsValidUtf8;
using warta::article::ValidateArticle;
using warta::v1::Article;

using warta::fuzz::Check;

void CheckRefusal(const absl::Status& status) {
  Check(status.code() == absl::StatusCode::kInvalidArgument);
  Check(IsValidUtf8(status.message()));
}

// `encoded` decodes to `article` and validates again, keeping the id.
void CheckReadsBack(const std::string& encoded, const Article& article) {
  absl::StatusOr<Article> again = DecodeArticle(encoded);
  Check(again.ok());
  Check(ValidateArticle(*again).ok());
  Check(google::protobuf::util::MessageDifferencer::Equals(*again, article));
}

}  // namespace

// protobuf logs every string field that is not UTF-8; the refusal is what counts.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  absl::StatusOr<Article> decoded =
      DecodeArticle(absl::string_view(reinterpret_cast<const char*>(data), size));
  if (!decoded.ok()) {
    CheckRefusal(decoded.status());
    return 0;
  }
  Article article = *std::move(decoded);
  if (absl::Status valid = ValidateArticle(article); !valid.ok()) {
    CheckRefusal(valid);
    return 0;
  }
  Check(!article.id().empty());

  std::string wire;
  Check(article.SerializeToString(&wire));
  CheckReadsBack(wire, article);

  // JSON has no place for fields this version does not know.
  article.DiscardUnknownFields();
  std::string json;
  Check(google::protobuf::util::MessageToJsonString(article, &json).ok());
  CheckReadsBack(json, article);
  return 0;
}
