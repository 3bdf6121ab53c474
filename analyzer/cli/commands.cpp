#include "analyzer/cli/commands.h"

#include <unistd.h>
#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "analyzer/cli/baseline.h"
#include "analyzer/cli/exit_codes.h"
#include "analyzer/cli/nearest.h"
#include "analyzer/driver/compilation_database.h"
#include "analyzer/driver/cpp_component.h"
#include "analyzer/driver/driver.h"
#include "analyzer/driver/line_index.h"
#include "analyzer/slot/hash_slot.h"
#include "analyzer/slot/slot_engine.h"
#include "rules/rule_metadata.h"
#include "sarif/ci_reporters.h"
#include "sarif/github_limits.h"
#include "sarif/json_reporter.h"
#include "sarif/sarif_reporter.h"
#include "sarif/text_reporter.h"

namespace slotlint::cli {
namespace fs = std::filesystem;
namespace {

int usage_error(const std::string& message) {
  std::cerr << "slotlint: " << message << " (see slotlint --help)\n";
  return kUsage;
}

std::optional<ir::Level> parse_level(std::string_view text) {
  if (text == "note") return ir::Level::Note;
  if (text == "warning") return ir::Level::Warning;
  if (text == "error") return ir::Level::Error;
  return std::nullopt;
}

// What each file cost, in counts that do not depend on the machine.
void write_stats(const driver::Analysis& analysis, std::ostream& out) {
  for (const auto& file : analysis.files) {
    if (!file.analysed) continue;
    const auto& work = file.work;
    out << fmt::format(
        "slotlint: stats: {}: bytes={} nesting={} parse_operations={} nodes={} tree_steps={} "
        "lookup_steps={} value_steps={}\n",
        file.file.display_path, work.bytes, work.nesting, work.parse_operations, work.nodes,
        work.tree_steps, work.lookup_steps, work.value_steps);
  }
}

// --statistics: the findings reported (not suppressed) per rule, most first:
//   3  SL001  cross-slot-multi-key-command
void write_statistics(const report::RunReport& run, std::ostream& out) {
  std::map<const rules::RuleMetadata*, std::size_t> counts;
  for (const auto& finding : run.findings) {
    if (!finding.suppression && finding.rule != nullptr) ++counts[finding.rule];
  }
  std::vector<std::pair<const rules::RuleMetadata*, std::size_t>> rows(counts.begin(),
                                                                       counts.end());
  std::ranges::sort(rows, [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first->code < b.first->code;
  });
  for (const auto& [rule, count] : rows)
    out << fmt::format("{:>5}  {}  {}\n", count, rule->code, rule->name);
  std::size_t total = 0;
  for (const auto& row : rows) total += row.second;
  out << fmt::format("{:>5}  total\n", total);
}

struct CheckOptions {
  driver::RunOptions run;
  std::string format = "text";
  std::optional<std::string> output;
  ir::Level min_level = ir::Level::Note;
  ir::Level fail_level = ir::Level::Warning;
  std::optional<std::string> automation_id;
  std::optional<std::string> baseline;
  std::optional<std::string> config_file;
  bool no_config = false;
  std::string color = "auto";
  bool snippets = true;
  bool stats = false;
  // Rule codes or names (--select, --ignore; comma-separated, repeatable).
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  bool exit_zero = false;
  bool quiet = false;
  bool statistics = false;
  std::optional<fs::path> stdin_filename;
};

// The options of check and dump-ir; `short_name` is a one-letter alias.
struct OptionSpec {
  std::string_view name;
  std::string_view short_name;
  bool takes_value;
};
constexpr std::array<OptionSpec, 24> kCheckOptions{{
    {"--format", "", true},           {"--output", "-o", true},
    {"--jobs", "-j", true},           {"--min-level", "", true},
    {"--fail-level", "", true},       {"--root", "", true},
    {"--automation-id", "", true},    {"--color", "", true},
    {"--baseline", "", true},         {"--config", "", true},
    {"--compile-commands", "", true}, {"-p", "", true},
    {"--select", "", true},           {"--ignore", "", true},
    {"--exclude", "", true},          {"--stdin-filename", "", true},
    {"--no-config", "", false},       {"--no-snippets", "", false},
    {"--stats", "", false},           {"--no-gitignore", "", false},
    {"--force-exclude", "", false},   {"--exit-zero", "", false},
    {"--quiet", "-q", false},         {"--statistics", "", false},
}};

const OptionSpec* find_option(std::string_view name) {
  for (const auto& spec : kCheckOptions) {
    if (spec.name == name || (!spec.short_name.empty() && spec.short_name == name)) return &spec;
  }
  return nullptr;
}

std::string unknown_option(std::string_view arg) {
  std::vector<std::string_view> known;
  for (const auto& spec : kCheckOptions) known.push_back(spec.name);
  auto typed = arg.substr(0, arg.find('='));
  if (auto guess = nearest(typed, known))
    return fmt::format("unknown option '{}' (did you mean {}?)", arg, *guess);
  return fmt::format("unknown option '{}'", arg);
}

void add_names(std::string_view list, std::vector<std::string>& names) {
  while (!list.empty()) {
    auto comma = list.find(',');
    auto name = list.substr(0, comma);
    if (!name.empty()) names.emplace_back(name);
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
  }
}

// Applies one option that takes a value; returns an error message on bad input.
std::optional<std::string> apply_value(std::string_view name, std::string_view v,
                                       CheckOptions& options, fs::path& root) {
  if (name == "--format") {
    constexpr std::array<std::string_view, 6> kFormats{"text",   "sarif",  "json",
                                                       "github", "gitlab", "junit"};
    if (std::ranges::find(kFormats, v) == kFormats.end())
      return fmt::format("unknown format '{}' (known: {})", v, fmt::join(kFormats, ", "));
    options.format = v;
  } else if (name == "--output") {
    options.output = std::string(v);
  } else if (name == "--jobs") {
    unsigned jobs = 0;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), jobs);
    if (ec != std::errc() || ptr != v.data() + v.size() || jobs == 0 || jobs > 1024) {
      return fmt::format("--jobs takes a number from 1 to 1024, not '{}'", v);
    }
    options.run.jobs = jobs;
  } else if (name == "--min-level" || name == "--fail-level") {
    auto level = parse_level(v);
    if (!level) return fmt::format("{} takes note, warning or error, not '{}'", name, v);
    (name == "--min-level" ? options.min_level : options.fail_level) = *level;
  } else if (name == "--root") {
    root = fs::path(std::string(v));
    options.run.root_given = true;
  } else if (name == "--automation-id") {
    options.automation_id = std::string(v);
  } else if (name == "--baseline") {
    options.baseline = std::string(v);
  } else if (name == "--config") {
    options.config_file = std::string(v);
  } else if (name == "-p" || name == "--compile-commands") {
    // -p DIR: DIR/compile_commands.json, as clang tools take it.
    fs::path database{std::string(v)};
    std::error_code ec;
    if (name == "-p" && fs::is_directory(database, ec)) database /= "compile_commands.json";
    if (!fs::is_regular_file(database, ec))
      return fmt::format("{} {}: no compilation database (compile_commands.json) there", name, v);
    options.run.compile_commands = fs::absolute(database, ec);
  } else if (name == "--color") {
    if (v != "auto" && v != "always" && v != "never")
      return fmt::format("--color takes auto, always or never");
    options.color = v;
  } else if (name == "--select") {
    add_names(v, options.select);
  } else if (name == "--ignore") {
    add_names(v, options.ignore);
  } else if (name == "--exclude") {
    if (v.empty()) return "--exclude needs a glob pattern";
    options.run.exclude.push_back(config::exclude_pattern(v));
  } else if (name == "--stdin-filename") {
    options.stdin_filename = fs::path(std::string(v));
  }
  return std::nullopt;
}

