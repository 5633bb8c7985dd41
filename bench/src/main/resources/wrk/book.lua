-- POST /api/reservations: a random seeded customer books 1-2 seats for themselves on a random seeded
-- flight, with their own token. BENCH_* values are substituted by the benchmark; a customer is
-- {id, token}. With seat choice (--seats chosen) each booking names its seats: one seat, or two next to
-- each other (AB, BC, DE, EF) in a random row of the flights' generic layout; one already held or taken
-- is a 409 naming it. Without, the service finds seats next to each other.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
local customers = BENCH_CUSTOMERS
local flights = BENCH_FLIGHTS
local seatChoice = BENCH_SEAT_CHOICE
local rows = BENCH_SEAT_ROWS
local letters = "ABCDEF"
local pairStarts = {1, 2, 4, 5}
request = function()
  local customer = customers[math.random(#customers)]
  local passengers = math.random(1, 2)
  local seats = ""
  if seatChoice then
    local row = math.random(rows)
    if passengers == 1 then
      local at = math.random(6)
      seats = string.format(',"seats":["%d%s"]', row, letters:sub(at, at))
    else
      local at = pairStarts[math.random(4)]
      seats = string.format(',"seats":["%d%s","%d%s"]', row, letters:sub(at, at), row, letters:sub(at + 1, at + 1))
    end
  end
  local body = string.format('{"scheduleId":%d,"passengers":%d%s,"paymentMethod":"pm_card_visa"}', flights[math.random(#flights)], passengers, seats)
  return wrk.format(nil, "/api/reservations", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. customer[2]}, body)
end
