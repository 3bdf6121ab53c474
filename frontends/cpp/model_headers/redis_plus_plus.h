// slotlint model header <sw/redis++/redis++.h>: the API of redis-plus-plus 1.3.13 (library redis-plus-plus)
// Written for slotlint from redis-plus-plus's documented API (its README and
// the declarations of Redis, RedisCluster and QueuedRedis as documented):
// declarations only, the commands whose keys slotlint checks and what a
// program needs around them. Used only when the real header is not found.
#pragma once
#include <chrono>
#include <exception>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

struct redisReply;  // hiredis's

namespace sw::redis {

struct ReplyDeleter {
  void operator()(redisReply* reply) const;
};
using ReplyUPtr = std::unique_ptr<redisReply, ReplyDeleter>;

using StringView = std::string_view;
using OptionalString = std::optional<std::string>;
using OptionalLongLong = std::optional<long long>;
using OptionalStringPair = std::optional<std::pair<std::string, std::string>>;

class Error : public std::exception {};
class IoError : public Error {};
class TimeoutError : public IoError {};
class ClosedError : public Error {};
class ProtoError : public Error {};
class OomError : public Error {};
class ReplyError : public Error {};
class WatchError : public Error {};
class MovedError : public ReplyError {};
class AskError : public ReplyError {};

enum class BitOp { AND, OR, XOR, NOT };
enum class Aggregation { SUM, MIN, MAX };
enum class ListWhence { LEFT, RIGHT };
enum class UpdateType { EXIST, NOT_EXIST, ALWAYS };

enum class ConnectionType { TCP, UNIX };

struct ConnectionOptions {
  ConnectionOptions() = default;
  ConnectionOptions(const ConnectionOptions&) = default;
  ConnectionOptions& operator=(const ConnectionOptions&) = default;
  ConnectionOptions(ConnectionOptions&&) = default;
  ConnectionOptions& operator=(ConnectionOptions&&) = default;
  ~ConnectionOptions() = default;
  ConnectionType type = ConnectionType::TCP;
  std::string host;
  int port = 6379;
  std::string path;
  std::string user = "default";
  std::string password;
  int db = 0;
  bool keep_alive = false;
  std::chrono::milliseconds connect_timeout{0};
  std::chrono::milliseconds socket_timeout{0};
};

struct ConnectionPoolOptions {
  std::size_t size = 1;
  std::chrono::milliseconds wait_timeout{0};
  std::chrono::milliseconds connection_lifetime{0};
};

class PipelineImpl;
class TransactionImpl;

template <typename Impl>
class QueuedRedis {
 public:
  QueuedRedis& set(const StringView& key, const StringView& val);
  QueuedRedis& get(const StringView& key);
  QueuedRedis& incr(const StringView& key);
  QueuedRedis& expire(const StringView& key, long long timeout);
  QueuedRedis& hset(const StringView& key, const StringView& field, const StringView& val);
  QueuedRedis& hget(const StringView& key, const StringView& field);
  QueuedRedis& sadd(const StringView& key, const StringView& member);
  QueuedRedis& lpush(const StringView& key, const StringView& val);
  QueuedRedis& rpush(const StringView& key, const StringView& val);
  QueuedRedis& del(const StringView& key);
  template <typename Input> QueuedRedis& del(Input first, Input last);
  template <typename T> QueuedRedis& del(std::initializer_list<T> il);
  QueuedRedis& unlink(const StringView& key);
  template <typename Input> QueuedRedis& unlink(Input first, Input last);
  template <typename T> QueuedRedis& unlink(std::initializer_list<T> il);
  QueuedRedis& exists(const StringView& key);
  template <typename Input> QueuedRedis& exists(Input first, Input last);
  template <typename T> QueuedRedis& exists(std::initializer_list<T> il);
  QueuedRedis& touch(const StringView& key);
  template <typename Input> QueuedRedis& touch(Input first, Input last);
  template <typename T> QueuedRedis& touch(std::initializer_list<T> il);
  template <typename Input> QueuedRedis& mset(Input first, Input last);
  template <typename T> QueuedRedis& mset(std::initializer_list<T> il);
  template <typename Input> QueuedRedis& msetnx(Input first, Input last);
  template <typename T> QueuedRedis& msetnx(std::initializer_list<T> il);
  template <typename Input> QueuedRedis& mget(Input first, Input last);
  template <typename T> QueuedRedis& mget(std::initializer_list<T> il);
  QueuedRedis& rename(const StringView& key, const StringView& newkey);
  QueuedRedis& renamenx(const StringView& key, const StringView& newkey);
  QueuedRedis& sunion(const StringView& key);
  template <typename Input> QueuedRedis& sunion(Input first, Input last);
  template <typename T> QueuedRedis& sunion(std::initializer_list<T> il);
  QueuedRedis& sunionstore(const StringView& destination, const StringView& key);
  template <typename Input> QueuedRedis& sunionstore(const StringView& destination, Input first, Input last);
  template <typename T> QueuedRedis& sunionstore(const StringView& destination, std::initializer_list<T> il);
  QueuedRedis& sinter(const StringView& key);
  template <typename Input> QueuedRedis& sinter(Input first, Input last);
  template <typename T> QueuedRedis& sinter(std::initializer_list<T> il);
  QueuedRedis& sinterstore(const StringView& destination, const StringView& key);
  template <typename Input> QueuedRedis& sinterstore(const StringView& destination, Input first, Input last);
  template <typename T> QueuedRedis& sinterstore(const StringView& destination, std::initializer_list<T> il);
  QueuedRedis& sdiff(const StringView& key);
  template <typename Input> QueuedRedis& sdiff(Input first, Input last);
  template <typename T> QueuedRedis& sdiff(std::initializer_list<T> il);
  QueuedRedis& sdiffstore(const StringView& destination, const StringView& key);
  template <typename Input> QueuedRedis& sdiffstore(const StringView& destination, Input first, Input last);
  template <typename T> QueuedRedis& sdiffstore(const StringView& destination, std::initializer_list<T> il);
  QueuedRedis& smove(const StringView& source, const StringView& destination, const StringView& member);
  QueuedRedis& zunionstore(const StringView& destination, const StringView& key, double weight = 1.0);
  template <typename Input> QueuedRedis& zunionstore(const StringView& destination, Input first, Input last, Aggregation type = Aggregation::SUM);
  template <typename T> QueuedRedis& zunionstore(const StringView& destination, std::initializer_list<T> il, Aggregation type = Aggregation::SUM);
  QueuedRedis& zinterstore(const StringView& destination, const StringView& key, double weight = 1.0);
  template <typename Input> QueuedRedis& zinterstore(const StringView& destination, Input first, Input last, Aggregation type = Aggregation::SUM);
  template <typename T> QueuedRedis& zinterstore(const StringView& destination, std::initializer_list<T> il, Aggregation type = Aggregation::SUM);
  QueuedRedis& blpop(const StringView& key, long long timeout);
  QueuedRedis& blpop(const StringView& key, const std::chrono::seconds& timeout = std::chrono::seconds{0});
  template <typename Input> QueuedRedis& blpop(Input first, Input last, long long timeout);
  template <typename T> QueuedRedis& blpop(std::initializer_list<T> il, long long timeout);
  template <typename T> QueuedRedis& blpop(std::initializer_list<T> il, const std::chrono::seconds& timeout = std::chrono::seconds{0});
  QueuedRedis& brpop(const StringView& key, long long timeout);
  template <typename Input> QueuedRedis& brpop(Input first, Input last, long long timeout);
  template <typename T> QueuedRedis& brpop(std::initializer_list<T> il, long long timeout);
  QueuedRedis& rpoplpush(const StringView& source, const StringView& destination);
  QueuedRedis& brpoplpush(const StringView& source, const StringView& destination, long long timeout);
  QueuedRedis& lmove(const StringView& source, const StringView& destination, ListWhence src_whence, ListWhence dest_whence);
  QueuedRedis& pfadd(const StringView& key, const StringView& element);
  QueuedRedis& pfcount(const StringView& key);
  template <typename Input> QueuedRedis& pfcount(Input first, Input last);
  template <typename T> QueuedRedis& pfcount(std::initializer_list<T> il);
  QueuedRedis& pfmerge(const StringView& destination, const StringView& key);
  template <typename Input> QueuedRedis& pfmerge(const StringView& destination, Input first, Input last);
  template <typename T> QueuedRedis& pfmerge(const StringView& destination, std::initializer_list<T> il);
  QueuedRedis& bitop(BitOp op, const StringView& destination, const StringView& key);
  template <typename Input> QueuedRedis& bitop(BitOp op, const StringView& destination, Input first, Input last);
  template <typename T> QueuedRedis& bitop(BitOp op, const StringView& destination, std::initializer_list<T> il);
  template <typename Keys, typename Args> QueuedRedis& eval(const StringView& script, Keys keys_first, Keys keys_last, Args args_first, Args args_last);
  QueuedRedis& eval(const StringView& script, std::initializer_list<StringView> keys, std::initializer_list<StringView> args);
  template <typename Keys, typename Args> QueuedRedis& evalsha(const StringView& script, Keys keys_first, Keys keys_last, Args args_first, Args args_last);
  QueuedRedis& evalsha(const StringView& script, std::initializer_list<StringView> keys, std::initializer_list<StringView> args);
  QueuedRedis& script_load(const StringView& script);
  template <typename... Args> QueuedRedis& command(const StringView& cmd_name, Args&&... args);
  void discard();
  // The replies of the queued commands (QueuedReplies in the library).
  struct QueuedReplies {
    std::size_t size() const;
  };
  QueuedReplies exec();
};

using Pipeline = QueuedRedis<PipelineImpl>;
using Transaction = QueuedRedis<TransactionImpl>;

// The commands Redis and RedisCluster both have (written once).
#define SLOTLINT_MODEL_REDIS_COMMANDS \
  bool set(const StringView& key, const StringView& val);                                                                                                                        \
  OptionalString get(const StringView& key);                                                                                                                                     \
  long long incr(const StringView& key);                                                                                                                                         \
  long long expire(const StringView& key, long long timeout);                                                                                                                    \
  long long hset(const StringView& key, const StringView& field, const StringView& val);                                                                                         \
  OptionalString hget(const StringView& key, const StringView& field);                                                                                                           \
  long long sadd(const StringView& key, const StringView& member);                                                                                                               \
  long long lpush(const StringView& key, const StringView& val);                                                                                                                 \
  long long rpush(const StringView& key, const StringView& val);                                                                                                                 \
  long long del(const StringView& key);                                                                                                                                          \
  template <typename Input> long long del(Input first, Input last);                                                                                                              \
  template <typename T> long long del(std::initializer_list<T> il);                                                                                                              \
  long long unlink(const StringView& key);                                                                                                                                       \
  template <typename Input> long long unlink(Input first, Input last);                                                                                                           \
  template <typename T> long long unlink(std::initializer_list<T> il);                                                                                                           \
  long long exists(const StringView& key);                                                                                                                                       \
  template <typename Input> long long exists(Input first, Input last);                                                                                                           \
  template <typename T> long long exists(std::initializer_list<T> il);                                                                                                           \
  long long touch(const StringView& key);                                                                                                                                        \
  template <typename Input> long long touch(Input first, Input last);                                                                                                            \
  template <typename T> long long touch(std::initializer_list<T> il);                                                                                                            \
  template <typename Input> void mset(Input first, Input last);                                                                                                                  \
  template <typename T> void mset(std::initializer_list<T> il);                                                                                                                  \
  template <typename Input> bool msetnx(Input first, Input last);                                                                                                                \
  template <typename T> bool msetnx(std::initializer_list<T> il);                                                                                                                \
  template <typename Input, typename Output> void mget(Input first, Input last, Output output);                                                                                  \
  template <typename T, typename Output> void mget(std::initializer_list<T> il, Output output);                                                                                  \
  void rename(const StringView& key, const StringView& newkey);                                                                                                                  \
  bool renamenx(const StringView& key, const StringView& newkey);                                                                                                                \
  template <typename Output> void sunion(const StringView& key, Output output);                                                                                                  \
  template <typename Input, typename Output> void sunion(Input first, Input last, Output output);                                                                                \
  template <typename T, typename Output> void sunion(std::initializer_list<T> il, Output output);                                                                                \
  long long sunionstore(const StringView& destination, const StringView& key);                                                                                                   \
  template <typename Input> long long sunionstore(const StringView& destination, Input first, Input last);                                                                       \
  template <typename T> long long sunionstore(const StringView& destination, std::initializer_list<T> il);                                                                       \
  template <typename Output> void sinter(const StringView& key, Output output);                                                                                                  \
  template <typename Input, typename Output> void sinter(Input first, Input last, Output output);                                                                                \
  template <typename T, typename Output> void sinter(std::initializer_list<T> il, Output output);                                                                                \
  long long sinterstore(const StringView& destination, const StringView& key);                                                                                                   \
  template <typename Input> long long sinterstore(const StringView& destination, Input first, Input last);                                                                       \
  template <typename T> long long sinterstore(const StringView& destination, std::initializer_list<T> il);                                                                       \
  template <typename Output> void sdiff(const StringView& key, Output output);                                                                                                   \
  template <typename Input, typename Output> void sdiff(Input first, Input last, Output output);                                                                                 \
  template <typename T, typename Output> void sdiff(std::initializer_list<T> il, Output output);                                                                                 \
  long long sdiffstore(const StringView& destination, const StringView& key);                                                                                                    \
  template <typename Input> long long sdiffstore(const StringView& destination, Input first, Input last);                                                                        \
  template <typename T> long long sdiffstore(const StringView& destination, std::initializer_list<T> il);                                                                        \
  bool smove(const StringView& source, const StringView& destination, const StringView& member);                                                                                 \
  long long zunionstore(const StringView& destination, const StringView& key, double weight = 1.0);                                                                              \
  template <typename Input> long long zunionstore(const StringView& destination, Input first, Input last, Aggregation type = Aggregation::SUM);                                  \
  template <typename T> long long zunionstore(const StringView& destination, std::initializer_list<T> il, Aggregation type = Aggregation::SUM);                                  \
  long long zinterstore(const StringView& destination, const StringView& key, double weight = 1.0);                                                                              \
  template <typename Input> long long zinterstore(const StringView& destination, Input first, Input last, Aggregation type = Aggregation::SUM);                                  \
  template <typename T> long long zinterstore(const StringView& destination, std::initializer_list<T> il, Aggregation type = Aggregation::SUM);                                  \
  OptionalStringPair blpop(const StringView& key, long long timeout);                                                                                                            \
  OptionalStringPair blpop(const StringView& key, const std::chrono::seconds& timeout = std::chrono::seconds{0});                                                                \
  template <typename Input> OptionalStringPair blpop(Input first, Input last, long long timeout);                                                                                \
  template <typename T> OptionalStringPair blpop(std::initializer_list<T> il, long long timeout);                                                                                \
  template <typename T> OptionalStringPair blpop(std::initializer_list<T> il, const std::chrono::seconds& timeout = std::chrono::seconds{0});                                    \
  OptionalStringPair brpop(const StringView& key, long long timeout);                                                                                                            \
  template <typename Input> OptionalStringPair brpop(Input first, Input last, long long timeout);                                                                                \
  template <typename T> OptionalStringPair brpop(std::initializer_list<T> il, long long timeout);                                                                                \
  OptionalString rpoplpush(const StringView& source, const StringView& destination);                                                                                             \
  OptionalString brpoplpush(const StringView& source, const StringView& destination, long long timeout);                                                                         \
  OptionalString lmove(const StringView& source, const StringView& destination, ListWhence src_whence, ListWhence dest_whence);                                                  \
  long long pfadd(const StringView& key, const StringView& element);                                                                                                             \
  long long pfcount(const StringView& key);                                                                                                                                      \
  template <typename Input> long long pfcount(Input first, Input last);                                                                                                          \
  template <typename T> long long pfcount(std::initializer_list<T> il);                                                                                                          \
  void pfmerge(const StringView& destination, const StringView& key);                                                                                                            \
  template <typename Input> void pfmerge(const StringView& destination, Input first, Input last);                                                                                \
  template <typename T> void pfmerge(const StringView& destination, std::initializer_list<T> il);                                                                                \
  long long bitop(BitOp op, const StringView& destination, const StringView& key);                                                                                               \
  template <typename Input> long long bitop(BitOp op, const StringView& destination, Input first, Input last);                                                                   \
  template <typename T> long long bitop(BitOp op, const StringView& destination, std::initializer_list<T> il);                                                                   \
  template <typename Result, typename Keys, typename Args> Result eval(const StringView& script, Keys keys_first, Keys keys_last, Args args_first, Args args_last);              \
  template <typename Result> Result eval(const StringView& script, std::initializer_list<StringView> keys, std::initializer_list<StringView> args);                              \
  template <typename Keys, typename Args, typename Output> void eval(const StringView& script, Keys keys_first, Keys keys_last, Args args_first, Args args_last, Output output); \
  template <typename Output> void eval(const StringView& script, std::initializer_list<StringView> keys, std::initializer_list<StringView> args, Output output);                 \
  template <typename Result, typename Keys, typename Args> Result evalsha(const StringView& script, Keys keys_first, Keys keys_last, Args args_first, Args args_last);           \
  template <typename Result> Result evalsha(const StringView& script, std::initializer_list<StringView> keys, std::initializer_list<StringView> args);                           \
  std::string script_load(const StringView& script);                                                                                                                             \
  OptionalString blmove(const StringView& source, const StringView& destination,                                                                                                 \
                        ListWhence src_whence, ListWhence dest_whence, long long timeout = 0);                                                                                   \
  template <typename T>                                                                                                                                                          \
  std::optional<std::tuple<std::string, std::string, double>> bzpopmax(                                                                                                          \
      std::initializer_list<T> il, long long timeout = 0);                                                                                                                       \
  template <typename Output, typename T>                                                                                                                                         \
  std::optional<std::pair<std::string, Output>> lmpop(std::initializer_list<T> il,                                                                                               \
                                                      ListWhence whence, long long count = 1);                                                                                   \
  template <typename Input, typename Output>                                                                                                                                     \
  void xread(Input first, Input last, long long count, Output output);                                                                                                           \
  template <typename Output>                                                                                                                                                     \
  void xread(const StringView& key, const StringView& id, long long count, Output output);                                                                                       \
  template <typename... Args> ReplyUPtr command(const StringView& cmd_name, Args&&... args);                                                                                     \
  template <typename Result, typename... Args> Result command(const StringView& cmd_name, Args&&... args);

class Redis {
 public:
  explicit Redis(const ConnectionOptions& connection_opts,
                 const ConnectionPoolOptions& pool_opts = {});
  explicit Redis(const std::string& uri);
  Pipeline pipeline(bool new_connection = true);
  Transaction transaction(bool piped = false, bool new_connection = true);
  std::string ping();
  void watch(const StringView& key);
  template <typename Input> void watch(Input first, Input last);
  template <typename T> void watch(std::initializer_list<T> il);
  SLOTLINT_MODEL_REDIS_COMMANDS
};

class RedisCluster {
 public:
  explicit RedisCluster(const ConnectionOptions& connection_opts,
                        const ConnectionPoolOptions& pool_opts = {});
  explicit RedisCluster(const std::string& uri);
  Redis redis(const StringView& hash_tag, bool new_connection = true);
  Pipeline pipeline(const StringView& hash_tag, bool new_connection = true);
  Transaction transaction(const StringView& hash_tag, bool piped = false,
                          bool new_connection = true);
  // Runs the callback with a Redis connected to each master in turn (a
  // template in the library; a std::function here, so a lambda needs no
  // definition).
  void for_each(const std::function<void(Redis&)>& cb);
  SLOTLINT_MODEL_REDIS_COMMANDS
};

#undef SLOTLINT_MODEL_REDIS_COMMANDS

}  // namespace sw::redis
