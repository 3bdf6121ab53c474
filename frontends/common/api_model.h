// A client library's API model, loaded from data (frontends/<lang>/models/*.json,
// embedded at build time; users may add their own). It says how calls become
// Redis commands and what the client does with them on a cluster, so that no
// frontend or rule hard-codes a library's behaviour.
//
// A method maps to an argv template. Elements:
//   "WORD"        a literal argument (the first element is the command name)
//   "$p"          parameter p as one argument (its default when not passed)
//   "...p"        parameter p spread: list/tuple/set elements, dict keys, a
//                 single value as one argument, an unknown value as a spread
//   "#p"          the number of arguments "...p" gives ("#a+b": of both;
//                 "#p/2": the number of pairs, MSETEX's numkeys of key/value varargs)
//   "keys(p)" / "values(p)" / "items(p)"   a mapping's keys, values, or
//                 key/value pairs flattened
// When "command_from_first_arg" is set (execute_command), the first argument is
// the command name and the rest are passed through.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ir/redis_op.h"
#include "analyzer/versions/client_versions.h"
#include "analyzer/versions/version.h"

namespace slotlint::model {

struct Parameter {
  enum class Kind : std::uint8_t { Positional, VarArgs, KeywordOnly, VarKeywords };
  std::string name;
  Kind kind = Kind::Positional;
  std::optional<std::string> default_value;  // literal text; nullopt = required or None
};

struct TemplateElement {
  enum class Kind : std::uint8_t { Word, Param, Spread, Count, MapKeys, MapValues, MapItems };
  Kind kind = Kind::Word;
  std::string text;  // the word, or the parameter name
};

struct Method {
  std::string name;
  std::vector<Parameter> signature;
  std::vector<TemplateElement> argv;  // argv[0] is the command name (a Word)
  bool command_from_first_arg = false;
  bool splits_by_slot = false;       // the method itself splits by slot (mget_nonatomic)
  std::vector<std::string> only_on;  // client classes that have it; empty = all
  std::string library;               // the model that declared it
  // The parameter holding the Lua body or its SHA (eval, evalsha), whose
  // script the frontend reads.
  std::string script_param;
  // Overloads (Java): a declaration applies to calls with this many
  // arguments (exact, or at least), whose arguments at these positions are
  // of these kinds: "number", "string", "list", "map", "other".
  std::optional<std::size_t> arity;
  std::size_t min_arity = 0;
  std::map<std::size_t, std::string> arg_kinds;
  // The parameter holding a hiredis format string ("MSET %s %s"): the
  // arguments are what the format gives (hiredis's own splitting rules).
  std::string format_param;
  // The call sends nothing now: it configures a client, whose every new
  // connection sends argv when it opens (`builder.database(3)`: SELECT 3).
  bool on_connect = false;
  [[nodiscard]] std::string command() const;
};

// How a client reads the database from a URL: the schemes it takes, and
// where the number sits in the path.
struct UrlForm {
  std::vector<std::string> schemes{"redis", "rediss", "valkey", "valkeys"};
  // The number after the URL's last '/' (redis-plus-plus, whose socket
  // URLs have a path: `unix:///run/redis.sock/2`) rather than the whole path
  // after the host (`redis://host:6379/2`).
  bool database_after_last_slash = false;
};

struct ClientClass {
  std::string name;  // "RedisCluster"
  bool cluster = false;
  std::vector<std::string> constructors;  // dotted callee texts that create one
  ir::CrossSlotHandling cross_slot = ir::CrossSlotHandling::SentAsIs;
  std::string cross_slot_note;
  std::vector<std::string> splits;  // commands split by slot
  std::string split_note;
  std::string library;           // the model that declared it
  std::string transaction_note;  // what a MULTI/EXEC batch across slots does
  // The client cannot run MULTI/EXEC at all (redis-py's cluster pipeline
  // before 6.1): any transaction on it fails, whatever its keys.
  bool transactions_unsupported = false;
  // A batch of this class is a plain pipeline unless created with
  // transaction=True (redis-py's ClusterPipeline).
  bool plain_pipeline_by_default = false;
  // A plain (non-MULTI) pipeline whose keys span slots: sent as is (each
  // command on its own), split by node, or refused by the client.
  ir::CrossSlotHandling pipeline_cross_slot = ir::CrossSlotHandling::SentAsIs;
  std::string pipeline_note;
  // Commands a batch of this class refuses whatever their keys (redis-py's
  // ClusterPipeline blocks MGET, RENAME, SUNION, ...), and what happens.
  std::vector<std::string> pipeline_refused_commands;
  std::string pipeline_refused_note;
  // Keyspace-wide commands (KEYS, SCAN, DBSIZE, ...: the command table's
  // keyspace_wide) this class sends to every primary and merges; the others
  // reach one node. What the class does with each, for messages.
  std::vector<std::string> fans_out;
  std::string fan_out_note;
  std::string one_node_note;
  // Options of its constructor that matter: the prefix the client puts before
  // every key (ioredis keyPrefix), as dotted paths into the options object.
  std::vector<std::string> key_prefix_options;
  // ...the database it selects on each new connection: options holding the
  // index (`db`), options holding a URL whose path is the index
  // (`redis://host:6379/3`), whether a URL passed as a string argument sets
  // it too, and what the class does with a database, for messages.
  std::vector<std::string> database_options;
  std::vector<std::string> url_options;
  bool url_arguments = false;
  std::string database_note;
  // The client refuses a database option outright, whatever its value (its
  // error); empty when it takes one.
  std::string database_option_refused;
  // Settings that configure clients (a URI, a config builder, a connection
  // factory) rather than a client: only the methods that name the class in
  // only_on apply, and every other method returns the same object (a builder).
  bool config_object = false;
  // Type names that declare a value of this class (TypeScript annotations).
  std::vector<std::string> annotations;
  // Type names that declare a batch of this class's (redis-py's
  // `redis.client.Pipeline`): a parameter so typed is one, plain, since
  // whether it runs in MULTI/EXEC is its maker's choice.
  std::vector<std::string> batch_annotations;
  // TRYAGAIN: the error classes a handler must name to catch it (the class
  // the client raises and its bases), whether the client retries it first.
  std::vector<std::string> tryagain_raises;
  bool tryagain_client_retries = false;
  std::string tryagain_note;
  // A user's wrapper class: only its own model's methods apply to it.
  bool own_methods_only = false;
  // An object named by a key (Redisson's RSet, RBucket): its methods act on
  // that key, passed to them as the parameter `self`; a method the model
  // does not list runs `object_command` on it.
  bool named_object = false;
  std::string object_command;
};

// A class's cluster facts for a range of the library's versions, where they
// differ from the class's own (which describe the latest known version).
struct ClassVariant {
  std::string class_name;
  versions::VersionRange range;
  ClientClass cls;
};

struct ApiModel {
  std::string library;
  std::string language;
  // The packages that install it (manifests name these) and the newest
  // version whose behaviour the model describes, assumed when none is found.
  std::vector<versions::PackageRef> packages;
  std::optional<versions::Version> latest_known;
  std::vector<ClassVariant> class_variants;
  std::vector<std::string> prefilter;  // a file mentioning none of these is skipped
  std::vector<ClientClass> classes;
  std::string default_class;                         // assumed for clients recognised by name only
  std::vector<std::string> conventional_receivers;   // exact names
  std::vector<std::string> receiver_name_fragments;  // case-insensitive substrings
  std::vector<std::string> same_client_methods;      // return an object with the same API
  // Methods that hand a client of the same API to their callback
  // (node-redis executeIsolated(async (isolated) => ...)).
  std::vector<std::string> callback_client_methods;
  // A method not listed in `methods` whose name is a single-key command
  // (`set`, `incr`, `hgetall`) takes the key as its first argument.
  bool command_named_methods = false;
  // Pipeline creation: `pipeline(transaction=True)` gives a MULTI/EXEC batch
  // unless this keyword (or the first positional argument) is false.
  std::string transaction_keyword;
  std::vector<std::string> pipeline_methods;     // methods that start a batch
  std::vector<std::string> transaction_methods;  // ...that start a MULTI/EXEC batch (multi())
  std::vector<std::string> execute_methods;      // send a batch: execute(), exec()
  // The URLs its classes' url_options and url_arguments take.
  UrlForm url_form;
  // Comparisons made while checking the methods' templates at load: a
  // wrapper may take 50,000 parameters, and this stays n log n.
  std::uint64_t load_steps = 0;
  // Method names match whatever their case and underscores (node-redis: mSet
  // and MSET, evalRo and EVAL_RO).
  bool case_insensitive_methods = false;
  // Array (and object) arguments are flattened into the argument list
  // (ioredis: mget(["a", "b"]) is mget("a", "b"); mset({a: 1}) is mset("a", 1)).
  bool flattens_arguments = false;
  // Import names: module -> (exported name -> the name constructors use);
  // "*" is the module itself (`require("ioredis")` is the Redis class).
  std::map<std::string, std::map<std::string, std::string>, std::less<>> modules;
  // Scripts defined on a client that become its methods: ioredis
  // defineCommand(name, {numberOfKeys, lua}), node-redis createClient({scripts:
  // {name: defineScript({NUMBER_OF_KEYS, SCRIPT})}}).
  struct ScriptDefinitions {
    std::string method;         // "defineCommand" (empty: none)
    std::string option;         // "scripts" in the constructor options (empty: none)
    std::string numkeys_field;  // "numberOfKeys", "NUMBER_OF_KEYS"
    std::string body_field;     // "lua", "SCRIPT"
  } script_definitions;
  // `r.transaction(func, *watches)`: runs func(pipe) on a transactional
  // pipeline (of the class pipeline_methods give) inside MULTI/EXEC.
  std::vector<std::string> transaction_runners;
  // ...of another class when called on `from` (RedisCluster.pipeline() gives a
  // ClusterPipeline, which behaves differently).
  struct DerivedClass {
    std::string method, from, to;
  };
  std::vector<DerivedClass> derived_classes;
  // By method name; several models may declare the same name for their classes.
  // The model file's "single_key_methods" ({"ZAddNX": "ZADD", "ObjectEncoding":
  // "OBJECT ENCODING"}: a variant of a single-key command whose first argument,
  // after Go's context, is the key) are loaded into it as declarations.
  std::map<std::string, std::vector<Method>, std::less<>> methods;
  // Constructor overloads whose arguments set what every connection of the
  // client sends when it opens (`new JedisPool(config, host, port, timeout,
  // password, 3)`: SELECT 3), by the constructor's name; each an on_connect
  // Method named like the constructor, picked by arity and argument kinds.
  std::map<std::string, std::vector<Method>, std::less<>> constructor_commands;
  // A method named like another plus one of these (ioredis getBuffer, mgetBuffer)
  // is that method, answering with raw bytes.
  std::vector<std::string> method_suffixes;
  // `name` without a method suffix it ends with (the name itself when none).
  [[nodiscard]] std::string_view without_method_suffix(std::string_view name) const;
  // Script objects: `s = client.register_script(body)` (a factory), then
  // `s(keys=[...], args=[...], client=c)` runs it as `script_call` says.
  // `sha = client.script_load(body)` (a loader) gives a SHA for evalsha.
  std::vector<std::string> script_factories;
  std::vector<std::string> script_loaders;
  [[nodiscard]] const Method* find_method_any_case(std::string_view name,
                                                   const ClientClass& cls) const;
  // Every declaration of `name` a `cls` client has (overloads), in model order.
  [[nodiscard]] std::vector<const Method*> overloads(std::string_view name,
                                                     const ClientClass& cls) const;
  // `multi()` puts the receiver itself into MULTI state until `exec()` /
  // `discard()` (Lettuce, Spring's RedisOperations), rather than returning a
  // transaction object (Jedis).
  bool multi_is_state = false;
  // Methods whose callback receives a client of the class derived_classes
  // gives for them (Spring executePipelined(connection -> ...)): its calls
  // form one pipeline.
  std::vector<std::string> pipelined_callback_methods;
  // Methods only this library's clients have (register_script, evalsha): a
  // receiver we cannot otherwise place is assumed a default-class client.
  std::vector<std::string> identifying_methods;
  std::optional<Method> script_call;
  // Receiver names that imply a class other than the default (user models).
  std::map<std::string, std::string, std::less<>> receiver_classes;
  // Methods of the library that send a command yet name no key, with why
  // (the model need not describe them): checked against the library's method
  // list (frontends/<language>/models/methods/).
  std::map<std::string, std::string, std::less<>> keyless_methods;
  // The method that starts a command builder whose first step names the
  // command (rueidis `B()`: `B().Mget()` is MGET, see
  // frontend::builder_step_command); its method list lists those steps.
  std::string command_builder;

