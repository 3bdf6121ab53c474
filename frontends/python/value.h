// The Python frontend's values are the shared frontend values.
#pragma once

#include "frontends/common/value.h"

namespace slotlint::python {

using frontend::SequenceItem;
using frontend::Value;

}  // namespace slotlint::python
