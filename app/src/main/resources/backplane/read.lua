-- Reads what came after an offset in some streams, as one step with respect to appends: the
-- answer holds every retained event numbered up to the returned last sequence number.
--
-- KEYS: 1 epoch, 2 sequence, 3 forgotten, 4... the streams
-- ARGV: 1 the offset's epoch ('' to read from the oldest retained), 2 its sequence number,
--       3 the oldest time an event may have (epoch ms), 4 events kept per stream
-- Returns {usable (0|1), last sequence number, recovered (0|1), epoch, seq, frame, seq, frame, ...}
-- in sequence order.
local last = tonumber(redis.call('GET', KEYS[2]) or '0')
local epoch = redis.call('GET', KEYS[1]) or ''
local after = tonumber(ARGV[2])
if ARGV[1] ~= '' and (ARGV[1] ~= epoch or after > last) then
  return {0, last, 0, epoch}
end
local forgotten = tonumber(redis.call('GET', KEYS[3]) or '0')
local cutoff = tonumber(ARGV[3])
local max = tonumber(ARGV[4])
local recovered = 1
local found = {}
for i = 4, #KEYS do
  -- Newest first: the window of a stream is its newest events, however loosely it was trimmed.
  local entries = redis.call('XREVRANGE', KEYS[i], '+', '(' .. after .. '-0', 'COUNT', max + 1)
  if #entries == 0 then
    if after < forgotten and redis.call('EXISTS', KEYS[i]) == 0 then
      recovered = 0
    end
  end
  local previous = nil
  for j, entry in ipairs(entries) do
    local fields = entry[2]
    if j > max or tonumber(fields[2]) < cutoff then
      recovered = 0
      previous = nil
      break
    end
    found[#found + 1] = {tonumber(string.match(entry[1], '^%d+')), fields[6]}
    previous = fields[4]
  end
  if previous and tonumber(previous) > after then
    recovered = 0
  end
end
table.sort(found, function(a, b) return a[1] < b[1] end)
local answer = {1, last, recovered, epoch}
for _, event in ipairs(found) do
  answer[#answer + 1] = event[1]
  answer[#answer + 1] = event[2]
end
return answer
