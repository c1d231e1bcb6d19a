-- Shared by the wrk scenario scripts: a random seed per thread, id files, and one machine-readable result
-- line that run.sh parses (wrk's own report stays above it for humans).
local common = {}

local threads = 0

-- Runs in wrk's main Lua state once per thread, before the threads start.
function common.setup(thread)
   threads = threads + 1
   thread:set("thread_number", threads)
end

-- Runs in each thread's own Lua state.
function common.seed()
   math.randomseed(os.time() * 1000 + (thread_number or 0) * 7919)
end

function common.lines(path)
   local lines = {}
   for line in io.lines(path) do
      if line ~= "" then
         lines[#lines + 1] = line
      end
   end
   assert(#lines > 0, "no ids in " .. path)
   return lines
end

function common.env(name)
   local value = os.getenv(name)
   assert(value and value ~= "", name .. " is not set")
   return value
end

-- With BENCH_THINK_MS set, each connection pauses a random 0..2*BENCH_THINK_MS ms before each request, so the rate
-- is set by the pauses rather than by how fast the service answers (latency under a steady load, not at
-- saturation). Unset, no pause: the scripts measure throughput. Returns the function for wrk's `delay`, or nil.
function common.think()
   local think = tonumber(os.getenv("BENCH_THINK_MS") or "")
   if not think then
      return nil
   end
   return function()
      return math.random(0, 2 * think)
   end
end

-- wrk counts a response with status > 399 under errors.status ("non-2xx" here: the scenarios never get 1xx or
-- 3xx); connect/read/write errors and timeouts are socket errors.
function common.done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "WRK_RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d socket_errors=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      e.status, e.connect + e.read + e.write + e.timeout))
end

return common
