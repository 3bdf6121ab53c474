// The database a client selects on every connection, read from a Redis URL's
// path: literal, a hole, none, and what is not a Redis URL, in the default
// form and in redis-plus-plus's.
#include <gtest/gtest.h>

#include "frontends/common/connect_options.h"

namespace slotlint {
namespace {

ir::KeyExpr text(std::string literal) {
  return ir::KeyExpr::literal(std::move(literal), {}, false);
}

std::string database(const ir::KeyExpr& url, const model::UrlForm& form = {}) {
  auto index = frontend::database_in_url(url, form);
  return index ? index->display() : "none";
}

// redis-plus-plus (Uri::_parse_uri, _split_path): tcp, redis and unix URLs,
// the database after the last '/' when it is a number.
model::UrlForm redis_plus_plus() {
  model::UrlForm form;
  form.schemes = {"tcp", "redis", "unix"};
  form.database_after_last_slash = true;
  return form;
}

TEST(ConnectOptions, TheDatabaseIsTheUrlsPath) {
  EXPECT_EQ(database(text("redis://localhost:6379/3")), "3");
  EXPECT_EQ(database(text("rediss://user:pw@cache.example:6380/12?timeout=5")), "12");
  EXPECT_EQ(database(text("valkey://localhost/0")), "0");
  EXPECT_EQ(database(text("redis://localhost:6379")), "none");
  EXPECT_EQ(database(text("redis://localhost:6379/")), "none");
  EXPECT_EQ(database(text("redis://localhost:6379/?db=3")), "none");
  EXPECT_EQ(database(text("http://localhost/3")), "none");
  EXPECT_EQ(database(text("localhost")), "none");
}

TEST(ConnectOptions, APathThatIsNotANumberNamesNoDatabase) {
  EXPECT_EQ(database(text("redis://localhost:6379/cache")), "none");
  EXPECT_EQ(database(text("redis://localhost:6379/2x")), "none");
  EXPECT_EQ(database(text("unix:///var/run/redis.sock/2")), "none");  // not a default scheme
}

TEST(ConnectOptions, AClientsFormTakesItsSchemesAndTheNumberAfterTheLastSlash) {
  auto form = redis_plus_plus();
  EXPECT_EQ(database(text("tcp://127.0.0.1:6379/2"), form), "2");
  EXPECT_EQ(database(text("redis://user:pw@cache:6379/5?pool_size=3"), form), "5");
  EXPECT_EQ(database(text("unix:///var/run/redis.sock/4"), form), "4");
  EXPECT_EQ(database(text("unix:///var/run/redis.sock"), form), "none");
  EXPECT_EQ(database(text("tcp://127.0.0.1:6379"), form), "none");
  EXPECT_EQ(database(text("tcp://127.0.0.1:6379/0"), form), "0");
  EXPECT_EQ(database(text("rediss://cache/2"), form), "none");  // not one of its schemes
  EXPECT_TRUE(frontend::is_redis_url(text("tcp://cache"), form));
  EXPECT_FALSE(frontend::is_redis_url(text("tcp://cache"), {}));
  auto path = text("unix:///run/");
  path.append(ir::KeyExpr::hole("s", "socket", {}));
  path.append(text("/"));
  path.append(ir::KeyExpr::hole("d", "db", {}));
  EXPECT_EQ(database(path, form), "<db>");
}

TEST(ConnectOptions, HolesInTheHostAreSkippedAndAHoleInThePathIsTheDatabase) {
  auto host = text("redis://");
  host.append(ir::KeyExpr::hole("h", "host", {}));
  host.append(text(":6379/4"));
  EXPECT_EQ(database(host), "4");
  auto path = text("redis://");
  path.append(ir::KeyExpr::hole("h", "host", {}));
  path.append(text("/"));
  path.append(ir::KeyExpr::hole("d", "db", {}));
  EXPECT_EQ(database(path), "<db>");
  auto scheme = ir::KeyExpr::hole("u", "url", {});
  EXPECT_FALSE(frontend::is_redis_url(scheme, {}));
}

}  // namespace
}  // namespace slotlint
