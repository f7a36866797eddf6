#!/usr/bin/env python3
"""Sequential HTTP latency probe: sends the same GET N times (after W warm-up requests) with HTTP Basic on one
kept-alive connection and prints count, status codes, p50/p95/p99/max in milliseconds and the response size.
   latency.py URL USER PASSWORD N [WARMUP] [LABEL]
One request at a time on purpose: it measures what one clerk waits for, not throughput."""
import base64, http.client, statistics, sys, time, urllib.parse

url, user, password, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
warmup = int(sys.argv[5]) if len(sys.argv) > 5 else 5
label = sys.argv[6] if len(sys.argv) > 6 else url
u = urllib.parse.urlsplit(url)
path = u.path + ("?" + u.query if u.query else "")
headers = {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode(),
           "Accept": "application/json"}
conn = http.client.HTTPConnection(u.hostname, u.port, timeout=300)
times, codes, size = [], {}, 0
for i in range(warmup + n):
    t0 = time.perf_counter()
    conn.request("GET", path, headers=headers)
    r = conn.getresponse()
    body = r.read()
    dt = (time.perf_counter() - t0) * 1000
    if i >= warmup:
        times.append(dt)
        codes[r.status] = codes.get(r.status, 0) + 1
        size = len(body)
times.sort()
def pct(p):  # nearest rank
    return times[max(0, min(len(times) - 1, -(-len(times) * p // 100) - 1))]
print(f"{label}: n={len(times)} status={codes} p50={pct(50):.1f} p95={pct(95):.1f} p99={pct(99):.1f} "
      f"max={times[-1]:.1f} mean={statistics.mean(times):.1f} ms bytes={size}", flush=True)
