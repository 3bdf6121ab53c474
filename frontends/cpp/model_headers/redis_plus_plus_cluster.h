// slotlint model header <sw/redis++/redis_cluster.h>: the API of redis-plus-plus 1.3.13 (library redis-plus-plus)
// One of the library's own headers, included by name: the whole model.
#pragma once
#include <sw/redis++/redis++.h>
