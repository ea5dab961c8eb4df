"""Benchmark: the live board under 40 participants on their own devices, against the running server.

Starts `manage.py runserver --noreload` on a free loopback port (a temporary SQLite database, or the one in
DATABASE_URL), makes a session with an open voting round, and lets 40 simulated participants join with the code.
For one minute each participant writes a post-it every 2-5 seconds and now and then puts a dot on a dilemma or
takes one off, while watching the board with the same long-polling requests the page's JavaScript makes. For every
post-it and every other participant the delay from sending the post-it to its appearance in that participant's
updates is recorded.

Prints the 50th and 95th percentile and the maximum delay, the number of requests and the errors (any answer other
than the expected ones, any post-it that never reached a participant). Bar: p95 under 1 s, no error. Requests go
only to 127.0.0.1; the server is stopped at the end.

    .venv/bin/python bench/live_board.py                    # 40 participants, 60 seconds
    .venv/bin/python bench/live_board.py --participants 10 --seconds 15
    .venv/bin/python bench/live_board.py --mode poll        # watch by long-polling instead of server-sent events
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = re.compile(r"bench-\d+-\d+")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_session(env: dict[str, str]) -> str:
    """Migrate the database and make a partnership, a session and its board with voting open; returns the code."""
    script = """
import datetime as dt
from django.utils import timezone
from samenopleiden.conversations import assessment_content, services_board
from samenopleiden.conversations.models import Guide, Session
from samenopleiden.registry.models import Partnership
from django.db import connection
if connection.vendor == "sqlite":
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode=WAL")  # kept in the database file: readers and the writer side by side
assessment_content.load()
p, _ = Partnership.objects.get_or_create(slug="bench-live-board", defaults={"name": "Bench live bord"})
guide = Guide.objects.create(title="Bench")
s = Session.objects.create(partnership=p, guide=guide, title="Bench", status="bezig",
                           code_valid_until=timezone.now() + dt.timedelta(hours=1))
board = services_board.board_for(s)
services_board.voting_open(board=board, votes_per_participant=3, actor=None)
print("CODE", s.code)
"""
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return out.split("CODE", 1)[1].strip()


class Participant:
    def __init__(self, number: int, base: str, code: str, results: Results, stop: threading.Event) -> None:
        self.number, self.base, self.code, self.results, self.stop = number, base, code, results, stop
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        self.options: list[int] = []
        self.posted = 0

    def csrf(self) -> str:
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def request(self, path: str, data: dict | None = None, *, accept: str = "text/html", timeout: float = 30):
        body = None
        if data is not None:
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.csrf()}).encode()
        req = urllib.request.Request(self.base + path, data=body, headers={"Accept": accept})
        try:
            with self.opener.open(req, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def join(self) -> None:
        status, body = self.request(f"/gesprek/{self.code}/")
        assert status == 200, status
        status, _ = self.request(f"/gesprek/{self.code}/", {"perspective": random.choice(["school", "instituut"])})
        assert status == 302, status
        status, body = self.request(f"/gesprek/{self.code}/bord/")
        assert status == 200, status
        self.options = [int(x) for x in re.findall(rb'name="option" value="(\d+)"', body)]

    def watch_stream(self) -> None:
        """Like the page's EventSource: one open connection to `stroom/`, a new one when it ends."""
        import http.client

        since = layout = None
        host, port = self.base.removeprefix("http://").split(":")
        while not self.stop.is_set():
            query = "" if since is None else f"?since={since}&layout={layout}"
            cookies = "; ".join(f"{c.name}={c.value}" for c in self.jar)
            try:
                conn = http.client.HTTPConnection(host, int(port), timeout=30)
                conn.request("GET", f"/gesprek/{self.code}/bord/stroom/{query}", headers={"Cookie": cookies})
                response = conn.getresponse()
                self.results.count("streams opened")
                if response.status != 200:
                    self.results.error(f"stream: HTTP {response.status}")
                    time.sleep(0.5)
                    continue
                for raw in response:
                    if self.stop.is_set():
                        break
                    if not raw.startswith(b"data: "):
                        continue
                    now = time.monotonic()
                    self.results.count("updates")
                    data = json.loads(raw[6:])
                    text = data.get("html", "") + "".join(p["html"] for p in data.get("postits", []))
                    for mark in set(MARK.findall(text)):
                        self.results.seen(mark, self.number, now)
                    since, layout = data["revision"], data["layout"]
                conn.close()
            except OSError as exc:
                if not self.stop.is_set():
                    self.results.error(f"stream: {exc}")

    def watch(self) -> None:
        since = layout = None
        while not self.stop.is_set():
            query = "" if since is None else f"?since={since}&layout={layout}"
            try:
                status, body = self.request(
                    f"/gesprek/{self.code}/bord/updates/{query}", accept="application/json", timeout=30
                )
            except OSError as exc:
                self.results.error(f"updates: {exc}")
                continue
            now = time.monotonic()
            self.results.count("updates")
            if status != 200:
                self.results.error(f"updates: HTTP {status}")
                time.sleep(0.5)
                continue
            data = json.loads(body)
            if data.get("changed"):
                text = data.get("html", "") + "".join(p["html"] for p in data.get("postits", []))
                for mark in set(MARK.findall(text)):
                    self.results.seen(mark, self.number, now)
                since, layout = data["revision"], data["layout"]

    def act(self) -> None:
        while not self.stop.is_set():
            time.sleep(random.uniform(2.0, 5.0))
            if self.stop.is_set():
                break
            if random.random() < 0.25 and self.options:
                action = "add" if random.random() < 0.7 else "remove"
                status, _ = self.request(
                    f"/gesprek/{self.code}/bord/stem/",
                    {"option": random.choice(self.options), "action": action},
                    accept="application/json",
                )
                self.results.count("votes")
                if status == 409:
                    self.results.count("votes refused (no dots left / none to take off)")
                elif status != 200:
                    self.results.error(f"vote: HTTP {status}")
                continue
            self.posted += 1
            mark = f"bench-{self.number}-{self.posted}"
            colour = random.choice(["definitie", "goed", "beter"])
            self.results.sent(mark, self.number, time.monotonic())
            began = time.monotonic()
            status, _ = self.request(
                f"/gesprek/{self.code}/bord/post-it/", {"colour": colour, "text": f"{mark} samen opleiden"}
            )
            self.results.took(time.monotonic() - began)
            self.results.count("posts")
            if status != 302:
                self.results.error(f"post-it: HTTP {status}")


