"""A real Redis Cluster is the oracle: slotlint's slots must be the server's,
and the server must answer CROSSSLOT exactly where slotlint proves it."""
import json
import os
import random
import subprocess
import unittest

import redis
import redis.cluster

from redis_cluster import RedisCluster
from slotlint_run import require_environment, run

KEY_COUNT = 10_000
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def generated_keys(count):
    rng = random.Random(16384)
    alphabet = "ab{}{}:_-xyz019 é€"
    edge_cases = ["", "{", "}", "{}", "{a", "a}", "a}{b", "{a}{b}", "x{}{y}", "a{}{b}", "{{bar}}zap",
                  "foo{bar}{zap}", "{user1000}.following", "{user1000}.followers", "123456789",
                  "{}a", "a{b}c", "{ }", "{{}}", "}{", "{}{}", "{a}", "a{}", "{é}", "€{€}€"]
    keys = list(edge_cases)
    while len(keys) < count:
        keys.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))))
    return keys


class ClusterOracle(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cluster = RedisCluster()
        cls.cluster.__enter__()
        cls.addClassCleanup(cls.cluster.stop)
        cls.known_commands = None  # the server's command names, read once

    def setUp(self):
        require_environment(self)

    def _server_knows(self, command):
        """Whether the test cluster's server has `command`: the fixtures also
        call commands newer than it (MSETEX, LMOVEM), which it cannot judge."""
        if self.known_commands is None:
            # As one word: python3-redis would parse a COMMAND reply as COMMAND INFO.
            names = self.cluster.node().execute_command("COMMAND LIST")
            self.__class__.known_commands = {
                (name.decode() if isinstance(name, bytes) else name).upper() for name in names}
        return command.upper() in self.known_commands

    def test_slots_agree_with_cluster_keyslot(self):
        keys = generated_keys(KEY_COUNT)
        result = run("slot", "--format", "json", "-", input="\n".join(keys).encode() + b"\n", check_codes=(0,))
        ours = [entry["slot"] for entry in json.loads(result.stdout)]
        self.assertEqual(len(ours), len(keys))
        node = self.cluster.node()
        pipe = node.pipeline(transaction=False)
        for key in keys:
            pipe.execute_command("CLUSTER", "KEYSLOT", key)
        theirs = pipe.execute()
        mismatches = [(k, o, t) for k, o, t in zip(keys, ours, theirs) if o != t]
        self.assertEqual(mismatches[:10], [], f"{len(mismatches)} of {len(keys)} keys disagree")

    def test_crossslot_exactly_where_proven(self):
        ops = json.loads(run("dump-ir", "fixtures/python", check_codes=(0,)).stdout)["ops"]
        report = json.loads(run("check", "fixtures/python", "--format", "json").stdout)
        # One command at a time: the proofs about single commands (SL001) and
        # about the KEYS of one script call (SL003).
        proven = {(f["path"], f["line"]) for f in report["findings"]
                  if f["verdict"] == "cross-slot" and f["code"] in ("SL001", "SL003")}
        checked = 0
        for op in ops:
            if not op["command_known"] or not all("literal" in arg for arg in op["argv"]):
                continue
            if not self._server_knows(op["command"]):
                continue
            if op["command"] in ("SSUBSCRIBE", "SUNSUBSCRIBE", "SUBSCRIBE", "UNSUBSCRIBE"):
                continue  # a subscription, not a request: test_shard_channels_... replays it
            command = [op["command"], *[arg["literal"] for arg in op["argv"]]]
            server_says_crossslot = self._crossslot(command)
            where = f"{op['path']}:{op['line']} {' '.join(command)}"
            self.assertEqual(server_says_crossslot, op["verdict"] == "cross-slot",
                             f"{where}: server CROSSSLOT={server_says_crossslot}, slotlint verdict {op['verdict']}")
            if op["cross_slot_handling"] != "client-splits":
                self.assertEqual(server_says_crossslot, (op["path"], op["line"]) in proven,
                                 f"{where}: server CROSSSLOT={server_says_crossslot}, proven finding "
                                 f"{(op['path'], op['line']) in proven}")
            checked += 1
        self.assertGreaterEqual(checked, 80, "too few fully literal calls in the fixtures to mean anything")

    def test_alternatives_and_variables_agree_with_the_server(self):
        """Keys chosen on a branch and keys filled with variables
        (slot_alternatives.json): the slot engine judges each combination of
        alternatives, and each is sent to the server with every variable given
        its own value. Proven and likely cross-slot combinations get CROSSSLOT,
        same-slot ones do not; where the verdict rests on two variables being
        different, giving them one value is accepted (likely, not proven). The
        verdict is the worst combination, named by its branch."""
        with open(os.path.join(ROOT, "tests/e2e/slot_alternatives.json")) as file:
            cases = json.load(file)
        tool = os.environ.get("SLOTLINT_JUDGE_KEYS_BIN", "")
        self.assertTrue(tool and os.path.exists(tool), "run through ctest: SLOTLINT_JUDGE_KEYS_BIN is not set")
        result = subprocess.run([tool], input=json.dumps([{"keys": c["keys"]} for c in cases]).encode(),
                                capture_output=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr.decode(errors="replace"))
        judged = json.loads(result.stdout)

        def instantiate(tokens, values):
            return "".join(t["literal"] if "literal" in t else values[t["hole"]] for t in tokens)

        sent = 0
        for case, verdict in zip(cases, judged):
            name = case["name"]
            self.assertEqual(verdict["verdict"], case["verdict"], f"{name}: {verdict['reason']}")
            self.assertEqual(verdict["branch"], case.get("branch", ""), name)
            self.assertTrue(verdict["reason"].startswith(verdict["branch"]), f"{name}: {verdict['reason']}")
            self.assertTrue(verdict["combinations"], name)
            worst = [c for c in verdict["combinations"] if c["choice"] == verdict["choice"]]
            self.assertEqual([c["verdict"] for c in worst], [verdict["verdict"]], name)
            for combination in verdict["combinations"]:
                symbols = sorted({t["hole"] for key in combination["keys"] for t in key if "hole" in t})
                distinct = {symbol: f"v{i + 1}" for i, symbol in enumerate(symbols)}
                keys = [instantiate(key, distinct) for key in combination["keys"]]
                crossslot = self._crossslot(["MGET", *keys])
                where = f"{name}, combination {combination['choice']} {keys}"
                sent += 1
                if combination["verdict"] == "same-slot":
                    self.assertFalse(crossslot, f"{where}: slotlint says same-slot, the server CROSSSLOT")
                elif combination["verdict"] in ("cross-slot", "likely-cross-slot"):
                    self.assertTrue(crossslot, f"{where}: slotlint says {combination['verdict']}, "
                                               "the server accepts distinct values")
                if case.get("equal_values_same_slot") and symbols:
                    same = [instantiate(key, dict.fromkeys(symbols, "v1")) for key in combination["keys"]]
                    self.assertFalse(self._crossslot(["MGET", *same]),
                                     f"{where}: with equal values the keys should share a slot")
                    self.assertNotEqual(combination["verdict"], "cross-slot",
                                        f"{where}: equal values share a slot, so it is no proof")
        self.assertGreaterEqual(sent, 15, "too few combinations to mean anything")

    def test_transactions_fail_exactly_where_proven(self):
        ops = json.loads(run("dump-ir", "fixtures/python", check_codes=(0,)).stdout)["ops"]
        report = json.loads(run("check", "fixtures/python", "--format", "json").stdout)
        proven = {(f["path"], f["line"]) for f in report["findings"]
                  if f["verdict"] == "cross-slot" and f["code"] == "SL002"}
        transactions = {}
        for op in ops:
            group = op.get("group")
            if group and group["kind"] == "transaction":
                transactions.setdefault((op["path"], group["id"]), []).append(op)
        checked = 0
        for (path, _), queued in sorted(transactions.items()):
            # The server keeps the queued commands to one slot; a WATCH in
            # another slot works while both slots share a node, so it is no proof.
            queued = [op for op in queued if op["command"] != "WATCH"]
            # The ops' argv holds the arguments the model names (the keys,
            # not always the values): each command is replayed as EXISTS of
            # its keys, which the server places by the same slots.
            def literal_keys(op):
                literals = {a["literal"] for a in op["argv"] if "literal" in a}
                return op["keys"] and op["keys_complete"] and all(k in literals for k in op["keys"])
            literal = all(op["command_known"] and literal_keys(op) for op in queued)
            if len(queued) < 2 or not literal:
                continue
            queued.sort(key=lambda op: (op["line"], op["column"]))
            commands = [["EXISTS", *op["keys"]] for op in queued]
            failed = self._transaction_fails(commands)
            slotlint_proves = any((path, op["line"]) in proven for op in queued)
            where = f"{path}:{queued[0]['line']} {commands}"
            self.assertEqual(failed, slotlint_proves,
                             f"{where}: transaction failed={failed}, slotlint proves cross-slot={slotlint_proves}")
            checked += 1
        self.assertGreaterEqual(checked, 5, "too few literal transactions in the fixtures to mean anything")

    def test_cluster_client_refuses_exactly_where_proven(self):
        """The same literal calls through python3-redis's RedisCluster: its own
        cross-slot refusal (or the server's CROSSSLOT) happens exactly where
        slotlint proves SL001/SL003; commands it splits by slot never fail."""
        ops = json.loads(run("dump-ir", "fixtures/python", check_codes=(0,)).stdout)["ops"]
        report = json.loads(run("check", "fixtures/python", "--format", "json").stdout)
        proven = {(f["path"], f["line"]) for f in report["findings"]
                  if f["verdict"] == "cross-slot" and f["code"] in ("SL001", "SL003")}
        # Blocking commands that are accepted time out: quickly, and once.
        client = redis.cluster.RedisCluster(host="127.0.0.1", port=self.cluster.ports[0],
                                            socket_timeout=0.5, cluster_error_retry_attempts=1)
        self.addCleanup(client.close)
        checked = 0
        for op in ops:
            if not op["command_known"] or not all("literal" in arg for arg in op["argv"]) or not op["keys"]:
                continue
            if op["command"] in ("EVALSHA", "FCALL", "FCALL_RO", "EVALSHA_RO"):
                continue  # no such script or function on the test cluster
            if not self._server_knows(op["command"]):
                continue
            if op["command"] in ("SSUBSCRIBE", "SUNSUBSCRIBE", "SUBSCRIBE", "UNSUBSCRIBE"):
                continue  # a subscription, not a request: test_shard_channels_... replays it
            command = [op["command"], *[arg["literal"] for arg in op["argv"]]]
            if op["command"].startswith("EVAL"):
                command[2] = int(command[2])  # redis-py up to 5.0 routes EVAL by an int numkeys
            splits = op["cross_slot_handling"] == "client-splits"
            self._feed_blocking_command(client, op)
            refused = self._client_refuses(client, command, op["api"] if splits else None)
            where = f"{op['path']}:{op['line']} {' '.join(map(str, command))[:80]}"
            expected = (op["path"], op["line"]) in proven and not splits
            self.assertEqual(refused, expected, f"{where}: RedisCluster refused={refused}, proven={expected}")
            checked += 1
        self.assertGreaterEqual(checked, 80, "too few fully literal calls in the fixtures to mean anything")

    @staticmethod
    def _feed_blocking_command(client, op):
        """Gives a blocking pop something to pop, so that an accepted one
        returns at once instead of waiting for its timeout."""
        if not op["command"].startswith("B"):
            return
        for key in op["keys"]:
            try:
                if op["command"].startswith("BZ"):
                    client.zadd(key, {"x": 1})
                else:
                    client.rpush(key, "x")
            except redis.exceptions.RedisError:
                pass  # another type under that key: the command answers WRONGTYPE at once

    def _client_refuses(self, client, command, splitting_method):
        try:
            if splitting_method:
                # The client's own method that splits by slot (delete, mget_nonatomic, ...).
                args = command[1:]
                if splitting_method == "mset_nonatomic":
                    getattr(client, splitting_method)(dict(zip(args[::2], args[1::2])))
                else:
                    getattr(client, splitting_method)(*args)
            else:
                client.execute_command(*command)
        except redis.exceptions.RedisClusterException as error:
            return "same key slot" in str(error) or "same slot" in str(error)
        except redis.exceptions.ResponseError as error:
            return str(error).startswith("CROSSSLOT") or isinstance(
                error, getattr(redis.exceptions, "ClusterCrossSlotError", ()))
        except redis.exceptions.TimeoutError:
            return False  # a blocking command waited: accepted
        return False

    def test_ioredis_crossslot_exactly_where_proven(self):
        """The JavaScript and TypeScript fixtures' literal calls, through
        ioredis's Cluster (npm lockfile): CROSSSLOT exactly where slotlint
        proves SL001/SL003; commands their client splits are left out."""
        ops = []
        for folder in ("fixtures/javascript", "fixtures/typescript"):
            ops += json.loads(run("dump-ir", folder, check_codes=(0,)).stdout)["ops"]
        report = json.loads(run("check", "fixtures/javascript", "fixtures/typescript",
                                "--format", "json").stdout)
        proven = {(f["path"], f["line"]) for f in report["findings"]
                  if f["verdict"] == "cross-slot" and f["code"] in ("SL001", "SL003")}
        chosen = [op for op in ops
                  if op["command_known"] and op["keys"] and all("literal" in a for a in op["argv"])
                  and op["cross_slot_handling"] != "client-splits"
                  and op["command"] not in ("EVALSHA", "EVALSHA_RO", "FCALL", "FCALL_RO")
                  # A sharded subscription turns the connection into a subscriber.
                  and op["command"] not in ("SSUBSCRIBE", "SUNSUBSCRIBE")
                  and self._server_knows(op["command"])]
        self.assertGreaterEqual(len(chosen), 20, "too few literal JS calls in the fixtures to mean anything")
        commands = [{"argv": [op["command"], *[a["literal"] for a in op["argv"]]], "keys": op["keys"]}
                    for op in chosen]
        runner = os.path.join(ROOT, "tests/e2e/ioredis_runner.mjs")
        result = subprocess.run(["node", runner], input=json.dumps(
            {"port": self.cluster.ports[0], "commands": commands}).encode(),
            capture_output=True, timeout=300)
        self.assertEqual(result.returncode, 0, result.stderr.decode(errors="replace")[-2000:])
        outcomes = json.loads(result.stdout)
        for op, command, outcome in zip(chosen, commands, outcomes):
            crossslot = (outcome["error"] or "").startswith("CROSSSLOT")
            where = f"{op['path']}:{op['line']} {' '.join(command['argv'])[:80]}"
            self.assertEqual(crossslot, (op["path"], op["line"]) in proven,
                             f"{where}: ioredis error {outcome['error']!r}, slotlint proves "
                             f"{(op['path'], op['line']) in proven}")

    def test_tryagain_arrives_as_the_model_says(self):
        """A real TRYAGAIN: migrate one key of a slot, then MGET both keys of
        that slot. Each client raises a class that its API model lists, so
        the TRYAGAIN rules catch what the code really catches."""
        with open(os.path.join(ROOT, "frontends/python/models/redis-py.json")) as file:
            model = json.load(file)
        raises = {c["name"]: c["tryagain"]["raises"] for c in model["classes"] if "tryagain" in c}
        keys = ["{tryagain-test}:a", "{tryagain-test}:b"]
        probe = self.cluster.node()
        slot = probe.execute_command("CLUSTER", "KEYSLOT", keys[0])
        source_port = self._node_for(keys[0])
        target_port = next(p for p in self.cluster.ports if p != source_port)
        source = redis.Redis(host="127.0.0.1", port=source_port, socket_timeout=5)
        target = redis.Redis(host="127.0.0.1", port=target_port, socket_timeout=5)
        self.addCleanup(source.close)
        self.addCleanup(target.close)
        source_id = source.execute_command("CLUSTER", "MYID")
        target_id = target.execute_command("CLUSTER", "MYID")
        source.execute_command("MSET", keys[0], 1, keys[1], 2)
        target.execute_command("CLUSTER", "SETSLOT", slot, "IMPORTING", source_id)
        source.execute_command("CLUSTER", "SETSLOT", slot, "MIGRATING", target_id)

        def finish_migration():
            source.execute_command("MIGRATE", "127.0.0.1", target_port, "", 0, 5000, "KEYS", *keys)
            for node in (target, source):
                node.execute_command("CLUSTER", "SETSLOT", slot, "NODE", target_id)
        self.addCleanup(finish_migration)
        source.execute_command("MIGRATE", "127.0.0.1", target_port, "", 0, 5000, "KEYS", keys[0])

        with self.assertRaises(redis.exceptions.ResponseError) as standalone:
            source.execute_command("MGET", *keys)
        self.assertIn("TRYAGAIN", str(standalone.exception).upper() + type(standalone.exception).__name__.upper())
        self.assertTrue(any(c.__name__ in raises["Redis"] for c in type(standalone.exception).__mro__),
                        f"redis.Redis raised {type(standalone.exception).__mro__}, model lists {raises['Redis']}")

        client = redis.cluster.RedisCluster(host="127.0.0.1", port=source_port, socket_timeout=5)
        self.addCleanup(client.close)
        with self.assertRaises(Exception) as cluster:
            client.mget(*keys)
        mro = [c.__name__ for c in type(cluster.exception).__mro__]
        self.assertTrue(any(name in raises["RedisCluster"] for name in mro[:-2]),
                        f"RedisCluster raised {mro} ({cluster.exception}), model lists {raises['RedisCluster']}")
        probe.close()

    def test_scripts_fail_exactly_where_proven(self):
        """A literal EVAL runs on the node that serves its declared keys: the
        script fails on a key of another slot exactly where slotlint proves an
        undeclared key (SL004 at error level, with this call as a call site)."""
        ops = json.loads(run("dump-ir", "fixtures/python", check_codes=(0,)).stdout)["ops"]
        report = json.loads(run("check", "fixtures/python", "--format", "json").stdout)
        proven_sites = {(r["path"], r["line"]) for f in report["findings"]
                        if f["code"] == "SL004" and f["verdict"] == "cross-slot" for r in f["related"]}
        checked = 0
        for op in ops:
            literal = op["command_known"] and all("literal" in a for a in op["argv"])
            if op["command"] != "EVAL" or not literal or op["verdict"] != "same-slot":
                continue
            numkeys = int(op["argv"][1]["literal"])
            if numkeys == 0:
                continue  # no declared slot: where it runs is the client's choice
            command = [op["command"], *[a["literal"] for a in op["argv"]]]
            failed = self._script_touches_foreign_key(command, op["keys"][0])
            where = f"{op['path']}:{op['line']} {command[2:]}"
            self.assertEqual(failed, (op["path"], op["line"]) in proven_sites,
                             f"{where}: script failed on a foreign key={failed}, slotlint proves it="
                             f"{(op['path'], op['line']) in proven_sites}")
            checked += 1
        self.assertGreaterEqual(checked, 4, "too few literal script calls in the fixtures to mean anything")

    def _seed_keyspace(self, pattern_prefix, count=60):
        """`count` keys named prefix0, prefix1, ... spread over every node;
        returns their names. Nothing else in these tests writes them."""
        names = [f"{pattern_prefix}{i}" for i in range(count)]
        for name in names:
            node = redis.Redis(host="127.0.0.1", port=self._node_for(name), socket_timeout=5)
            node.set(name, 1)
            node.close()
        per_node = [len(self.cluster.node(i, socket_timeout=5).keys(f"{pattern_prefix}*"))
                    for i in range(len(self.cluster.ports))]
        self.assertTrue(all(0 < n < count for n in per_node), f"keys per node: {per_node}")
        return set(names)

    def _assert_reported_where(self, op, observed, reported, what):
        site = (op["path"], op["line"])
        self.assertEqual(observed, site in reported,
                         f"{op['path']}:{op['line']} {op['api']}: {what}: the server says {observed}, "
                         f"slotlint reports {site in reported}")

    def _findings(self, folder, code):
        report = json.loads(run("check", folder, "--format", "json").stdout)
        return {(f["path"], f["line"]) for f in report["findings"] if f["code"] == code}

    def test_keyspace_commands_see_one_node_where_reported(self):
        """KEYS, DBSIZE, SCAN through python3-redis's RedisCluster, as the
        fixtures call them: the answer covers every primary exactly where
        slotlint stays silent (SL014), and one node where it reports."""
        names = self._seed_keyspace("session:")
        total = sum(self.cluster.node(i, socket_timeout=5).dbsize()
                    for i in range(len(self.cluster.ports)))
        ops = json.loads(run("dump-ir", "fixtures/python", check_codes=(0,)).stdout)["ops"]
        reported = self._findings("fixtures/python", "SL014")
        client = redis.cluster.RedisCluster(host="127.0.0.1", port=self.cluster.ports[0], socket_timeout=5)
        self.addCleanup(client.close)

        def decoded(keys):
            return {k.decode() if isinstance(k, bytes) else k for k in keys}

        answers = {
            "keys": lambda: decoded(client.keys("session:*")) == names,
            "dbsize": lambda: client.dbsize() == total,
            "scan_iter": lambda: decoded(client.scan_iter(match="session:*")) == names,
            "scan": lambda: decoded(client.scan(0, match="session:*", count=10_000)[1]) == names,
        }
        checked = 0
        for op in ops:
            if op.get("client", {}).get("class") != "RedisCluster" or op["api"] not in answers:
                continue
            if op["path"] != "fixtures/python/keyspace_commands.py":
                continue
            self._assert_reported_where(op, not answers[op["api"]](), reported,
                                        "the answer is one node's (SL014)")
            checked += 1
        self.assertGreaterEqual(checked, 5, "too few keyspace calls in the fixtures to mean anything")

    def test_keyspace_commands_in_scripts_see_one_node_where_reported(self):
        """The fixtures' literal EVALs run on the node of their first key (or
        each node, with none): a script that runs KEYS or DBSIZE answers for
        that node only, and SELECT other than 0 fails, exactly where slotlint
        reports SL013."""
        names = self._seed_keyspace("session:")
        ops = json.loads(run("dump-ir", "fixtures/python", check_codes=(0,)).stdout)["ops"]
        reported = self._findings("fixtures/python", "SL013")
        checked = 0
        for op in ops:
            literal = op["command_known"] and all("literal" in a for a in op["argv"])
            if op["command"] != "EVAL" or not literal or op["path"] != "fixtures/python/keyspace_commands.py":
                continue
            command = [op["command"], *[a["literal"] for a in op["argv"]]]
            ports = [self._node_for(op["keys"][0])] if op["keys"] else self.cluster.ports
            partial = False
            for port in ports:
                node = redis.Redis(host="127.0.0.1", port=port, socket_timeout=5)
                try:
                    reply = node.execute_command(*command)
                    if isinstance(reply, list):
                        partial |= {k.decode() for k in reply} != names
                    elif isinstance(reply, int) and "DBSIZE" in command[1]:
                        partial |= reply < len(names)
                except redis.exceptions.ResponseError as error:
                    partial = True
                    self.assertIn("not allowed in cluster mode", str(error), f"{op['line']}: {error}")
                finally:
                    node.close()
            self._assert_reported_where(op, partial, reported, "one node's answer or an error (SL013)")
            checked += 1
        self.assertGreaterEqual(checked, 4, "too few literal script calls in the fixtures to mean anything")

    def test_shard_channels_crossslot_exactly_where_proven(self):
        """SSUBSCRIBE and SUNSUBSCRIBE as the Python, JavaScript and
        TypeScript fixtures send them, on the node of the first channel:
        CROSSSLOT exactly where SL001 proves the shard channels apart;
        PUBLISH/SUBSCRIBE never."""
        checked = 0
        for folder in ("fixtures/python", "fixtures/javascript", "fixtures/typescript"):
            ops = json.loads(run("dump-ir", folder, check_codes=(0,)).stdout)["ops"]
            report = json.loads(run("check", folder, "--format", "json").stdout)
            proven = {(f["path"], f["line"]) for f in report["findings"]
                      if f["verdict"] == "cross-slot" and f["code"] == "SL001"}
            for op in ops:
                if op["command"] not in ("SSUBSCRIBE", "SUNSUBSCRIBE", "SUBSCRIBE", "SPUBLISH", "PUBLISH"):
                    continue
                if not all("literal" in a for a in op["argv"]):
                    continue
                # redis-py's ClusterPubSub subscribes each channel on its own
                # node (5.0 and later; python3-redis 4.3 has no ssubscribe to
                # replay it through): one command per slot, none refused.
                if op["cross_slot_handling"] == "client-splits":
                    continue
                command = [op["command"], *[a["literal"] for a in op["argv"]]]
                connection = redis.Connection(host="127.0.0.1", port=self._node_for(command[1]),
                                              socket_timeout=5)
                crossslot = False
                try:
                    connection.send_command(*command)
                    try:
                        connection.read_response()
                    except redis.exceptions.ResponseError as error:
                        crossslot = str(error).startswith("CROSSSLOT")
                finally:
                    connection.disconnect()
                self._assert_reported_where(op, crossslot, proven, "server CROSSSLOT (SL001 proven)")
                checked += 1
        self.assertGreaterEqual(checked, 6, "too few pub/sub calls in the fixtures to mean anything")

    def test_databases_other_than_zero_refused_exactly_where_reported(self):
        """SELECT, MOVE and SWAPDB as the fixtures of every language send them,
        on the node of their key (any node without one): the cluster refuses
        them ("... is not allowed in cluster mode") exactly where SL015
        reports, and accepts SELECT 0."""
        checked = 0
        for folder in ("fixtures/python", "fixtures/javascript", "fixtures/typescript", "fixtures/go",
                       "fixtures/java", "fixtures/cpp"):
            ops = json.loads(run("dump-ir", folder, check_codes=(0,)).stdout)["ops"]
            reported = self._findings(folder, "SL015")
            for op in ops:
                if op["command"] not in ("SELECT", "MOVE", "SWAPDB") or op.get("script"):
                    continue
                # redis-py's RedisCluster refuses db= itself, before it sends
                # anything: python3-redis's RedisCluster must refuse it here.
                if op.get("client_refuses_option"):
                    self.assertEqual((op["client"]["library"], op["client"]["class"]),
                                     ("redis-py", "RedisCluster"), op)
                    with self.assertRaises(redis.exceptions.RedisClusterException,
                                           msg=f"{op['path']}:{op['line']}"):
                        redis.RedisCluster(host="127.0.0.1", port=self.cluster.ports[0],
                                           db=int(op["argv"][0]["literal"]))
                    self._assert_reported_where(op, True, reported, "the client refuses it (SL015)")
                    checked += 1
                    continue
                if not op["argv"] or not all("literal" in a for a in op["argv"]):
                    continue
                command = [op["command"], *[a["literal"] for a in op["argv"]]]
                port = self._node_for(op["keys"][0]) if op["keys"] else self.cluster.ports[0]
                node = redis.Redis(host="127.0.0.1", port=port, socket_timeout=5)
                refused = False
                try:
                    node.execute_command(*command)
                except redis.exceptions.ResponseError as error:
                    refused = "not allowed in cluster mode" in str(error)
                    self.assertTrue(refused, f"{op['path']}:{op['line']} {' '.join(command)}: {error}")
                finally:
                    node.close()
                self._assert_reported_where(op, refused, reported, "the cluster refuses it (SL015)")
                checked += 1
        self.assertGreaterEqual(checked, 20, "too few database calls in the fixtures to mean anything")

    def _node_for(self, key):
        probe = self.cluster.node()
        slot = probe.execute_command("CLUSTER", "KEYSLOT", key)
        port = next(int(r[2][1]) for r in probe.execute_command("CLUSTER", "SLOTS") if r[0] <= slot <= r[1])
        probe.close()
        return port

    def _script_touches_foreign_key(self, command, first_key):
        node = redis.Redis(host="127.0.0.1", port=self._node_for(first_key), socket_timeout=5)
        try:
            node.execute_command(*command)
        except redis.exceptions.ResponseError as error:
            text = str(error)
            return "non local key" in text or "do not hash to the same slot" in text
        finally:
            node.close()
        return False

    def _transaction_fails(self, commands):
        """WATCH..., MULTI, the commands, EXEC on the node that owns the first
        key: a same-slot transaction runs; a cross-slot one is refused (MOVED
        while queuing, then EXECABORT, or CROSSSLOT at EXEC)."""
        connection = redis.Connection(host="127.0.0.1", port=self._node_for(commands[0][1]),
                                      socket_timeout=5)
        failed = False
        try:
            watches = [c for c in commands if c[0] == "WATCH"]
            queued = [c for c in commands if c[0] != "WATCH"]
            for command in [*watches, ["MULTI"], *queued, ["EXEC"]]:
                connection.send_command(*command)
                try:
                    reply = connection.read_response()
                except redis.exceptions.ResponseError:
                    failed = True
                    continue
                if command[0] == "EXEC" and reply is None:
                    failed = True  # a watched key changed: not our case, but not a success
        finally:
            connection.disconnect()
        return failed

    def _crossslot(self, command):
        node = self.cluster.node(socket_timeout=5)
        try:
            node.execute_command(*command)
        except redis.exceptions.TimeoutError:
            return False  # blocked waiting for data: accepted, so not CROSSSLOT
        except redis.exceptions.ResponseError as error:
            cross_slot_error = getattr(redis.exceptions, "ClusterCrossSlotError", ())
            return isinstance(error, cross_slot_error) or str(error).startswith("CROSSSLOT")
        finally:
            node.close()
        return False


if __name__ == "__main__":
    unittest.main()
