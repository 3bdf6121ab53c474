#include "bench/synthetic_tree.h"

#include <fstream>
#include <random>
#include <string>

#include <fmt/format.h>

namespace slotlint::bench {
namespace {

std::string plain_module(std::mt19937& rng, std::size_t index) {
  std::string text = fmt::format(
      "\"\"\"Module {} of the synthetic project.\"\"\"\nimport json\nimport os\n\n", index);
  int functions = 10 + static_cast<int>(rng() % 20);
  for (int f = 0; f < functions; ++f) {
    text += fmt::format(
        "def handler_{0}(request, items=None):\n"
        "    items = items or []\n"
        "    total = sum(item.get('price', 0) * item.get('qty', 1) for item in items)\n"
        "    payload = {{'id': request.get('id'), 'total': total, 'n': len(items)}}\n"
        "    if total > {1}:\n"
        "        payload['discount'] = round(total * 0.{2}, 2)\n"
        "    return json.dumps(payload, sort_keys=True)\n\n",
        f, rng() % 1000, 1 + rng() % 9);
  }
  return text;
}

std::string redis_module(std::mt19937& rng, std::size_t index) {
  std::string text = fmt::format(
      "\"\"\"Redis-backed module {}.\"\"\"\nimport redis\n\nr = redis.Redis()\nPREFIX = "
      "\"svc{}:\"\n\n"
      "def key_for(uid, field):\n    return f\"user:{{uid}}:{{field}}\"\n\n",
      index, index);
  int functions = 10 + static_cast<int>(rng() % 20);
  for (int f = 0; f < functions; ++f) {
    switch (rng() % 5) {
      case 0:
        text += fmt::format(
            "def load_{0}(uid):\n    return r.mget(key_for(uid, 'name'), key_for(uid, "
            "'email'))\n\n",
            f);
        break;
      case 1:
        text += fmt::format(
            "def tagged_{0}(uid):\n    return r.mget(f\"{{{{user:{{uid}}}}}}:a\", "
            "f\"{{{{user:{{uid}}}}}}:b\")\n\n",
            f);
        break;
      case 2:
        text += fmt::format(
            "def many_{0}(ids):\n    return r.mget([PREFIX + str(i) for i in ids])\n\n", f);
        break;
      case 3:
        text += fmt::format(
            "def move_{0}(a):\n    r.rename(\"queue:%s:pending\" % a, \"queue:%s:done\" % a)\n\n",
            f);
        break;
      default:
        text += fmt::format("def get_{0}(uid):\n    return r.get(key_for(uid, 'x{0}'))\n\n", f);
        break;
    }
  }
  return text;
}

std::string plain_js_module(std::mt19937& rng, std::size_t index, bool typescript) {
  std::string text =
      fmt::format("// Module {} of the synthetic project.\nimport path from \"path\";\n\n", index);
  int functions = 10 + static_cast<int>(rng() % 20);
  for (int f = 0; f < functions; ++f) {
    text += fmt::format(
        "export function handler{0}(request{3}, items{4} = []) {{\n"
        "  const total = items.reduce((sum, item) => sum + item.price * (item.qty ?? 1), 0);\n"
        "  const payload = {{ id: request.id, total, n: items.length, at: path.join(\"a\", \"b\") "
        "}};\n"
        "  if (total > {1}) payload.discount = Math.round(total * 0.{2});\n"
        "  return JSON.stringify(payload);\n}}\n\n",
        f, rng() % 1000, 1 + rng() % 9, typescript ? ": { id: string }" : "",
        typescript ? ": { price: number; qty?: number }[]" : "");
  }
  return text;
}

std::string redis_js_module(std::mt19937& rng, std::size_t index, bool typescript) {
  std::string text = fmt::format(
      "// Redis-backed module {0}.\nimport Redis from \"ioredis\";\nimport {{ createClient }} from "
      "\"redis\";\n\nconst redis = new Redis();\nconst client = createClient();\nconst PREFIX = "
      "\"svc{0}:\";\nconst keyFor = (uid{1}, field{1}) => `user:${{uid}}:${{field}}`;\n\n",
      index, typescript ? ": string" : "");
  int functions = 10 + static_cast<int>(rng() % 20);
  const char* param = typescript ? ": string" : "";
  for (int f = 0; f < functions; ++f) {
    switch (rng() % 5) {
      case 0:
        text += fmt::format(
            "export async function load{0}(uid{1}) {{\n  return redis.mget(keyFor(uid, \"name\"), "
            "keyFor(uid, \"email\"));\n}}\n\n",
            f, param);
        break;
      case 1:
        text += fmt::format(
            "export async function tagged{0}(uid{1}) {{\n  return "
            "client.mGet([`{{user:${{uid}}}}:a`, "
            "`{{user:${{uid}}}}:b`]);\n}}\n\n",
            f, param);
        break;
      case 2:
        text += fmt::format(
            "export async function many{0}(ids{1}) {{\n  return redis.mget(ids.map((i) => PREFIX + "
            "i));\n}}\n\n",
            f, typescript ? ": string[]" : "");
        break;
      case 3:
        text += fmt::format(
            "export async function move{0}(a{1}) {{\n  await "
            "redis.multi().rename(`queue:${{a}}:pending`, "
            "`queue:${{a}}:done`).exec();\n}}\n\n",
            f, param);
        break;
      default:
        text += fmt::format(
            "export async function get{0}(uid{1}) {{\n  return redis.get(keyFor(uid, "
            "\"x{0}\"));\n}}\n\n",
            f, param);
        break;
    }
  }
  return text;
}

}  // namespace

TreeStats write_synthetic_js_tree(const std::filesystem::path& root, std::size_t files,
                                  double redis_share) {
  std::mt19937 rng(16384);
  TreeStats stats;
  auto every = static_cast<std::size_t>(1.0 / redis_share);
  for (std::size_t i = 0; i < files; ++i) {
    auto dir = root / fmt::format("src{:03}", i / 50);
    std::filesystem::create_directories(dir);
    bool typescript = i % 2 == 1;
    std::string text =
        i % every == 0 ? redis_js_module(rng, i, typescript) : plain_js_module(rng, i, typescript);
    std::ofstream(dir / fmt::format("mod{:05}.{}", i, typescript ? "ts" : "js")) << text;
    ++stats.files;
    stats.bytes += text.size();
  }
  return stats;
}

TreeStats write_synthetic_python_tree(const std::filesystem::path& root, std::size_t files,
                                      double redis_share) {
  std::mt19937 rng(16384);  // fixed seed: the same tree every time
  TreeStats stats;
  auto every = static_cast<std::size_t>(1.0 / redis_share);
  for (std::size_t i = 0; i < files; ++i) {
    auto dir = root / fmt::format("pkg{:03}", i / 50);
    std::filesystem::create_directories(dir);
    std::string text = i % every == 0 ? redis_module(rng, i) : plain_module(rng, i);
    std::ofstream(dir / fmt::format("mod{:05}.py", i)) << text;
    ++stats.files;
    stats.bytes += text.size();
  }
  return stats;
}

}  // namespace slotlint::bench
