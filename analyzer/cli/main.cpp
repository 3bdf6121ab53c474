// slotlint: finds Redis calls that break on Redis Cluster (CROSSSLOT and
// friends) before deployment. See `slotlint --help`.
#include <array>
#include <iostream>
#include <string_view>
#include <vector>

#include "analyzer/cli/commands.h"
#include "analyzer/cli/exit_codes.h"
#include "analyzer/cli/nearest.h"

namespace {

constexpr std::string_view kHelp = R"(slotlint - find Redis calls that break on Redis Cluster

Usage:
  slotlint check [PATH...] [options]   analyse files and folders (default: .)
  slotlint slot KEY...                 print each key's hash slot (like CLUSTER KEYSLOT);
                                       '-' reads keys from standard input, one per line
  slotlint rules                       list the rules
  slotlint clients                     list the client libraries, the versions they are known
                                       up to and the packages that name them (for "clients"
                                       and "standalone" in .slotlint.json)
  slotlint explain RULE                show a rule's documentation (code or name)
  slotlint explain FILE:LINE[:COL]     explain the findings there: rule, client, version,
                                       the client fact each relies on and what silences
                                       it (takes the check options, such as --config)
  slotlint dump-ir [PATH...]           print the Redis operations found, as JSON
  slotlint --version | --help

Options for check:
  --format FORMAT            output format: text (default), sarif, json, github (Actions
                             annotations), gitlab (Code Quality JSON), junit (JUnit XML)
  -o, --output FILE          write the report to FILE instead of standard output
  -j, --jobs N               files analysed in parallel (default: all cores)
  --select RULES             report only these rules (codes or names, comma-separated;
                             repeatable)
  --ignore RULES             do not report these rules (codes or names, comma-separated;
                             repeatable)
  --exclude GLOB             leave out paths matching GLOB, relative to --root (repeatable;
                             '*' within a folder, '**' across folders)
  --min-level LEVEL          report findings at or above note|warning|error (default: note)
  --fail-level LEVEL         exit 1 when a finding is at or above it (default: warning)
  --exit-zero                exit 0 even when there are findings (errors still exit 2-4)
  -q, --quiet                text output: the findings only (no notifications, no summary)
  --statistics               print the number of findings per rule instead of the findings
                             (with --format sarif|json: the report, and the counts on
                             standard error)
  --stdin-filename PATH      read the source of PATH from standard input (for editors)
  --root DIR                 paths in the report are relative to DIR (default: .)
  --automation-id ID         SARIF runAutomationDetails.id (GitHub code scanning category)
  --baseline FILE.sarif      report only findings that FILE (an earlier SARIF run) lacks:
                             matched by fingerprint (slotlint/v2 or v1), and a result of
                             an older slotlint without v2 also by rule, file, line, column
  --config FILE              the configuration (default: the nearest .slotlint.json above
                             the first path); --no-config uses the defaults
  --color auto|always|never  colour in text output (default: auto; NO_COLOR is honoured)
  --no-snippets              text output without the source line, caret and notes
  --no-gitignore             also read what git ignores (.gitignore, .git/info/exclude,
                             the global excludes file; honoured by default in a work tree)
  --force-exclude            leave out paths given on the command line that git ignores
                             (they are read by default)
  --stats                    print to standard error, per file, the work it took: bytes,
                             nesting, parse operations, syntax tree nodes, tree steps
  -p DIR                     C/C++: the compilation database DIR/compile_commands.json
                             (without PATHs: check the files it lists)
  --compile-commands FILE    C/C++: the compilation database file

Suppress one finding with a comment on its line or the line above:
  r.mget(a, b)  # slotlint: ignore[SL001]   (a code or a rule name; several with commas)

Exit codes: 0 clean, 1 findings at or above --fail-level, 2 usage or I/O error,
3 invalid configuration, 4 internal error (slotlint's own data is broken).
)";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kHelp;
    return args.empty() ? slotlint::cli::kUsage : slotlint::cli::kClean;
  }
  if (args[0] == "--version") {
    std::cout << "slotlint " << SLOTLINT_VERSION << "\n";
    return slotlint::cli::kClean;
  }
  std::span<const std::string_view> rest(args.data() + 1, args.size() - 1);
  try {
    if (args[0] == "check") return slotlint::cli::run_check(rest);
    if (args[0] == "slot") return slotlint::cli::run_slot(rest);
    if (args[0] == "rules") return slotlint::cli::run_rules(rest);
    if (args[0] == "clients") return slotlint::cli::run_clients(rest);
    if (args[0] == "explain") return slotlint::cli::run_explain(rest);
    if (args[0] == "dump-ir") return slotlint::cli::run_dump_ir(rest);
  } catch (const std::exception& e) {
    std::cerr << "slotlint: internal error: " << e.what() << "\n";
    return slotlint::cli::kInternal;
  }
  constexpr std::array<std::string_view, 8> kCommands{"check",   "slot",    "rules",     "clients",
                                                      "explain", "dump-ir", "--version", "--help"};
  std::cerr << "slotlint: unknown command '" << args[0] << "'";
  if (auto guess = slotlint::cli::nearest(args[0], kCommands))
    std::cerr << " (did you mean " << *guess << "?)";
  std::cerr << " (see slotlint --help)\n";
  return slotlint::cli::kUsage;
}
