// Writes the C++ command table from Valkey's JSON command specs.
//
//   gen_command_table <redis-commands-dir> <output.cpp> [<newer-commands-dir>]
//
// Reads every *.json in the folders (one command or subcommand per file) and
// writes constexpr data for analyzer/commands/command_data.h. The second
// folder holds commands newer than the vendored table, in its format; each
// cites its documentation page, and one the table has gained is an error
// (defined twice), so that the table's own spec replaces it. The output
// depends only on the files' contents: files are read in name order and the
// table is sorted by command name, so a rebuild gives the same bytes.
//
// The generator is strict on purpose: a shape it does not know (a new
// begin_search type, a range limit with lastkey != -1, which the server
// asserts against) stops the build instead of producing a table that
// silently disagrees with the server.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct KeySpecData {
  std::string begin_kind;  // "Index", "Keyword" or "Unknown"
  int pos = 0;
  std::string keyword;
  int startfrom = 0;
  std::string find_kind;  // "Range", "Keynum" or "Unknown"
  int lastkey = 0, step = 1, limit = 0;
  int keynumidx = 0, firstkey = 0, keystep = 1;
  bool incomplete = false;
  bool write = false;
};

struct CommandData {
  std::string name;  // "OBJECT|ENCODING" for subcommands
  std::string container;
  int arity = 0;
  std::vector<KeySpecData> key_specs;
  bool multi_shard = false;
  bool keyspace_wide = false;
  bool shard_channels = false;
  bool can_take_many_keys = false;
  bool has_get_keys_function = false;
};

