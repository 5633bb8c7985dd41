-- POST /api/reservations with a fresh Idempotency-Key per request: a booking a proxy may safely send
-- twice (the second send answers with the first booking). A customer is {id, token}. Each connection
-- waits BENCH_PAUSE_MS between its bookings: a steady load, not the most the stack can take.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
local customers = BENCH_CUSTOMERS
local flights = BENCH_FLIGHTS
local counter = 0
request = function()
  counter = counter + 1
  local customer = customers[math.random(#customers)]
  local body = string.format('{"scheduleId":%d,"passengers":1,"paymentMethod":"pm_card_visa"}', flights[math.random(#flights)])
  local key = string.format("rolling-%d-%d-%d", os.time(), math.random(1, 2147483647), counter)
  return wrk.format(nil, "/api/reservations", {["Content-Type"] = "application/json", ["Idempotency-Key"] = key,
    ["Authorization"] = "Bearer " .. customer[2]}, body)
end

delay = function()
  return BENCH_PAUSE_MS
end
