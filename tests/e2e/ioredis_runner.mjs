// Runs commands through ioredis's Cluster client against a test cluster and
// says, for each, the error it ended with (null when it succeeded). Input on
// stdin: {"port": 7000, "commands": [{"argv": ["MGET", "a", "b"], "keys": [...]}]}.
import Redis from "ioredis";

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
}));

const cluster = new Redis.Cluster([{ host: "127.0.0.1", port: input.port }], {
  maxRedirections: 4,
  retryDelayOnTryAgain: 10,
  redisOptions: { commandTimeout: 2000 },
});

const results = [];
for (const { argv, keys } of input.commands) {
  const [command, ...args] = argv;
  // A blocking pop that is accepted returns at once when there is something to pop.
  if (command.startsWith("B")) {
    for (const key of keys) {
      await (command.startsWith("BZ") ? cluster.zadd(key, 1, "x") : cluster.rpush(key, "x")).catch(() => {});
    }
  }
  try {
    await cluster.call(command, ...args);
    results.push({ error: null });
  } catch (error) {
    results.push({ error: String(error && error.message) });
  }
}
await cluster.quit();
process.stdout.write(JSON.stringify(results));