void apply_flag(std::string_view name, CheckOptions& options) {
  if (name == "--no-snippets") options.snippets = false;
  if (name == "--stats") options.stats = true;
  if (name == "--no-config") options.no_config = true;
  if (name == "--no-gitignore") options.run.gitignore = false;
  if (name == "--force-exclude") options.run.force_exclude = true;
  if (name == "--exit-zero") options.exit_zero = true;
  if (name == "--quiet") options.quiet = true;
  if (name == "--statistics") options.statistics = true;
}

// Parses check/dump-ir options; returns an error message on bad input.
std::optional<std::string> parse_check_options(std::span<const std::string_view> args,
                                               CheckOptions& options) {
  options.run.jobs = std::max(1u, std::thread::hardware_concurrency());
  fs::path root = fs::current_path();
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (arg == "--") {
      for (++i; i < args.size(); ++i) options.run.paths.emplace_back(std::string(args[i]));
      break;
    }
    if (!arg.starts_with("-") || arg == "-") {
      options.run.paths.emplace_back(std::string(arg));
      continue;
    }
    // --name=value, --name value, -x value, -xvalue.
    std::string_view name = arg;
    std::optional<std::string_view> attached;
    if (auto eq = arg.find('='); arg.starts_with("--") && eq != std::string_view::npos) {
      name = arg.substr(0, eq);
      attached = arg.substr(eq + 1);
    } else if (!arg.starts_with("--") && arg.size() > 2) {
      name = arg.substr(0, 2);
      attached = arg.substr(2);
    }
    const auto* spec = find_option(name);
    if (spec == nullptr || (!spec->takes_value && attached)) return unknown_option(arg);
    if (!spec->takes_value) {
      apply_flag(spec->name, options);
      continue;
    }
    std::optional<std::string_view> value = attached;
    if (!value && i + 1 < args.size()) value = args[++i];
    if (!value) return fmt::format("{} needs a value", name);
    if (auto error = apply_value(spec->name, *value, options, root)) return error;
  }
  options.run.cpp_component = driver::find_cpp_component();
  if (options.stdin_filename) {
    if (!options.run.paths.empty() || options.run.compile_commands)
      return "--stdin-filename reads one file from standard input: give no PATH or -p with it";
    options.run.paths = {*options.stdin_filename};
  }
  if (options.run.compile_commands) {
    // A database that cannot be read is a usage error, paths or not; without
    // paths (`check -p build/`) its translation units are what is checked.
    std::string error;
    auto files = driver::compilation_database_files(*options.run.compile_commands, error);
    if (!files) return error;
    if (options.run.paths.empty()) {
      options.run.paths = std::move(*files);
      options.run.paths_from_database = true;
    }
  }
  if (options.run.paths.empty()) options.run.paths.emplace_back(".");
  std::error_code ec;
  options.run.root = fs::weakly_canonical(fs::absolute(root), ec);
  if (ec || !fs::is_directory(options.run.root))
    return fmt::format("--root {} is not a directory", root.string());
  return std::nullopt;
}

