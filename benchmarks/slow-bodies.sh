#!/usr/bin/env bash
# Burst-then-stall uploads (third hostile-input probe): CONNECTIONS connections (40) each declare a blink upload
# of 19.5 MiB, send all of it but the last KiB at once, then stall. Reports the answers (503 overloaded past
# MAX_BODY_BYTES_IN_FLIGHT), when the server closed each stalled connection, and the server's RSS: before,
# peak, and after. Measures and reports; asserts nothing. Loopback only; stops by itself.
# Usage: benchmarks/slow-bodies.sh   (LIVENESS_BIN=.build/debug/liveness to use another build)
set -euo pipefail
source "$(dirname "$0")/server.sh"
port=${PORT:-18092}
start_server
python3 - "$port" "$server" "${CONNECTIONS:-40}" <<'PY'
import socket, sys, time, threading
port, pid, count = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
def rss():
    for line in open(f'/proc/{pid}/status'):
        if line.startswith('VmRSS:'): return int(line.split()[1]) / 1024
size = int(19.5 * 1024 * 1024)
head = (b'--b\r\nContent-Disposition: form-data; name="video"; filename="clip"\r\nContent-Type: video/mp4\r\n\r\n')
tail = b'\r\n--b--\r\n'
length = len(head) + size + len(tail)
request = (f'POST /active/blink HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n'
           f'Content-Length: {length}\r\n\r\n').encode()
burst = request + head + b'\0' * (size - 1024)
results = {}
def client(index):
    s = socket.create_connection(('127.0.0.1', port))
    start = time.time()
    try:
        s.sendall(burst)
    except OSError:
        results[index] = ('reset while sending', time.time() - start); return
    s.settimeout(120)
    got = b''
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk: break
            got += chunk
    except socket.timeout:
        results[index] = ('still open after 120 s', time.time() - start); return
    except OSError:
        pass
    status = got.split(b'\r\n', 1)[0].decode('latin-1') or 'closed without an answer'
    results[index] = (status, time.time() - start)
before = rss()
threads = [threading.Thread(target=client, args=(i,)) for i in range(count)]
for t in threads: t.start()
peak, samples, t0 = before, [], time.time()
while any(t.is_alive() for t in threads):
    value = rss(); peak = max(peak, value); samples.append((time.time() - t0, value)); time.sleep(0.25)
time.sleep(2)
after = rss()
outcomes = {}
for status, seconds in results.values():
    entry = outcomes.setdefault(status, [])
    entry.append(seconds)
print(f'{count} connections x {size / 2**20:.1f} MiB, burst then stall')
for status, times in sorted(outcomes.items()):
    print(f'  {len(times):3d}  {status}  (after {min(times):.1f}-{max(times):.1f} s)')
print(f'server RSS: before {before:.0f} MiB, peak {peak:.0f} MiB (+{peak - before:.0f} MiB), after {after:.0f} MiB')
held = [t for t, v in samples if v - before > 100]
print(f'more than 100 MiB extra held for {held[-1] - held[0]:.1f} s' if held else 'never more than 100 MiB extra')
PY
