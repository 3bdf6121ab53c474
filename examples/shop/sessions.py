from redis.cluster import RedisCluster
import redis


class SessionStore:
    def __init__(self, url: str):
        self.redis = redis.Redis.from_url(url)

    def drop(self, session_id: str) -> None:
        self.redis.delete(f"session:{session_id}", f"csrf:{session_id}")

    def touch_both(self, session_id: str) -> None:
        self.redis.touch(f"{{session:{session_id}}}:data", f"{{session:{session_id}}}:csrf")


class ClusterSessionStore:
    def __init__(self, nodes):
        self.redis = RedisCluster(startup_nodes=nodes)

    def drop(self, session_id: str) -> None:
        # RedisCluster.delete splits the keys by slot itself: fine.
        self.redis.delete(f"session:{session_id}", f"csrf:{session_id}")

    def copy_profile(self, session_id: str) -> None:
        # RedisCluster refuses a cross-slot COPY before sending it.
        self.redis.copy(f"session:{session_id}", f"session-backup:{session_id}")
