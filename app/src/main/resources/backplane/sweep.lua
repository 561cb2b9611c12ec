-- Lets go of the streams whose newest event expired, oldest first, and records the last
-- sequence number they held, so that an offset before it is known to have lost what came after.
-- Every replica may run it; running it twice changes nothing.
--
-- KEYS: 1 rooms (stream key -> its last sequence number), 2 forgotten
-- ARGV: 1 the oldest time an event may have (epoch ms), 2 the most streams to look at
local forgotten = tonumber(redis.call('GET', KEYS[2]) or '0')
local swept = 0
local members = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[2]) - 1, 'WITHSCORES')
for i = 1, #members, 2 do
  local stream = members[i]
  local newest = redis.call('XREVRANGE', stream, '+', '-', 'COUNT', 1)
  if #newest > 0 and tonumber(newest[1][2][2]) >= tonumber(ARGV[1]) then
    break
  end
  redis.call('DEL', stream)
  redis.call('ZREM', KEYS[1], stream)
  forgotten = math.max(forgotten, tonumber(members[i + 1]))
  swept = swept + 1
end
if swept > 0 then
  redis.call('SET', KEYS[2], forgotten)
end
return swept
