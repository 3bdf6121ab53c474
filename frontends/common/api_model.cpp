#include "frontends/common/api_model.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <nlohmann/json.hpp>

#include "frontends/common/counted_less.h"

namespace slotlint::model {
namespace {

std::string trim(std::string_view text) {
  auto begin = text.find_first_not_of(" \t\n");
  if (begin == std::string_view::npos) return {};
  auto end = text.find_last_not_of(" \t\n");
  return std::string(text.substr(begin, end - begin + 1));
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Built-in methods serve built-in classes, a user's methods theirs; a
// settings object only the methods that name it.
bool serves_class(const Method& method, const ClientClass& cls, std::string_view library) {
  if (cls.config_object && std::ranges::find(method.only_on, cls.name) == method.only_on.end())
    return false;
  return cls.own_methods_only ? method.library == cls.library : method.library == library;
}

TemplateElement parse_template_element(const std::string& text) {
  auto wrapped = [&](std::string_view fn) -> std::optional<std::string> {
    if (text.starts_with(fn) && text.size() > fn.size() + 2 && text[fn.size()] == '(' &&
        text.back() == ')') {
      return text.substr(fn.size() + 1, text.size() - fn.size() - 2);
    }
    return std::nullopt;
  };
  using Kind = TemplateElement::Kind;
  if (text.starts_with("...")) return {Kind::Spread, text.substr(3)};
  if (text.starts_with("$")) return {Kind::Param, text.substr(1)};
  if (text.starts_with("#")) return {Kind::Count, text.substr(1)};
  if (auto p = wrapped("keys")) return {Kind::MapKeys, *p};
  if (auto p = wrapped("values")) return {Kind::MapValues, *p};
  if (auto p = wrapped("items")) return {Kind::MapItems, *p};
  return {Kind::Word, text};
}

ir::CrossSlotHandling parse_handling(const std::string& text, std::string& error) {
  if (text == "sent") return ir::CrossSlotHandling::SentAsIs;
  if (text == "client-refuses") return ir::CrossSlotHandling::ClientRefuses;
  if (text == "client-splits") return ir::CrossSlotHandling::ClientSplits;
  error = "unknown cross_slot value '" + text + "' (sent, client-refuses, client-splits)";
  return ir::CrossSlotHandling::SentAsIs;
}

template <typename T>
std::vector<T> list_of(const nlohmann::json& object, const char* key) {
  if (!object.contains(key)) return {};
  return object.at(key).get<std::vector<T>>();
}

// The facts of a class that can change between versions. With `defaults`,
// handling fields left out mean "sent"; otherwise they keep what `cls` has.
bool read_cluster_facts(const nlohmann::json& entry, ClientClass& cls, bool defaults,
                        std::string& error) {
  if (entry.contains("cross_slot") || defaults) {
    cls.cross_slot = parse_handling(entry.value("cross_slot", std::string("sent")), error);
    if (!error.empty()) return false;
  }
  cls.cross_slot_note = entry.value("cross_slot_note", cls.cross_slot_note);
  if (entry.contains("splits")) cls.splits = list_of<std::string>(entry, "splits");
  cls.split_note = entry.value("split_note", cls.split_note);
  cls.transaction_note = entry.value("transaction_note", cls.transaction_note);
  cls.transactions_unsupported =
      entry.value("transactions_unsupported", cls.transactions_unsupported);
  if (entry.contains("pipeline_cross_slot") || defaults) {
    cls.pipeline_cross_slot =
        parse_handling(entry.value("pipeline_cross_slot", std::string("sent")), error);
    if (!error.empty()) return false;
  }
  cls.pipeline_note = entry.value("pipeline_note", cls.pipeline_note);
  if (entry.contains("pipeline_refused_commands")) {
    cls.pipeline_refused_commands = list_of<std::string>(entry, "pipeline_refused_commands");
  }
  cls.pipeline_refused_note = entry.value("pipeline_refused_note", cls.pipeline_refused_note);
  if (!cls.pipeline_refused_commands.empty() && cls.pipeline_refused_note.empty()) {
    error = "pipeline_refused_commands needs a pipeline_refused_note (what the client does)";
    return false;
  }
  if (entry.contains("fans_out")) cls.fans_out = list_of<std::string>(entry, "fans_out");
  cls.fan_out_note = entry.value("fan_out_note", cls.fan_out_note);
  cls.one_node_note = entry.value("one_node_note", cls.one_node_note);
  if (!cls.fans_out.empty() && cls.fan_out_note.empty()) {
    error = "fans_out needs a fan_out_note (how the client sends them to every primary)";
    return false;
  }
  if (entry.contains("tryagain")) {
    const auto& tryagain = entry.at("tryagain");
    if (tryagain.contains("raises")) cls.tryagain_raises = list_of<std::string>(tryagain, "raises");
    cls.tryagain_client_retries = tryagain.value("client_retries", cls.tryagain_client_retries);
    cls.tryagain_note = tryagain.value("note", cls.tryagain_note);
  }
  return true;
}

}  // namespace

std::vector<Parameter> parse_signature(std::string_view signature) {
  std::vector<Parameter> params;
  bool keyword_only = false;
  std::size_t start = 0;
  while (start <= signature.size()) {
    auto comma = signature.find(',', start);
    if (comma == std::string_view::npos) comma = signature.size();
    std::string part = trim(signature.substr(start, comma - start));
    start = comma + 1;
    if (part.empty()) continue;
    if (part == "*") {
      keyword_only = true;
      continue;
    }
    Parameter param;
    if (part.starts_with("**")) {
      param.kind = Parameter::Kind::VarKeywords;
      part = part.substr(2);
    } else if (part.starts_with("*") || part.starts_with("...")) {
      // *args (Python) or ...args (JavaScript): the rest of the arguments.
      param.kind = Parameter::Kind::VarArgs;
      part = part.substr(part.starts_with("...") ? 3 : 1);
      keyword_only = true;
    } else if (keyword_only) {
      param.kind = Parameter::Kind::KeywordOnly;
    }
    if (auto eq = part.find('='); eq != std::string::npos) {
      std::string value = trim(std::string_view(part).substr(eq + 1));
      if (value != "None") param.default_value = value;
      part = trim(std::string_view(part).substr(0, eq));
    }
    param.name = part;
    params.push_back(std::move(param));
  }
  return params;
}

std::string Method::command() const {
  return argv.empty() || argv.front().kind != TemplateElement::Kind::Word ? std::string{}
                                                                          : argv.front().text;
}

ApiModel::VersionedClass ApiModel::class_at(const ClientClass& cls,
                                            const std::optional<versions::Version>& version) const {
  const auto& wanted = version ? version : latest_known;
  if (!wanted) return {&cls, nullptr};
  for (const auto& variant : class_variants) {
    if (variant.class_name == cls.name && variant.cls.library == cls.library &&
        variant.range.contains(*wanted)) {
      return {&variant.cls, &variant.range};
    }
  }
  return {&cls, nullptr};
}

const ClientClass* ApiModel::find_class(std::string_view name) const {
  auto it = std::ranges::find(classes, name, &ClientClass::name);
  return it == classes.end() ? nullptr : &*it;
}

const ClientClass* ApiModel::class_for_constructor(std::string_view callee) const {
  for (const auto& cls : classes) {
    if (std::ranges::find(cls.constructors, callee) != cls.constructors.end()) return &cls;
  }
  return nullptr;
}

bool ApiModel::has_method(std::string_view name) const {
  return methods.contains(name) || methods.contains(without_method_suffix(name));
}

std::string_view ApiModel::without_method_suffix(std::string_view name) const {
  for (const auto& suffix : method_suffixes) {
    if (name.size() > suffix.size() && name.ends_with(suffix))
      return name.substr(0, name.size() - suffix.size());
  }
  return name;
}

const Method* ApiModel::find_method(std::string_view name, const ClientClass& cls) const {
  auto it = methods.find(name);
  if (it == methods.end()) it = methods.find(without_method_suffix(name));
  if (it == methods.end()) return nullptr;
  auto serves = [&](const Method& method) { return serves_class(method, cls, library); };
  for (const auto& method : it->second) {
    if (serves(method) && (method.only_on.empty() ||
                           std::ranges::find(method.only_on, cls.name) != method.only_on.end())) {
      return &method;
    }
  }
  // A method only another class of the same model has (mget_nonatomic): the
  // caller decides whether the client could be that class.
  for (const auto& method : it->second) {
    if (serves(method)) return &method;
  }
  return nullptr;
}

std::vector<const Method*> ApiModel::overloads(std::string_view name,
                                               const ClientClass& cls) const {
  std::vector<const Method*> found;
  auto it = methods.find(name);
  if (it == methods.end()) it = methods.find(without_method_suffix(name));
  if (it == methods.end()) return found;
  for (const auto& method : it->second) {
    if (serves_class(method, cls, library) &&
        (method.only_on.empty() ||
         std::ranges::find(method.only_on, cls.name) != method.only_on.end())) {
      found.push_back(&method);
    }
  }
  return found;
}

const Method* ApiModel::find_method_any_case(std::string_view name, const ClientClass& cls) const {
  if (const auto* method = find_method(name, cls); method != nullptr || !case_insensitive_methods)
    return method;
  // node-redis names each command three ways: mSet, MSET and, for a
  // command of several words, EVAL_RO beside evalRo.
  auto folded = [](std::string_view text) {
    std::string out = lower(text);
    std::erase(out, '_');
    return out;
  };
  std::string wanted = folded(without_method_suffix(name));
  for (const auto& [declared, methods] : this->methods) {
    if (folded(declared) == wanted) return find_method(declared, cls);
  }
  return nullptr;
}

const ClientClass* ApiModel::class_for_receiver_name(std::string_view name) const {
  if (auto it = receiver_classes.find(name); it != receiver_classes.end())
    return find_class(it->second);
  return conventional_receiver(name) ? find_class(default_class) : nullptr;
}

const ClientClass* ApiModel::derived_class(std::string_view method, const ClientClass& from) const {
  for (const auto& derived : derived_classes) {
    if (derived.method == method && derived.from == from.name) return find_class(derived.to);
  }
  return &from;
}

bool ApiModel::conventional_receiver(std::string_view name) const {
  if (std::ranges::find(conventional_receivers, name) != conventional_receivers.end()) return true;
  std::string lowered = lower(name);
  return std::ranges::any_of(receiver_name_fragments, [&](const std::string& fragment) {
    return lowered.find(fragment) != std::string::npos;
  });
}

std::optional<ApiModel> parse_api_model(std::string_view json_text, std::string& error) {
  try {
    auto doc = nlohmann::json::parse(json_text);
    ApiModel model;
    model.library = doc.at("library").get<std::string>();
    model.language = doc.at("language").get<std::string>();
    model.prefilter = list_of<std::string>(doc, "prefilter");
    if (doc.contains("packages")) {
      for (const auto& package : doc.at("packages")) {
        versions::PackageRef ref{
            package.at("ecosystem").get<std::string>(), package.at("name").get<std::string>(), {}};
        if (package.contains("major_map")) {
          for (const auto& [from, to] : package.at("major_map").items()) {
            auto major = versions::parse_version(from);
            if (!major || major->numbers.size() != 1) {
              error = "package '" + ref.name + "': major_map key '" + from + "' is not a number";
              return std::nullopt;
            }
            ref.major_map[major->numbers.front()] = to.get<std::uint32_t>();
          }
        }
        model.packages.push_back(std::move(ref));
      }
    }
    if (doc.contains("latest_known")) {
      model.latest_known = versions::parse_version(doc.at("latest_known").get<std::string>());
      if (!model.latest_known) {
        error = "\"latest_known\" is not a version";
        return std::nullopt;
      }
    }
    model.default_class = doc.at("default_class").get<std::string>();
    model.conventional_receivers = list_of<std::string>(doc, "conventional_receivers");
    for (const auto& fragment : list_of<std::string>(doc, "receiver_name_fragments")) {
      model.receiver_name_fragments.push_back(lower(fragment));
    }
    model.same_client_methods = list_of<std::string>(doc, "same_client_methods");
    model.callback_client_methods = list_of<std::string>(doc, "callback_client_methods");
    model.command_named_methods = doc.value("command_named_methods", false);
    model.transaction_keyword = doc.value("transaction_keyword", std::string{});
    model.pipeline_methods = list_of<std::string>(doc, "pipeline_methods");
    model.transaction_runners = list_of<std::string>(doc, "transaction_runners");
    model.transaction_methods = list_of<std::string>(doc, "transaction_methods");
    model.execute_methods = list_of<std::string>(doc, "execute_methods");
    model.case_insensitive_methods = doc.value("case_insensitive_methods", false);
    model.multi_is_state = doc.value("multi_is_state", false);
    model.pipelined_callback_methods = list_of<std::string>(doc, "pipelined_callback_methods");
    model.flattens_arguments = doc.value("flattens_arguments", false);
    if (doc.contains("url_schemes"))
      model.url_form.schemes = list_of<std::string>(doc, "url_schemes");
    if (doc.contains("url_database")) {
      auto where = doc.at("url_database").get<std::string>();
      if (where != "path" && where != "after_last_slash") {
        error = "url_database must be \"path\" or \"after_last_slash\"";
        return std::nullopt;
      }
      model.url_form.database_after_last_slash = where == "after_last_slash";
    }
    if (doc.contains("modules")) {
      for (const auto& [module, names] : doc.at("modules").items()) {
        for (const auto& [exported, canonical] : names.items())
          model.modules[module][exported] = canonical.get<std::string>();
      }
    }
    if (doc.contains("script_definitions")) {
      const auto& definitions = doc.at("script_definitions");
      model.script_definitions = {definitions.value("method", std::string{}),
                                  definitions.value("option", std::string{}),
                                  definitions.value("numkeys_field", std::string{}),
                                  definitions.value("body_field", std::string{})};
    }
    for (const auto& entry : doc.at("classes")) {
      ClientClass cls;
      // "behaves_like": the cluster facts of a class declared before it.
      if (entry.contains("behaves_like")) {
        const auto* like = model.find_class(entry.at("behaves_like").get<std::string>());
        if (like == nullptr) {
          error =
              "class '" + entry.value("name", std::string{}) + "' behaves_like an unknown class";
          return std::nullopt;
        }
        cls = *like;
        cls.constructors.clear();
        cls.annotations.clear();
        cls.batch_annotations.clear();
      }
      cls.name = entry.at("name").get<std::string>();
      cls.cluster = entry.value("cluster", cls.cluster);
      cls.constructors = list_of<std::string>(entry, "constructors");
      if (!read_cluster_facts(entry, cls, !entry.contains("behaves_like"), error))
        return std::nullopt;
      cls.library = model.library;
      cls.key_prefix_options = list_of<std::string>(entry, "key_prefix_options");
      cls.database_options = list_of<std::string>(entry, "database_options");
      cls.url_options = list_of<std::string>(entry, "url_options");
      cls.url_arguments = entry.value("url_arguments", false);
      cls.database_note = entry.value("database_note", std::string{});
      cls.database_option_refused = entry.value("database_option_refused", std::string{});
      cls.config_object = entry.value("config_object", cls.config_object);
      cls.annotations = list_of<std::string>(entry, "annotations");
      cls.batch_annotations = list_of<std::string>(entry, "batch_annotations");
      cls.named_object = entry.value("named_object", cls.named_object);
      cls.plain_pipeline_by_default =
          entry.value("plain_pipeline_by_default", cls.plain_pipeline_by_default);
      cls.object_command = entry.value("object_command", cls.object_command);
      // "versions": the facts that differ in a range of versions.
      if (entry.contains("versions")) {
        for (const auto& variant_entry : entry.at("versions")) {
          ClassVariant variant{cls.name, {}, cls};
          for (const auto* bound : {"from", "before"}) {
            if (!variant_entry.contains(bound)) continue;
            auto version = versions::parse_version(variant_entry.at(bound).get<std::string>());
            if (!version) {
              error = "class '" + cls.name + "': \"" + bound + "\" is not a version";
              return std::nullopt;
            }
            (std::string_view(bound) == "from" ? variant.range.from : variant.range.before) =
                version;
          }
          if (!variant.range.from && !variant.range.before) {
            error = "class '" + cls.name + "': a \"versions\" entry needs \"from\" or \"before\"";
            return std::nullopt;
          }
          if (!read_cluster_facts(variant_entry, variant.cls, false, error)) return std::nullopt;
          model.class_variants.push_back(std::move(variant));
        }
      }
      model.classes.push_back(std::move(cls));
    }
    if (model.find_class(model.default_class) == nullptr) {
      error = "default_class '" + model.default_class + "' is not among the classes";
      return std::nullopt;
    }
    if (doc.contains("derived_classes")) {
      for (const auto& entry : doc.at("derived_classes")) {
        // "method" and "from" may each be one name or a list of names.
        auto names = [&](const char* key) {
          const auto& value = entry.at(key);
          return value.is_array() ? value.get<std::vector<std::string>>()
                                  : std::vector<std::string>{value.get<std::string>()};
        };
        for (const auto& method : names("method")) {
          for (const auto& from : names("from")) {
            ApiModel::DerivedClass derived{method, from, entry.at("to").get<std::string>()};
            if (model.find_class(derived.from) == nullptr ||
                model.find_class(derived.to) == nullptr) {
              error = "derived class " + derived.from + "." + derived.method + " -> " + derived.to +
                      " names an unknown class";
              return std::nullopt;
            }
            model.derived_classes.push_back(std::move(derived));
          }
        }
      }
    }
    auto parse_method = [&](const std::string& name,
                            const nlohmann::json& entry) -> std::optional<Method> {
      Method method;
      method.name = name;
      method.signature = parse_signature(entry.at("signature").get<std::string>());
      for (const auto& element : entry.at("argv")) {
        method.argv.push_back(parse_template_element(element.get<std::string>()));
      }
      method.command_from_first_arg = entry.value("command_from_first_arg", false);
      method.splits_by_slot = entry.value("splits_by_slot", false);
      method.only_on = list_of<std::string>(entry, "only_on");
      method.script_param = entry.value("script_param", std::string{});
      if (entry.contains("arity")) method.arity = entry.at("arity").get<std::size_t>();
      method.min_arity = entry.value("min_arity", std::size_t{0});
      method.format_param = entry.value("format_param", std::string{});
      method.on_connect = entry.value("on_connect", false);
      if (entry.contains("arg_kinds")) {
        for (const auto& [index, kind] : entry.at("arg_kinds").items()) {
          auto text = kind.get<std::string>();
          if (text != "number" && text != "string" && text != "list" && text != "map" &&
              text != "other") {
            error = "method '" + name + "': unknown argument kind '" + text +
                    "' (number, string, list, map, other)";
            return std::nullopt;
          }
          method.arg_kinds[std::stoul(index)] = text;
        }
      }
      method.library = model.library;
      // Every parameter the template uses must be in the signature: a typo
      // would silently give no keys. (A set: a wrapper may take 50,000.)
      std::set<std::string_view, frontend::CountedLess> parameters{
          frontend::CountedLess{&model.load_steps}};
      for (const auto& parameter : method.signature) parameters.insert(parameter.name);
      for (const auto& element : method.argv) {
        if (element.kind == TemplateElement::Kind::Word) continue;
        auto base = element.text.substr(0, element.text.find_first_of(".+/"));
        if (!parameters.contains(base)) {
          error = "method '" + name + "': argv uses '" + element.text +
                  "', which is not a parameter of its signature '" +
                  entry.at("signature").get<std::string>() + "'";
          return std::nullopt;
        }
      }
      if (!method.command_from_first_arg && method.command().empty()) {
        error = "method '" + name + "': argv must start with the command name";
        return std::nullopt;
      }
      return method;
    };
    for (const auto& [name, entry] : doc.at("methods").items()) {
      // One declaration, or a list of overloads.
      for (const auto& declaration : entry.is_array() ? entry : nlohmann::json::array({entry})) {
        auto method = parse_method(name, declaration);
        if (!method) return std::nullopt;
        model.methods[name].push_back(std::move(*method));
      }
    }
    if (doc.contains("constructor_commands")) {
      // {"constructors": [...], "argv": [...], "overloads": [{"signature",
      // "arg_kinds"}]}: each overload takes exactly its signature's arguments.
      for (const auto& group : doc.at("constructor_commands")) {
        for (const auto& overload : group.at("overloads")) {
          auto declaration = overload;
          declaration["argv"] = group.at("argv");
          declaration["on_connect"] = true;
          declaration["arity"] =
              parse_signature(overload.at("signature").get<std::string>()).size();
          for (const auto& name : group.at("constructors")) {
            auto method = parse_method(name.get<std::string>(), declaration);
            if (!method) return std::nullopt;
            model.constructor_commands[method->name].push_back(std::move(*method));
          }
        }
      }
    }
    if (doc.contains("single_key_methods")) {
      // A variant of a single-key command: its first argument (after Go's
      // context) is the key.
      auto signature = model.language == "go" ? "ctx, key, *args" : "key, *args";
      for (const auto& [name, command] : doc.at("single_key_methods").items()) {
        if (model.methods.contains(name)) {
          error = "method '" + name + "' is both in \"methods\" and in \"single_key_methods\"";
          return std::nullopt;
        }
        nlohmann::json argv = nlohmann::json::array();
        std::string words = command.get<std::string>();
        for (std::size_t start = 0; start < words.size();) {
          auto end = std::min(words.find(' ', start), words.size());
          if (end > start) argv.push_back(words.substr(start, end - start));
          start = end + 1;
        }
        argv.push_back("$key");
        auto method = parse_method(name, {{"signature", signature}, {"argv", argv}});
        if (!method) return std::nullopt;
        model.methods[name].push_back(std::move(*method));
      }
    }
    model.method_suffixes = list_of<std::string>(doc, "method_suffixes");
    model.script_factories = list_of<std::string>(doc, "script_factories");
    model.script_loaders = list_of<std::string>(doc, "script_loaders");
    model.identifying_methods = list_of<std::string>(doc, "identifying_methods");
    model.command_builder = doc.value("command_builder", std::string{});
    if (doc.contains("keyless_methods")) {
      for (const auto& [name, why] : doc.at("keyless_methods").items())
        model.keyless_methods[name] = why.get<std::string>();
    }
    if (doc.contains("script_call")) {
      model.script_call = parse_method("__call__", doc.at("script_call"));
      if (!model.script_call) return std::nullopt;
    }
    return model;
  } catch (const nlohmann::json::exception& e) {
    error = e.what();
    return std::nullopt;
  }
}

bool merge_user_model(ApiModel& base, ApiModel user, std::string& error) {
  if (user.language != base.language) {
    error = "model '" + user.library + "' is for " + user.language + ", not " + base.language;
    return false;
  }
  if (user.library == base.library) {
    error = "model '" + user.library +
            "' has the name of a built-in model; give it its own \"library\"";
    return false;
  }
  std::vector<std::string> own_classes;
  for (auto& cls : user.classes) {
    if (base.find_class(cls.name) != nullptr) {
      error = "model '" + user.library + "': class '" + cls.name + "' already exists";
      return false;
    }
    cls.own_methods_only = true;
    own_classes.push_back(cls.name);
    base.classes.push_back(std::move(cls));
  }
  for (auto& [name, declarations] : user.methods) {
    for (auto& method : declarations) {
      if (method.only_on.empty()) method.only_on = own_classes;
      base.methods[name].push_back(std::move(method));
    }
  }
  for (const auto& receiver : user.conventional_receivers) {
    base.receiver_classes[receiver] = user.default_class;
  }
  std::ranges::move(user.prefilter, std::back_inserter(base.prefilter));
  std::ranges::move(user.derived_classes, std::back_inserter(base.derived_classes));
  for (auto& variant : user.class_variants) {
    variant.cls.own_methods_only = true;
    base.class_variants.push_back(std::move(variant));
  }
  // The wrapper's own packages: importing one makes a file worth reading.
  for (auto& [module, names] : user.modules) base.modules[module].merge(names);
  return true;
}

}  // namespace slotlint::model
