-- POST /api/reservations: a random seeded customer books 1-2 seats for themselves on a random seeded
-- flight, with their own token. BENCH_* values are substituted by the benchmark; a customer is
-- {id, token}.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
local customers = BENCH_CUSTOMERS
local flights = BENCH_FLIGHTS
request = function()
  local customer = customers[math.random(#customers)]
  local body = string.format('{"scheduleId":%d,"passengers":%d,"paymentMethod":"pm_card_visa"}', flights[math.random(#flights)], math.random(1, 2))
  return wrk.format(nil, "/api/reservations", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. customer[2]}, body)
end
