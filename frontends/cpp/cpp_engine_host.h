// The API-model host with what only C says: a hiredis-style call whose model
// method takes a format (`redisCommand(c, "MGET %s %s", a, b)`) sends the
// arguments the format makes of its varargs, split as hiredis splits them.
// The call reaches the model host as the method's spread of those arguments.
#pragma once

#include <filesystem>

#include "frontends/common/engine_host.h"
#include "frontends/lua/script_library.h"

namespace slotlint::cpp {

class CppEngineHost final : public frontend::EngineHost {
 public:
  // Files the code reads (`std::ifstream`) are read through `files`, inside
  // the project; a relative path is the reading unit's folder's. Null: none.
  CppEngineHost(frontend::Models models, ScriptReader scripts = {}, engine::Limits limits = {},
                lua::ScriptLibrary* files = nullptr, std::filesystem::path folder = {})
      : EngineHost(models, std::move(scripts), limits),
        models_(models),
        limits_(limits),
        files_(files),
        folder_(std::move(folder)) {}

  void emit(const engine::ClientCall& call) override;
  // printf's fields (`%05d`) as C writes them; fmt's are not read.
  std::optional<ir::KeyExpr> formatted(const ir::KeyExpr& value, const std::string& spec,
                                       bool brace, ir::SourceSpan span) override;
  std::optional<FileText> read_file(const ir::KeyExpr& path, const engine::CallSite& from) override;

 private:
  frontend::Models models_;
  engine::Limits limits_;
  lua::ScriptLibrary* files_;
  std::filesystem::path folder_;
};

}  // namespace slotlint::cpp
