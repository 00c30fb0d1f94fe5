#include "tests/unit/claims/test_documents.h"

#include <algorithm>

#include "enrichment/segment/segmenter.h"
#include "gtest/gtest.h"

namespace warta::enrichment::testing {
namespace {

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || (static_cast<unsigned char>(c) >= 0x80 &&
                                    static_cast<unsigned char>(c) != 0xE2);
}

}  // namespace

Document MakeDocument(const std::string& text,
                      const std::vector<EntitySpec>& entities) {
  Document doc;
  doc.text = text;
  // Tokens and sentences as the pipeline makes them.
  static const Segmenter* segmenter = Segmenter::Create({}).value().release();
  EXPECT_TRUE(segmenter->Process(doc).ok());
  // Entities: longest names first so "Choe Son Hui" wins over "Choe".
  std::vector<bool> taken(text.size(), false);
  std::vector<std::pair<std::string, int>> names;
  for (int e = 0; e < static_cast<int>(entities.size()); ++e) {
    names.push_back({entities[e].name, e});
    for (const std::string& a : entities[e].aliases) names.push_back({a, e});
    Entity ent;
    ent.id = "test:" + entities[e].name;
    ent.type = entities[e].type;
    ent.name = entities[e].name;
    ent.aliases = entities[e].aliases;
    doc.entities.push_back(ent);
  }
  std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) {
    return a.first.size() > b.first.size();
  });
  for (const auto& [name, e] : names) {
    for (size_t pos = text.find(name); pos != std::string::npos;
         pos = text.find(name, pos + 1)) {
      const size_t end = pos + name.size();
      if ((pos > 0 && IsWordByte(text[pos - 1])) ||
          (end < text.size() && IsWordByte(text[end]))) {
        continue;
      }
      if (std::any_of(taken.begin() + pos, taken.begin() + end,
                      [](bool b) { return b; })) {
        continue;
      }
      std::fill(taken.begin() + pos, taken.begin() + end, true);
      doc.entities[e].mentions.push_back(
          Mention{Span{static_cast<int>(pos), static_cast<int>(end)}});
    }
  }
  for (Entity& ent : doc.entities) {
    std::sort(ent.mentions.begin(), ent.mentions.end(),
              [](const Mention& a, const Mention& b) {
                return a.span.begin < b.span.begin;
              });
  }
  return doc;
}

std::string ContentOf(const Document& doc, const Claim& claim) {
  return std::string(doc.Text(claim.content));
}

std::string SpeakerOf(const Document& doc, const Claim& claim) {
  if (claim.speaker_entity >= 0) return doc.entities[claim.speaker_entity].name;
  return claim.speaker_name;
}

}  // namespace warta::enrichment::testing
