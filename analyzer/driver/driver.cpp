#include "analyzer/driver/driver.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "analyzer/driver/api_models.h"
#include "analyzer/driver/fingerprints.h"
#include "analyzer/driver/line_index.h"
#include "analyzer/driver/run_summary.h"
#include "analyzer/driver/source_checks.h"
#include "analyzer/driver/standalone.h"
#include "analyzer/driver/suppressions.h"
#include "analyzer/files/project_files.h"
#include "frontends/common/op_builder.h"
#include "frontends/spring_config/spring_redis.h"
#include "rules/rule_metadata.h"
#include "sarif/uri.h"

namespace slotlint::driver {
namespace fs = std::filesystem;
namespace {

// Why a file to analyse was not read, as its notice.
frontend::Notice unread_notice(const files::ReadResult& read) {
  switch (read.problem) {
    case files::Problem::kTooLarge:
      return {ir::Level::Warning, "file-too-large", read.reason + "; not analysed"};
    case files::Problem::kNotRegular:
    case files::Problem::kPseudoFile:
      return {ir::Level::Warning, "file-unreadable", read.reason + "; not analysed"};
    default:
      return {ir::Level::Warning, "file-unreadable", "the file " + read.reason + "; not analysed"};
  }
}

std::optional<std::string> read_file(const fs::path& path, std::uint64_t limit,
                                     frontend::Notice& notice) {
  auto read = files::read_input_file(path, limit);
  if (read) return std::move(read.bytes);
  notice = unread_notice(read);
  return std::nullopt;
}

// A script finding is reported by every file that runs the script: one
// finding at the script line, with the call sites of all of them.
void merge_shared_findings(std::vector<report::Finding>& findings) {
  std::map<std::tuple<std::string, std::string, std::uint32_t, std::uint32_t>, std::size_t> first;
  std::vector<report::Finding> merged;
  for (auto& finding : findings) {
    auto key = std::tuple{finding.rule == nullptr ? std::string() : finding.rule->code,
                          finding.location.path, finding.location.region.byte_offset,
                          finding.location.region.byte_length};
    auto [it, inserted] = first.try_emplace(key, merged.size());
    if (inserted) {
      merged.push_back(std::move(finding));
      continue;
    }
    auto& kept = merged[it->second];
    // Suppressed only where every file that reports it suppresses it (a
    // script run from standalone-only code and from cluster code is reported).
    if (!finding.suppression) kept.suppression.reset();
    if (finding.level > kept.level) {
      kept.level = finding.level;
      kept.message = finding.message;
      kept.notes = finding.notes;
      kept.verdict = finding.verdict;
      kept.client = finding.client;
    }
    for (auto& related : finding.related) {
      bool known = std::ranges::any_of(kept.related, [&](const report::RelatedLocation& r) {
        return r.location.path == related.location.path &&
               r.location.region.byte_offset == related.location.region.byte_offset;
      });
      if (!known) kept.related.push_back(std::move(related));
    }
  }
  std::ranges::stable_sort(merged, [](const report::Finding& a, const report::Finding& b) {
    return std::tie(a.location.path, a.location.region.start_line, a.location.region.start_column) <
           std::tie(b.location.path, b.location.region.start_line, b.location.region.start_column);
  });
  findings = std::move(merged);
}

}  // namespace

std::optional<Driver> Driver::create(std::string& error, std::span<const std::string> user_models) {
  Driver driver;
  auto models = load_api_models(error, user_models);
  if (!models) return std::nullopt;
  driver.models_ = std::move(*models);
  driver.user_models_.assign(user_models.begin(), user_models.end());
  for (const auto& language : all_languages()) {
    if (!language.libraries.empty() && driver.models_for(language).empty()) {
      error = fmt::format("no API model for {} ({})", language.name,
                          fmt::join(language.libraries, ", "));
      return std::nullopt;
    }
  }
  driver.rules_ = rules::make_all_rules();
  return driver;
}

void Driver::apply_client_versions(std::vector<ir::RedisOp>& ops, const fs::path& file,
                                   const versions::VersionFinder& finder) const {
  std::map<std::string, versions::ClientVersion, std::less<>> found;  // by library, for this file
  for (auto& op : ops) {
    if (op.client.library.empty()) continue;
    auto model = std::ranges::find(models_, op.client.library, &model::ApiModel::library);
    if (model == models_.end()) continue;
    const auto* cls = model->find_class(op.client.api_class);
    if (cls == nullptr) continue;
    auto it = found.find(op.client.library);
    if (it == found.end()) {
      it = found
               .emplace(op.client.library,
                        finder.find(file, model->library, model->packages, model->latest_known))
               .first;
    }
    const auto& version = it->second;
    auto versioned = model->class_at(*cls, version.version);
    if (versioned.cls != cls) frontend::apply_class_facts(op, *versioned.cls);
    op.client.version = version.version ? version.version->text : std::string();
    op.client.facts_range = versioned.range ? versioned.range->describe() : std::string();
    op.client.assumed = version.describe(model->library, model->latest_known);
  }
}

std::vector<const model::ApiModel*> Driver::models_for(const Language& language) const {
  std::vector<const model::ApiModel*> models;
  for (auto library : language.libraries) {
    auto it = std::ranges::find(models_, library, &model::ApiModel::library);
    if (it == models_.end()) return {};
    models.push_back(&*it);
  }
  return models;
}

FileResult Driver::analyse_configuration_file(const SourceFile& file, const RunOptions& options,
                                              const versions::VersionFinder& finder,
                                              const files::ProjectFiles& files) const {
  FileResult result;
  result.file = file;
  // Only a project that uses Spring Data Redis has Redis settings; one that
  // does not gets its configuration files counted, not read.
  auto dependency =
      finder.declaring_manifest(file.path, "maven", spring_config::spring_data_redis_packages());
  if (!dependency) {
    result.configuration_unused = true;
    return result;
  }
  std::optional<std::string> bytes = options.stdin_source;
  if (!bytes) {
    // Read as files the analysed code names are: a link out of the project
    // is a refusal of the run (one file-not-read notice, however many
    // readers met it: the manifest search lists this folder too); an
    // oversized or irregular file gets its own notice.
    auto read = files.read(file.path, options.max_file_bytes, /*log_refusal=*/false);
    if (!read) {
      if (read.problem == files::Problem::kOutsideProject ||
          read.problem == files::Problem::kPseudoFile) {
        std::error_code ec;
        auto absolute = fs::absolute(file.path, ec).lexically_normal();
        files.add_refusal({absolute.generic_string(), read.reason});
      } else {
        result.notices.push_back(unread_notice(read));
      }
      return result;
    }
    bytes = std::move(read.bytes);
  }
  if (auto problem = check_source_text(*bytes)) {
    result.notices.push_back(std::move(*problem));
    return result;
  }
  result.analysed = true;
  std::string_view text = without_bom(*bytes);
  auto syntax = *file.configuration;
  result.suppressions = find_suppressions(text, spring_config::comment_prefixes(syntax));
  auto analysis = spring_config::analyse_configuration(syntax, text, *dependency);
  result.ops = std::move(analysis.ops);
  std::ranges::move(analysis.notices, std::back_inserter(result.notices));
  result.work.bytes = text.size();
  check_rules(result, options);
  if (!result.ops.empty()) result.source = std::string(text);
  return result;
}

void Driver::check_rules(FileResult& result, const RunOptions& options) const {
  rules::RuleContext context;
  context.assume_brace_free_values =
      options.config != nullptr && options.config->assume_brace_free_values;
  context.deployed_on_cluster = options.config != nullptr && options.config->deployed_on_cluster;
  for (const auto& rule : rules_) rule->check(result.ops, context, result.findings);
}

FileResult Driver::analyse_file(const SourceFile& file, const RunOptions& options,
                                std::vector<std::optional<ts::Parser>>& parsers,
                                std::span<const std::unique_ptr<frontend::ProjectState>> projects,
                                const versions::VersionFinder& finder,
                                const files::ProjectFiles& files) const {
  if (file.configuration) return analyse_configuration_file(file, options, finder, files);
  FileResult result;
  result.file = file;
  if (options.paths_from_database) {
    // The database may come with the code under review: a file it lists
    // outside the project is not read (its content could reach a report).
    files::Problem problem{};
    std::string reason;
    if (!files.resolve(file.path, problem, reason)) {
      result.notices.push_back({ir::Level::Warning, "listed-file-refused",
                                "listed in the compilation database, but it " + reason});
      return result;
    }
  }
  frontend::Notice notice;
  auto bytes = options.stdin_source ? options.stdin_source
                                    : read_file(file.path, options.max_file_bytes, notice);
  if (!bytes) {
    result.notices.push_back(std::move(notice));
    return result;
  }
  if (auto problem = check_source_text(*bytes)) {
    result.notices.push_back(std::move(*problem));
    return result;
  }
  const auto* language = language_for_path(file.display_path);
  auto languages = all_languages();
  auto language_index = static_cast<std::size_t>(language - languages.data());
  auto models = models_for(*language);
  if (auto unavailable = projects[language_index]->unavailable()) {
    result.notices.push_back(std::move(*unavailable));
    return result;
  }
  result.analysed = true;
  std::string_view text = without_bom(*bytes);
  auto mentions = [&](const model::ApiModel* api) {
    return std::ranges::any_of(api->prefilter, [&](const std::string& word) {
      return text.find(word) != std::string_view::npos;
    });
  };
  if (!language->own_prefilter && std::ranges::none_of(models, mentions)) {
    return result;  // cannot name a client of this language's libraries
  }
  auto& parser = parsers[language_index];
  if (!parser && language->grammar != nullptr) {
    std::string error;
    parser = ts::Parser::create(language->grammar(), error);
    if (!parser) {
      result.notices.push_back({ir::Level::Error, "grammar-unusable", error});
      return result;
    }
  }
  if (text.find("slotlint: ignore") != std::string_view::npos) {
    result.suppressions = find_suppressions(text, language->line_comment_prefixes);
    for (const auto& suppression : result.suppressions) {
      for (const auto& name : suppression.rules) {
        if (rules::find_rule(name) != nullptr) continue;
        result.notices.push_back(
            {ir::Level::Warning, "unknown-suppression-rule",
             fmt::format("line {}: `slotlint: ignore[{}]` names no rule, so it silences nothing; "
                         "`slotlint rules` lists the codes and names",
                         suppression.line, name)});
      }
      if (!suppression.rules.empty()) continue;
      result.notices.push_back(
          {ir::Level::Warning, "bare-suppression",
           fmt::format("line {}: `slotlint: ignore` names no rule and silences nothing; write "
                       "`slotlint: ignore[SL001]` (a code or a rule name)",
                       suppression.line)});
    }
  }
  frontend::FileInput input{0, file.display_path, text, file.path};
  auto analysis = language->analyse(input, models, parser ? &*parser : nullptr, options.limits,
                                    projects[language_index].get());
  result.ops = std::move(analysis.ops);
  apply_client_versions(result.ops, file.path, finder);
  result.extra_sources = std::move(analysis.extra_sources);
  result.work = analysis.work;
  std::ranges::move(analysis.notices, std::back_inserter(result.notices));
  check_rules(result, options);
  if (!result.ops.empty()) result.source = std::string(text);
  return result;
}

Analysis Driver::analyse(const RunOptions& options) const {
  // Files the analysed code names are read only inside the project: the
  // given --root and the repositories of the paths (of the database, when the
  // paths come from it, since those paths are the database's own words).
  // Discovery follows a folder symlink only inside it, too.
  std::vector<fs::path> named = options.paths;
  if (options.paths_from_database && options.compile_commands) {
    named = {options.compile_commands->parent_path()};
  }
  files::ProjectFiles files(files::project_roots(
      named, options.root_given ? std::optional<fs::path>(options.root) : std::nullopt));
  DiscoveryOptions discovery_options{.root = options.root,
                                     .project = files,
                                     .excluded = {},
                                     .gitignore = options.gitignore,
                                     .force_exclude = options.force_exclude,
                                     .git = GitEnvironment::from_process()};
  discovery_options.excluded = [&](const fs::path& path) -> std::optional<SkipReason> {
    if (options.config != nullptr && options.config->excludes(path))
      return SkipReason::ExcludedByConfiguration;
    if (!options.exclude.empty()) {
      auto relative = display_path(path, options.root);
      for (const auto& glob : options.exclude) {
        if (glob.match_path_or_folder(relative).matched) return SkipReason::ExcludedByOption;
      }
    }
    return std::nullopt;
  };
  auto discovery = options.stdin_source ? discover_unsaved(options.paths.front(), discovery_options)
                                        : discover(options.paths, discovery_options);
  Analysis analysis;
  if (options.paths_from_database) {
    for (auto& notice : discovery.notices) {
      if (notice.notice.id != "path-not-found") continue;
      notice.notice = {ir::Level::Warning, "listed-file-missing",
                       "listed in the compilation database but not found; not analysed"};
    }
    discovery.missing_path = false;
  }
  analysis.path_notices = std::move(discovery.notices);
  analysis.missing_path = discovery.missing_path;
  analysis.files.resize(discovery.files.size());

  // One per language for the whole run: what a frontend learns about the
  // project (modules loaded to follow imports) serves every file.
  std::vector<std::unique_ptr<frontend::ProjectState>> projects;
  ProjectSettings settings{
      options.root,
      files,
      options.compile_commands,
      options.config != nullptr ? options.config->include : std::vector<fs::path>{},
      options.cpp_component,
      user_models_};
  for (const auto& language : all_languages()) {
    projects.push_back(language.make_project_state(settings));
  }
  std::map<std::string, std::string> pins;
  fs::path config_file;
  if (options.config != nullptr) {
    for (const auto& [library, pin] : options.config->client_versions) pins[library] = pin.version;
    config_file = options.config->file;
  }
  versions::VersionFinder finder(files, options.root, std::move(pins), config_file);
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex progress_mutex;
  auto worker = [&] {
    // One parser per language per thread, reused across files.
    std::vector<std::optional<ts::Parser>> parsers(all_languages().size());
    for (std::size_t i = next++; i < discovery.files.size(); i = next++) {
      analysis.files[i] =
          analyse_file(discovery.files[i], options, parsers, projects, finder, files);
      if (options.progress) {
        std::scoped_lock lock(progress_mutex);
        options.progress(++done, discovery.files.size());
      }
    }
  };
  unsigned jobs =
      std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(discovery.files.size())));
  std::vector<std::jthread> threads;
  for (unsigned i = 1; i < jobs; ++i) threads.emplace_back(worker);
  worker();
  threads.clear();  // joins
  analysis.run_notices = counted_notices(discovery.skipped, settle_script_files(analysis.files));
  auto unused = std::ranges::count_if(analysis.files, &FileResult::configuration_unused);
  if (unused > 0) {
    analysis.run_notices.push_back(
        {ir::Level::Note, "configuration-not-read",
         fmt::format("{} Spring Boot configuration file{} (application.properties, "
                     "application.yml) not read: no pom.xml or Gradle build above {} names "
                     "Spring Data Redis ({}), so {} no Redis settings",
                     unused, unused == 1 ? "" : "s", unused == 1 ? "it" : "them",
                     fmt::join(spring_config::spring_data_redis_packages(), ", "),
                     unused == 1 ? "it holds" : "they hold")});
  }
  for (const auto& refusal : files.refusals()) {
    analysis.path_notices.push_back(
        {display_path(refusal.path, options.root),
         {ir::Level::Warning, "file-not-read",
          fmt::format("named by the analysed code, but it {}; what depends on it was not checked",
                      refusal.reason)}});
  }
  for (auto& problem : finder.problems()) {
    analysis.path_notices.push_back(
        {problem.file,
         {ir::Level::Warning, "manifest-unreadable",
          fmt::format("{}; client versions it declares are not known, so the latest known "
                      "behaviour is assumed for them",
                      problem.message)}});
  }
  return analysis;
}

