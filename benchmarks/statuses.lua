-- Shared by the wrk scripts: counts response statuses per thread and sums them in done().
local M = {}
local threads = {}

function M.setup(thread)
   table.insert(threads, thread)
end

function M.response(status)
   statuses = statuses or {}
   statuses[status] = (statuses[status] or 0) + 1
end

-- Writes "statuses: 200=N 422=M ..." on one line.
function M.report()
   local totals = {}
   for _, thread in ipairs(threads) do
      for status, n in pairs(thread:get("statuses") or {}) do totals[status] = (totals[status] or 0) + n end
   end
   io.write("statuses:")
   for status, n in pairs(totals) do io.write(string.format(" %d=%d", status, n)) end
   io.write("\n")
end

return M