std::string to_upper_ascii(std::string_view text) {
  std::string upper(text);
  std::ranges::transform(upper, upper.begin(),
                         [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return upper;
}

bool contains(const json& list, std::string_view value) {
  return list.is_array() && std::ranges::any_of(list, [&](const json& item) {
           return item.is_string() && item == value;
         });
}

// The only member of a one-member object, e.g. {"index": {"pos": 1}}.
std::pair<std::string, const json*> only_member(const json& object, std::string_view what) {
  if (!object.is_object() || object.size() != 1) {
    throw std::runtime_error(std::string(what) + " must be an object with exactly one member");
  }
  const auto member = object.items().begin();
  return {member.key(), &member.value()};
}

void parse_begin_search(const json& begin_search, KeySpecData& spec) {
  const auto [kind, body] = only_member(begin_search, "begin_search");
  if (kind == "index") {
    spec.begin_kind = "Index";
    spec.pos = body->at("pos").get<int>();
    if (spec.pos < 1) throw std::runtime_error("begin_search index pos must be >= 1");
  } else if (kind == "keyword") {
    spec.begin_kind = "Keyword";
    spec.keyword = body->at("keyword").get<std::string>();
    spec.startfrom = body->at("startfrom").get<int>();
    if (spec.keyword.empty() || spec.startfrom == 0) {
      throw std::runtime_error("begin_search keyword needs a keyword and a non-zero startfrom");
    }
  } else if (kind == "unknown") {
    spec.begin_kind = "Unknown";
  } else {
    throw std::runtime_error("unsupported begin_search type '" + kind + "'");
  }
}

void parse_find_keys(const json& find_keys, KeySpecData& spec) {
  const auto [kind, body] = only_member(find_keys, "find_keys");
  if (kind == "range") {
    spec.find_kind = "Range";
    spec.lastkey = body->at("lastkey").get<int>();
    spec.step = body->at("step").get<int>();
    spec.limit = body->at("limit").get<int>();
    if (spec.step < 1 || spec.limit < 0)
      throw std::runtime_error("range needs step >= 1 and limit >= 0");
    // getKeysUsingKeySpecs() asserts this; the extractor relies on it too.
    if (spec.limit > 0 && spec.lastkey != -1)
      throw std::runtime_error("range limit requires lastkey -1");
  } else if (kind == "keynum") {
    spec.find_kind = "Keynum";
    spec.keynumidx = body->at("keynumidx").get<int>();
    spec.firstkey = body->at("firstkey").get<int>();
    spec.keystep = body->at("step").get<int>();
    if (spec.keynumidx < 0 || spec.firstkey < 0 || spec.keystep < 1) {
      throw std::runtime_error("keynum needs keynumidx >= 0, firstkey >= 0 and step >= 1");
    }
  } else if (kind == "unknown") {
    spec.find_kind = "Unknown";
  } else {
    throw std::runtime_error("unsupported find_keys type '" + kind + "'");
  }
}

KeySpecData parse_key_spec(const json& key_spec) {
  KeySpecData spec;
  parse_begin_search(key_spec.at("begin_search"), spec);
  parse_find_keys(key_spec.at("find_keys"), spec);
  const json& flags = key_spec.at("flags");
  spec.incomplete = contains(flags, "INCOMPLETE");
  spec.write = contains(flags, "OW") || contains(flags, "RW") || contains(flags, "RM");
  return spec;
}

// True when some call can name more than one key: two specs, or one spec
// whose range or key count is not pinned to a single argument.
bool can_take_many_keys(const std::vector<KeySpecData>& specs) {
  if (specs.size() > 1) return true;
  return std::ranges::any_of(specs, [](const KeySpecData& spec) {
    return spec.find_kind == "Keynum" || (spec.find_kind == "Range" && spec.lastkey != 0);
  });
}

CommandData parse_command(const json& document) {
  const auto [raw_name, body] = only_member(document, "a command file");
  CommandData command;
  command.container = to_upper_ascii(body->value("container", std::string{}));
  command.name = command.container.empty() ? to_upper_ascii(raw_name)
                                           : command.container + "|" + to_upper_ascii(raw_name);
  command.arity = body->at("arity").get<int>();
  for (const json& key_spec : body->value("key_specs", json::array())) {
    command.key_specs.push_back(parse_key_spec(key_spec));
  }
  const json tips = body->value("command_tips", json::array());
  command.multi_shard = contains(tips, "REQUEST_POLICY:MULTI_SHARD");
  // The server's own statement that a command answers for the whole keyspace
  // of the node it reaches: in the @keyspace category, naming no key, and
  // meant to be sent to every shard (ALL_SHARDS, or SCAN's SPECIAL).
  command.keyspace_wide =
      command.key_specs.empty() &&
      contains(body->value("acl_categories", json::array()), "KEYSPACE") &&
      (contains(tips, "REQUEST_POLICY:ALL_SHARDS") || contains(tips, "REQUEST_POLICY:SPECIAL"));
  // Sharded pub/sub: the "keys" are shard channels (NOT_KEY), hashed like keys.
  command.shard_channels =
      !command.key_specs.empty() &&
      std::ranges::all_of(body->value("key_specs", json::array()),
                          [](const json& spec) { return contains(spec.at("flags"), "NOT_KEY"); });
  command.has_get_keys_function = body->contains("get_keys_function");
  command.can_take_many_keys = can_take_many_keys(command.key_specs);
  return command;
}

std::vector<fs::path> json_files_in(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      files.push_back(entry.path());
  }
  std::ranges::sort(files);
  return files;
}

void read_folder(const fs::path& folder, bool newer, std::vector<CommandData>& commands) {
  for (const fs::path& file : json_files_in(folder)) {
    try {
      std::ifstream in(file);
      if (!in) throw std::runtime_error("cannot open");
      const json document = json::parse(in);
      if (newer) {
        const auto [name, body] = only_member(document, "a command file");
        const std::string page = body->value("documentation", std::string{});
        if (!page.starts_with("https://"))
          throw std::runtime_error("a command newer than the table cites its documentation page");
      }
      commands.push_back(parse_command(document));
    } catch (const std::exception& error) {
      throw std::runtime_error(file.string() + ": " + error.what());
    }
  }
}

std::vector<CommandData> read_commands(const fs::path& folder, const fs::path& newer_folder) {
  std::vector<CommandData> commands;
  read_folder(folder, false, commands);
  if (commands.empty()) throw std::runtime_error("no *.json command specs in " + folder.string());
  if (!newer_folder.empty()) read_folder(newer_folder, true, commands);
  std::ranges::sort(commands, {}, &CommandData::name);
  const auto duplicate = std::ranges::adjacent_find(commands, {}, &CommandData::name);
  if (duplicate != commands.end())
    throw std::runtime_error("command " + duplicate->name +
                             " is defined twice (once the table has a newer command, delete "
                             "its file from the newer commands)");
  return commands;
}

std::string cpp_string_literal(std::string_view text) {
  std::string literal = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      literal += '\\';
      literal += c;
    } else if (byte < 0x20 || byte >= 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\%03o", byte);
      literal += escaped;
    } else {
      literal += c;
    }
  }
  return literal + "\"";
}

