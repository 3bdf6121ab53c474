import redis

client = redis.Redis.from_url("redis://localhost:6379/0")

PRICE_PREFIX = "price:"


def cart_key(user_id):
    return f"cart:{user_id}"


def tagged(user_id, field):
    # One hash tag per user: every key of a user lives in the same slot.
    return f"{{user:{user_id}}}:{field}"


def add_item(user_id: str, sku: str, quantity: int) -> None:
    client.hincrby(cart_key(user_id), sku, quantity)


def prices(skus):
    # One key per SKU, no hash tag: on a cluster these are all over the slots.
    return client.mget([PRICE_PREFIX + sku for sku in skus])


def checkout(user_id: str, order_id: str) -> None:
    cart = f"cart:{user_id}"
    order = f"order:{user_id}:{order_id}"
    client.rename(cart, order)


def reset_demo_data() -> None:
    client.mset({"price:apple": 3, "price:pear": 4})
    client.delete("cart:demo", "order:demo:1")


def cart_summary(user_id: str):
    # Tagged keys: one slot per user, safe on a cluster.
    return client.mget(tagged(user_id, "cart"), tagged(user_id, "last_order"))


def archive(user_id: str) -> None:
    client.rename(f"{{user:{user_id}}}:cart", f"{{user:{user_id}}}:cart:archived")


def place_order(user_id: str, order_id: str) -> None:
    # One MULTI/EXEC over keys of different slots: refused on a cluster.
    with client.pipeline() as pipe:
        pipe.delete(f"cart:{user_id}")
        pipe.hset(f"order:{user_id}:{order_id}", "status", "placed")
        pipe.execute()
