#!/usr/bin/env python3
"""Slow clients against a running reference server, one row per count.

For each count N: the median time of a normal GET of the jobs list alone, then while N
connections hold the server with slow requests (half send their head one header line every
4 s, half declare a 1000-byte body and send one byte every 4 s). Prints a Markdown row each:
  | N | median alone | median with them | slowest with them | delay of the median |
usage: probe.py PORT TOKEN N [N...]
"""
import socket
import statistics
import sys
import threading
import time

PATH = "/api/v1/org/demo/ws/sandbox/worlds/jobs"
CREATE = "/api/v1/org/demo/ws/sandbox/worlds/manifests"


def get(port, token):
    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=20) as c:
        c.sendall(
            f"GET {PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
            "Connection: close\r\n\r\n".encode()
        )
        answer = b""
        while chunk := c.recv(65536):
            answer += chunk
    if not answer.startswith(b"HTTP/1.1 200"):
        raise SystemExit(f"a normal GET was answered {answer[:40]!r}")
    return (time.monotonic() - start) * 1000


def hold(port, token, index, sockets, stop):
    try:
        s = socket.create_connection(("127.0.0.1", port))
        sockets.append(s)
        if index % 2 == 0:
            s.sendall(f"GET {PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n".encode())
            trickle = lambda k: f"X-Slow-{k}: 1\r\n".encode()
        else:
            s.sendall(
                f"POST {CREATE} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
                "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n".encode()
            )
            trickle = lambda k: b" "
        for k in range(1000):
            if stop.wait(4):
                return
            s.sendall(trickle(k))
    except OSError:
        pass  # closed by the server past its limits, or by the end of the round


def main():
    port, token, counts = int(sys.argv[1]), sys.argv[2], [int(n) for n in sys.argv[3:]]
    for _ in range(50):
        get(port, token)  # warm-up
    print("| slow connections | GET alone (median) | GET among them (median) | slowest among them | delay of the median |")
    print("|---|---|---|---|---|")
    for n in counts:
        alone = [get(port, token) for _ in range(40)]
        sockets, stop = [], threading.Event()
        threads = [threading.Thread(target=hold, args=(port, token, i, sockets, stop), daemon=True) for i in range(n)]
        for t in threads:
            t.start()
        time.sleep(2)
        among = []
        for _ in range(40):
            among.append(get(port, token))
            time.sleep(0.05)
        stop.set()
        for s in sockets:
            s.close()
        a, b = statistics.median(alone), statistics.median(among)
        print(f"| {n:,} | {a:.1f} ms | {b:.1f} ms | {max(among):.1f} ms | {b - a:+.1f} ms |", flush=True)
        time.sleep(1)


if __name__ == "__main__":
    main()