std::optional<std::string> rule_code(std::string_view code_or_name) {
  const auto* rule = rules::find_rule(code_or_name);
  return rule == nullptr ? std::nullopt : std::optional<std::string>(rule->code);
}

std::string known_rules() {
  std::string known;
  for (const auto& rule : rules::all_rule_metadata()) {
    known += (known.empty() ? "" : ", ") + rule.code + " (" + rule.name + ")";
  }
  return known;
}

// The configuration: --config, else the nearest .slotlint.json above the first
// path; defaults with --no-config or when there is none. nullopt after
// printing the error.
std::optional<config::Config> load_configuration(const CheckOptions& options) {
  if (options.no_config) return config::Config{};
  std::optional<fs::path> file;
  if (options.config_file) {
    file = fs::path(*options.config_file);
  } else {
    file = config::find_config(options.run.paths.front());
  }
  if (!file) return config::Config{};
  auto loaded = config::load_config(*file, {rule_code, known_rules()});
  if (const auto* error = std::get_if<config::ConfigError>(&loaded)) {
    std::cerr << "slotlint: " << error->describe() << "\n";
    return std::nullopt;
  }
  return std::get<config::Config>(std::move(loaded));
}

// --select and --ignore, over the configuration's rule settings: a rule not
// selected, or ignored, is turned off; one selected is turned on.
std::optional<std::string> apply_rule_selection(const CheckOptions& options,
                                                config::Config& configuration) {
  auto codes = [](const std::vector<std::string>& names, std::string_view option,
                  std::set<std::string>& out) -> std::optional<std::string> {
    for (const auto& name : names) {
      auto code = rule_code(name);
      if (!code) return fmt::format("{}: no rule '{}' (known: {})", option, name, known_rules());
      out.insert(*code);
    }
    return std::nullopt;
  };
  if (options.select.empty() && options.ignore.empty()) return std::nullopt;
  std::set<std::string> selected;
  std::set<std::string> ignored;
  if (auto error = codes(options.select, "--select", selected)) return error;
  if (auto error = codes(options.ignore, "--ignore", ignored)) return error;
  for (const auto& rule : rules::all_rule_metadata()) {
    auto& setting = configuration.rules[rule.code];
    if (!options.select.empty()) setting.enabled = selected.contains(rule.code);
    if (ignored.contains(rule.code)) setting.enabled = false;
  }
  return std::nullopt;
}

