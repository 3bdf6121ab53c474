import redis

r = redis.Redis()

DAILY = "leaderboard:daily"
WEEKLY = "leaderboard:weekly"


def roll_up_week():
    r.zunionstore("leaderboard:weekly", ["leaderboard:mon", "leaderboard:tue", "leaderboard:wed"])


def roll_up_week_tagged():
    r.zunionstore("{leaderboard}:weekly", ["{leaderboard}:mon", "{leaderboard}:tue"])


def top(n=10):
    return r.zrevrange(DAILY, 0, n - 1, withscores=True)
