-- wrk script: POST /api/v1/inquiries (inquiry.verify) with random existing keys and a bearer token.
-- KEYS_FILE holds "national_code,certificate_number" lines; TOKEN_FILE the access token. The requests are formatted
-- once, in init, like lookup.lua, so that wrk's own Lua costs the same per request on both paths.
local prepared = {}

function init(args)
  local token = io.open(os.getenv("TOKEN_FILE")):read("*l")
  for line in io.lines(os.getenv("KEYS_FILE")) do
    local national, number = line:match("([^,]+),([^,]+)")
    prepared[#prepared + 1] = wrk.format("POST", "/api/v1/inquiries", {
      ["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer " .. token,
    }, '{"nationalCode":"' .. national .. '","certificateNumber":"' .. number
      .. '","purpose":"employment","caseReference":"BENCH-1403","officerId":"bench-01"}')
  end
  math.randomseed(os.time() + math.random(1000))
end

function request()
  return prepared[math.random(#prepared)]
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests_per_second=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
