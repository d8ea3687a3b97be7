// Lua scripts that change cluster state atomically, so every node sees changes in one order.
// Keys built inside scripts from the key prefix assume one Redis (not Redis Cluster's sharding).

/**
 * Assigns each channel its next offset, stores the event in the channel's stream, and sends it to every
 * node. The payload is stored and sent untouched; its offset and shape travel in the header.
 */
export const PUBLISH = `
local bus, event, payload, shape, now, except, node, maxlen, republished, ttl = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10]
for i = 2, #KEYS do
  local channel = ARGV[9 + i]
  local offset = redis.call('HINCRBY', KEYS[1], channel, 1)
  redis.pcall('XADD', KEYS[i], 'MAXLEN', '~', maxlen, offset .. '-0', 'e', event, 'd', payload, 's', now)
  redis.call('PEXPIRE', KEYS[i], ttl)
  local header = { t = 'e', c = channel, e = event, o = offset, s = tonumber(now), x = except, n = node, k = shape }
  if republished == '1' then header.r = 1 end
  redis.call('PUBLISH', bus, cjson.encode(header) .. '\\n' .. payload)
end
return #KEYS - 1
`

/** A socket joins a presence channel; the user's first socket in the cluster announces them. */
export const PRESENCE_JOIN = `
local n = redis.call('HINCRBY', KEYS[1], ARGV[3], 1)
redis.call('HINCRBY', KEYS[3], ARGV[2] .. '\\n' .. ARGV[3], 1)
redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
if n == 1 then redis.call('PUBLISH', ARGV[1], cjson.encode({ t = 'a', c = ARGV[2], u = ARGV[3], x = ARGV[5] }) .. '\\n' .. ARGV[4]) end
return n
`

/** A socket leaves a presence channel; the user's last socket in the cluster announces the leave. */
export const PRESENCE_LEAVE = `
local field = ARGV[2] .. '\\n' .. ARGV[3]
if redis.call('HINCRBY', KEYS[3], field, -1) <= 0 then redis.call('HDEL', KEYS[3], field) end
local n = redis.call('HINCRBY', KEYS[1], ARGV[3], -1)
if n <= 0 then
  redis.call('HDEL', KEYS[1], ARGV[3])
  redis.call('HDEL', KEYS[2], ARGV[3])
  redis.call('PUBLISH', ARGV[1], cjson.encode({ t = 'r', c = ARGV[2], u = ARGV[3] }) .. '\\n')
end
return n
`

/** Adds `delta` subscriptions of a channel, cluster-wide and for this node; returns the cluster's count. */
export const SUBSCRIPTIONS = `
local n = redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2])
if n <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
if redis.call('HINCRBY', KEYS[2], ARGV[1], ARGV[2]) <= 0 then redis.call('HDEL', KEYS[2], ARGV[1]) end
return n
`

/** Records a node's heartbeat (Redis's clock) and returns every node's entry and the time. */
export const HEARTBEAT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode({ at = now, connections = tonumber(ARGV[2]) }))
return { now, redis.call('HGETALL', KEYS[1]) }
`

/**
 * Makes a node's share of subscriptions and presence sockets equal to the target: after a lost
 * connection (resync), or empty for a dead node (cleanup, only if its heartbeat is still stale).
 * Users whose last socket goes are announced as removed, users who appear as added. Returns the
 * changes it made to the cluster: {'o'|'v', channel} (occupied, vacated), {'a'|'r', channel, user}.
 */
export const NODE_STATE = `
local bus, base, node, target, cleanup, staleMs = ARGV[1], ARGV[2], ARGV[3], cjson.decode(ARGV[4]), ARGV[5] == '1', tonumber(ARGV[6])
if cleanup then
  local entry = redis.call('HGET', KEYS[3], node)
  if entry then
    local t = redis.call('TIME')
    local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
    if now - cjson.decode(entry).at < staleMs then return {} end
  end
end
local changes = {}
local current = {}
local old = redis.call('HGETALL', KEYS[1])
for i = 1, #old, 2 do current[old[i]] = tonumber(old[i + 1]) end
local function apply(field, delta, info)
  if delta == 0 then return end
  local nl = string.find(field, '\\n', 1, true)
  if not nl then
    local count = redis.call('HINCRBY', KEYS[2], field, delta)
    if count <= 0 then
      redis.call('HDEL', KEYS[2], field)
      if count - delta > 0 then changes[#changes + 1] = { 'v', field } end
    elseif count - delta <= 0 then
      changes[#changes + 1] = { 'o', field }
    end
    return
  end
  local channel, user = string.sub(field, 1, nl - 1), string.sub(field, nl + 1)
  local sockets, infos = base .. 'presence:' .. channel .. ':sockets', base .. 'presence:' .. channel .. ':info'
  local n = redis.call('HINCRBY', sockets, user, delta)
  if n <= 0 then
    redis.call('HDEL', sockets, user)
    if n - delta > 0 then
      redis.call('HDEL', infos, user)
      redis.call('PUBLISH', bus, cjson.encode({ t = 'r', c = channel, u = user }) .. '\\n')
      changes[#changes + 1] = { 'r', channel, user }
    end
  elseif n - delta <= 0 then
    redis.call('HSET', infos, user, info or 'null')
    redis.call('PUBLISH', bus, cjson.encode({ t = 'a', c = channel, u = user, x = '' }) .. '\\n' .. (info or 'null'))
    changes[#changes + 1] = { 'a', channel, user }
  end
end
for field, n in pairs(target.fields) do apply(field, n - (current[field] or 0), target.info[field]) end
for field, n in pairs(current) do
  if target.fields[field] == nil then apply(field, -n, nil) end
end
redis.call('DEL', KEYS[1])
if cleanup then
  redis.call('HDEL', KEYS[3], node)
else
  for field, n in pairs(target.fields) do redis.call('HSET', KEYS[1], field, n) end
end
return changes
`