const char* cpp_bool(bool value) { return value ? "true" : "false"; }

void write_key_spec(std::ostream& out, const KeySpecData& spec) {
  out << "    {.begin_search = {.kind = BeginSearch::Kind::" << spec.begin_kind
      << ", .pos = " << spec.pos << ", .keyword = " << cpp_string_literal(spec.keyword)
      << ", .startfrom = " << spec.startfrom << "},\n"
      << "     .find_keys = {.kind = FindKeys::Kind::" << spec.find_kind
      << ", .lastkey = " << spec.lastkey << ", .step = " << spec.step << ", .limit = " << spec.limit
      << ", .keynumidx = " << spec.keynumidx << ", .firstkey = " << spec.firstkey
      << ", .keystep = " << spec.keystep << "},\n"
      << "     .incomplete = " << cpp_bool(spec.incomplete) << ", .write = " << cpp_bool(spec.write)
      << "},\n";
}

void write_command(std::ostream& out, const CommandData& command, std::size_t first_spec) {
  out << "    {.name = " << cpp_string_literal(command.name)
      << ", .container = " << cpp_string_literal(command.container)
      << ", .arity = " << command.arity
      << ",\n     .key_specs = std::span<const KeySpec>(kKeySpecs.data() + " << first_spec << ", "
      << command.key_specs.size() << "),\n"
      << "     .multi_shard = " << cpp_bool(command.multi_shard)
      << ", .keyspace_wide = " << cpp_bool(command.keyspace_wide)
      << ", .shard_channels = " << cpp_bool(command.shard_channels)
      << ", .can_take_many_keys = " << cpp_bool(command.can_take_many_keys)
      << ", .has_get_keys_function = " << cpp_bool(command.has_get_keys_function) << "},\n";
}

std::string generate_source(const std::vector<CommandData>& commands) {
  std::size_t spec_count = 0;
  for (const CommandData& command : commands) spec_count += command.key_specs.size();

  std::ostringstream out;
  out << "// Generated by analyzer/commands/generator/gen_command_table from the\n"
         "// redis-commands/*.json key specs (Valkey, BSD-3-Clause). Do not edit.\n"
         "#include <array>\n#include <span>\n\n"
         "#include \"analyzer/commands/command_data.h\"\n\n"
         "namespace slotlint::commands::detail {\nnamespace {\n\n";
  out << "constexpr std::array<KeySpec, " << spec_count << "> kKeySpecs{{\n";
  for (const CommandData& command : commands) {
    if (command.key_specs.empty()) continue;
    out << "    // " << command.name << "\n";
    for (const KeySpecData& spec : command.key_specs) write_key_spec(out, spec);
  }
  out << "}};\n\n";
  out << "constexpr std::array<CommandInfo, " << commands.size() << "> kCommands{{\n";
  std::size_t first_spec = 0;
  for (const CommandData& command : commands) {
    write_command(out, command, first_spec);
    first_spec += command.key_specs.size();
  }
  out << "}};\n\n}  // namespace\n\n"
         "std::span<const CommandInfo> generated_commands() { return kCommands; }\n\n"
         "}  // namespace slotlint::commands::detail\n";
  return out.str();
}

void write_file(const fs::path& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << contents;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::cerr << "usage: gen_command_table <redis-commands-dir> <output.cpp> "
                 "[<newer-commands-dir>]\n";
    return 2;
  }
  try {
    write_file(argv[2], generate_source(read_commands(argv[1], argc == 4 ? argv[3] : "")));
  } catch (const std::exception& error) {
    std::cerr << "gen_command_table: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
