-- wrk script for the soak: a mix of POST /liveness (T1 real, F1 fake, no face) and, one request in
-- BLINK_EVERY, a POST /active/blink upload. Each connection waits SOAK_DELAY_MS between requests,
-- which sets the load. Counts statuses per thread.
local function read(path)
   local file = assert(io.open(path, "rb"))
   local data = file:read("*a")
   file:close()
   return data
end

local folder = os.getenv("SOAK_BODIES")
local delay_ms = tonumber(os.getenv("SOAK_DELAY_MS") or "100")
local blink_every = tonumber(os.getenv("BLINK_EVERY") or "40")
local requests = {}
local count = 0
local statuses_lib = dofile(os.getenv("WRK_STATUSES"))

function setup(thread) statuses_lib.setup(thread) end

function init(args)
   local json = { ["Content-Type"] = "application/json" }
   for _, name in ipairs({ "t1", "f1", "noface" }) do
      table.insert(requests, wrk.format("POST", "/liveness", json, read(folder .. "/" .. name .. ".json")))
   end
   blink = wrk.format("POST", "/active/blink",
      { ["Content-Type"] = "multipart/form-data; boundary=soakboundary" }, read(folder .. "/blink.multipart"))
end

function request()
   count = count + 1
   if count % blink_every == 0 then return blink end
   return requests[(count % #requests) + 1]
end

function delay()
   return delay_ms
end

function response(status, headers, body) statuses_lib.response(status) end

function done(summary, latency, requests)
   statuses_lib.report()
   io.write(string.format("socket_errors=%d p50_ms=%.1f p99_ms=%.1f\n",
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
