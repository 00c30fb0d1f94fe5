#include "common/flags.h"

#include <cstdlib>

#include <gtest/gtest.h>

namespace warta {
namespace {

TEST(FlagSetTest, CommandLineBeatsEnvironmentWhichBeatsDefault) {
  std::string brokers = "127.0.0.1:9092", topic = "articles.raw";
  int batch = 64;
  bool consume = true;
  FlagSet flags("t", "test");
  flags.String("brokers", &brokers, "");
  flags.String("raw_topic", &topic, "");
  flags.Int("max_batch", &batch, "");
  flags.Bool("consume", &consume, "");
  setenv("WARTA_BROKERS", "kafka:9092", 1);
  setenv("WARTA_RAW_TOPIC", "from-env", 1);
  auto rest = flags.ParseOrExit(std::vector<std::string>{"--raw_topic=cli", "--max_batch", "8",
                                                         "--noconsume", "file.txt"});
  unsetenv("WARTA_BROKERS");
  unsetenv("WARTA_RAW_TOPIC");
  EXPECT_EQ(brokers, "kafka:9092");
  EXPECT_EQ(topic, "cli");
  EXPECT_EQ(batch, 8);
  EXPECT_FALSE(consume);
  EXPECT_EQ(rest, std::vector<std::string>{"file.txt"});
}

TEST(FlagSetTest, ReadsDecimalNumbersAndRefusesBadOnes) {
  double ratio = 0.5;
  FlagSet flags("t", "test");
  flags.Double("gazetteer_min_ratio", &ratio, "");
  flags.ParseOrExit(std::vector<std::string>{"--gazetteer_min_ratio=0.25"});
  EXPECT_DOUBLE_EQ(ratio, 0.25);
  EXPECT_EXIT(flags.ParseOrExit(std::vector<std::string>{"--gazetteer_min_ratio=half"}),
              ::testing::ExitedWithCode(2), "bad value \"half\" for --gazetteer_min_ratio");
}

TEST(FlagSetTest, HelpListsEveryFlagWithDefaultAndEnvName) {
  std::string db = "warta.db";
  FlagSet flags("warta-store [flags]", "Stores.");
  flags.String("db", &db, "SQLite database file");
  std::string help = flags.Help();
  EXPECT_NE(help.find("--db"), std::string::npos);
  EXPECT_NE(help.find("\"warta.db\""), std::string::npos);
  EXPECT_NE(help.find("WARTA_DB"), std::string::npos);
}

TEST(FlagSetDeathTest, UnknownFlagExitsWithUsage) {
  FlagSet flags("t", "test");
  EXPECT_EXIT(flags.ParseOrExit(std::vector<std::string>{"--nope"}), ::testing::ExitedWithCode(2),
              "unknown flag --nope");
}

}  // namespace
}  // namespace warta
