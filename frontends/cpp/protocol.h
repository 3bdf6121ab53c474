// What the core and the C/C++ component (slotlint-cpp, the only program that
// links Clang) say to each other over one socket, the component's standard
// input and output. Each message is a 4-byte big-endian length and that many
// bytes of CBOR (JSON's data model; byte-exact strings, so a header that is
// not UTF-8 keeps its offsets).
//
//   core → component  Setup, once; then one Unit per translation unit
//   component → core  one Result per Unit, in order
//
// The component keeps the run's state (compilation database, header index)
// between units; the core may run several, one per worker thread.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzer/files/project_files.h"
#include "frontends/common/frontend.h"

namespace slotlint::cpp::protocol {

// Bumped whenever a message changes: core and component come from one build.
inline constexpr int kVersion = 1;
// A message longer than this is refused as corrupt (sources are at most
// 8 MiB each; a unit's headers come with it).
inline constexpr std::uint32_t kMaxMessageBytes = 1u << 30;

struct Setup {
  std::filesystem::path root;
  std::vector<std::filesystem::path> project_roots;  // files::ProjectFiles
  std::optional<std::filesystem::path> compile_commands;
  std::vector<std::filesystem::path> include;
  std::vector<std::string> libraries;    // the API models, in the core's order
  std::vector<std::string> user_models;  // the configuration's, as JSON texts
};

struct Unit {
  std::string path;  // as reported
  std::string source;
  std::filesystem::path filesystem_path;
};

struct Result {
  frontend::FileAnalysis analysis;
  std::vector<files::Refusal> refusals;  // every one the component logged so far
  std::string error;                     // non-empty: the component could not analyse the unit
};

nlohmann::json encode(const Setup& setup);
Setup decode_setup(const nlohmann::json& json);  // throws nlohmann::json::exception
nlohmann::json encode(const Unit& unit);
Unit decode_unit(const nlohmann::json& json);
nlohmann::json encode(const Result& result);
Result decode_result(const nlohmann::json& json);

// false with `error` when the peer is gone. Never raises SIGPIPE.
bool write_message(int fd, const nlohmann::json& message, std::string& error);
// nullopt at the end of the stream (`error` empty) or on a broken message
// (`error` says why).
std::optional<nlohmann::json> read_message(int fd, std::string& error);

}  // namespace slotlint::cpp::protocol
