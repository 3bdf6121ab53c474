// slotlint model header <boost/redis.hpp>: the API of Boost.Redis 1.85 (library boost-redis)
// Written for slotlint from Boost.Redis's documented API (boost::redis::
// request, response, config, connection): declarations only. Used only when
// the real header is not found.
#pragma once
#include <boost/asio.hpp>
#include <chrono>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace boost::redis {

class request {
 public:
  struct config {
    bool cancel_on_connection_lost = true;
    bool cancel_if_not_connected = false;
    bool cancel_if_unresponded = true;
    bool hello_with_priority = true;
  };
  explicit request(config cfg = config{true, false, true, true});
  template <class... Ts>
  void push(std::string_view cmd, Ts const&... args);
  template <class ForwardIterator>
  void push_range(std::string_view cmd, std::string_view key, ForwardIterator begin,
                  ForwardIterator end,
                  typename std::iterator_traits<ForwardIterator>::value_type* = nullptr);
  template <class ForwardIterator>
  void push_range(std::string_view cmd, ForwardIterator begin, ForwardIterator end,
                  typename std::iterator_traits<ForwardIterator>::value_type* = nullptr);
  template <class Range>
  void push_range(std::string_view cmd, std::string_view key, Range const& range,
                  decltype(std::begin(range))* = nullptr);
  template <class Range>
  void push_range(std::string_view cmd, Range const& range,
                  decltype(std::cbegin(range))* = nullptr);
  void clear();
  [[nodiscard]] std::size_t get_commands() const noexcept;
};

struct ignore_t {};
inline constexpr ignore_t ignore{};

template <class... Ts>
using response = std::tuple<Ts...>;
using generic_response = std::vector<std::string>;

struct address {
  std::string host = "127.0.0.1";
  std::string port = "6379";
};

struct config {
  address addr;
  std::string username = "default";
  std::string password;
  std::string clientname = "Boost.Redis";
  int database_index = 0;
  std::chrono::steady_clock::duration resolve_timeout = std::chrono::seconds{10};
  std::chrono::steady_clock::duration connect_timeout = std::chrono::seconds{10};
};

class connection {
 public:
  explicit connection(asio::io_context& ioc);
  template <class Executor>
  explicit connection(Executor ex);
  template <class CompletionToken>
  auto async_run(config const& cfg, CompletionToken token);
  void async_run(config const& cfg);
  template <class Response, class CompletionToken>
  auto async_exec(request const& req, Response& resp, CompletionToken token);
  template <class Response>
  asio::awaitable<std::size_t> async_exec(request const& req, Response& resp);
  asio::awaitable<std::size_t> async_exec(request const& req);
  void cancel();
};

}  // namespace boost::redis
