// slotlint model header <boost/asio.hpp>: the API of Boost.Asio 1.85 (library boost-asio)
// The little of Boost.Asio's documented API that programs around Boost.Redis
// name (io_context, awaitable, co_spawn, detached, use_awaitable), written for
// slotlint: declarations only. Used only when the real header is not found.
#pragma once
#include <coroutine>
#include <cstddef>

namespace boost::asio {

class any_io_executor {};

class io_context {
 public:
  io_context();
  using executor_type = any_io_executor;
  executor_type get_executor() noexcept;
  std::size_t run();
  void stop();
};

namespace detail {
template <class T>
struct awaitable_result {
  void return_value(T value);
};
template <>
struct awaitable_result<void> {
  void return_void();
};
}  // namespace detail

template <class T, class Executor = any_io_executor>
class awaitable {
 public:
  using value_type = T;
  struct promise_type : detail::awaitable_result<T> {
    awaitable get_return_object();
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void unhandled_exception();
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>);
  T await_resume();
};

struct detached_t {};
inline constexpr detached_t detached{};

struct use_awaitable_t {};
inline constexpr use_awaitable_t use_awaitable{};

template <class Executor, class T, class CompletionToken>
void co_spawn(const Executor& ex, awaitable<T> a, CompletionToken token);
template <class T, class CompletionToken>
void co_spawn(io_context& ctx, awaitable<T> a, CompletionToken token);

namespace this_coro {
struct executor_t {};
inline constexpr executor_t executor{};
}  // namespace this_coro

}  // namespace boost::asio

namespace boost::system {
class error_code {
 public:
  explicit operator bool() const noexcept;
};
}  // namespace boost::system
