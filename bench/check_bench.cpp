// How fast `slotlint check` reads a tree: files/s and bytes/s for the whole
// pipeline (discovery, read, pre-filter, parse, frontend, rules, SARIF), on
// 2,000 generated files of which 10% use Redis: a Python tree, and a
// JavaScript/TypeScript one (half .js, half .ts).
#include <filesystem>
#include <sstream>
#include <thread>

#include <benchmark/benchmark.h>

#include "analyzer/driver/driver.h"
#include "bench/synthetic_tree.h"
#include "sarif/sarif_reporter.h"

namespace {
namespace fs = std::filesystem;

struct Tree {
  fs::path root;
  slotlint::bench::TreeStats stats;
  Tree(const char* name,
       slotlint::bench::TreeStats (*write)(const fs::path&, std::size_t, double)) {
    root = fs::temp_directory_path() / name;
    fs::remove_all(root);
    stats = write(root, 2000, 0.10);
  }
  ~Tree() { fs::remove_all(root); }
};

const Tree& python_tree() {
  static const Tree instance("slotlint-bench-python", slotlint::bench::write_synthetic_python_tree);
  return instance;
}

const Tree& js_tree() {
  static const Tree instance("slotlint-bench-js", slotlint::bench::write_synthetic_js_tree);
  return instance;
}

void check_tree(benchmark::State& state, const Tree& tree) {
  std::string error;
  auto driver = slotlint::driver::Driver::create(error);
  if (!driver) {
    state.SkipWithError(error.c_str());
    return;
  }
  slotlint::driver::RunOptions options;
  options.paths = {tree.root};
  options.root = tree.root;
  options.jobs = static_cast<unsigned>(state.range(0));
  std::size_t findings = 0;
  for (auto _ : state) {
    auto analysis = driver->analyse(options);
    auto report = driver->make_report(analysis, slotlint::ir::Level::Note, options.root);
    std::ostringstream out;
    slotlint::report::write_sarif(report, out);
    findings = report.findings.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * tree.stats.files));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * tree.stats.bytes));
  state.counters["findings"] = static_cast<double>(findings);
}

void BM_CheckPythonTree(benchmark::State& state) { check_tree(state, python_tree()); }
void BM_CheckJsTree(benchmark::State& state) { check_tree(state, js_tree()); }

BENCHMARK(BM_CheckPythonTree)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CheckJsTree)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
