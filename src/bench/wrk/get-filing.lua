-- GET /api/v1/filings/{id} with ids drawn at random from BENCH_IDS_FILE, bearer token BENCH_TOKEN.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

local ids
local headers

setup = common.setup
done = common.done

function init(args)
   common.seed()
   ids = common.lines(common.env("BENCH_IDS_FILE"))
   headers = { ["Authorization"] = "Bearer " .. common.env("BENCH_TOKEN") }
end

function request()
   return wrk.format("GET", "/api/v1/filings/" .. ids[math.random(#ids)], headers)
end