// nullopt after printing why: exit 3 when the user's models are at fault,
// 4 when slotlint's own are.
std::optional<driver::Driver> make_driver(const config::Config& config, int& exit_code) {
  std::string error;
  auto driver = driver::Driver::create(error);
  if (!driver) {
    std::cerr << "slotlint: internal error: " << error << "\n";
    exit_code = kInternal;
    return std::nullopt;
  }
  if (!config.models.empty()) {
    driver = driver::Driver::create(error, config.models);
    if (!driver) {
      std::cerr << "slotlint: " << config.file.string() << ": " << error << "\n";
      exit_code = kConfig;
      return driver;
    }
  }
  std::vector<std::string> libraries;
  for (const auto& api : driver->models()) libraries.push_back(api.library);
  for (const auto& [library, pin] : config.client_versions) {
    if (std::ranges::find(libraries, library) != libraries.end()) continue;
    std::cerr << "slotlint: "
              << config::ConfigError{config.file.string(), pin.line,
                                     fmt::format("\"clients\" names no known client library "
                                                 "\"{}\" (known: {})",
                                                 library, fmt::join(libraries, ", "))}
                     .describe()
              << "\n";
    exit_code = kConfig;
    return std::nullopt;
  }
  for (const auto& client : config.standalone.clients) {
    auto api = std::ranges::find_if(driver->models(), [&](const model::ApiModel& model) {
      return model.library == client.library;
    });
    std::string problem;
    if (api == driver->models().end()) {
      problem = fmt::format("\"standalone\" names no known client library \"{}\" (known: {})",
                            client.library, fmt::join(libraries, ", "));
    } else if (!client.api_class.empty() && api->find_class(client.api_class) == nullptr) {
      std::vector<std::string> classes;
      for (const auto& cls : api->classes) classes.push_back(cls.name);
      problem = fmt::format("\"standalone\": {} has no client class \"{}\" (known: {})",
                            client.library, client.api_class, fmt::join(classes, ", "));
    }
    if (problem.empty()) continue;
    std::cerr << "slotlint: "
              << config::ConfigError{config.file.string(), client.line, problem}.describe() << "\n";
    exit_code = kConfig;
    return std::nullopt;
  }
  return driver;
}

bool use_color(const CheckOptions& options) {
  if (options.color != "auto") return options.color == "always";
  return !options.output && std::getenv("NO_COLOR") == nullptr && isatty(STDOUT_FILENO) != 0;
}

// What check and dump-ir share: options, configuration, and a driver with the
// user's models.
struct Session {
  CheckOptions options;
  config::Config configuration;
  std::optional<driver::Driver> driver;
};

