"""A small job queue on Redis: a Lua script claims jobs atomically."""
import logging
from pathlib import Path

import redis

r = redis.Redis()
claim = r.register_script((Path(__file__).parent / "lua" / "claim_job.lua").read_text())


def claim_next(queue: str, worker: str):
    return claim(keys=[f"queue:{queue}:waiting", f"queue:{queue}:active"], args=[worker])


def requeue_all(queue: str) -> None:
    try:
        r.rename(f"{{queue:{queue}}}:active", f"{{queue:{queue}}}:waiting")
    except redis.exceptions.ResponseError:
        logging.warning("requeue failed for %s", queue)
