-- DELETE /api/reservations/{id}: cancels bookings made during the warm-up, each id once (run with -t1),
-- at about BENCH_RATE per second.
local next_id = BENCH_CANCEL_MIN
request = function()
  local id = next_id
  next_id = next_id + 1
  return wrk.format("DELETE", "/api/reservations/" .. id)
end
function delay()
  return BENCH_DELAY_MS
end
