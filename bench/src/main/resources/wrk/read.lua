-- GET BENCH_PATH for a random seeded customer ({c}), with their token, at about BENCH_RATE per second
-- per connection: a customer looking at their bookings, miles or history. A customer is {id, token};
-- an empty token sends none (the bare-Liberty ceiling on /health/live).
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
local customers = BENCH_CUSTOMERS
request = function()
  local customer = customers[math.random(#customers)]
  local path = string.gsub("BENCH_PATH", "{c}", customer[1])
  if customer[2] == "" then
    return wrk.format("GET", path)
  end
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. customer[2]})
end
function delay()
  return BENCH_DELAY_MS
end
