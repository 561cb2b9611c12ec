-- The current history's epoch and last sequence number; a new history when Redis has none (a
-- new or emptied server). What is left of an older one is not continued: its offsets must not
-- resolve against new sequence numbers.
--
-- KEYS: 1 epoch, 2 sequence, 3 rooms (stream key -> its last sequence number), 4 forgotten
-- ARGV: 1 the epoch to start with if there is none
local epoch = redis.call('GET', KEYS[1])
if not epoch then
  epoch = ARGV[1]
  for _, stream in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
    redis.call('DEL', stream)
  end
  redis.call('DEL', KEYS[2], KEYS[3], KEYS[4])
  redis.call('SET', KEYS[1], epoch)
end
return {epoch, tonumber(redis.call('GET', KEYS[2]) or '0')}
