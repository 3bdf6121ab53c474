"""Client versions end to end: the version read from a project's manifest
changes the finding, the configuration's pin wins, `slotlint explain
FILE:LINE` prints the client, version and fact, and bad input is reported."""
import json
import os
import tempfile
import unittest

from slotlint_run import require_environment, run, full_message

TX = '''package orders

import (
	"context"

	"github.com/redis/go-redis/v9"
)

var rdb = redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{":7000"}})

func Place(ctx context.Context) error {
	pipe := rdb.TxPipeline()
	pipe.Incr(ctx, "orders:count")
	pipe.Incr(ctx, "refunds:count")
	_, err := pipe.Exec(ctx)
	return err
}
'''
GO_MOD = "module example.com/orders\n\ngo 1.22\n\nrequire github.com/redis/go-redis/v9 v{}\n"
NODE = '''import { createCluster } from "redis";
const cluster = createCluster({ rootNodes: [{ url: "redis://127.0.0.1:7000" }] });
export async function f() { await cluster.mGet(["foo", "bar"]); }
'''


class ClientVersions(unittest.TestCase):
    def setUp(self):
        require_environment(self)
        self.tmp = tempfile.TemporaryDirectory()
        self.root = self.tmp.name
        os.mkdir(os.path.join(self.root, ".git"))  # the search for manifests stops here

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, path, text):
        full = os.path.join(self.root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)

    def findings(self, *args, codes=(0, 1, 2)):
        result = run("check", "--format", "json", *args, cwd=self.root, check_codes=codes)
        return json.loads(result.stdout)

    def test_go_mod_version_decides_what_a_tx_pipeline_does(self):
        self.write("old/go.mod", GO_MOD.format("9.10.0"))
        self.write("old/orders.go", TX)
        self.write("new/go.mod", GO_MOD.format("9.11.2"))
        self.write("new/orders.go", TX)
        report = self.findings(".")
        by_path = {f["path"]: f for f in report["findings"] if f["code"] == "SL002"}
        old, new = by_path["old/orders.go"], by_path["new/orders.go"]
        self.assertIn("one MULTI/EXEC per slot", full_message(old))
        self.assertIn("go-redis 9.10.0 (old/go.mod", full_message(old))
        self.assertIn("ErrCrossSlot before sending", full_message(new))
        self.assertEqual(old["client"]["version"], "9.10.0")
        self.assertEqual(old["client"]["factsHoldFor"], "before 9.11.0")
        self.assertEqual(new["client"]["version"], "9.11.2")
        self.assertNotIn("factsHoldFor", new["client"])

    def test_the_configuration_pin_wins_over_the_manifest(self):
        self.write("go.mod", GO_MOD.format("9.11.2"))
        self.write("orders.go", TX)
        self.write(".slotlint.json", json.dumps({"clients": {"go-redis": "9.10.0"}}))
        finding = next(f for f in self.findings(".")["findings"] if f["code"] == "SL002")
        self.assertIn("one MULTI/EXEC per slot", full_message(finding))
        self.assertIn("go-redis 9.10.0 (pinned in .slotlint.json)", full_message(finding))

    def test_no_manifest_assumes_the_latest_and_says_so(self):
        self.write("app.mjs", NODE)
        finding = self.findings(".")["findings"][0]
        self.assertEqual(finding["level"], "note")  # node-redis 6.2+ splits MGET
        self.assertIn("assumed (no version found in the manifests slotlint reads)", full_message(finding))
        self.assertIsNone(finding["client"]["version"])

    def test_lockfile_below_and_package_json_above(self):
        self.write("package.json", json.dumps({"dependencies": {"redis": "~6.1.0"}}))
        self.write("svc/app.mjs", NODE)
        finding = self.findings(".")["findings"][0]
        self.assertEqual(finding["level"], "error")  # 6.1 does not split: CROSSSLOT
        self.assertIn("node-redis <6.2 (package.json: redis ~6.1.0; the newest version it allows",
                      full_message(finding))
        # A range that allows the latest known version: that one (6.2+ splits MGET).
        self.write("package.json", json.dumps({"dependencies": {"redis": "^6.0.0"}}))
        finding = self.findings(".")["findings"][0]
        self.assertEqual(finding["level"], "note")
        self.assertIn("node-redis 6.3.1 (package.json: redis ^6.0.0", full_message(finding))
        self.write("svc/package-lock.json", json.dumps(
            {"lockfileVersion": 3, "packages": {"node_modules/redis": {"version": "6.3.1"}}}))
        finding = self.findings(".")["findings"][0]
        self.assertEqual(finding["level"], "note")
        self.assertIn("node-redis 6.3.1 (svc/package-lock.json: redis 6.3.1)", full_message(finding))

    def test_each_ecosystems_range_grammar_gives_the_newest_version_it_allows(self):
        # npm's hyphen range is inclusive at both ends: 6.1.9 at most, so
        # node-redis sends the cross-slot MGET as is (CROSSSLOT), where 6.2+
        # would split it.
        self.write("package.json", json.dumps({"dependencies": {"redis": "1.2.3 - 6.1.9"}}))
        self.write("app.mjs", NODE)
        finding = self.findings(".")["findings"][0]
        self.assertEqual(finding["level"], "error")
        self.assertIn("node-redis 6.1.9 (package.json: redis 1.2.3 - 6.1.9; the newest version it allows",
                      full_message(finding))
        self.write("package.json", json.dumps({"dependencies": {"redis": "6.1.x || 6.2.x"}}))
        finding = self.findings(".")["findings"][0]
        self.assertEqual(finding["level"], "note")
        self.assertIn("node-redis <6.3 (package.json: redis 6.1.x || 6.2.x", full_message(finding))

    def test_unreadable_manifest_is_a_notification(self):
        self.write("package.json", "{ \"dependencies\": ")
        self.write("app.mjs", NODE)
        report = self.findings(".")
        notes = [n for n in report["notifications"] if n["id"] == "manifest-unreadable"]
        self.assertEqual(len(notes), 1, report["notifications"])
        self.assertIn("not valid JSON", notes[0]["message"])
        self.assertEqual(len(report["findings"]), 1)  # the file is still analysed

    def test_bad_pins_are_configuration_errors(self):
        self.write("app.mjs", NODE)
        self.write(".slotlint.json", '{\n  "clients": {\n    "node-redis-x": "6.1.0"\n  }\n}\n')
        result = run("check", ".", cwd=self.root, check_codes=(3,))
        self.assertIn(".slotlint.json:3:", result.stderr.decode())
        self.assertIn("no known client library \"node-redis-x\"", result.stderr.decode())
        self.write(".slotlint.json", '{"clients": {"node-redis": "latest"}}')
        result = run("check", ".", cwd=self.root, check_codes=(3,))
        self.assertIn("must be a version string", result.stderr.decode())

    def test_explain_prints_client_version_and_fact(self):
        self.write("go.mod", GO_MOD.format("9.10.0"))
        self.write("orders.go", TX)
        result = run("explain", "orders.go:14", cwd=self.root, check_codes=(0,))
        text = result.stdout.decode()
        self.assertIn("SL002 (cross-slot-transaction)", text)
        self.assertIn("client:   go-redis ClusterClient", text)
        self.assertIn("version:  go-redis 9.10.0 (go.mod: github.com/redis/go-redis/v9 v9.10.0)", text)
        self.assertIn("fact:     go-redis's ClusterClient before 9.11 runs a TxPipeline", text)
        self.assertIn("holds for go-redis versions before 9.11.0", text)
        result = run("explain", "orders.go:3", cwd=self.root, check_codes=(1,))
        self.assertIn("no finding at orders.go:3", result.stdout.decode())
        run("explain", "orders.go", cwd=self.root, check_codes=(2,))
        run("explain", "missing.go:3", cwd=self.root, check_codes=(2,))

    def test_clients_lists_libraries_versions_and_ranges(self):
        text = run("clients", check_codes=(0,)).stdout.decode()
        node = next(line for line in text.splitlines() if line.startswith("node-redis "))
        self.assertIn("latest known 6.3.1", node)
        self.assertIn("npm:@redis/client", node)
        self.assertIn("RedisCluster differs before 6.2.0", text)
        self.assertIn("ClusterClient differs before 9.11.0", text)
        run("clients", "extra", check_codes=(2,))


if __name__ == "__main__":
    unittest.main()
