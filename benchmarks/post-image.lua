-- wrk script: POST the JSON body in $WRK_BODY to the target, and count statuses per thread.
local path = os.getenv("WRK_BODY")
local file = assert(io.open(path, "rb"), "WRK_BODY must name a JSON body file")
wrk.method = "POST"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "application/json"
if os.getenv("WRK_API_KEY") then wrk.headers["X-API-KEY"] = os.getenv("WRK_API_KEY") end
file:close()

local statuses_lib = dofile(os.getenv("WRK_STATUSES"))

function setup(thread) statuses_lib.setup(thread) end

function response(status, headers, body) statuses_lib.response(status) end

function done(summary, latency, requests)
   statuses_lib.report()
   io.write(string.format("p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