class Results:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sent_at: dict[str, tuple[int, float]] = {}
        self.seen_at: dict[tuple[str, int], float] = {}
        self.counts: dict[str, int] = {}
        self.errors: list[str] = []
        self.post_times: list[float] = []

    def sent(self, mark: str, author: int, at: float) -> None:
        with self.lock:
            self.sent_at[mark] = (author, at)

    def seen(self, mark: str, who: int, at: float) -> None:
        with self.lock:
            self.seen_at.setdefault((mark, who), at)

    def took(self, seconds: float) -> None:
        with self.lock:
            self.post_times.append(seconds)

    def count(self, name: str) -> None:
        with self.lock:
            self.counts[name] = self.counts.get(name, 0) + 1

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(text)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--participants", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--mode", choices=["stream", "poll"], default="stream", help="server-sent events (as the page) or long-polling"
    )
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="live-board-")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "DEBUG": "0"}
    env.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    print(f"database: {env['DATABASE_URL'].split('@')[-1]}")
    code = make_session(env)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(Path(tmp) / "server.log", "wb")  # noqa: SIM115 - closed at the end
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    results = Results()
    stop = threading.Event()
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/gesprek/", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    print("the server did not start; see", Path(tmp) / "server.log")
                    return 2
                time.sleep(0.3)
        people = [Participant(i, base, code, results, stop) for i in range(args.participants)]
        for person in people:
            person.join()
        print(f"{len(people)} participants joined session {code} on {base}; watching by {args.mode}")
        threads = [
            threading.Thread(target=p.watch_stream if args.mode == "stream" else p.watch, daemon=True) for p in people
        ]
        threads += [threading.Thread(target=p.act, daemon=True) for p in people]
        started = time.monotonic()
        for t in threads:
            t.start()
        time.sleep(args.seconds)
        stop.set()
        time.sleep(2.5)  # the last post-its reach the watchers (their long-polls are still open)
        elapsed = time.monotonic() - started
    finally:
        stop.set()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()

    delays, missing = [], 0
    cutoff = started + args.seconds  # post-its sent in the last moment may not have been seen: ignore those
    for mark, (author, at) in results.sent_at.items():
        for person in range(args.participants):
            if person == author:
                continue
            seen = results.seen_at.get((mark, person))
            if seen is None:
                if at < cutoff - 1:
                    missing += 1
                continue
            delays.append(seen - at)
    print(f"ran {elapsed:.0f} s; " + ", ".join(f"{k}: {v}" for k, v in sorted(results.counts.items())))
    if delays:
        print(
            f"delay from a post-it to another participant's screen over {len(delays)} (post-it, participant) pairs: "
            f"p50 {statistics.median(delays) * 1000:.0f} ms, p95 {percentile(delays, 95) * 1000:.0f} ms, "
            f"max {max(delays) * 1000:.0f} ms"
        )
    if results.post_times:
        print(
            "answer to a post-it (the writer's own request): "
            f"p50 {statistics.median(results.post_times) * 1000:.0f} ms, "
            f"p95 {percentile(results.post_times, 95) * 1000:.0f} ms"
        )
    errors = len(results.errors) + missing
    print(f"errors: {errors} ({len(results.errors)} failed requests, {missing} post-it/participant pairs never shown)")
    for text in sorted(set(results.errors))[:10]:
        print("  ", text)
    ok = bool(delays) and percentile(delays, 95) < 1.0 and errors == 0
    print("bar (p95 < 1 s, no error):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
