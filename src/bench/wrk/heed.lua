-- The same request every time (URL and headers from the wrk command line), from a client that heeds 429: after a
-- refusal, the connection's next request waits as long as the answer's Retry-After says (default 1 s). For a
-- well-behaved heavy client, as opposed to fixed.lua's flood.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

setup = common.setup
done = common.done

local waits = {}

function response(status, headers, body)
   if status == 429 then
      waits[#waits + 1] = 1000 * (tonumber(headers["Retry-After"] or headers["retry-after"] or "") or 1)
   end
end

function delay()
   if #waits == 0 then
      return 0
   end
   return table.remove(waits, 1)
end
