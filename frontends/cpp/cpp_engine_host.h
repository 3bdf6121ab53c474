// The API-model host with what only C says: a hiredis-style call whose model
// method takes a format (`redisCommand(c, "MGET %s %s", a, b)`) sends the
// arguments the format makes of its varargs, split as hiredis splits them.
// The call reaches the model host as the method's spread of those arguments.
#pragma once

#include "frontends/common/engine_host.h"

namespace slotlint::cpp {

class CppEngineHost final : public frontend::EngineHost {
 public:
  CppEngineHost(frontend::Models models, ScriptReader scripts = {}, engine::Limits limits = {})
      : EngineHost(models, std::move(scripts), limits), models_(models), limits_(limits) {}

  void emit(const engine::ClientCall& call) override;
  // printf's fields (`%05d`) as C writes them; fmt's are not read.
  std::optional<ir::KeyExpr> formatted(const ir::KeyExpr& value, const std::string& spec,
                                       bool brace, ir::SourceSpan span) override;

 private:
  frontend::Models models_;
  engine::Limits limits_;
};

}  // namespace slotlint::cpp
