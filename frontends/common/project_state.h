// State a frontend keeps for a whole run (shared by every file and thread),
// such as the modules it has loaded to follow imports. The driver creates one
// per language and run; its type is the frontend's business.
#pragma once

#include <optional>

#include "frontends/common/frontend.h"

namespace slotlint::frontend {

class ProjectState {
 public:
  virtual ~ProjectState() = default;
  // Why no file of the language can be analysed in this run (its frontend is
  // a component that is not installed); nullopt when they can.
  [[nodiscard]] virtual std::optional<Notice> unavailable() const { return std::nullopt; }
};

}  // namespace slotlint::frontend
