-- DELETE /api/reservations/{id}: staff cancel bookings made during the warm-up, each once (run with
-- -t1), at about 1000/BENCH_DELAY_MS per second. BENCH_AUTHORIZATION is a manager's "Bearer …".
local ids = BENCH_CANCEL_IDS
local next_index = 1
request = function()
  local id = ids[next_index]
  next_index = next_index + 1
  return wrk.format("DELETE", "/api/reservations/" .. id, {["Authorization"] = "BENCH_AUTHORIZATION"})
end
function delay()
  return BENCH_DELAY_MS
end
