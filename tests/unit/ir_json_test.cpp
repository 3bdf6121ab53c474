// The IR as JSON (analyzer/ir/ir_json.h), how slotlint-cpp hands its ops to
// the core, and the core's side of that component (analyzer/driver/
// cpp_component.h): a round trip changes nothing a rule sees, and a component
// that is missing, crashes or answers nonsense costs a notification only.
#include "analyzer/ir/ir_json.h"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

#include "analyzer/driver/cpp_component.h"
#include "analyzer/driver/driver.h"
#include "rules/rule.h"

namespace slotlint {
namespace {
namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(SLOTLINT_FRONTENDS_DIR).parent_path() / "fixtures";

nlohmann::json findings_json(std::span<const ir::RedisOp> ops) {
  std::vector<ir::Finding> findings;
  for (const auto& rule : rules::make_all_rules()) rule->check(ops, {}, findings);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& finding : findings) {
    nlohmann::json related = nlohmann::json::array();
    for (const auto& r : finding.related) related.push_back({r.span, r.message});
    nlohmann::json fix = nullptr;
    if (finding.fix) {
      fix = nlohmann::json::array({finding.fix->description});
      for (const auto& replacement : finding.fix->replacements)
        fix.push_back({replacement.deleted, replacement.inserted});
    }
    out.push_back({finding.rule_code, static_cast<int>(finding.level), finding.message,
                   finding.primary, related, fix, finding.fingerprint_basis, finding.verdict});
  }
  return out;
}

// Every op the tree-sitter frontends find in the fixtures (scripts, groups,
// error handling, prefixes) survives the trip
// exactly: the same JSON again, and the same findings from every rule.
TEST(IrJson, FixtureOpsRoundTripWithTheSameFindings) {
  std::string error;
  auto driver = driver::Driver::create(error);
  ASSERT_TRUE(driver) << error;
  driver::RunOptions options;
  options.root = kFixtures;
  for (const char* language : {"python", "javascript", "typescript", "go", "java", "lua"})
    options.paths.push_back(kFixtures / language);
  auto analysis = driver->analyse(options);
  std::size_t ops = 0, with_script = 0, with_group = 0;
  for (const auto& file : analysis.files) {
    if (file.ops.empty()) continue;
    nlohmann::json written = file.ops;
    auto restored =
        nlohmann::json::from_cbor(nlohmann::json::to_cbor(written)).get<std::vector<ir::RedisOp>>();
    ASSERT_EQ(nlohmann::json(restored), written) << file.file.display_path;
    EXPECT_EQ(findings_json(restored), findings_json(file.ops)) << file.file.display_path;
    for (const auto& op : file.ops) {
      ++ops;
      with_script += op.script.has_value();
      with_group += op.group.has_value();
    }
  }
  EXPECT_GT(ops, 500u);
  EXPECT_GT(with_script, 20u);
  EXPECT_GT(with_group, 20u);
}

// Keys chosen on branches, collections, unknown keys and literals past the
// key budget come back as they were.
TEST(IrJson, EveryKindOfKeyRoundTrips) {
  using ir::KeyExpr;
  KeyExpr templated = KeyExpr::literal("user:", {0, 10, 15}, true);
  templated.append(KeyExpr::hole("uid", "uid", {0, 15, 18}, true));
  KeyExpr chosen = KeyExpr::one_of(
      {{KeyExpr::literal("a:{x}", {0, 1, 6}, true), "when `x`", {0, 1, 2}}, {templated, "", {}}},
      {0, 1, 18});
  chosen.forbid_edits();
  KeyExpr collection = templated;
  collection.mark_collection();
  KeyExpr huge = KeyExpr::literal(std::string(ir::kMaxKeyBytes + 1, 'k'), {0, 0, 9}, true);
  KeyExpr unknown = KeyExpr::unknown("built from a call", {0, 3, 4});
  for (const auto& key : {templated, chosen, collection, huge, unknown}) {
    nlohmann::json written = key;
    auto restored = written.get<KeyExpr>();
    EXPECT_EQ(nlohmann::json(restored), written);
    EXPECT_EQ(restored.display(), key.display());
    EXPECT_EQ(ir::tokens(restored), ir::tokens(key));
    EXPECT_EQ(restored.alternatives().size(), key.alternatives().size());
    EXPECT_EQ(restored.is_collection(), key.is_collection());
    EXPECT_EQ(restored.literal_text(), key.literal_text());
  }
  // Appending to a restored key still counts the bytes it holds.
  auto restored =
      nlohmann::json(KeyExpr::literal(std::string(ir::kMaxKeyBytes - 1, 'k'), {}, false))
          .get<KeyExpr>();
  restored.append(KeyExpr::literal("xy", {}, false));
  EXPECT_FALSE(restored.is_literal()) << "past the budget: a hole";
}

TEST(IrJson, MalformedOpIsAnErrorNotACrash) {
  nlohmann::json op = ir::RedisOp{};
  op["cross_slot_handling"] = 99;
  EXPECT_THROW(op.get<ir::RedisOp>(), nlohmann::json::exception);
  op = ir::RedisOp{};
  op.erase("keys");
  EXPECT_THROW(op.get<ir::RedisOp>(), nlohmann::json::exception);
}

class CppComponentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("slotlint-cpp-component-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    fs::create_directories(base_);
  }
  void TearDown() override { fs::remove_all(base_); }

