-- Accepts one event into the cluster's history: numbers it, completes its frame with its offset,
-- appends it to its room's stream and to the log every replica reads. Redis runs a script as one
-- step, so the sequence number given here is the order of the log, of every room stream and of
-- every replica's deliveries.
--
-- KEYS: 1 epoch, 2 sequence, 3 the log's prefix (an epoch's log is <prefix><epoch>),
--       4 rooms (stream key -> its last sequence number),
--       5 forgotten (the last sequence number of the streams that expired entirely), 6 the room's stream
-- ARGV: 1 the frame without its offset and closing brace, 2 event id, 3 event name,
--       4 room ('' for everyone), 5 accepted at (epoch ms), 6 events kept per stream, 7 events kept in the log
local epoch = redis.call('GET', KEYS[1])
if not epoch then
  return redis.error_reply('NOEPOCH no history: start one (epoch.lua)')
end
local seq = redis.call('INCR', KEYS[2])
local id = seq .. '-0'
local frame = ARGV[1] .. ',"offset":"' .. epoch .. '-' .. seq .. '"}'
-- Each entry names the room's previous event, so that a reader knows whether what came after an
-- offset was trimmed: approximate trimming keeps no exact record of what it removed.
local previous = redis.call('ZSCORE', KEYS[4], KEYS[6]) or redis.call('GET', KEYS[5]) or '0'
redis.call('ZADD', KEYS[4], seq, KEYS[6])
redis.call('XADD', KEYS[6], 'MAXLEN', '~', ARGV[6], id, 'a', ARGV[5], 'p', previous, 'f', frame)
-- One log per epoch: a reader of an older one finds it idle, and looks for the new one.
redis.call('XADD', KEYS[3] .. epoch, 'MAXLEN', '~', ARGV[7], id, 'i', ARGV[2], 'e', ARGV[3], 'r', ARGV[4],
  'a', ARGV[5], 'f', frame)
return {epoch, seq}
