-- wrk script: POST /certificates/lookup with random existing keys.
-- KEYS_FILE holds "national_code,certificate_number" lines. Like a browser posting the portal's own form, the
-- request says it comes from the same origin (the form carries no antiforgery token, ADR-013).
local keys = {}

function init(args)
  for line in io.lines(os.getenv("KEYS_FILE")) do
    keys[#keys + 1] = line
  end
  math.randomseed(os.time() + math.random(1000))
end

function request()
  local national, number = keys[math.random(#keys)]:match("([^,]+),([^,]+)")
  local body = "NationalCode=" .. national .. "&CertificateNumber=" .. number
  return wrk.format("POST", "/certificates/lookup", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Sec-Fetch-Site"] = "same-origin",
  }, body)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests_per_second=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
