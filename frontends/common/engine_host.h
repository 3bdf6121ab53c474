// The value-flow engine's host over the API models: what a constructor or
// factory makes (a client of a model's class), what a call on a client gives
// (a batch from `pipeline()`, a script from `register_script`, a client of a
// derived class), which arguments a client calls back (`transaction(func)`),
// and, for every call the engine reports, the RedisOps the op builder makes of
// it, each with the chain of call sites (`via`) that led there.
//
// Language-neutral and data-driven: every decision reads the models (their
// `language` picks which apply to a call); nothing here names a library. Its
// answers depend only on their arguments, as the engine requires.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzer/engine/host.h"
#include "analyzer/ir/redis_op.h"
#include "frontends/common/frontend.h"

namespace slotlint::frontend {

// A RedisOp and the call sites from the analysed entry point down to it (the
// last is the op's own call).
struct EngineOp {
  ir::RedisOp op;
  std::vector<engine::CallSite> via;
  // The element symbols of the loops around the call (innermost last), in
  // or out of a batch.
  std::vector<std::string> loop_symbols;
};

// What tells two ops of one analysed file apart: an entry point and each of
// its callers report one call, which is reported once.
std::string op_identity(const ir::RedisOp& op);

class EngineHost : public engine::Host {
 public:
  // The script a body value is (a literal, or a file's contents the engine
  // read), read by the caller's script library; nullopt when it is none.
  // `name`: what the code calls the script (`RENEW`); empty when written inline.
  using ScriptReader = std::function<std::optional<ir::ScriptUse>(
      const engine::StringData& body, const std::string& name, const engine::CallSite&)>;

  explicit EngineHost(Models models, ScriptReader scripts = {}, engine::Limits limits = {});

  std::optional<engine::Value> construct(const engine::ConstructCall& call) override;
  engine::Value call_result(const engine::ClientCall& call) override;
  void emit(const engine::ClientCall& call) override;
  std::vector<engine::Callback> callbacks(const engine::ClientCall& call) override;
  // A type naming a model's class (`redis.Redis`, `Optional["RedisCluster"]`,
  // `Redis | None`): a client of that class.
  std::optional<engine::Value> declared(const std::string& type, const std::string& language,
                                        const std::string& id) override;
  // A parameter named like a client by convention (`r`, `redis_client`).
  std::optional<engine::Value> named(const std::string& name, const std::string& language,
                                     const std::string& id) override;
  // A method the model lists as only its clients' (identifying_methods).
  std::optional<engine::Value> identified(const std::string& method, const std::string& language,
                                          const std::string& id) override;
  void note(const engine::Note& note) override { notes_.push_back(note); }

  [[nodiscard]] const std::vector<EngineOp>& ops() const { return ops_; }
  // The engine's notes, and calls on known clients that no model describes
  // though a command of that name can take several keys.
  [[nodiscard]] const std::vector<engine::Note>& notes() const { return notes_; }

 protected:
  [[nodiscard]] Models models() const { return models_; }

 private:
  struct ClientModel {
    const model::ApiModel* api = nullptr;
    const model::ClientClass* cls = nullptr;
  };
  [[nodiscard]] std::optional<ClientModel> model_of(const engine::Value& client) const;
  [[nodiscard]] engine::Value client_of_class(const engine::ClientData& from,
                                              const model::ClientClass& cls) const;
  [[nodiscard]] engine::Value batch(const engine::ClientCall& call, const ClientModel& client,
                                    engine::BatchData::Kind kind) const;
  void emit_script_call(const engine::ClientCall& call);
  // A client's construction: the SELECT it sends on every connection when a
  // database option or a URL's path names a database.
  void emit_construction(const engine::ClientCall& call);
  void emit_method(const engine::ClientCall& call, const engine::Value& client,
                   std::optional<ir::GroupRef> group);
  // A script's body and the name the code gives it.
  struct ScriptBody {
    engine::Value body;
    std::string name;
  };
  void emit_op(const engine::ClientCall& call, const engine::Value& client_value,
               const ClientModel& client, const model::Method& method,
               std::optional<ir::GroupRef> group, const std::optional<ScriptBody>& script);

  // Scripts defined as a client's methods (ioredis defineCommand, node-redis
  // `scripts`): its number of keys when known, and its body.
  struct DefinedScript {
    std::optional<std::int64_t> numkeys;
    engine::Value body;
  };
  void define_scripts(const engine::ClientCall& call, const ClientModel& client);
  void define_script(const model::ApiModel& api, const std::string& name,
                     const engine::Value& options);
  [[nodiscard]] const DefinedScript* defined(const model::ApiModel& api,
                                             const std::string& method) const;
  // `multi([["set", k, v], ["incr", k2]])`: each array a command queued on the batch.
  void emit_command_arrays(const engine::ClientCall& call, const ClientModel& client);

  Models models_;
  ScriptReader scripts_;
  // By library, then name; the definition the program reaches first.
  std::map<std::string, std::map<std::string, DefinedScript>> defined_;
  engine::Limits limits_;
  std::vector<EngineOp> ops_;
  std::vector<engine::Note> notes_;
};

}  // namespace slotlint::frontend
