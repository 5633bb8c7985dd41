-- GET BENCH_PATH for a random seeded customer ({c}), at about BENCH_RATE per second per connection:
-- a customer looking at their bookings, miles or history.
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
local customers = BENCH_CUSTOMERS
request = function()
  local path = string.gsub("BENCH_PATH", "{c}", tostring(customers[math.random(#customers)]))
  return wrk.format("GET", path)
end
function delay()
  return BENCH_DELAY_MS
end
