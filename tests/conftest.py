"""Fixtures for the integration and end-to-end tests: a real Kafka broker
(deploy/kafka/kafka.sh), Warta's binaries from the build, Python stubs
generated from proto/ with grpc_tools, and helpers that wait for things a
user would wait for. Every process started here is stopped here: a test run
leaves nothing behind."""

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUILD = Path(os.environ.get("WARTA_BUILD", ROOT / "build"))
BIN = BUILD / "bin"
TOOLS = ROOT / ".tools" / "bin"
# How much slower than a plain build the binaries run: `make sanitize` sets
# it (ASan and UBSan builds are several times slower), and every wait and
# RPC deadline of the tests scales by it, so a slow build is not a failure.
SLOWDOWN = float(os.environ.get("WARTA_TEST_SLOWDOWN", "1"))


def skip_unless_ci(reason):
    """pytest.skip, or a failure under CI=true (CI has the shared data and
    every tool, so a skip there means a suite silently stopped running)."""
    if os.environ.get("CI") in ("true", "1"):
        pytest.fail(f"CI=true, so this may not be skipped: {reason}")
    pytest.skip(reason)


def tool(name):
    """A client binary: the project's own .tools/bin first, then PATH."""
    local = TOOLS / name
    return str(local) if local.exists() else name


@pytest.fixture(scope="session")
def pb(tmp_path_factory):
    """Python modules for warta.v1 (messages and gRPC stubs)."""
    from grpc_tools import protoc
    import grpc_tools

    out = tmp_path_factory.mktemp("pb")
    include = Path(grpc_tools.__file__).parent / "_proto"
    protos = ["warta/v1/article.proto", "warta/v1/services.proto"]
    rc = protoc.main(["protoc", f"-I{ROOT / 'proto'}", f"-I{include}",
                      f"--python_out={out}", f"--grpc_python_out={out}", *protos])
    assert rc == 0, "protoc failed on proto/"
    sys.path.insert(0, str(out))
    from warta.v1 import article_pb2, services_pb2, services_pb2_grpc

    class Modules:
        article = article_pb2
        services = services_pb2
        grpc = services_pb2_grpc
    return Modules


@contextlib.contextmanager
def script_server(script, state, what, start_timeout, env=None):
    """`script start STATE` (its last output line is the address), then
    `script stop STATE` whatever happens, also after a failed or timed-out
    start: a half-started server is stopped too. `env`: extra variables for
    the start (e.g. KAFKA_SSL_DIR)."""
    try:
        out = subprocess.run([str(ROOT / script), "start", str(state)],
                             capture_output=True, text=True, timeout=start_timeout,
                             env={**os.environ, **(env or {})})
        assert out.returncode == 0, f"{what} did not start:\n{out.stderr}"
        yield out.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run([str(ROOT / script), "stop", str(state)], timeout=60)


@pytest.fixture(scope="session")
def kafka(tmp_path_factory):
    """One real broker for the session; yields its bootstrap address."""
    with script_server("deploy/kafka/kafka.sh", tmp_path_factory.mktemp("kafka"), "Kafka",
                       180) as bootstrap:
        yield bootstrap


class Topics:
    def __init__(self, prefix):
        self.raw = f"{prefix}.raw"
        self.enriched = f"{prefix}.enriched"
        self.dlq = f"{prefix}.dlq"
        self.prefix = prefix


@pytest.fixture
def topics(kafka):
    """Fresh topics for one test, so tests never see each other's messages."""
    from confluent_kafka.admin import AdminClient, NewTopic

    t = Topics("t" + uuid.uuid4().hex[:10])
    admin = AdminClient({"bootstrap.servers": kafka})
    futures = admin.create_topics([NewTopic(t.raw, 3, 1), NewTopic(t.enriched, 3, 1),
                                   NewTopic(t.dlq, 1, 1)])
    for f in futures.values():
        f.result(30)
    return t


