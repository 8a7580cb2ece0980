-- wrk's side of the load test (bench/load.py writes the plan this reads and runs wrk).
-- Each request is drawn at random from the plan's list, which holds every page in
-- proportion to the mix; "POST" stands for a submission: "Send" on the share form's last
-- page, each in a session of its own whose draft is filled in (plan.drafts, made by
-- bench/load.py), so that each is a new initiative. Thread n takes drafts n, n + T, ...

local threads = {}

-- Thread n sends its connections to the n-th port of LOAD_PORTS (one per app server).
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
  local ports = {}
  for port in string.gmatch(os.getenv("LOAD_PORTS") or "", "%d+") do
    ports[#ports + 1] = port
  end
  if #ports > 0 then
    thread.addr = wrk.lookup("127.0.0.1", ports[(#threads - 1) % #ports + 1])[1]
  end
end

function init(args)
  plan = dofile(args[1])
  math.randomseed(id * 7919)
  posted = 0 -- submissions sent by this thread
  statuses = {} -- status code -> responses
  first = true
end

-- A thread's first request is a home page: wrk asks the first thread for one request
-- before the run to look at it, and never sends it, so it must not count as posted.
function request()
  if first then
    first = false
    return wrk.format("GET", "/nl/", plan.get_headers)
  end
  local path = plan.requests[math.random(#plan.requests)]
  local draft = plan.drafts[posted * plan.threads + id]
  if path == "POST" and draft == nil then
    path = "/nl/" -- every draft made for the run is sent: a reader instead
  end
  if path == "POST" then
    posted = posted + 1
    local headers = {}
    for name, value in pairs(plan.post_headers) do
      headers[name] = value
    end
    headers["Cookie"] = plan.cookie .. "; sessionid=" .. draft
    return wrk.format("POST", plan.share, headers, plan.body)
  end
  return wrk.format("GET", path, plan.get_headers)
end

function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

-- One line of JSON for bench/load.py: counts, statuses and the latency percentiles (ms).
function done(summary, latency)
  local sent, totals, codes = 0, {}, {}
  for _, thread in ipairs(threads) do
    sent = sent + thread:get("posted")
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  for status, count in pairs(totals) do
    codes[#codes + 1] = string.format('"%d": %d', status, count)
  end
  local errors = summary.errors
  io.write(string.format(
    'LOAD {"requests": %d, "seconds": %.3f, "posted": %d, "statuses": {%s}, '
      .. '"socket_errors": %d, "timeouts": %d, "p50": %.2f, "p95": %.2f, "p99": %.2f, '
      .. '"max": %.2f}\n',
    summary.requests, summary.duration / 1e6, sent, table.concat(codes, ", "),
    errors.connect + errors.read + errors.write, errors.timeout,
    latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3
  ))
end
