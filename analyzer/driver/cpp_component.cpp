#include "analyzer/driver/cpp_component.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

extern char** environ;

namespace slotlint::driver {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kProgramName = "slotlint-cpp";

std::string describe_status(int status) {
  if (WIFSIGNALED(status)) {
    const char* name = sigabbrev_np(WTERMSIG(status));
    return fmt::format("was killed by signal {} (SIG{})", WTERMSIG(status),
                       name != nullptr ? name : "?");
  }
  if (WIFEXITED(status)) return fmt::format("exited with status {}", WEXITSTATUS(status));
  return "stopped";
}

}  // namespace

// One running slotlint-cpp: its pid and our end of the socket that is its
// standard input and output. Destroying it closes the socket, which ends the
// process, and reaps it.
class CppComponent::Process {
 public:
  static std::unique_ptr<Process> start(const fs::path& program, std::string& error) {
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
      error = fmt::format("cannot create a socket: {}", std::strerror(errno));
      return nullptr;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::string path = program.string();
    char* argv[] = {path.data(), nullptr};
    pid_t pid = -1;
    int failed = posix_spawn(&pid, path.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (failed != 0) {
      close(fds[0]);
      error = fmt::format("{} could not be started: {}", path, std::strerror(failed));
      return nullptr;
    }
    return std::unique_ptr<Process>(new Process(pid, fds[0]));
  }

  ~Process() {
    if (socket_ >= 0) close(socket_);
    if (pid_ > 0) {
      int status = 0;
      while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
      }
    }
  }
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  [[nodiscard]] int socket() const { return socket_; }

  // After a failed exchange: why the process is gone (it is stopped, if it
  // still runs, and reaped here). A process that crashed is already dead
  // when its socket ends, so the signal does not hide how it ended.
  std::string end() {
    close(socket_);
    socket_ = -1;
    kill(pid_, SIGKILL);
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    return describe_status(status);
  }

 private:
  Process(pid_t pid, int socket) : pid_(pid), socket_(socket) {}
  pid_t pid_;
  int socket_;
};

std::optional<fs::path> find_cpp_component() {
  std::error_code ec;
  auto executable = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  auto folder = executable.parent_path();
  for (const auto& candidate :
       {folder / kProgramName, folder / ".." / "libexec" / "slotlint" / kProgramName}) {
    if (access(candidate.c_str(), X_OK) == 0 && fs::is_regular_file(candidate, ec))
      return candidate.lexically_normal();
  }
  return std::nullopt;
}

CppComponent::CppComponent(std::optional<fs::path> program, cpp::protocol::Setup setup,
                           const files::ProjectFiles& files)
    : program_(std::move(program)), setup_(cpp::protocol::encode(setup)), files_(files) {}

CppComponent::~CppComponent() = default;

std::optional<frontend::Notice> CppComponent::unavailable() const {
  if (program_) return std::nullopt;
  return frontend::Notice{
      ir::Level::Warning, "cpp-component-missing",
      "not analysed: C and C++ are read by slotlint's C/C++ component (slotlint-cpp, which "
      "links Clang), and it is not installed (install the slotlint-cpp package, or build "
      "slotlint with -DSLOTLINT_CPP=ON)"};
}

std::unique_ptr<CppComponent::Process> CppComponent::take(std::string& error) {
  {
    std::scoped_lock lock(mutex_);
    if (!idle_.empty()) {
      auto process = std::move(idle_.back());
      idle_.pop_back();
      return process;
    }
  }
  auto process = Process::start(*program_, error);
  if (process && !cpp::protocol::write_message(process->socket(), setup_, error)) {
    error = fmt::format("{} {}", program_->string(), process->end());
    return nullptr;
  }
  return process;
}

frontend::FileAnalysis CppComponent::analyse(const frontend::FileInput& file) {
  frontend::FileAnalysis analysis;
  auto failed = [&](const std::string& why) {
    analysis = {};
    analysis.notices.push_back(
        {ir::Level::Error, "cpp-component-failed",
         fmt::format("not analysed: slotlint's C/C++ component {}; please report it with the "
                     "file if you can",
                     why)});
    return std::move(analysis);
  };
  std::string error;
  auto process = take(error);
  if (!process) return failed(error);
  cpp::protocol::Unit unit{std::string(file.path), std::string(file.source), file.filesystem_path};
  std::optional<nlohmann::json> answer;
  if (cpp::protocol::write_message(process->socket(), cpp::protocol::encode(unit), error))
    answer = cpp::protocol::read_message(process->socket(), error);
  if (!answer) {
    auto how = process->end();
    return failed(error.empty() ? fmt::format("(slotlint-cpp) {}", how)
                                : fmt::format("(slotlint-cpp) {} ({})", how, error));
  }
  cpp::protocol::Result result;
  try {
    result = cpp::protocol::decode_result(*answer);
  } catch (const std::exception& broken) {
    process->end();
    return failed(fmt::format("(slotlint-cpp) answered with a broken result ({})", broken.what()));
  }
  for (auto& refusal : result.refusals) files_.add_refusal(std::move(refusal));
  {
    std::scoped_lock lock(mutex_);
    idle_.push_back(std::move(process));
  }
  if (!result.error.empty()) return failed("(slotlint-cpp) could not read it: " + result.error);
  return std::move(result.analysis);
}

}  // namespace slotlint::driver