report::RunReport Driver::make_report(const Analysis& analysis, ir::Level min_level,
                                      const fs::path& root, const config::Config* config) const {
  report::RunReport run;
  run.tool_version = SLOTLINT_VERSION;
  // Every byte of the path but '/' and the unreserved ones is escaped, so a
  // root holding '%', '#' or ' ' still gives a URI that resolves.
  std::string root_path = root.generic_string();
  if (!root_path.ends_with('/')) root_path += '/';
  run.root_uri = "file://" + report::relative_path_uri(root_path);
  for (const auto& notice : analysis.path_notices) {
    run.notifications.push_back(
        {notice.notice.level, notice.notice.id, notice.notice.message, notice.path});
  }
  for (const auto& notice : analysis.run_notices) {
    run.notifications.push_back({notice.level, notice.id, notice.message, std::nullopt});
  }
  for (const auto& file : analysis.files) {
    if (file.analysed) run.files.push_back(file.file.display_path);
    for (const auto& notice : file.notices) {
      run.notifications.push_back(
          {notice.level, notice.id, notice.message, file.file.display_path});
    }
    if (file.findings.empty()) continue;
    // Index 0 is the file itself; k >= 1 the k-th extra source (ir/script.h).
    std::vector<std::optional<LineIndex>> line_indexes(1 + file.extra_sources.size());
    std::vector<std::optional<std::vector<Suppression>>> script_suppressions(line_indexes.size());
    auto source_of = [&](ir::FileIndex index) -> std::pair<std::string_view, std::string_view> {
      if (index == 0 || index > file.extra_sources.size())
        return {file.file.display_path, file.source};
      const auto& extra = file.extra_sources[index - 1];
      return {extra.display_path, *extra.text};
    };
    auto lines_of = [&](ir::FileIndex index) -> const LineIndex& {
      if (!line_indexes[index]) line_indexes[index].emplace(source_of(index).second);
      return *line_indexes[index];
    };
    auto locate = [&](const ir::SourceSpan& span) {
      auto index = span.file <= file.extra_sources.size() ? span.file : 0;
      auto path = source_of(index).first;
      const auto& lines = lines_of(index);
      report::Location location;
      location.path = std::string(path);
      auto start = lines.at(span.begin);
      auto end = lines.at(std::max(span.begin, span.end));
      location.region = {start.line,
                         start.utf16_column,
                         end.line,
                         end.utf16_column,
                         start.byte_column,
                         span.begin,
                         span.end - std::min(span.begin, span.end),
                         std::string(lines.line_text(start.line).substr(0, 400))};
      return location;
    };
    // Every finding's place and slotlint/v2 first, before levels and the
    // configuration leave some out: v2 counts findings on equal lines.
    std::vector<report::Location> primaries;
    std::vector<LineFingerprintSubject> subjects;  // views into `primaries`: reserved, never moved
    primaries.reserve(file.findings.size());
    std::map<std::pair<ir::FileIndex, std::uint32_t>, std::uint64_t> line_hashes;
    for (const auto& finding : file.findings) {
      primaries.push_back(locate(finding.primary));
      const auto& location = primaries.back();
      auto index = finding.primary.file <= file.extra_sources.size() ? finding.primary.file : 0;
      auto line = location.region.start_line;
      auto [it, fresh] = line_hashes.try_emplace({index, line});
      if (fresh) it->second = line_text_hash(lines_of(index).line_text(line));
      subjects.push_back({finding.rule_code, location.path, it->second, line,
                          location.region.byte_offset, location.region.byte_length});
    }
    auto line_fingerprint = line_fingerprints(subjects);
    std::map<std::string, int> occurrences;
    std::vector<report::Finding> findings;
    for (std::size_t i = 0; i < file.findings.size(); ++i) {
      const auto& finding = file.findings[i];
      ir::Level level = finding.level;
      if (config != nullptr) {
        if (auto it = config->rules.find(finding.rule_code); it != config->rules.end()) {
          if (it->second.enabled == false) continue;
          level = it->second.level.value_or(level);
        }
      }
      if (level < min_level) continue;
      const auto* rule = rules::find_rule(finding.rule_code);
      report::Finding out;
      out.rule = rule;
      out.level = level;
      out.message = finding.message;
      out.notes = finding.notes;
      out.verdict = finding.verdict;
      out.client = finding.client;
      out.location = std::move(primaries[i]);
      for (const auto& related : finding.related)
        out.related.push_back({locate(related.span), related.message});
      if (finding.fix) {
        report::Fix fix{finding.fix->description, {}};
        for (const auto& replacement : finding.fix->replacements) {
          fix.replacements.push_back({locate(replacement.deleted), replacement.inserted});
        }
        out.fix = std::move(fix);
      }
      out.fingerprint = std::move(line_fingerprint[i]);
      // slotlint/v1: which finding about these keys in this file it is.
      int occurrence = occurrences[finding.rule_code + "\x1f" + out.location.path + "\x1f" +
                                   finding.fingerprint_basis]++;
      out.fingerprint_v1 = basis_fingerprint(finding.rule_code, out.location.path,
                                             finding.fingerprint_basis, occurrence);
      if (rule != nullptr) {
        auto index = finding.primary.file <= file.extra_sources.size() ? finding.primary.file : 0;
        if (index != 0 && !script_suppressions[index]) {
          // A script's (or a C++ header's) own `slotlint: ignore[...]`
          // comments, read once.
          static constexpr std::string_view kLuaComment[] = {"--"};
          const auto* language = language_for_path(source_of(index).first);
          script_suppressions[index] = find_suppressions(
              source_of(index).second,
              language != nullptr
                  ? std::span<const std::string_view>(language->line_comment_prefixes)
                  : std::span<const std::string_view>(kLuaComment));
        }
        if (const auto* suppression =
                covering(index == 0 ? std::span<const Suppression>(file.suppressions)
                                    : std::span<const Suppression>(*script_suppressions[index]),
                         out.location.region.start_line, rule->code, rule->name)) {
          out.suppression =
              report::Suppression{report::Suppression::Kind::InSource, suppression->comment};
        } else if (config != nullptr) {
          StandaloneScope scope{*config, file.file.path, file.file.display_path, {}, {}, file.ops};
          if (index != 0) {
            scope.located_display_path = out.location.path;
            scope.located_in = root / out.location.path;
          }
          if (auto why = standalone_justification(scope, *rule, finding)) {
            out.suppression = report::Suppression{report::Suppression::Kind::External, *why};
          }
        }
      }
      findings.push_back(std::move(out));
    }
    std::ranges::stable_sort(findings, [](const report::Finding& a, const report::Finding& b) {
      return std::tie(a.location.region.start_line, a.location.region.start_column) <
             std::tie(b.location.region.start_line, b.location.region.start_column);
    });
    std::ranges::move(findings, std::back_inserter(run.findings));
  }
  merge_shared_findings(run.findings);
  // Like the results, by path: the same paths in any order, or found by
  // threads in any order, give the same notifications in the same order.
  std::ranges::stable_sort(run.notifications, {}, [](const report::Notification& notification) {
    return std::tie(notification.path, notification.id, notification.message);
  });
  return run;
}

}  // namespace slotlint::driver
