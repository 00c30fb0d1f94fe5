#include "eval/langid/langid_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "eval/langid/langid_data.h"
#include "tests/testing/shared_data.h"

namespace warta::eval {
namespace {

namespace fs = std::filesystem;

class LangidEvalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("warta_langid_eval_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name) << content;
  }
  std::string ModelFlag() const {
    return "--model=" +
           (warta::testing::SourceDir() / "models/langid/nusantara-v1.bin").string();
  }
  fs::path dir_;
};

TEST_F(LangidEvalTest, ScoresALinguaStyleFolderAsJson) {
  Write("id.txt",
        "Pemerintah akan memperkenalkan kebijakan baru untuk membantu "
        "masyarakat berpenghasilan rendah.\n\n"
        "Polisi telah menangkap tiga pria yang diduga terlibat dalam kasus "
        "perampokan di sebuah toko emas.\n");
  Write("en.txt",
        "The central bank kept its benchmark interest rate unchanged on "
        "Thursday.\n");
  Write("README", "not a language file");
  std::ostringstream out;
  ASSERT_TRUE(RunLangidEval({dir_.string(), ModelFlag()}, out).ok());
  const std::string json = out.str();
  EXPECT_NE(json.find("\"engine\": \"warta\""), std::string::npos);
  EXPECT_NE(json.find("\"overall\": {\"total\": 3, \"correct\": 3, \"accuracy\": 1.0000}"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"id\": {\"id\": 2, \"ms\": 0, \"other\": 0}"),
            std::string::npos)
      << json;
}

TEST_F(LangidEvalTest, HeldOutHalfTakesOddLinesAndCld2EngineWorks) {
  Write("en.txt", "first line\nsecond line is English text\nthird\n");
  std::ostringstream out;
  ASSERT_TRUE(
      RunLangidEval({dir_.string(), "--half=heldout", "--engine=cld2"}, out).ok());
  EXPECT_NE(out.str().find("\"engine\": \"cld2\""), std::string::npos);
  EXPECT_NE(out.str().find("\"total\": 1,"), std::string::npos) << out.str();
}

// The error list cuts long texts; the cut must not split a UTF-8 letter
// (the JSON would be invalid: Python's json module refused it).
TEST_F(LangidEvalTest, ErrorListCutsLongTextsOnALetterBoundary) {
  // English, labelled Slovak (an error for any engine), 299 ASCII bytes and
  // then "č" (2 bytes) across the 300-byte cut.
  std::string line = "The central bank kept its benchmark interest rate unchanged. ";
  line.resize(299, 'x');
  line += "\xc4\x8d end.";
  Write("sk.txt", line + "\n");
  std::ostringstream out;
  ASSERT_TRUE(RunLangidEval({dir_.string(), "--engine=cld2", "--errors=5"}, out).ok());
  const std::string json = out.str();
  const size_t text = json.find("\"text\": \"");
  ASSERT_NE(text, std::string::npos) << json;
  const size_t end = json.find("\"}", text);
  ASSERT_NE(end, std::string::npos);
  const std::string_view cut = std::string_view(json).substr(end - 1, 1);
  EXPECT_NE(static_cast<unsigned char>(cut[0]), 0xC4) << "cut inside a letter";
}

TEST_F(LangidEvalTest, ScoresNusaxColumns) {
  Write("valid.csv",
        ",indonesian,english,javanese,sundanese,balinese\n"
        "0,\"Saya pergi ke pasar, membeli sayur.\",\"I went to the market, buying "
        "vegetables.\",Aku lunga menyang pasar tuku sayur.,Abdi angkat ka "
        "pasar meser sayuran.,Tiang ka peken\n");
  auto texts = ReadNusaxCsv(dir_ / "valid.csv");
  ASSERT_TRUE(texts.ok()) << texts.status();
  ASSERT_EQ(texts->size(), 4u);
  EXPECT_EQ((*texts)[0].code, "id");
  EXPECT_EQ((*texts)[0].text, "Saya pergi ke pasar, membeli sayur.");
  EXPECT_EQ((*texts)[3].code, "su");
  std::ostringstream out;
  ASSERT_TRUE(RunLangidEval({"--nusax", (dir_ / "valid.csv").string(), ModelFlag()}, out).ok());
  EXPECT_NE(out.str().find("\"jv\""), std::string::npos);
}

TEST_F(LangidEvalTest, BadInputGivesAClearError) {
  std::ostringstream out;
  auto missing = RunLangidEval({(dir_ / "nope").string()}, out);
  EXPECT_EQ(missing.code(), absl::StatusCode::kNotFound);
  EXPECT_NE(missing.message().find("nope"), std::string::npos);
  EXPECT_EQ(RunLangidEval({}, out).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(RunLangidEval({dir_.string(), "--engine=fasttext"}, out).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(RunLangidEval({dir_.string(), "--bogus=1"}, out).code(),
            absl::StatusCode::kInvalidArgument);
  // An empty folder has nothing to score.
  EXPECT_EQ(RunLangidEval({dir_.string()}, out).code(), absl::StatusCode::kNotFound);
  Write("id.txt", "Saya makan nasi.\n");
  EXPECT_EQ(RunLangidEval({dir_.string(), "--model=/no/such/model.bin"}, out).code(),
            absl::StatusCode::kNotFound);
  Write("bad.csv", "a,\"unterminated\n");
  EXPECT_FALSE(ReadNusaxCsv(dir_ / "bad.csv").ok());
  Write("bad.jsonl", "{\"text\": \"ok\"}\nnot json\n");
  EXPECT_FALSE(ReadNewsJsonl(dir_ / "bad.jsonl").ok());
  EXPECT_TRUE(out.str().empty());
}

TEST(ParseCsvTest, HandlesQuotesCommasAndNewlines) {
  auto rows = ParseCsv("a,\"b, c\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",3");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0], (std::vector<std::string>{"a", "b, c", "say \"hi\""}));
  EXPECT_EQ((*rows)[1], (std::vector<std::string>{"1", "two\nlines", "3"}));
}

TEST(Cld2SupportsTest, KnowsWhatPlainCld2CannotOutput) {
  EXPECT_TRUE(Cld2Supports("id"));
  EXPECT_TRUE(Cld2Supports("zh-Hant"));
  EXPECT_FALSE(Cld2Supports("yo"));
  EXPECT_FALSE(Cld2Supports("la"));
}

}  // namespace
}  // namespace warta::eval
