-- wrk: print requests per second and the 95th percentile latency (ms) as one JSON line.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format('{"rps": %.1f, "p95_ms": %.2f, "requests": %d, "errors": %d, "non2xx": %d}\n',
    summary.requests / seconds, latency:percentile(95) / 1000, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