// kClean when the session is ready; otherwise the exit code, after printing why.
int open_session(std::span<const std::string_view> args, Session& session) {
  if (auto error = parse_check_options(args, session.options)) return usage_error(*error);
  auto configuration = load_configuration(session.options);
  if (!configuration) return kConfig;
  session.configuration = std::move(*configuration);
  if (auto error = apply_rule_selection(session.options, session.configuration))
    return usage_error(*error);
  session.options.run.config = &session.configuration;
  int failure = kClean;
  session.driver = make_driver(session.configuration, failure);
  return session.driver ? kClean : failure;
}

}  // namespace

int run_check(std::span<const std::string_view> args) {
  Session session;
  if (int failure = open_session(args, session); failure != kClean) return failure;
  const auto& options = session.options;
  std::optional<Baseline> baseline;
  if (options.baseline) {
    std::string error;
    baseline = read_baseline(*options.baseline, error);
    if (!baseline) return usage_error(error);
  }
  auto run_options = options.run;
  if (options.stdin_filename) {
    // One byte over the limit tells a source that is too large.
    std::string text(options.run.max_file_bytes + 1, '\0');
    std::cin.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(std::cin.gcount()));
    if (std::cin.bad()) return usage_error("cannot read standard input");
    if (text.size() > options.run.max_file_bytes)
      return usage_error(
          fmt::format("standard input is over {} MiB", options.run.max_file_bytes >> 20));
    run_options.stdin_source = std::move(text);
  }
  // On a terminal, a progress line (C++ units take seconds each), erased at the end.
  bool show_progress = !options.quiet && isatty(STDERR_FILENO) != 0 && std::getenv("CI") == nullptr;
  auto last_shown = std::chrono::steady_clock::now();
  if (show_progress) {
    run_options.progress = [&](std::size_t done, std::size_t total) {
      auto now = std::chrono::steady_clock::now();
      if (done != total && now - last_shown < std::chrono::milliseconds(100)) return;
      last_shown = now;
      std::cerr << fmt::format("\rslotlint: {}/{} files", done, total) << std::flush;
    };
  }
  auto analysis = session.driver->analyse(run_options);
  if (show_progress) std::cerr << "\r\033[K" << std::flush;
  if (options.stats) write_stats(analysis, std::cerr);
  auto run = session.driver->make_report(analysis, options.min_level, options.run.root,
                                         &session.configuration);
  run.automation_id = options.automation_id;
  if (baseline) apply_baseline(*baseline, run);

  std::ofstream file;
  if (options.output) {
    file.open(*options.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "slotlint: cannot write " << *options.output << "\n";
      return kUsage;
    }
  }
  std::ostream& out = options.output ? file : std::cout;
  if (options.format == "sarif") {
    // A copy: the summary line and the exit code below still count every finding.
    report::RunReport uploadable = run;
    report::apply_github_limits(uploadable);
    report::write_sarif(uploadable, out);
  } else if (options.format == "json") {
    report::write_json(run, out);
  } else if (options.format == "github") {
    report::write_github(run, out);
  } else if (options.format == "gitlab") {
    report::write_gitlab(run, out);
  } else if (options.format == "junit") {
    report::write_junit(run, out);
  } else if (options.statistics) {
    write_statistics(run, out);
  } else {
    report::TextOptions text;
    text.color = use_color(options);
    text.snippets = options.snippets;
    text.summary = text.notifications = !options.quiet;
    report::write_text(run, out, text);
  }
  out.flush();
  if (!out) {
    std::cerr << "slotlint: writing the report failed\n";
    return kUsage;
  }
  if (options.statistics && options.format != "text") write_statistics(run, std::cerr);
  if ((options.format != "text" || options.output) && !options.quiet) {
    std::cerr << report::summary_line(run) << "\n";
  }
  if (analysis.missing_path) return kUsage;
  bool failing = std::ranges::any_of(run.findings, [&](const report::Finding& f) {
    return !f.suppression && f.level >= options.fail_level;
  });
  return failing && !options.exit_zero ? kFindings : kClean;
}

