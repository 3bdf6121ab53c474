#include "rules/verdict_wording.h"

#include <fmt/format.h>

namespace slotlint::rules {

ir::Level level_for(slot::Verdict verdict) {
  switch (verdict) {
    case slot::Verdict::CrossSlot:
      return ir::Level::Error;
    case slot::Verdict::LikelyCrossSlot:
      return ir::Level::Warning;
    default:
      return ir::Level::Note;
  }
}

std::string_view how_keys_hash(slot::Verdict verdict) {
  switch (verdict) {
    case slot::Verdict::CrossSlot:
      return "are in different slots";
    case slot::Verdict::LikelyCrossSlot:
      return "can hash to different slots";
    default:
      return "may hash to different slots";
  }
}

std::string slot_note(const slot::KeyHash& hash) {
  if (hash.unknown) return "not known before run time";
  if (hash.slot) return fmt::format("slot {}", *hash.slot);
  return "slot depends on run-time values";
}

}  // namespace slotlint::rules
