-- POST /api/reservations with a fresh Idempotency-Key per request: a booking a proxy may safely send
-- twice (the second send answers with the first booking).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
local customers = BENCH_CUSTOMERS
local flights = BENCH_FLIGHTS
local counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{"customerId":%d,"scheduleId":%d,"passengers":1}',
    customers[math.random(#customers)], flights[math.random(#flights)])
  local key = string.format("rolling-%d-%d-%d", os.time(), math.random(1, 2147483647), counter)
  return wrk.format(nil, "/api/reservations", {["Content-Type"] = "application/json", ["Idempotency-Key"] = key}, body)
end
