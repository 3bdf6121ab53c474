// The core's side of the C/C++ component (slotlint-cpp, frontends/cpp/
// protocol.h): the core links no Clang; a run with C or C++ files starts
// slotlint-cpp processes (at most one per worker thread, each kept for the
// run) and hands each unit to one. A component that is missing, exits,
// crashes or answers nonsense costs that unit a notification, never the run.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/files/project_files.h"
#include "frontends/common/frontend.h"
#include "frontends/common/project_state.h"
#include "frontends/cpp/protocol.h"

namespace slotlint::driver {

// slotlint-cpp beside the running executable, or in ../libexec/slotlint/
// relative to it (an installed layout); nullopt when neither exists.
std::optional<std::filesystem::path> find_cpp_component();

class CppComponent final : public frontend::ProjectState {
 public:
  CppComponent(std::optional<std::filesystem::path> program, cpp::protocol::Setup setup,
               const files::ProjectFiles& files);
  ~CppComponent() override;
  CppComponent(const CppComponent&) = delete;
  CppComponent& operator=(const CppComponent&) = delete;

  [[nodiscard]] std::optional<frontend::Notice> unavailable() const override;
  // Safe to call from the threads analysing files.
  frontend::FileAnalysis analyse(const frontend::FileInput& file);

 private:
  class Process;
  std::unique_ptr<Process> take(std::string& error);

  std::optional<std::filesystem::path> program_;
  nlohmann::json setup_;
  const files::ProjectFiles& files_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Process>> idle_;
};

}  // namespace slotlint::driver
