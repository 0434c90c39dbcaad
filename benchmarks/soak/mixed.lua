-- Mixed load on the reference server, for benchmarks/soak/run: each connection lists jobs,
-- creates a manifest job with a key of its own (Idempotency-Key), reads the job it created and
-- cancels it, in turn. Every answer is expected to be 2xx; wrk counts the others.
local token = os.getenv("WORLDS_TOKEN") or "dev-token"
local base = "/api/v1/org/demo/ws/sandbox/worlds"
local threads = 0
-- Keys unique to this run too: a key used again answers its first job again (as it should),
-- which is not the load this script means.
local run = os.time() .. "-" .. math.random(1, 1000000)

function setup(thread)
  threads = threads + 1
  thread:set("id", run .. "-" .. threads)
end

function init(args)
  n = 0
  job = nil
  -- Jobs already taken: a GET of a queued job looks like a created one, and a job is cancelled
  -- once (a second cancel of a cancelled job is rightly a 409). Two generations of 10,000, so
  -- that a late answer about a job is still recognised just after a generation is dropped.
  taken = {}
  before = {}
  taken_count = 0
end

function request()
  n = n + 1
  local headers = { ["Authorization"] = "Bearer " .. token }
  local turn = n % 4
  if turn == 1 then
    headers["Content-Type"] = "application/json"
    headers["Idempotency-Key"] = "soak-" .. id .. "-" .. n
    return wrk.format("POST", base .. "/manifests", headers, '{"name": "soak"}')
  elseif turn == 2 and job then
    return wrk.format("GET", base .. "/jobs/" .. job, headers)
  elseif turn == 3 and job then
    local cancelled = job
    job = nil
    return wrk.format("POST", base .. "/jobs/" .. cancelled .. "/cancel", headers)
  end
  return wrk.format("GET", base .. "/jobs?page_size=20", headers)
end

function response(status, headers, body)
  -- A single job's record starts with its id; a page starts with its items.
  if status == 200 and body and body:sub(1, 7) == '{"id":"' then
    local created = body:match('^{"id":"([^"]+)"')
    if created and not taken[created] and not before[created]
        and body:find('"status":"queued"', 1, true) then
      job = created
      taken[created] = true
      taken_count = taken_count + 1
      if taken_count >= 10000 then
        before = taken
        taken = {}
        taken_count = 0
      end
    end
  end
end
