-- Moves `ARGV[1]` units from stock to reserved, if there are enough.
local available = tonumber(redis.call('GET', KEYS[1]) or '0')
local wanted = tonumber(ARGV[1])
if available < wanted then
  return 0
end
redis.call('DECRBY', KEYS[1], wanted)
redis.call('INCRBY', KEYS[2], wanted)
return 1
