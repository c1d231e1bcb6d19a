-- POST /api/v1/filings/{id}/events: a CONTACT_LOGGED event (allowed in every stage but CLOSED) on a filing drawn
-- at random from BENCH_IDS_FILE (the organization's filings that are not closed), dated BENCH_TODAY, which is
-- today in the organization's time zone, so that the service accepts it.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

local ids
local headers
local body

setup = common.setup
done = common.done
delay = common.think()

function init(args)
   common.seed()
   ids = common.lines(common.env("BENCH_IDS_FILE"))
   headers = {
      ["Authorization"] = "Bearer " .. common.env("BENCH_TOKEN"),
      ["Content-Type"] = "application/json",
   }
   body = '{"type":"CONTACT_LOGGED","occurredOn":"' .. common.env("BENCH_TODAY")
      .. '","channel":"USCIS_CONTACT_CENTER"}'
end

function request()
   return wrk.format("POST", "/api/v1/filings/" .. ids[math.random(#ids)] .. "/events", headers, body)
end
