// Models are complete by construction: for each built-in model that has a
// method list (frontends/<language>/models/methods/<library>.json, extracted
// from the library's source by scripts/models/extract_methods.py), every
// method that sends a command which can take keys is one the model knows
// (declared, or named like a single-key command when the model says so), or
// one it marks as naming no key, with why. A method the model lacks is a
// Redis call slotlint never sees.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analyzer/commands/command_table.h"
#include "analyzer/embedded_file.h"
#include "frontends/common/api_model.h"
#include "frontends/common/op_builder.h"

namespace slotlint {
namespace {

namespace fs = std::filesystem;

struct MethodList {
  fs::path file;
  std::string client, model_version;
  std::map<std::string, std::vector<std::string>> methods;  // name -> commands it sends
  // An object API's "Interface.method" -> its parameters that name other
  // objects (Redisson's RSet.union(names...)).
  std::map<std::string, std::vector<std::string>> names_other_objects;
};

std::vector<MethodList> method_lists() {
  std::vector<MethodList> lists;
  for (const auto& language : fs::directory_iterator(SLOTLINT_FRONTENDS_DIR)) {
    const auto folder = language.path() / "models" / "methods";
    if (!fs::is_directory(folder)) continue;
    for (const auto& entry : fs::directory_iterator(folder)) {
      if (entry.path().extension() != ".json") continue;
      std::ifstream in(entry.path());
      auto doc = nlohmann::json::parse(in);
      MethodList list{entry.path(),
                      doc.at("client").get<std::string>(),
                      doc.at("model_version").get<std::string>(),
                      {}};
      for (const auto& [name, commands] : doc.at("methods").items())
        list.methods[name] = commands.get<std::vector<std::string>>();
      if (doc.contains("names_other_objects")) {
        for (const auto& [name, params] : doc.at("names_other_objects").items())
          list.names_other_objects[name] = params.get<std::vector<std::string>>();
      }
      lists.push_back(std::move(list));
    }
  }
  std::ranges::sort(lists, {}, &MethodList::client);
  return lists;
}

std::map<std::string, model::ApiModel> builtin_models() {
  std::map<std::string, model::ApiModel> models;
  for (const auto& file : embedded_api_models()) {
    std::string error;
    auto model = model::parse_api_model(file.bytes, error);
    EXPECT_TRUE(model) << file.name << ": " << error;
    if (model) models.emplace(model->library, std::move(*model));
  }
  return models;
}

std::string lower(std::string text) {
  std::ranges::transform(text, text.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

enum class Keys : std::uint8_t { None, Some, UnknownCommand, ModuleCommand };

// Whether `command` ("LCS", "OBJECT ENCODING", "OBJECT") can name a key. A
// container named alone can when one of its subcommands can.
Keys command_keys(const std::string& command) {
  if (command.find('.') != std::string::npos) return Keys::ModuleCommand;  // JSON.SET
  auto space = command.find(' ');
  auto name = command.substr(0, space);
  auto sub = space == std::string::npos ? std::string{} : command.substr(space + 1);
  const auto* info = commands::find_command(name, sub);
  if (info == nullptr) return Keys::UnknownCommand;
  if (!info->key_specs.empty()) return Keys::Some;
  if (!sub.empty() || !info->container.empty()) return Keys::None;
  bool any = std::ranges::any_of(commands::all_commands(), [&](const auto& each) {
    return each.container == info->name && !each.key_specs.empty();
  });
  return any ? Keys::Some : Keys::None;
}

// The model class an object API's interface belongs to (Redisson's RSetCache
// is the model's RSet).
const model::ClientClass* class_of_interface(const model::ApiModel& api,
                                             std::string_view interface) {
  for (const auto& cls : api.classes) {
    if (std::ranges::find(cls.annotations, interface) != cls.annotations.end()) return &cls;
  }
  return nullptr;
}

// The model knows the method the way the frontends look it up. A command
// builder's step (rueidis B().GeoradiusRo()) is known when the name gives
// the command its source sends. An object API's "Interface.method" is known
// when the model declares it for the interface's class, or when it names no
// other object: a named object's method then acts on its own key (the
// class's object_command), and another object's method gets no key from
// its caller.
bool modelled(const model::ApiModel& api, const std::string& name,
              const std::vector<std::string>& commands, const MethodList& list) {
  if (auto dot = name.find('.'); dot != std::string::npos) {
    const auto* cls = class_of_interface(api, name.substr(0, dot));
    if (cls == nullptr) return false;
    return !api.overloads(name.substr(dot + 1), *cls).empty() ||
           !list.names_other_objects.contains(name);
  }
  if (api.has_method(name)) return true;
  if (!api.command_builder.empty()) {
    return !commands.empty() && std::ranges::all_of(commands, [&](const std::string& command) {
      return frontend::builder_step_command(name) == command;
    });
  }
  if (api.case_insensitive_methods) {
    auto folded = [](std::string text) {
      text = lower(std::move(text));
      std::erase(text, '_');
      return text;
    };
    if (std::ranges::any_of(api.methods,
                            [&](const auto& each) { return folded(each.first) == folded(name); }))
      return true;
  }
  return api.command_named_methods &&
         frontend::command_named_method(lower(std::string(api.without_method_suffix(name))))
             .has_value();
}

// A builder step names its command through the command table: a
// subcommand's dashes and a command's underscores are no word breaks.
TEST(ModelMethodLists, BuilderStepsNameTheirCommands) {
  EXPECT_EQ(frontend::builder_step_command("Mget"), "MGET");
  EXPECT_EQ(frontend::builder_step_command("ClientList"), "CLIENT LIST");
  EXPECT_EQ(frontend::builder_step_command("ClientNoEvict"), "CLIENT NO-EVICT");
  EXPECT_EQ(frontend::builder_step_command("ClusterCountFailureReports"),
            "CLUSTER COUNT-FAILURE-REPORTS");
  EXPECT_EQ(frontend::builder_step_command("GeoradiusbymemberRo"), "GEORADIUSBYMEMBER_RO");
  EXPECT_EQ(frontend::builder_step_command("EvalRo"), "EVAL_RO");
  EXPECT_EQ(frontend::builder_step_command("JsonSet"), "JSON SET");
}

TEST(ModelMethodLists, EveryListBelongsToAModelAtItsLatestVersion) {
  auto models = builtin_models();
  auto lists = method_lists();
  EXPECT_GE(lists.size(), 6u);
  for (const auto& list : lists) {
    auto it = models.find(list.client);
    ASSERT_NE(it, models.end()) << list.file << ": no built-in model '" << list.client << "'";
    ASSERT_TRUE(it->second.latest_known) << list.client << ": the model claims no version";
    EXPECT_EQ(list.model_version, it->second.latest_known->text)
        << list.file << " was extracted for " << list.model_version << " but the model claims "
        << it->second.latest_known->text << ": regenerate it (scripts/models/README.md)";
    EXPECT_GE(list.methods.size(), 100u) << list.file << ": too few methods to be the whole API";
  }
}

// Every built-in model has a method list, or says why it needs none
// ("no_method_list": a client that takes the command as a string, whose
// completeness is the command table's); not both.
TEST(ModelMethodLists, EveryModelHasAListOrSaysWhyNot) {
  std::set<std::string> listed;
  for (const auto& list : method_lists()) listed.insert(list.client);
  std::size_t without = 0;
  for (const auto& file : embedded_api_models()) {
    auto doc = nlohmann::json::parse(file.bytes);
    auto library = doc.at("library").get<std::string>();
    auto why = doc.value("no_method_list", std::string{});
    if (listed.contains(library)) {
      EXPECT_TRUE(why.empty()) << library << " has a method list but says it needs none: " << why;
      continue;
    }
    EXPECT_FALSE(why.empty())
        << library << " has no method list (frontends/<language>/models/methods/" << library
        << ".json, scripts/models/README.md) and does not say why in \"no_method_list\"";
    EXPECT_TRUE(why.starts_with("commands as strings: completeness comes from the command table"))
        << library << ": " << why;
    ++without;
  }
  EXPECT_EQ(without, 4u);  // hiredis, hiredis-cluster, libvalkey, boost-redis
}

TEST(ModelMethodLists, MethodsThatCanTakeKeysAreModelledOrMarkedKeyless) {
  auto models = builtin_models();
  std::size_t checked = 0;
  for (const auto& list : method_lists()) {
    const auto& api = models.at(list.client);
    std::vector<std::string> missing, unknown;
    for (const auto& [name, commands] : list.methods) {
      if (modelled(api, name, commands, list)) {
        ++checked;
        continue;
      }
      bool keyless_by_data = api.keyless_methods.contains(name);
      if (auto others = list.names_other_objects.find(name);
          others != list.names_other_objects.end()) {
        // Its parameters name other objects: keys, whatever it sends.
        if (!keyless_by_data) missing.push_back(name + " (names " + others->second.front() + ")");
        continue;
      }
      if (commands.empty() && !keyless_by_data) {
        unknown.push_back(name + " (its source names no command)");
        continue;
      }
      for (const auto& command : commands) {
        switch (command_keys(command)) {
          case Keys::None:
          case Keys::ModuleCommand:
            break;
          case Keys::UnknownCommand:
            unknown.push_back(name + " (" + command + ")");
            break;
          case Keys::Some:
            if (!keyless_by_data) missing.push_back(name + " (" + command + ")");
            break;
        }
      }
    }
    auto join = [](const std::vector<std::string>& names) {
      std::ostringstream out;
      for (const auto& name : names) out << "\n  " << name;
      return out.str();
    };
    EXPECT_TRUE(missing.empty())
        << list.client << ": " << missing.size()
        << " methods send a command that can take keys, but the model neither declares them "
           "nor marks them in \"keyless_methods\":"
        << join(missing);
    EXPECT_TRUE(unknown.empty())
        << list.client << ": " << unknown.size()
        << " methods send a command the command table does not know: add its key specs to "
           "analyzer/commands/newer/ (citing its documentation), or mark the method keyless:"
        << join(unknown);
  }
  EXPECT_GE(checked, 300u);
}

// A keyless mark is for a method that exists and whose command names no key
// the model could miss; a stale one (renamed, now modelled) is an error.
TEST(ModelMethodLists, KeylessMarksNameListedUnmodelledMethods) {
  auto models = builtin_models();
  for (const auto& list : method_lists()) {
    const auto& api = models.at(list.client);
    for (const auto& [name, why] : api.keyless_methods) {
      EXPECT_FALSE(why.empty()) << list.client << " " << name << ": say why it takes no key";
      EXPECT_TRUE(list.methods.contains(name))
          << list.client << " marks " << name << " keyless, but its method list has no such method";
      EXPECT_FALSE(modelled(
          api, name,
          list.methods.contains(name) ? list.methods.at(name) : std::vector<std::string>{}, list))
          << list.client << " marks " << name << " keyless, but the model declares it";
    }
  }
}

// "single_key_methods" says a method's first argument is the one key of its
// command: the command table must agree (one key, right after the command's
// words), or the model would read the wrong argument as the key.
TEST(ModelMethodLists, SingleKeyMethodsSendSingleKeyCommands) {
  std::size_t checked = 0;
  for (const auto& file : embedded_api_models()) {
    auto doc = nlohmann::json::parse(file.bytes);
    if (!doc.contains("single_key_methods")) continue;
    for (const auto& [name, command_json] : doc.at("single_key_methods").items()) {
      auto command = command_json.get<std::string>();
      auto space = command.find(' ');
      const auto* info = commands::find_command(
          command.substr(0, space), space == std::string::npos ? "" : command.substr(space + 1));
      ASSERT_NE(info, nullptr) << file.name << " " << name << ": unknown command " << command;
      int words = space == std::string::npos ? 1 : 2;
      ASSERT_EQ(info->key_specs.size(), 1u) << file.name << " " << name << ": " << command;
      EXPECT_FALSE(info->can_take_many_keys) << file.name << " " << name << ": " << command;
      const auto& begin = info->key_specs.front().begin_search;
      EXPECT_EQ(begin.kind, commands::BeginSearch::Kind::Index) << file.name << " " << name;
      EXPECT_EQ(begin.pos, words) << file.name << " " << name << ": the key of " << command
                                  << " is not its first argument";
      ++checked;
    }
  }
  EXPECT_GE(checked, 100u);
}

}  // namespace
}  // namespace slotlint
