// How fast `slotlint check` reads a Python tree: files/s and bytes/s for the
// whole pipeline (discovery, read, pre-filter, parse, frontend, rules, SARIF),
// on 2,000 generated files of which 10% use Redis.
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
  Tree() {
    root = fs::temp_directory_path() / "slotlint-bench-tree";
    fs::remove_all(root);
    stats = slotlint::bench::write_synthetic_python_tree(root, 2000, 0.10);
  }
  ~Tree() { fs::remove_all(root); }
};

const Tree& tree() {
  static const Tree instance;
  return instance;
}

void BM_CheckPythonTree(benchmark::State& state) {
  std::string error;
  auto driver = slotlint::driver::Driver::create(error);
  if (!driver) {
    state.SkipWithError(error.c_str());
    return;
  }
  slotlint::driver::RunOptions options;
  options.paths = {tree().root};
  options.root = tree().root;
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
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * tree().stats.files));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * tree().stats.bytes));
  state.counters["findings"] = static_cast<double>(findings);
}

BENCHMARK(BM_CheckPythonTree)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
