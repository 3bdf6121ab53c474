// slotlint model header <boost/redis/connection.hpp>: the API of Boost.Redis 1.85 (library boost-redis)
// One of the library's own headers, included by name: the whole model.
#pragma once
#include <boost/redis.hpp>
