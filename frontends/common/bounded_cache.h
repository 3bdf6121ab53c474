// A cache of what a frontend loads from other files (a Go package's
// siblings, a Java class's file), shared by all threads of a run and
// bounded: the least recently used entries go, so memory follows what is in
// use, not the size of the repository. Values are shared, so one evicted
// while a thread still reads it stays alive until that thread is done.
#pragma once

#include <cstddef>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace slotlint::frontend {

template <typename Value>
class BoundedCache {
 public:
  explicit BoundedCache(std::size_t capacity) : capacity_(capacity) {}

  // The value for `key`; `load()` (a std::shared_ptr<const Value>, null
  // when there is nothing to load: that is remembered too) runs under the
  // cache's lock when it is absent.
  template <typename Load>
  std::shared_ptr<const Value> get(const std::string& key, Load load) {
    std::scoped_lock lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end()) {
      order_.splice(order_.begin(), order_, it->second.position);
      return it->second.value;
    }
    std::shared_ptr<const Value> value = load();
    order_.push_front(key);
    entries_[key] = {value, order_.begin()};
    if (entries_.size() > capacity_) {
      entries_.erase(order_.back());
      order_.pop_back();
    }
    return value;
  }

 private:
  struct Entry {
    std::shared_ptr<const Value> value;
    std::list<std::string>::iterator position;
  };
  std::mutex mutex_;
  std::size_t capacity_;
  std::list<std::string> order_;  // most recently used first
  std::map<std::string, Entry> entries_;
};

}  // namespace slotlint::frontend
