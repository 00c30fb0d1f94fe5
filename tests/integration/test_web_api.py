"""warta-web's JSON API and live event stream against the real pipeline on a
real broker, through plain HTTP clients (urllib and raw sockets): errors are
JSON with the matching HTTP code, a stored article arrives on /api/events
with its story, heartbeats keep a quiet stream alive, a reconnecting browser
resumes from its Last-Event-ID, live clients are bounded and a browser that
goes away frees its slot (its Watch call is cancelled)."""

import json
import socket
import time
import urllib.error
import urllib.request
import uuid
from urllib.parse import urlsplit

import grpc

from conftest import wait_until


def get(url):
    """(HTTP status, parsed JSON body)."""
    try:
        with urllib.request.urlopen(url, timeout=15) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def submit(pb, pipeline, **fields):
    ingest = pb.grpc.IngestServiceStub(grpc.insecure_channel(pipeline.ingest.address))
    return ingest.Submit(pb.services.SubmitRequest(article=pb.article.Article(**fields)),
                         timeout=30).id


class EventStream:
    """A minimal EventSource over a raw socket: reads events as they come."""

    def __init__(self, base, last_event_id=None):
        url = urlsplit(base)
        self.sock = socket.create_connection((url.hostname, url.port), timeout=15)
        headers = f"GET /api/events HTTP/1.1\r\nHost: {url.netloc}\r\nAccept: text/event-stream\r\n"
        if last_event_id:
            headers += f"Last-Event-ID: {last_event_id}\r\n"
        self.sock.sendall((headers + "\r\n").encode())
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("stream closed before its headers")
            self.buffer += chunk
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        self.status = int(head.split(b" ")[1])
        self.headers = head.decode().lower()

    def blocks(self, seconds):
        """The event-stream blocks (events and comments) received so far and
        within `seconds` more, one string per block, each returned once."""
        deadline = time.time() + seconds
        try:
            while time.time() < deadline:
                self.sock.settimeout(max(0.05, deadline - time.time()))
                chunk = self.sock.recv(65536)
                if not chunk:
                    break
                self.buffer += chunk
        except socket.timeout:
            pass
        # Undo the chunked transfer encoding, whole chunks only.
        text = b""
        while b"\r\n" in self.buffer:
            size_line, rest = self.buffer.split(b"\r\n", 1)
            size = int(size_line, 16)
            if len(rest) < size + 2:
                break
            text += rest[:size]
            self.buffer = rest[size + 2:]
        self.pending = getattr(self, "pending", "") + text.decode()
        *complete, self.pending = self.pending.split("\n\n")
        return complete

    def close(self):
        self.sock.close()


def events(blocks, kind):
    out = []
    for block in blocks:
        fields = dict(line.split(": ", 1) for line in block.split("\n") if ": " in line)
        if fields.get("event") == kind:
            out.append((fields.get("id"), json.loads(fields["data"])))
    return out


def test_errors_are_json_with_the_matching_http_code(web):
    assert get(f"{web}/api/stories?days=seven") == (400, {
        "code": "INVALID_ARGUMENT", "error": 'days must be a whole number from 0 to 3650, not "seven"'})
    status, body = get(f"{web}/api/stories?language=not-a-language")
    assert status == 400 and "language" in body["error"]
    status, body = get(f"{web}/api/stories/st-none")
    assert status == 404 and body["code"] == "NOT_FOUND"
    status, body = get(f"{web}/api/entities/per:none")
    assert status == 404 and body["code"] == "NOT_FOUND"
    status, body = get(f"{web}/api/search")
    assert status == 400 and "q" in body["error"]
    status, body = get(f"{web}/api/no-such-thing")
    assert status == 404 and "no such API endpoint" in body["error"]
    # Search: results once the store implements it, else a clear 501 the page shows.
    status, body = get(f"{web}/api/search?q=pasukan")
    assert status in (200, 501), body
    if status == 501:
        assert body["code"] == "UNIMPLEMENTED" and "search" in body["error"]


def test_a_stored_article_arrives_on_the_event_stream_with_its_story(pb, pipeline, web):
    stream = EventStream(web)
    try:
        assert stream.status == 200
        assert "content-type: text/event-stream" in stream.headers
        first = wait_until(lambda: stream.blocks(0.5), timeout=15, message="the first block")
        assert first[0].startswith("retry: "), "the browser is told how soon to reconnect"
        if not events(first, "ready"):
            assert wait_until(lambda: events(stream.blocks(0.5), "ready"), timeout=15,
                              message="the ready event")
        article_id = submit(pb, pipeline, id="live-" + uuid.uuid4().hex[:8], source="antaranews.com",
                            title="Banjir melanda Kota Semarang",
                            body="Banjir melanda Kota Semarang pada Senin pagi. Ribuan warga "
                                 "mengungsi ke tempat yang lebih tinggi, kata petugas.")
        found = wait_until(lambda: [e for e in events(stream.blocks(0.5), "article")
                                    if e[1]["id"] == article_id],
                           timeout=30, message="the article event")
        event_id, event = found[0]
        assert event["storyId"].startswith("st-")
        assert event["title"] == "Banjir melanda Kota Semarang"
        assert event["source"] == "antaranews.com"
        assert int(event_id) > 0
        # The story the event names is the one the API serves for the article.
        status, stored = get(f"{web}/api/articles/{article_id}")
        assert status == 200 and stored["storyId"] == event["storyId"]
        # A quiet stream still gets heartbeats (every second here).
        assert any(b.startswith(": heartbeat") for b in stream.blocks(2.5))
    finally:
        stream.close()

    # A browser that reconnects with its last event id gets what it may have missed again.
    resumed = EventStream(web, last_event_id=event_id)
    try:
        again = wait_until(lambda: [e for e in events(resumed.blocks(0.5), "article")
                                    if e[1]["id"] == article_id],
                           timeout=15, message="the article again after a reconnect")
        assert again
    finally:
        resumed.close()


def test_live_clients_are_bounded_and_a_gone_browser_frees_its_slot(web):
    streams = [EventStream(web) for _ in range(4)]
    try:
        assert all(s.status == 200 for s in streams)
        wait_until(lambda: get(f"{web}/api/status")[1]["liveClients"] == 4, timeout=10,
                   message="four live clients")
        extra = EventStream(web)
        assert extra.status == 503, "a fifth live client is refused while four are served"
        extra.close()
        streams.pop().close()
        # The next heartbeat write fails, the stream ends, its Watch is cancelled.
        wait_until(lambda: get(f"{web}/api/status")[1]["liveClients"] == 3, timeout=10,
                   message="the closed client's slot to be freed")
        replacement = EventStream(web)
        assert replacement.status == 200
        streams.append(replacement)
    finally:
        for s in streams:
            s.close()
    wait_until(lambda: get(f"{web}/api/status")[1]["liveClients"] == 0, timeout=10,
               message="every slot freed")


def test_without_chart_js_the_page_is_still_served(pipeline):
    web = pipeline.start("warta-web", "--store", pipeline.store.address,
                         "--chart_js_dir", "/nonexistent/chart.js")
    base = f"http://{web.address}"
    assert get(f"{base}/api/status")[1]["chartJs"] is False
    with urllib.request.urlopen(f"{base}/", timeout=15) as page:
        html = page.read().decode()
    assert page.status == 200 and "app.js" in html
    try:
        urllib.request.urlopen(f"{base}/vendor/chart.js/chart.min.js", timeout=15)
        raise AssertionError("Chart.js served from a folder that does not exist")
    except urllib.error.HTTPError as e:
        assert e.code == 404  # the page then shows the figures as tables only
