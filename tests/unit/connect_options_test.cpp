// The database a client selects on every connection, read from a Redis URL's
// path: literal, a hole, none, and what is not a Redis URL.
#include <gtest/gtest.h>

#include "frontends/common/connect_options.h"

namespace slotlint {
namespace {

ir::KeyExpr text(std::string literal) {
  return ir::KeyExpr::literal(std::move(literal), {}, false);
}

std::string database(const ir::KeyExpr& url) {
  auto index = frontend::database_in_url(url);
  return index ? index->display() : "none";
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
  EXPECT_FALSE(frontend::is_redis_url(scheme));
}

}  // namespace
}  // namespace slotlint
