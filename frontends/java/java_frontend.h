// The Java frontend: Jedis, Lettuce, Spring Data Redis and Redisson calls →
// RedisOps.
//
// One pass collects classes, fields, methods, locals and calls; each call
// `x.method(...)` whose receiver is a client (by its declared type, the
// constructor or factory that made it, the method it came from — getResource,
// sync, opsForValue, getSet —, or a conventional name) is matched against the
// model's overloads (by argument count and kinds) and expanded into an argv.
// Batches: Jedis pipelined()/multi() objects, Lettuce and Spring multi() ...
// exec() on one receiver, Spring executePipelined callbacks, Redisson RBatch
// and RTransaction. Scripts: eval/evalsha bodies, Spring RedisScript objects
// (inline text or a classpath `.lua`).
#pragma once

#include "frontends/common/api_model.h"
#include "frontends/common/frontend.h"
#include "frontends/common/parsing.h"
#include "frontends/common/tree_sitter.h"

extern "C" const TSLanguage* tree_sitter_java();

namespace slotlint::java {

class JavaProject;

frontend::FileAnalysis analyse(const frontend::FileInput& file, frontend::Models models,
                               ts::Parser& parser, const frontend::ParseLimits& limits,
                               JavaProject* project);

}  // namespace slotlint::java
