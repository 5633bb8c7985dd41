-- POST /api/reservations: a random seeded customer books 1-2 seats on a random seeded flight.
-- BENCH_* values are substituted by the benchmark.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
local customers = BENCH_CUSTOMERS
local flights = BENCH_FLIGHTS
request = function()
  local body = string.format('{"customerId":%d,"scheduleId":%d,"passengers":%d}',
    customers[math.random(#customers)], flights[math.random(#flights)], math.random(1, 2))
  return wrk.format(nil, "/api/reservations", nil, body)
end
