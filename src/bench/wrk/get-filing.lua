-- GET /api/v1/filings/{id} with ids drawn at random from BENCH_IDS_FILE, each request as one of the case workers
-- whose tokens are in BENCH_TOKENS_FILE (one per line; drawn at random too).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

local ids
local users

setup = common.setup
done = common.done
delay = common.think()

function init(args)
   common.seed()
   ids = common.lines(common.env("BENCH_IDS_FILE"))
   users = {}
   for i, token in ipairs(common.lines(common.env("BENCH_TOKENS_FILE"))) do
      users[i] = { ["Authorization"] = "Bearer " .. token }
   end
end

function request()
   return wrk.format("GET", "/api/v1/filings/" .. ids[math.random(#ids)], users[math.random(#users)])
end
