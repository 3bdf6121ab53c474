// State a frontend keeps for a whole run (shared by every file and thread),
// such as the modules it has loaded to follow imports. The driver creates one
// per language and run; its type is the frontend's business.
#pragma once

namespace slotlint::frontend {

class ProjectState {
 public:
  virtual ~ProjectState() = default;
};

}  // namespace slotlint::frontend
