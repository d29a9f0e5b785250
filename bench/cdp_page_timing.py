#!/usr/bin/env python3
"""Time a page in headless Chromium through its DevTools protocol.

    python3 bench/cdp_page_timing.py URL [--screenshot OUT.png] [--width 1400 --height 900]

Prints one JSON line: `ready_ms` (navigation start -> the page's script has
drawn every marker and built the table: data-ready-ms), `painted_ms`
(navigation start -> two animation frames after data-ready, i.e. the
browser has painted what the script drew: Leaflet's canvas renderer draws
on the next frame), `load_ms` (the load event), markers and errors as the
page records them, and the CPU time of the page's main thread and of its
renderer process up to the painted frame (`main_thread_cpu_ms`,
`renderer_cpu_ms`: a figure other work on a shared machine barely moves).

The protocol runs over --remote-debugging-pipe (file descriptors 3 and 4,
NUL-separated JSON): no WebSocket library, no browser download.
"""
import argparse
import base64
import fcntl
import json
import os
import subprocess
import sys
import tempfile
import time

WAIT_PAINTED = """
new Promise(function (resolve) {
  function frames() {
    requestAnimationFrame(function () { requestAnimationFrame(function () {
      var d = document.documentElement;
      resolve(JSON.stringify({
        painted_ms: performance.now(),
        ready_ms: Number(d.getAttribute('data-ready-ms')),
        markers: Number(d.getAttribute('data-markers')),
        errors: Number(d.getAttribute('data-errors')),
        load_ms: performance.getEntriesByType('navigation')[0].loadEventStart
      }));
    }); });
  }
  (function poll() { document.documentElement.getAttribute('data-ready') ? frames() : setTimeout(poll, 5); })();
})
"""


class Pipe:
    def __init__(self, args):
        to_child_r, self.to_child_w = os.pipe()
        self.from_child_r, from_child_w = os.pipe()

        def fds():  # the child reads commands on fd 3 and writes replies on fd 4
            r = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)  # out of the way of 3 and 4 first
            w = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.proc = subprocess.Popen(args, preexec_fn=fds, pass_fds=(3, 4), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buf = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_child_w, json.dumps(msg).encode() + b"\0")
        return self.wait(lambda m: m.get("id") == self.next_id)

    def wait(self, match, timeout=300):
        end = time.time() + timeout
        for i, m in enumerate(self.events):
            if match(m):
                return self.events.pop(i)
        while time.time() < end:
            while b"\0" in self.buf:
                raw, self.buf = self.buf.split(b"\0", 1)
                m = json.loads(raw)
                if match(m):
                    if "error" in m:
                        raise RuntimeError(m["error"])
                    return m
                self.events.append(m)
            chunk = os.read(self.from_child_r, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buf += chunk
        raise TimeoutError("no reply from chromium")

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def print_profile(profile):
    """Self time per function (sampled), most first, to stderr."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    dt = {}
    for sid, delta in zip(profile["samples"], profile["timeDeltas"]):
        dt[sid] = dt.get(sid, 0) + delta
    per = {}
    for nid, us in dt.items():
        f = nodes[nid]["callFrame"]
        key = "%s %s:%d" % (f["functionName"] or "(anonymous)", os.path.basename(f["url"]), f["lineNumber"])
        per[key] = per.get(key, 0) + us
    total = sum(per.values()) or 1
    for key, us in sorted(per.items(), key=lambda kv: -kv[1])[:30]:
        print("%8.1f ms %5.1f%%  %s" % (us / 1000, 100 * us / total, key), file=sys.stderr)
    # Inclusive time of each function (once per call path root), for the page's own script.
    def inclusive(nid):
        n = nodes[nid]
        return dt.get(nid, 0) + sum(inclusive(c) for c in n.get("children", []))
    incl = {}
    for nid, n in nodes.items():
        f = n["callFrame"]
        key = "%s :%d" % (f["functionName"] or "(anonymous)", f["lineNumber"])
        incl[key] = max(incl.get(key, 0), 0) + inclusive(nid)
    print("-- inclusive", file=sys.stderr)
    for key, us in sorted(incl.items(), key=lambda kv: -kv[1])[:40]:
        print("%8.1f ms  %s" % (us / 1000, key), file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--screenshot")
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--height", type=int, default=900)
    ap.add_argument("--profile", action="store_true", help="print the JavaScript functions with most self time")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as profile:
        b = Pipe(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--user-data-dir=" + profile, "--remote-debugging-pipe", "about:blank"])
        try:
            target = b.send("Target.createTarget", {"url": "about:blank"})["result"]["targetId"]
            s = b.send("Target.attachToTarget", {"targetId": target, "flatten": True})["result"]["sessionId"]
            b.send("Page.enable", session=s)
            b.send("Performance.enable", session=s)
            b.send("Emulation.setDeviceMetricsOverride",
                   {"width": a.width, "height": a.height, "deviceScaleFactor": 1, "mobile": False}, session=s)
            if a.profile:
                b.send("Profiler.enable", session=s)
                b.send("Profiler.setSamplingInterval", {"interval": 200}, session=s)
                b.send("Profiler.start", session=s)
            b.send("Page.navigate", {"url": a.url}, session=s)
            b.wait(lambda m: m.get("method") == "Page.loadEventFired" and m.get("sessionId") == s)
            r = b.send("Runtime.evaluate", {"expression": WAIT_PAINTED, "awaitPromise": True, "returnByValue": True},
                       session=s)
            result = json.loads(r["result"]["result"]["value"])
            # CPU seconds of the page's main thread and renderer process so far:
            # unlike wall time, barely moved by other work on the machine.
            metrics = b.send("Performance.getMetrics", session=s)["result"]["metrics"]
            m = {x["name"]: x["value"] for x in metrics}
            result["main_thread_cpu_ms"] = m.get("ThreadTime", 0) * 1000
            result["renderer_cpu_ms"] = m.get("ProcessTime", 0) * 1000
            if os.environ.get("CDP_ALL_METRICS"):
                print(json.dumps(m), file=sys.stderr)
            if a.profile:
                print_profile(b.send("Profiler.stop", session=s)["result"]["profile"])
            if a.screenshot:
                shot = b.send("Page.captureScreenshot", {"format": "png"}, session=s)["result"]["data"]
                with open(a.screenshot, "wb") as f:
                    f.write(base64.b64decode(shot))
        finally:
            b.close()
    print(json.dumps({k: (round(v) if isinstance(v, float) else v) for k, v in result.items()}))


if __name__ == "__main__":
    sys.exit(main())