int run_slot(std::span<const std::string_view> args) {
  bool json = false;
  std::vector<std::string> keys;
  bool from_stdin = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--format" && i + 1 < args.size()) {
      json = args[++i] == "json";
    } else if (args[i] == "--format=json") {
      json = true;
    } else if (args[i] == "-") {
      from_stdin = true;
    } else {
      keys.emplace_back(args[i]);
    }
  }
  if (from_stdin) {
    for (std::string line; std::getline(std::cin, line);) keys.push_back(line);
  }
  if (keys.empty())
    return usage_error("slot needs at least one KEY (or '-' to read keys from standard input)");
  nlohmann::json out = nlohmann::json::array();
  for (const auto& key : keys) {
    auto slot = slot::key_hash_slot(key);
    auto tag = slot::hash_tag(key);
    if (json) {
      out.push_back({{"key", key},
                     {"slot", slot},
                     {"hashed", std::string(slot::hashed_part(key))},
                     {"tag", tag ? nlohmann::json(std::string(*tag)) : nlohmann::json(nullptr)}});
    } else {
      std::cout << fmt::format("{:>5}  {}{}\n", slot, key,
                               tag ? fmt::format("  (hash tag '{}')", *tag) : "");
    }
  }
  if (json) std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return kClean;
}

int run_rules(std::span<const std::string_view> args) {
  if (!args.empty()) return usage_error("rules takes no arguments");
  for (const auto& rule : rules::all_rule_metadata()) {
    std::cout << fmt::format("{}  {:<32} {:<8} {}\n", rule.code, rule.name,
                             ir::level_name(rule.default_level), rule.short_description);
  }
  return kClean;
}

int run_clients(std::span<const std::string_view> args) {
  if (!args.empty()) return usage_error("clients takes no arguments");
  std::string error;
  auto driver = driver::Driver::create(error);
  if (!driver) {
    std::cerr << "slotlint: internal error: " << error << "\n";
    return kInternal;
  }
  for (const auto& api : driver->models()) {
    std::vector<std::string> packages;
    for (const auto& package : api.packages)
      packages.push_back(package.ecosystem + ":" + package.name);
    std::cout << fmt::format("{:<18} {:<11} latest known {:<8} packages {}\n", api.library,
                             api.language, api.latest_known ? api.latest_known->text : "-",
                             packages.empty() ? "-" : fmt::format("{}", fmt::join(packages, ", ")));
    for (const auto& variant : api.class_variants) {
      std::cout << fmt::format("{:<18} {} differs {}\n", "", variant.class_name,
                               variant.range.describe());
    }
  }
  return kClean;
}

