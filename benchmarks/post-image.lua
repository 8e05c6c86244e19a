-- wrk script: POST the JSON body in $WRK_BODY to the target, and count statuses per thread.
local path = os.getenv("WRK_BODY")
local file = assert(io.open(path, "rb"), "WRK_BODY must name a JSON body file")
wrk.method = "POST"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "application/json"
if os.getenv("WRK_API_KEY") then wrk.headers["X-API-KEY"] = os.getenv("WRK_API_KEY") end
file:close()

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   statuses = {}
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local totals = {}
   for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses")) do
         totals[status] = (totals[status] or 0) + count
      end
   end
   io.write("statuses:")
   for status, count in pairs(totals) do io.write(string.format(" %d=%d", status, count)) end
   io.write("\n")
   io.write(string.format("p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
