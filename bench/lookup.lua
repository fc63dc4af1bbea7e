-- wrk script: POST /certificates/lookup with random existing keys.
-- KEYS_FILE holds "national_code,certificate_number" lines. Like a browser posting the portal's own form, the
-- request says it comes from the same origin (the form carries no antiforgery token, ADR-013).
-- The requests are formatted once, in init: building each one in Lua as it is sent cost wrk twice the CPU per
-- request of the home page's fixed request, on the same two cores as the server.
local prepared = {}

function init(args)
  for line in io.lines(os.getenv("KEYS_FILE")) do
    local national, number = line:match("([^,]+),([^,]+)")
    prepared[#prepared + 1] = wrk.format("POST", "/certificates/lookup", {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Sec-Fetch-Site"] = "same-origin",
    }, "NationalCode=" .. national .. "&CertificateNumber=" .. number)
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