  [[nodiscard]] const ClientClass* find_class(std::string_view name) const;
  // `cls` as it behaves in `version` (the latest known when nullopt), and the
  // range of versions those facts hold for.
  struct VersionedClass {
    const ClientClass* cls = nullptr;
    const versions::VersionRange* range = nullptr;  // nullptr: every version the model knows
  };
  [[nodiscard]] VersionedClass class_at(const ClientClass& cls,
                                        const std::optional<versions::Version>& version) const;
  [[nodiscard]] const ClientClass* class_for_constructor(std::string_view callee) const;
  [[nodiscard]] bool has_method(std::string_view name) const;
  // The declaration of `name` that applies to a client of class `cls`.
  [[nodiscard]] const Method* find_method(std::string_view name, const ClientClass& cls) const;
  // The class a receiver named `name` is assumed to be, from its name alone.
  [[nodiscard]] const ClientClass* class_for_receiver_name(std::string_view name) const;
  // The class that `method` on a `from` client returns (`from` itself unless
  // the model says otherwise).
  [[nodiscard]] const ClientClass* derived_class(std::string_view method,
                                                 const ClientClass& from) const;
  [[nodiscard]] bool conventional_receiver(std::string_view name) const;
};

// Parses a model; nullopt with `error` naming the problem (and where).
std::optional<ApiModel> parse_api_model(std::string_view json_text, std::string& error);

// Adds a user's model (their own wrappers) to a built-in one of the same
// language: its classes accept only its own methods, its methods apply only to
// its classes, its receiver names imply its default class. False with `error`
// when it clashes (a class name already taken, another language).
bool merge_user_model(ApiModel& base, ApiModel user, std::string& error);

// Parses "keys, *args, timeout=0" (Python-style) into parameters.
std::vector<Parameter> parse_signature(std::string_view signature);

}  // namespace slotlint::model