  // A stand-in for slotlint-cpp: a shell script doing `body`.
  fs::path program(const std::string& body) {
    auto path = base_ / "slotlint-cpp";
    std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
    fs::permissions(path, fs::perms::owner_all);
    return path;
  }

  frontend::FileAnalysis analyse(std::optional<fs::path> component) {
    files::ProjectFiles files({base_});
    driver::CppComponent cpp(std::move(component), {base_, {base_}, {}, {}, {"hiredis"}, {}},
                             files);
    if (auto notice = cpp.unavailable()) {
      frontend::FileAnalysis analysis;
      analysis.notices.push_back(*notice);
      return analysis;
    }
    std::string source = "int main() { return 0; }\n";
    return cpp.analyse({0, "a.c", source, base_ / "a.c"});
  }

  static std::string only_notice(const frontend::FileAnalysis& analysis) {
    EXPECT_TRUE(analysis.ops.empty());
    EXPECT_EQ(analysis.notices.size(), 1u);
    if (analysis.notices.size() != 1) return {};
    return analysis.notices.front().id + ": " + analysis.notices.front().message;
  }

  fs::path base_;
};

TEST_F(CppComponentTest, MissingComponentSaysSo) {
  auto notice = only_notice(analyse(std::nullopt));
  EXPECT_TRUE(notice.starts_with("cpp-component-missing: not analysed")) << notice;
  EXPECT_NE(notice.find("slotlint-cpp"), std::string::npos) << notice;
}

TEST_F(CppComponentTest, CrashIsANotification) {
  auto notice = only_notice(analyse(program("kill -SEGV $$")));
  EXPECT_TRUE(notice.starts_with("cpp-component-failed: not analysed")) << notice;
  EXPECT_NE(notice.find("killed by signal 11 (SIGSEGV)"), std::string::npos) << notice;
}

TEST_F(CppComponentTest, ExitIsANotification) {
  auto notice = only_notice(analyse(program("exit 7")));
  EXPECT_NE(notice.find("exited with status 7"), std::string::npos) << notice;
}

TEST_F(CppComponentTest, GarbageAnswerIsANotification) {
  // Reads the setup and the unit, answers with a length and bytes that are no
  // CBOR message, then waits to be stopped.
  auto notice =
      only_notice(analyse(program("head -c 8 >/dev/null; printf '\\000\\000\\000\\003abc'; "
                                  "exec sleep 1000")));
  EXPECT_TRUE(notice.starts_with("cpp-component-failed")) << notice;
  EXPECT_NE(notice.find("killed by signal 9"), std::string::npos) << notice;
}

TEST_F(CppComponentTest, OversizedAnswerIsRefusedBeforeAllocating) {
  auto notice = only_notice(analyse(program("printf '\\377\\377\\377\\377'; exec sleep 1000")));
  EXPECT_NE(notice.find("more than allowed"), std::string::npos) << notice;
}

}  // namespace
}  // namespace slotlint
