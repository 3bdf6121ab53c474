#include "frontends/cpp/protocol.h"

#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <memory>

#include "analyzer/ir/ir_json.h"

namespace slotlint::cpp::protocol {
namespace {

using Json = nlohmann::json;

std::vector<std::string> path_strings(const std::vector<std::filesystem::path>& paths) {
  std::vector<std::string> out;
  for (const auto& path : paths) out.push_back(path.string());
  return out;
}

std::vector<std::filesystem::path> paths_from(const Json& json) {
  std::vector<std::filesystem::path> out;
  for (const auto& path : json) out.emplace_back(path.get<std::string>());
  return out;
}

ir::Level level_from(const Json& json) {
  auto value = json.get<int>();
  if (value < 0 || value > static_cast<int>(ir::Level::Error))
    throw Json::other_error::create(501, "level out of range", &json);
  return static_cast<ir::Level>(value);
}

bool write_all(int fd, const char* data, std::size_t size, std::string& error) {
  while (size > 0) {
    ssize_t written = ::send(fd, data, size, MSG_NOSIGNAL);
    if (written < 0 && errno == ENOTSOCK) written = ::write(fd, data, size);
    if (written < 0) {
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      return false;
    }
    data += written;
    size -= static_cast<std::size_t>(written);
  }
  return true;
}

// Reads exactly `size` bytes; 0 read at the very start is a clean end.
bool read_all(int fd, char* data, std::size_t size, bool& clean_end, std::string& error) {
  std::size_t done = 0;
  clean_end = false;
  while (done < size) {
    ssize_t got = ::read(fd, data + done, size - done);
    if (got < 0) {
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      return false;
    }
    if (got == 0) {
      clean_end = done == 0;
      if (!clean_end) error = "the stream ended inside a message";
      return false;
    }
    done += static_cast<std::size_t>(got);
  }
  return true;
}

}  // namespace

Json encode(const Setup& setup) {
  return {{"protocol", kVersion},
          {"root", setup.root.string()},
          {"project_roots", path_strings(setup.project_roots)},
          {"compile_commands",
           setup.compile_commands ? Json(setup.compile_commands->string()) : Json(nullptr)},
          {"include", path_strings(setup.include)},
          {"libraries", setup.libraries},
          {"user_models", setup.user_models}};
}

Setup decode_setup(const Json& json) {
  if (json.at("protocol").get<int>() != kVersion)
    throw Json::other_error::create(501, "the core and slotlint-cpp come from different builds",
                                    &json);
  Setup setup;
  setup.root = json.at("root").get<std::string>();
  setup.project_roots = paths_from(json.at("project_roots"));
  if (!json.at("compile_commands").is_null())
    setup.compile_commands = json.at("compile_commands").get<std::string>();
  setup.include = paths_from(json.at("include"));
  json.at("libraries").get_to(setup.libraries);
  json.at("user_models").get_to(setup.user_models);
  return setup;
}

Json encode(const Unit& unit) {
  return {{"path", unit.path},
          {"source", unit.source},
          {"filesystem_path", unit.filesystem_path.string()}};
}

Unit decode_unit(const Json& json) {
  return {json.at("path").get<std::string>(), json.at("source").get<std::string>(),
          json.at("filesystem_path").get<std::string>()};
}

Json encode(const Result& result) {
  const auto& analysis = result.analysis;
  Json notices = Json::array();
  for (const auto& notice : analysis.notices) {
    notices.push_back({{"level", static_cast<int>(notice.level)},
                       {"id", notice.id},
                       {"message", notice.message}});
  }
  Json extra = Json::array();
  for (const auto& source : analysis.extra_sources) {
    extra.push_back({{"display_path", source.display_path},
                     {"text", source.text ? *source.text : std::string()}});
  }
  const auto& work = analysis.work;
  Json refusals = Json::array();
  for (const auto& refusal : result.refusals)
    refusals.push_back({{"path", refusal.path}, {"reason", refusal.reason}});
  return {{"ops", analysis.ops},
          {"notices", std::move(notices)},
          {"extra_sources", std::move(extra)},
          {"work",
           {work.bytes, work.nesting, work.parse_operations, work.nodes, work.tree_steps,
            work.lookup_steps, work.value_steps}},
          {"refusals", std::move(refusals)},
          {"error", result.error}};
}

Result decode_result(const Json& json) {
  Result result;
  auto& analysis = result.analysis;
  json.at("ops").get_to(analysis.ops);
  for (const auto& notice : json.at("notices")) {
    analysis.notices.push_back({level_from(notice.at("level")), notice.at("id").get<std::string>(),
                                notice.at("message").get<std::string>()});
  }
  for (const auto& source : json.at("extra_sources")) {
    analysis.extra_sources.push_back(
        {source.at("display_path").get<std::string>(),
         std::make_shared<const std::string>(source.at("text").get<std::string>())});
  }
  const auto& work = json.at("work");
  analysis.work = {work.at(0).get<std::uint64_t>(), work.at(1).get<std::uint32_t>(),
                   work.at(2).get<std::uint64_t>(), work.at(3).get<std::uint64_t>(),
                   work.at(4).get<std::uint64_t>(), work.at(5).get<std::uint64_t>(),
                   work.at(6).get<std::uint64_t>()};
  for (const auto& refusal : json.at("refusals")) {
    result.refusals.push_back(
        {refusal.at("path").get<std::string>(), refusal.at("reason").get<std::string>()});
  }
  json.at("error").get_to(result.error);
  return result;
}

bool write_message(int fd, const Json& message, std::string& error) {
  std::vector<std::uint8_t> bytes = Json::to_cbor(message);
  if (bytes.size() > kMaxMessageBytes) {
    error = "message too large";
    return false;
  }
  auto size = static_cast<std::uint32_t>(bytes.size());
  std::array<char, 4> header{static_cast<char>(size >> 24), static_cast<char>(size >> 16),
                             static_cast<char>(size >> 8), static_cast<char>(size)};
  return write_all(fd, header.data(), header.size(), error) &&
         write_all(fd, reinterpret_cast<const char*>(bytes.data()), bytes.size(), error);
}

std::optional<Json> read_message(int fd, std::string& error) {
  error.clear();
  std::array<unsigned char, 4> header{};
  bool clean_end = false;
  if (!read_all(fd, reinterpret_cast<char*>(header.data()), header.size(), clean_end, error))
    return std::nullopt;
  std::uint32_t size = (std::uint32_t{header[0]} << 24) | (std::uint32_t{header[1]} << 16) |
                       (std::uint32_t{header[2]} << 8) | std::uint32_t{header[3]};
  if (size > kMaxMessageBytes) {
    error = "a message announced " + std::to_string(size) + " bytes, more than allowed";
    return std::nullopt;
  }
  std::string bytes(size, '\0');
  if (!read_all(fd, bytes.data(), bytes.size(), clean_end, error)) {
    if (error.empty()) error = "the stream ended inside a message";
    return std::nullopt;
  }
  auto message = Json::from_cbor(bytes, true, false);
  if (message.is_discarded()) {
    error = "a message is not valid CBOR";
    return std::nullopt;
  }
  return message;
}

}  // namespace slotlint::cpp::protocol
