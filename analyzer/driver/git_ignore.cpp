#include "analyzer/driver/git_ignore.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ranges>
#include <system_error>
#include <utility>

#include "analyzer/files/project_files.h"

namespace slotlint::driver {
namespace fs = std::filesystem;
namespace {

// Git's configuration files are small; a larger one is not read.
constexpr std::uint64_t kMaxConfigBytes = 1u << 20;

// Trailing spaces go, unless a backslash escapes one (git's trim_trailing_spaces).
std::string_view trim_trailing_spaces(std::string_view line) {
  std::size_t end = line.size();
  while (end > 0 && line[end - 1] == ' ') {
    std::size_t backslashes = 0;
    for (std::size_t at = end - 1; at > 0 && line[at - 1] == '\\'; --at) ++backslashes;
    if (backslashes % 2 == 1) break;  // an escaped space stays
    --end;
  }
  return line.substr(0, end);
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

// A configuration value: quotes removed, escapes read, a comment cut off.
std::string config_value(std::string_view raw) {
  std::string value;
  bool quoted = false;
  raw = trim(raw);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (c == '\\' && i + 1 < raw.size()) {
      char next = raw[++i];
      value += next == 'n' ? '\n' : next == 't' ? '\t' : next;
    } else if (!quoted && (c == '#' || c == ';')) {
      break;
    } else {
      value += c;
    }
  }
  return std::string(trim(value));
}

std::optional<std::string> read_small_file(const fs::path& path) {
  auto read = files::read_input_file(path, kMaxConfigBytes);
  if (!read) return std::nullopt;
  return std::move(*read.bytes);
}

}  // namespace

IgnoreList::IgnoreList(std::string_view text, std::string base) : base_(std::move(base)) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte order mark
  while (!text.empty()) {
    auto end = text.find('\n');
    auto line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (line.empty() || line.front() == '#') continue;
    line = trim_trailing_spaces(line);
    Pattern pattern{config::Glob("")};
    if (line.starts_with('!')) {
      pattern.negated = true;
      line.remove_prefix(1);
    }
    if (line.ends_with('/')) {
      pattern.folders_only = true;
      line.remove_suffix(1);
    }
    if (line.empty()) continue;
    pattern.anchored = line.find('/') != std::string_view::npos;
    if (line.starts_with('/')) line.remove_prefix(1);
    pattern.glob = config::Glob(line);
    patterns_.push_back(std::move(pattern));
  }
}

std::optional<bool> IgnoreList::decide(std::string_view path, bool is_folder) const {
  if (!path.starts_with(base_) || path.size() == base_.size()) return std::nullopt;
  auto below = path.substr(base_.size());
  auto slash = below.rfind('/');
  auto name = slash == std::string_view::npos ? below : below.substr(slash + 1);
  for (const auto& pattern : patterns_ | std::views::reverse) {
    if (pattern.folders_only && !is_folder) continue;
    if (pattern.glob.match(pattern.anchored ? below : name).matched) return !pattern.negated;
  }
  return std::nullopt;
}

IgnoreScope::IgnoreScope(fs::path top, std::vector<IgnoreList> repository_lists,
                         std::shared_ptr<const TrackedFiles> tracked)
    : top_(std::move(top)), tracked_(std::move(tracked)), lists_(std::move(repository_lists)) {}

IgnoreScope::IgnoreScope(std::shared_ptr<const IgnoreScope> parent, std::optional<IgnoreList> own)
    : parent_(std::move(parent)), top_(parent_->top_), tracked_(parent_->tracked_) {
  if (own) lists_.push_back(std::move(*own));
}

bool IgnoreScope::ignored(std::string_view path, bool is_folder) const {
  for (const auto* scope = this; scope != nullptr; scope = scope->parent_.get()) {
    for (const auto& list : scope->lists_) {
      if (auto decision = list.decide(path, is_folder)) return *decision;
    }
  }
  return false;
}