class Service:
    """A Warta server process listening on free ports: its service (`address`,
    gRPC; HTTP for warta-web) and Prometheus metrics (`metrics_address`,
    GET /metrics); stop() sends SIGTERM and returns the exit code."""

    def __init__(self, name, args, workdir):
        self.name = name
        self.port_file = Path(workdir) / f"{name}-{uuid.uuid4().hex[:6]}.port"
        self.metrics_port_file = self.port_file.with_suffix(".metrics_port")
        self.log_path = Path(workdir) / f"{self.port_file.stem}.log"
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [str(BIN / name), "--listen", "127.0.0.1:0", "--port_file", str(self.port_file),
             "--metrics_listen", "127.0.0.1:0", "--metrics_port_file", str(self.metrics_port_file),
             *args],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while not (self.port_file.exists() and self.port_file.read_text().strip()):
            if self.proc.poll() is not None:
                self.log.close()
                raise AssertionError(f"{name} exited at start:\n{self.log_path.read_text()}")
            if time.time() > deadline:
                self.kill()  # never leave a server that did not come up running
                raise AssertionError(f"{name} did not listen in 60s:\n{self.log_path.read_text()}")
            time.sleep(0.05)
        self.address = f"127.0.0.1:{self.port_file.read_text().strip()}"
        # The metrics server starts before the gRPC one.
        self.metrics_address = f"127.0.0.1:{self.metrics_port_file.read_text().strip()}"

    def log_text(self):
        self.log.flush()
        return self.log_path.read_text()

    def stop(self, timeout=30):
        timeout *= SLOWDOWN  # a sanitized store finishes its batch slowly
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError(f"{self.name} ignored SIGTERM for {timeout}s")
        self.log.close()
        return self.proc.returncode

    def kill(self):
        self.proc.kill()
        self.proc.wait()
        self.log.close()


def stop_all(services):
    """Stops every service, newest first, even when some fail to stop;
    returns the failures as text."""
    failures = []
    for s in reversed(services):
        if s.proc.poll() is not None and s.log.closed:
            continue  # killed on purpose by the test
        try:
            code = s.stop()
            if code != 0:
                failures.append(f"{s.name} exited {code} on SIGTERM:\n{s.log_text()[-3000:]}")
        except Exception as e:  # noqa: BLE001 - the others must still be stopped
            failures.append(f"{s.name}: {e}")
    return failures


@pytest.fixture
def services(tmp_path):
    """Starts services; at teardown stops them and checks each drained and
    exited 0 on SIGTERM."""
    started = []

    def start(name, *args):
        s = Service(name, list(args), tmp_path)
        started.append(s)
        return s

    yield start
    failures = stop_all(started)
    assert not failures, "\n".join(failures)


def wait_until(predicate, timeout=60, interval=0.25, message="condition"):
    timeout *= SLOWDOWN
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        last = predicate()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {message} (last: {last!r})")


@pytest.fixture
def pipeline(kafka, topics, services, tmp_path):
    """store + enrich (+ ingest) wired to this test's topics."""

    class Pipeline:
        pass

    p = Pipeline()
    p.topics = topics
    p.kafka = kafka
    p.db = tmp_path / "warta.db"
    common = ["--brokers", kafka]
    p.store = services("warta-store", *common, "--enriched_topic", topics.enriched,
                       "--dlq_topic", topics.dlq, "--group_id", topics.prefix + "-store",
                       "--db", str(p.db))
    p.enrich_args = [*common, "--raw_topic", topics.raw, "--enriched_topic", topics.enriched,
                     "--dlq_topic", topics.dlq, "--group_id", topics.prefix + "-enrich"]
    p.enrich = services("warta-enrich", *p.enrich_args)
    p.ingest = services("warta-ingest", *common, "--raw_topic", topics.raw)
    p.start = services
    return p


@pytest.fixture
def web(pipeline):
    """warta-web (the dashboard) on the pipeline's store; returns its base URL
    ("http://127.0.0.1:PORT"). Heartbeats every second, so a browser that goes
    away is noticed fast; at most four live clients."""
    pipeline.web = pipeline.start("warta-web", "--store", pipeline.store.address,
                                  "--heartbeat_s", "1", "--max_live_clients", "4")
    pipeline.web_url = f"http://{pipeline.web.address}"
    return pipeline.web_url


ARTIFACTS = Path(os.environ.get("WARTA_ARTIFACTS", BUILD / "test-artifacts"))
SAMPLES = Path(os.environ.get("WARTA_SHARED_DATA", ROOT.parent / "shared" / "data")) / "samples"


@pytest.fixture(scope="session")
def postgres(tmp_path_factory):
    """A throwaway real PostgreSQL 15 server (scripts/postgres.sh); yields its
    libpq conninfo ("host=127.0.0.1 port=... user=warta dbname=warta")."""
    state = Path(tempfile.mkdtemp(prefix="warta-pg-"))
    try:
        with script_server("scripts/postgres.sh", state, "PostgreSQL", 120) as conninfo:
            yield conninfo
    finally:
        subprocess.run(["rm", "-rf", str(state)])


@pytest.fixture
def pg_database(postgres):
    """A fresh database on the session's server, as a warta-store --db value."""
    name = "t" + uuid.uuid4().hex[:10]
    subprocess.run(["psql", postgres, "-q", "-c", f"CREATE DATABASE {name}"], check=True,
                   capture_output=True, timeout=30)
    base = " ".join(p for p in postgres.split() if not p.startswith("dbname="))
    return f"postgres:{base} dbname={name}"
