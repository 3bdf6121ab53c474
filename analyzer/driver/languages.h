// The languages slotlint reads: one data row each (name, file extensions,
// grammar, API models, frontend entry point); and the languages it does not
// read yet whose files it counts.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "analyzer/files/project_files.h"
#include "frontends/common/api_model.h"
#include "frontends/common/frontend.h"
#include "frontends/common/parsing.h"
#include "frontends/common/project_state.h"
#include "frontends/common/tree_sitter.h"

namespace slotlint::driver {

struct FrontendLimits {
  frontend::ParseLimits parse;
};

// What a language's run-wide state starts from.
struct ProjectSettings {
  std::filesystem::path root;
  // Where files the analysed code names are read through (the run's project).
  const files::ProjectFiles& files;
  // C and C++: the compilation database (compile_commands.json), if given.
  std::optional<std::filesystem::path> compile_commands;
  // C and C++: the configuration's include folders.
  std::vector<std::filesystem::path> include;
  // C and C++: the component that reads them (slotlint-cpp), if installed,
  // and the configuration's models it merges into its own.
  std::optional<std::filesystem::path> cpp_component;
  std::vector<std::string> user_models;
};

struct Language {
  std::string_view name;
  std::vector<std::string_view> extensions;
  const TSLanguage* (*grammar)();  // null: the frontend parses by other means (Clang)
  // The API models ("library") of the client libraries it reads; the first
  // takes the user's own models for this language.
  std::vector<std::string_view> libraries;
  std::vector<std::string_view> line_comment_prefixes;
  // State shared by all files of one run (e.g. the modules loaded to follow
  // imports), created once per run.
  std::unique_ptr<frontend::ProjectState> (*make_project_state)(const ProjectSettings&);
  // The parser is null when `grammar` is.
  frontend::FileAnalysis (*analyse)(const frontend::FileInput&, frontend::Models, ts::Parser*,
                                    const FrontendLimits&, frontend::ProjectState*);
  // The frontend decides itself whether a file can name a client (C++: the
  // file or the headers it includes), rather than by the models' prefilter
  // words in the file alone.
  bool own_prefilter = false;
};

std::span<const Language> all_languages();
const Language* language_for_path(std::string_view path);

// A language slotlint does not read but whose code commonly calls Redis: its
// files are counted and reported once per run, never dropped in silence.
struct UnreadLanguage {
  std::string_view name;  // "Ruby", as messages say it
  std::vector<std::string_view> extensions;
  // Files with one of the extensions that slotlint does read, as something
  // else (build.gradle.kts: a manifest).
  std::vector<std::string_view> read_as = {};
};

const UnreadLanguage* unread_language_for_path(std::string_view path);

}  // namespace slotlint::driver
