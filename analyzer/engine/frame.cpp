#include "analyzer/engine/frame.h"

#include <algorithm>
#include <utility>

namespace slotlint::engine {

using namespace frame_detail;

Frame::Frame(Engine::Impl& engine, const Invocation& invocation)
    : engine_(engine),
      invocation_(invocation),
      module_(engine.program.module(invocation.module)),
      function_(module_.functions.at(invocation.function)),
      limits_(engine.budgets.limits),
      module_body_(invocation.function == module_.body) {}

bool Frame::step() {
  if (!exhausted_.empty()) return false;
  ++engine_.spent;
  if (++steps_ <= engine_.budgets.steps && engine_.spent <= engine_.budgets.total_steps)
    return true;
  exhausted_ = steps_ > engine_.budgets.steps
                   ? "the step budget (" + std::to_string(engine_.budgets.steps) +
                         ") ran out in `" +
                         (function_.name.empty() ? module_.path : function_.name) + "`"
                   : "the analysis's step budget (" + std::to_string(engine_.budgets.total_steps) +
                         ") ran out before `" +
                         (function_.name.empty() ? module_.path : function_.name) + "`";
  note(function_.span, "unknown, because " + exhausted_);
  return false;
}

bool Frame::nest(ir::SourceSpan span) {
  if (++nesting_ <= engine_.budgets.nesting) return true;
  if (!nesting_noted_) {  // once per function: the first place says it
    nesting_noted_ = true;
    note(span, "unknown, because the code nests deeper than " +
                   std::to_string(engine_.budgets.nesting) + " levels");
  }
  return false;
}

void Frame::note(ir::SourceSpan span, std::string message) {
  Note n{module_.path, function_.name, span, std::move(message)};
  bool seen = std::ranges::any_of(notes_, [&](const Note& other) {
    return other.span == n.span && other.message == n.message;
  });
  if (!seen) notes_.push_back(std::move(n));
}

std::string Frame::symbol(std::string_view what, std::uint32_t id) const {
  return std::string(what) + ":" + module_.path + ":" + std::to_string(invocation_.function) + ":" +
         std::to_string(id);
}

CallSite Frame::site_of(il::ExprId call) const {
  CallSite site{invocation_.module, module_.path, call, module_.exprs[call].span, {}};
  site.callee = site.span;
  if (const auto* c = std::get_if<il::Call>(&module_.exprs[call].kind)) {
    if (c->callee == il::kNone) {
      // keep the call's span
    } else if (const auto* a = std::get_if<il::Attribute>(&module_.exprs[c->callee].kind)) {
      site.callee = a->name_span;
    } else {
      site.callee = module_.exprs[c->callee].span;
    }
  }
  return site;
}

Value Frame::function_value(il::FunctionId id) {
  std::shared_ptr<const Env> closure;
  if (!module_body_) {
    Env captured = invocation_.closure ? *invocation_.closure : Env{};
    for (const auto& [name, value] : env_) captured[name] = value;
    auto [made, first] = closures_.try_emplace(id, captured);
    if (!first) made->second = join_env(made->second, captured, limits_);
    closure = std::make_shared<const Env>(std::move(captured));
  }
  return Value::function({invocation_.module, id, std::move(closure), {}});
}

Summary Frame::run() {
  if (module_body_) env_ = engine_.globals(invocation_.module, -1);
  if (invocation_.callee && !function_.name.empty()) env_[function_.name] = *invocation_.callee;
  if (invocation_.self) {
    receiver_name_ = function_.receiver.empty() ? "this" : function_.receiver;
    env_[receiver_name_] = *invocation_.self;
  }
  // A constructor starts by initialising the fields its class declares.
  if (function_.kind == il::Function::Kind::Constructor && invocation_.self &&
      invocation_.self->is(ValueKind::Instance) && function_.owner != il::kNone) {
    InstanceData data = invocation_.self->as_instance();
    for (const auto& field : module_.classes[function_.owner].fields) {
      if (field.is_static || field.initializer == il::kNone || data.fields.contains(field.name))
        continue;
      data.fields[field.name] = eval(field.initializer);
    }
    env_[receiver_name_] = Value::instance(std::move(data));
  }
  for (std::size_t i = 0; i < function_.params.size(); ++i) {
    const auto& param = function_.params[i];
    std::optional<Value> value =
        i < invocation_.params.size() ? invocation_.params[i] : std::nullopt;
    if (!value) {
      value = param.default_value != il::kNone
                  ? eval(param.default_value)
                  : Value::unknown("the parameter `" + param.name + "` was not passed");
    }
    if (param.pattern != il::kNone) {
      bind(param.pattern, *value);
    } else {
      env_[param.name] = *value;
    }
  }
  exec_block(function_.body);
  if (function_.expression_body != il::kNone && live_) {
    Value value = eval(function_.expression_body);
    returned_ = returned_ ? join(*returned_, value, limits_) : value;
  }
  if (live_ && !receiver_name_.empty()) {
    const Value& self = env_[receiver_name_];
    self_after_ = self_after_ ? join(*self_after_, self, limits_) : self;
  }

  Summary summary;
  if (!exhausted_.empty()) {
    summary.result = Value::unknown(exhausted_);
  } else if (function_.is_generator) {
    Value element = yields_.empty() ? Value::unknown("yields nothing") : yields_.front();
    for (std::size_t i = 1; i < yields_.size(); ++i) element = join(element, yields_[i], limits_);
    // A generator made a context manager (`@contextmanager`): what `with`
    // binds is what it yields.
    bool manager = std::ranges::any_of(function_.decorators, [](const std::string& name) {
      return name.ends_with("contextmanager");
    });
    summary.result = manager ? element : Value::collection(element, "what a generator yields");
  } else {
    summary.result = returned_.value_or(Value::null());
  }
  summary.self_after = self_after_;
  summary.calls = std::move(calls_);
  summary.notes = std::move(notes_);
  summary.closures = std::move(closures_);
  summary.class_writes = std::move(class_writes_);
  if (module_body_) summary.final_env = std::move(env_);
  return summary;
}

}  // namespace slotlint::engine
