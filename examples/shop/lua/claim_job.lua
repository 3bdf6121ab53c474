-- Moves a job from the waiting list to the active list and stamps it.
-- KEYS[1] waiting list, KEYS[2] active list; ARGV[1] worker id.
local job = redis.call('RPOPLPUSH', KEYS[1], KEYS[2])
if job then
  redis.call('HSET', 'job:' .. job, 'worker', ARGV[1])
  redis.call('INCR', 'stats:claimed')
end
return job
