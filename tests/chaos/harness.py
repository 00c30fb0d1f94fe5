"""What the whole-pipeline programs share (tests/chaos/chaos.py, `make chaos`;
bench/pipeline/whole_pipeline.py, `make bench`): paths, the warta.v1 Python
modules, the articles to send, and restartable server processes."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("WARTA_BUILD", ROOT / "build")) / "bin"
SHARED = Path(os.environ.get("WARTA_SHARED_DATA", ROOT.parent / "shared" / "data"))
TOOLS = ROOT / ".tools" / "bin"
KAFKA_SH = ROOT / "deploy/kafka/kafka.sh"
POSTGRES_SH = ROOT / "scripts/postgres.sh"
# Sanitized builds run several times slower (`make sanitize` sets 4, `make tsan` 8):
# waits for a service or a drained stream scale by it, as the tests' waits do.
SLOWDOWN = float(os.environ.get("WARTA_TEST_SLOWDOWN", "1"))


def log(*parts):
    print(time.strftime("%H:%M:%S"), *parts, file=sys.stderr, flush=True)


def tool(name):
    local = TOOLS / name
    return str(local) if local.exists() else name


def generated_modules(out):
    """warta.v1 messages and stubs, generated from proto/ with grpc_tools."""
    from grpc_tools import protoc
    import grpc_tools
    include = Path(grpc_tools.__file__).parent / "_proto"
    rc = protoc.main(["protoc", f"-I{ROOT / 'proto'}", f"-I{include}", f"--python_out={out}",
                      f"--grpc_python_out={out}", "warta/v1/article.proto",
                      "warta/v1/services.proto"])
    if rc != 0:
        sys.exit("chaos: protoc failed on proto/")
    sys.path.insert(0, str(out))
    from warta.v1 import article_pb2, services_pb2, services_pb2_grpc
    return article_pb2, services_pb2, services_pb2_grpc


def load_articles(count):
    """`count` articles as dicts with unique ids: the news set repeated with
    new ids, plus the five samples as pages."""
    news = SHARED / "news" / "indosum_articles.jsonl"
    source = news if news.exists() else ROOT / "examples/articles/indosum-sample.jsonl"
    base = [json.loads(line) for line in source.read_text().splitlines() if line.strip()]
    out = []
    samples = SHARED / "samples"
    if samples.is_dir():
        for page in sorted(samples.glob("*.txt")):
            out.append({"id": f"sample-{page.stem}", "body": page.read_text(),
                        "source": page.stem.split("_")[0]})
    round_ = 0
    while len(out) < count:
        for a in base:
            if len(out) >= count:
                break
            out.append(dict(a, id=f"{a['id']}-r{round_}"))
        round_ += 1
    return out[:count]


class Service:
    """One Warta server process; restartable with the same flags."""

    def __init__(self, name, binary, args, workdir):
        self.name, self.binary, self.args, self.workdir = name, binary, args, workdir
        self.proc = None
        self.starts = 0

    def start(self):
        port_file = self.workdir / f"{self.name}.port"
        port_file.unlink(missing_ok=True)
        log_file = open(self.workdir / f"{self.name}.log", "a")
        self.proc = subprocess.Popen([str(BIN / self.binary), "--listen", "127.0.0.1:0",
                                      "--port_file", str(port_file), *self.args],
                                     stdout=log_file, stderr=subprocess.STDOUT)
        self.starts += 1
        deadline = time.time() + 60 * SLOWDOWN
        while not (port_file.exists() and port_file.read_text().strip()):
            if self.proc.poll() is not None or time.time() > deadline:
                raise RuntimeError(f"{self.name} did not start; see {self.workdir}/{self.name}.log")
            time.sleep(0.05)
        self.address = f"127.0.0.1:{port_file.read_text().strip()}"

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode if self.proc else 0
