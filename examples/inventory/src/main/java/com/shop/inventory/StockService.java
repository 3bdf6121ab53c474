package com.shop.inventory;

import static com.shop.inventory.StockKeys.RESERVED;
import static com.shop.inventory.StockKeys.STOCK;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.scripting.support.ResourceScriptSource;
import org.springframework.stereotype.Service;

/** Stock levels and reservations, on a Redis Cluster behind Spring Data Redis. */
@Service
public class StockService {
  private final StringRedisTemplate redis;
  private final DefaultRedisScript<Long> reserve = new DefaultRedisScript<>();

  public StockService(StringRedisTemplate redis) {
    this.redis = redis;
    reserve.setScriptSource(new ResourceScriptSource(new ClassPathResource("lua/reserve.lua")));
    reserve.setResultType(Long.class);
  }

  /** Breaks on a cluster: the script's two keys are in different slots. */
  public boolean reserve(String sku, int units) {
    Long done = redis.execute(reserve, List.of(STOCK + sku, RESERVED + sku), String.valueOf(units));
    return done != null && done == 1;
  }

  /** Fine: both keys carry the warehouse's hash tag. */
  public boolean reserveIn(String warehouse, String sku, int units) {
    Long done = redis.execute(reserve,
        List.of(StockKeys.tagged(warehouse, "stock:" + sku), StockKeys.tagged(warehouse, "reserved:" + sku)),
        String.valueOf(units));
    return done != null && done == 1;
  }

  /** Fine on a cluster: Spring's cluster connection reads MGET slot by slot. */
  public List<String> levels(List<String> skus) {
    return redis.opsForValue().multiGet(skus.stream().map(sku -> STOCK + sku).collect(Collectors.toList()));
  }

  /** Breaks: a MULTI/EXEC over a product's stock and the day's sales counter. */
  public List<Object> sell(String sku, String day) {
    return redis.execute(new SessionCallback<List<Object>>() {
      @Override
      @SuppressWarnings("unchecked")
      public List<Object> execute(RedisOperations operations) throws DataAccessException {
        operations.multi();
        operations.opsForValue().decrement(STOCK + sku);
        operations.opsForValue().increment("sales:" + day);
        return operations.exec();
      }
    });
  }
}
