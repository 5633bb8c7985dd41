-- POST /api/reservations: a random seeded customer books 1-2 seats on a random seeded flight.
-- BENCH_* values are substituted by the benchmark.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  local body = string.format('{"customerId":%d,"scheduleId":%d,"passengers":%d}',
    math.random(BENCH_CUSTOMER_MIN, BENCH_CUSTOMER_MAX), math.random(BENCH_FLIGHT_MIN, BENCH_FLIGHT_MAX), math.random(1, 2))
  return wrk.format(nil, "/api/reservations", nil, body)
end
