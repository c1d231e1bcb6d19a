-- The soak's mix of reads, writes and reports (soak.sh), each connection pausing a random 0..2*BENCH_THINK_MS ms (soak.sh: 50)
-- between requests so that the load stays moderate:
--   50 %  GET  /api/v1/filings/{id}               a case worker, random filing of the organization (BENCH_IDS_FILE)
--   20 %  POST /api/v1/filings/{id}/events        CONTACT_LOGGED by the clinic system's account, random open filing
--                                                 (BENCH_OPEN_IDS_FILE), dated BENCH_TODAY; allowed in every stage
--                                                 but CLOSED, and the file holds the filings that are not closed
--   10 %  GET  /api/v1/reports/overdue            a supervisor's first page
--    5 %  GET  /api/v1/reports/overdue/summary    a supervisor's dashboard
--   15 %  GET  /api/v1/clients?q=<two syllables>  a supervisor's name search
-- Tokens: BENCH_CASEWORKER_TOKEN, BENCH_INTEGRATION_TOKEN, BENCH_SUPERVISOR_TOKEN. Besides the WRK_RESULT line of
-- common.lua, done() prints "WRK_STATUS <status>=<count> ..." over all threads, and the first non-2xx answers.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

local threads = {}
local ids, open_ids, caseworker, integration, supervisor, event_body, think
local SYLLABLES = { "ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "ze", "ro" }

statuses = {}     -- per thread: status -> count (read by done() through thread:get)
failures = {}     -- per thread: up to 5 non-2xx answers, "status body"

function setup(thread)
   common.setup(thread)
   threads[#threads + 1] = thread
end

function init(args)
   common.seed()
   ids = common.lines(common.env("BENCH_IDS_FILE"))
   open_ids = common.lines(common.env("BENCH_OPEN_IDS_FILE"))
   caseworker = { ["Authorization"] = "Bearer " .. common.env("BENCH_CASEWORKER_TOKEN") }
   supervisor = { ["Authorization"] = "Bearer " .. common.env("BENCH_SUPERVISOR_TOKEN") }
   integration = {
      ["Authorization"] = "Bearer " .. common.env("BENCH_INTEGRATION_TOKEN"),
      ["Content-Type"] = "application/json",
   }
   event_body = '{"type":"CONTACT_LOGGED","occurredOn":"' .. common.env("BENCH_TODAY")
      .. '","channel":"USCIS_CONTACT_CENTER"}'
   think = tonumber(os.getenv("BENCH_THINK_MS") or "50")
end

function request()
   local r = math.random(100)
   if r <= 50 then
      return wrk.format("GET", "/api/v1/filings/" .. ids[math.random(#ids)], caseworker)
   elseif r <= 70 then
      return wrk.format("POST", "/api/v1/filings/" .. open_ids[math.random(#open_ids)] .. "/events", integration,
         event_body)
   elseif r <= 80 then
      return wrk.format("GET", "/api/v1/reports/overdue", supervisor)
   elseif r <= 85 then
      return wrk.format("GET", "/api/v1/reports/overdue/summary", supervisor)
   else
      local q = SYLLABLES[math.random(#SYLLABLES)] .. SYLLABLES[math.random(#SYLLABLES)]
      return wrk.format("GET", "/api/v1/clients?q=" .. q, supervisor)
   end
end

function delay()
   return math.random(0, 2 * think)
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
   if (status < 200 or status > 299) and #failures < 5 then
      failures[#failures + 1] = status .. " " .. string.sub(body or "", 1, 300)
   end
end

function done(summary, latency, requests)
   common.done(summary, latency, requests)
   local total = {}
   local shown = 0
   for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses") or {}) do
         total[status] = (total[status] or 0) + count
      end
      for _, failure in ipairs(thread:get("failures") or {}) do
         if shown < 5 then
            io.write("WRK_FAILURE " .. failure:gsub("\n", " ") .. "\n")
            shown = shown + 1
         end
      end
   end
   local line = "WRK_STATUS"
   for status, count in pairs(total) do
      line = line .. " " .. status .. "=" .. count
   end
   io.write(line .. "\n")
end