namespace {

// "path/to/file.go:16" or "path/to/file.go:16:3" (a finding's location as the
// text report prints it): the path, the line and the column (0: any).
struct FindingLocation {
  std::string path;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

std::optional<std::uint32_t> number(std::string_view text) {
  std::uint32_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0) return std::nullopt;
  return value;
}

std::optional<FindingLocation> parse_finding_location(std::string_view text) {
  auto colon = text.rfind(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto last = number(text.substr(colon + 1));
  if (!last) return std::nullopt;
  auto before = text.substr(0, colon);
  if (auto second = before.rfind(':'); second != std::string_view::npos) {
    if (auto line = number(before.substr(second + 1))) {
      return FindingLocation{std::string(before.substr(0, second)), *line, *last};
    }
  }
  return FindingLocation{std::string(before), *last, 0};
}

void print_explanation(const report::Finding& finding) {
  std::cout << fmt::format("{}:{}:{}: {} {} ({})\n  {}\n", finding.location.path,
                           finding.location.region.start_line, finding.location.region.start_column,
                           ir::level_name(finding.level), finding.rule->code, finding.rule->name,
                           finding.message);
  for (const auto& note : finding.notes) std::cout << "    " << note << "\n";
  if (finding.suppression) {
    if (finding.suppression->kind == report::Suppression::Kind::InSource) {
      std::cout << fmt::format(
          "  silenced: by the comment `{}` (not reported; SARIF keeps it as "
          "a suppression)\n",
          finding.suppression->justification);
    } else {
      std::cout << fmt::format("  silenced: {} (not reported; SARIF keeps it as a suppression)\n",
                               finding.suppression->justification);
    }
  }
  if (finding.client) {
    const auto& client = *finding.client;
    std::cout << fmt::format("  client:   {} {}\n", client.library, client.api_class);
    std::cout << fmt::format("  version:  {}\n", client.assumed);
    std::cout << fmt::format("  fact:     {}\n", client.fact);
    if (!client.facts_range.empty()) {
      std::cout << fmt::format("  holds for {} versions {}\n", client.library, client.facts_range);
    }
  } else {
    std::cout << "  client:   none (the finding does not depend on a client library)\n";
  }
  std::cout << fmt::format("  rule:     {} (`slotlint explain {}` for the whole page)\n\n",
                           finding.rule->short_description, finding.rule->code);
}

// `slotlint explain FILE:LINE[:COLUMN] [check options]`: the findings there,
// with the client, version and fact each relies on.
int explain_location(const FindingLocation& where, std::span<const std::string_view> options) {
  std::error_code ec;
  if (!fs::is_regular_file(where.path, ec)) {
    return usage_error(fmt::format("{}: no such file to explain a finding in", where.path));
  }
  std::vector<std::string_view> args{where.path};
  args.insert(args.end(), options.begin(), options.end());
  Session session;
  if (int failure = open_session(args, session); failure != kClean) return failure;
  auto analysis = session.driver->analyse(session.options.run);
  auto run = session.driver->make_report(analysis, ir::Level::Note, session.options.run.root,
                                         &session.configuration);
  auto wanted = fs::weakly_canonical(fs::absolute(where.path));
  std::size_t shown = 0;
  for (const auto& finding : run.findings) {
    auto path = fs::weakly_canonical(session.options.run.root / finding.location.path);
    if (path != wanted || finding.location.region.start_line != where.line) continue;
    if (where.column != 0 && finding.location.region.start_column != where.column) continue;
    print_explanation(finding);
    ++shown;
  }
  if (shown == 0) {
    std::cout << fmt::format("no finding at {}:{}{}\n", where.path, where.line,
                             where.column == 0 ? "" : ":" + std::to_string(where.column));
    return kFindings;
  }
  return kClean;
}

}  // namespace

int run_explain(std::span<const std::string_view> args) {
  if (args.empty()) {
    return usage_error("explain takes a RULE (a code like SL001 or a name) or a FILE:LINE");
  }
  const auto* rule = rules::find_rule(args[0]);
  if (rule == nullptr) {
    if (auto where = parse_finding_location(args[0])) {
      return explain_location(*where, args.subspan(1));
    }
    return usage_error(fmt::format(
        "no rule '{}'; `slotlint rules` lists them (or give a finding as FILE:LINE)", args[0]));
  }
  if (args.size() != 1) return usage_error("explain takes one RULE (a code like SL001 or a name)");
  std::cout << rule->help_markdown;
  if (!rule->help_markdown.ends_with('\n')) std::cout << "\n";
  return kClean;
}

int run_dump_ir(std::span<const std::string_view> args) {
  Session session;
  if (int failure = open_session(args, session); failure != kClean) return failure;
  auto analysis = session.driver->analyse(session.options.run);

  auto arg_json = [](const ir::Arg& arg) {
    nlohmann::json j{{"display", arg.value.display()}};
    if (arg.spread) j["spread"] = true;
    if (!arg.spread && arg.value.is_literal()) j["literal"] = arg.value.literal_text();
    return j;
  };
  nlohmann::json ops = nlohmann::json::array();
  for (const auto& file : analysis.files) {
    if (file.ops.empty()) continue;
    // An op in a header (C++) or a script file is located in that file.
    std::vector<std::optional<driver::LineIndex>> line_indexes(1 + file.extra_sources.size());
    for (const auto& op : file.ops) {
      auto index = op.callee.file <= file.extra_sources.size() ? op.callee.file : 0;
      std::string_view path = index == 0 ? std::string_view(file.file.display_path)
                                         : file.extra_sources[index - 1].display_path;
      std::string_view text =
          index == 0 ? std::string_view(file.source) : *file.extra_sources[index - 1].text;
      if (!line_indexes[index]) line_indexes[index].emplace(text);
      auto at = line_indexes[index]->at(op.callee.begin);
      nlohmann::json argv = nlohmann::json::array();
      for (const auto& arg : op.argv) argv.push_back(arg_json(arg));
      nlohmann::json keys = nlohmann::json::array();
      for (const auto& key : op.keys) keys.push_back(key.display());
      auto verdict = slot::judge(op.keys);
      nlohmann::json group = nullptr;
      if (op.group) {
        group = {{"id", op.group->id},
                 {"kind",
                  op.group->kind == ir::GroupRef::Kind::Transaction ? "transaction" : "pipeline"}};
      }
      nlohmann::json script = nullptr;
      if (op.script && op.script->summary) {
        // What was read of the script: which KEYS, which keys its commands touch.
        const auto& summary = *op.script->summary;
        nlohmann::json read = nlohmann::json::array();
        for (const auto& [index, offset] : summary.keys_read) read.push_back(index);
        nlohmann::json accesses = nlohmann::json::array();
        for (const auto& access : summary.accesses) {
          accesses.push_back({{"command", access.command}, {"key", access.key.display()}});
        }
        script = {{"name", op.script->name.empty() ? "(inline)" : op.script->name},
                  {"file_only", op.script_file_only},
                  {"keys_read", read},
                  {"keys_read_by_count", summary.keys_read_by_count},
                  {"accesses", accesses}};
      }
      nlohmann::json handling = nullptr;
      if (op.error_handling.caught) {
        const auto& h = op.error_handling;
        handling = {{"caught_by", h.handler_text},
                    {"reraises", h.reraises},
                    {"retries", h.retries},
                    {"waits", h.waits && !h.waits_zero}};
      }
      ops.push_back(
          {{"path", path},
           {"line", at.line},
           {"column", at.utf16_column},
           {"api", op.api},
           {"command", op.command},
           {"command_known", op.command_known},
           {"argv", argv},
           {"keys", keys},
           {"keys_complete", op.keys_complete},
           {"client",
            {{"library", op.client.library},
             {"class", op.client.api_class},
             {"by_name_only", op.client.identified_by_name_only}}},
           {"cross_slot_handling",
            op.cross_slot_handling == ir::CrossSlotHandling::SentAsIs        ? "sent"
            : op.cross_slot_handling == ir::CrossSlotHandling::ClientRefuses ? "client-refuses"
                                                                             : "client-splits"},
           {"verdict", slot::verdict_name(verdict.verdict)},
           {"group", group},
           {"script", script},
           {"tryagain_handler", handling},
           // A SELECT the constructor's options make, and the client's own
           // refusal of the option (nothing reaches the server then).
           {"connect_option", op.connect_option.empty() ? nlohmann::json(nullptr)
                                                        : nlohmann::json(op.connect_option)},
           {"client_refuses_option", op.database_refused.empty()
                                         ? nlohmann::json(nullptr)
                                         : nlohmann::json(op.database_refused)},
           // ...or its dropping of the index (Spring Boot beside cluster nodes).
           {"client_ignores_option", op.database_ignored.empty()
                                         ? nlohmann::json(nullptr)
                                         : nlohmann::json(op.database_ignored)}});
    }
  }
  std::cout << nlohmann::json{{"ops", ops}}.dump(2, ' ', false,
                                                 nlohmann::json::error_handler_t::replace)
            << "\n";
  return analysis.missing_path ? kUsage : kClean;
}

}  // namespace slotlint::cli
