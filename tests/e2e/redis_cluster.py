"""A throwaway 3-master Redis Cluster on free loopback ports, from Debian's
redis-server and redis-cli. Always torn down, files included, pass or fail."""
import os
import shutil
import socket
import subprocess
import tempfile
import time

import redis


def _port_free(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def _free_ports(count):
    """Ports p such that p and its cluster bus port p+10000 are free."""
    ports = []
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        start = 20000 + probe.getsockname()[1] % 20000
    for port in range(start, 45000):
        if _port_free(port) and _port_free(port + 10000):
            ports.append(port)
            if len(ports) == count:
                return ports
    raise RuntimeError("no free loopback ports for a test cluster")


class RedisCluster:
    def __init__(self, masters=3):
        self.masters = masters
        self.ports = []
        self.processes = []
        self.directory = None

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        server = shutil.which("redis-server")
        cli = shutil.which("redis-cli")
        if not server or not cli:
            raise RuntimeError("redis-server and redis-cli are needed (scripts/bootstrap.sh installs them)")
        self.directory = tempfile.mkdtemp(prefix="slotlint-cluster-")
        self.ports = _free_ports(self.masters)
        for port in self.ports:
            self.processes.append(subprocess.Popen(
                [server, "--port", str(port), "--bind", "127.0.0.1", "--cluster-enabled", "yes",
                 "--cluster-config-file", f"nodes-{port}.conf", "--dir", self.directory,
                 "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "no",
                 "--logfile", os.path.join(self.directory, f"{port}.log")],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for port in self.ports:
            self._wait(lambda p=port: redis.Redis(port=p, socket_timeout=1).ping(), f"node {port} to start")
        subprocess.run(
            [cli, "--cluster", "create", *[f"127.0.0.1:{p}" for p in self.ports],
             "--cluster-replicas", "0", "--cluster-yes"],
            check=True, capture_output=True, timeout=120)
        for port in self.ports:
            self._wait(lambda p=port: b"cluster_state:ok" in redis.Redis(port=p, socket_timeout=1).execute_command("CLUSTER", "INFO"),
                       f"node {port} to see the cluster as ok")

    def stop(self):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes = []
        if self.directory:
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory = None

    def node(self, index=0, **options):
        return redis.Redis(host="127.0.0.1", port=self.ports[index], **options)

    @staticmethod
    def _wait(predicate, what, timeout=30.0):
        deadline = time.monotonic() + timeout
        while True:
            try:
                if predicate():
                    return
            except (redis.RedisError, OSError, KeyError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out waiting for {what}")
            time.sleep(0.1)