GitEnvironment GitEnvironment::from_process() {
  auto get = [](const char* name) -> std::optional<std::string> {
    const char* value =
        std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read before threads start
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
  };
  GitEnvironment environment;
  environment.home = get("HOME");
  environment.xdg_config_home = get("XDG_CONFIG_HOME");
  environment.config_global = get("GIT_CONFIG_GLOBAL");
  environment.config_system = get("GIT_CONFIG_SYSTEM");
  environment.no_system_config = get("GIT_CONFIG_NOSYSTEM").has_value();
  return environment;
}

std::optional<std::string> config_excludes_file(std::string_view config_text) {
  std::optional<std::string> found;
  bool in_core = false;
  while (!config_text.empty()) {
    auto end = config_text.find('\n');
    auto line = trim(config_text.substr(0, end));
    config_text = end == std::string_view::npos ? std::string_view{} : config_text.substr(end + 1);
    if (line.starts_with('[')) {
      auto close = line.find(']');
      in_core = close != std::string_view::npos && lower(trim(line.substr(1, close - 1))) == "core";
      line = close == std::string_view::npos ? std::string_view{} : trim(line.substr(close + 1));
    }
    if (!in_core || line.empty()) continue;
    auto equals = line.find('=');
    if (equals == std::string_view::npos) continue;
    if (lower(trim(line.substr(0, equals))) == "excludesfile")
      found = config_value(line.substr(equals + 1));
  }
  return found;
}

std::optional<GitLocations> find_git_repository(const fs::path& folder,
                                                const GitEnvironment& environment) {
  std::error_code ec;
  fs::path top = folder;
  while (!fs::exists(top / ".git", ec)) {
    if (top == top.root_path() || top.empty()) return std::nullopt;
    top = top.parent_path();
  }
  fs::path git_dir = top / ".git";
  if (!fs::is_directory(git_dir, ec)) {
    // A work tree of `git worktree` or a submodule: ".git" names the folder.
    auto text = read_small_file(git_dir);
    if (!text || !text->starts_with("gitdir:")) return std::nullopt;
    fs::path named(std::string(trim(std::string_view(*text).substr(7))));
    git_dir = named.is_absolute() ? named : top / named;
  }
  fs::path common = git_dir;
  if (auto text = read_small_file(git_dir / "commondir")) {
    fs::path named(std::string(trim(*text)));
    common = named.is_absolute() ? named : git_dir / named;
  }

  // core.excludesFile: the last setting of the system, global and repository
  // configurations, in git's order.
  std::vector<fs::path> configs;
  if (!environment.no_system_config)
    configs.emplace_back(environment.config_system.value_or("/etc/gitconfig"));
  if (environment.config_global) {
    configs.emplace_back(*environment.config_global);
  } else {
    if (environment.xdg_config_home) {
      configs.push_back(fs::path(*environment.xdg_config_home) / "git" / "config");
    } else if (environment.home) {
      configs.push_back(fs::path(*environment.home) / ".config" / "git" / "config");
    }
    if (environment.home) configs.push_back(fs::path(*environment.home) / ".gitconfig");
  }
  configs.push_back(common / "config");
  std::optional<std::string> setting;
  for (const auto& config : configs) {
    auto text = read_small_file(config);
    if (!text) continue;
    if (auto value = config_excludes_file(*text)) setting = std::move(value);
  }

  GitLocations locations{top, common / "info" / "exclude", git_dir / "index", std::nullopt};
  if (setting) {
    if (setting->starts_with("~/") && environment.home) {
      locations.excludes_file = fs::path(*environment.home) / setting->substr(2);
    } else if (!setting->empty()) {
      fs::path named(*setting);
      locations.excludes_file = named.is_absolute() ? named : top / named;
    }
  } else if (environment.xdg_config_home) {
    locations.excludes_file = fs::path(*environment.xdg_config_home) / "git" / "ignore";
  } else if (environment.home) {
    locations.excludes_file = fs::path(*environment.home) / ".config" / "git" / "ignore";
  }
  return locations;
}

}  // namespace slotlint::driver
