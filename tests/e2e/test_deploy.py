"""deploy/docker-compose.yml: no Docker engine runs here, so check what can
be checked without one: the file is valid for docker-compose, and every flag
it passes to a Warta binary exists in that binary's --help."""

import re
import shutil
import subprocess

import pytest
import yaml

from conftest import BIN, ROOT

COMPOSE = ROOT / "deploy" / "docker-compose.yml"


@pytest.mark.skipif(shutil.which("docker-compose") is None, reason="docker-compose not installed")
def test_compose_file_is_valid():
    out = subprocess.run(["docker-compose", "-f", str(COMPOSE), "config", "-q"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_every_flag_in_compose_exists():
    spec = yaml.safe_load(COMPOSE.read_text())
    checked = 0
    for name, service in spec["services"].items():
        command = service.get("command")
        if not isinstance(command, list) or not command[0].startswith("warta"):
            continue
        help_text = subprocess.run([str(BIN / command[0]), "--help"], capture_output=True,
                                   text=True, check=True).stdout
        known = set(re.findall(r"^  (--[a-z_]+)", help_text, re.M))
        for arg in command[1:]:
            if arg.startswith("--"):
                assert arg.split("=")[0] in known, f"{name}: {command[0]} has no flag {arg}"
                checked += 1
    assert checked >= 10


def test_compose_runs_the_three_services_with_a_store_volume():
    spec = yaml.safe_load(COMPOSE.read_text())
    commands = {s.get("command", [None])[0] for s in spec["services"].values()
                if isinstance(s.get("command"), list)}
    assert {"warta-ingest", "warta-enrich", "warta-store"} <= commands
    store = next(s for s in spec["services"].values()
                 if isinstance(s.get("command"), list) and s["command"][0] == "warta-store")
    assert any(v.endswith(":/data") for v in store["volumes"])
    assert "--db" in store["command"] and "/data/warta.db" in store["command"]
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    assert "scripts/install-deps.sh" in dockerfile, "the image installs like `make` does"


def test_compose_serves_the_dashboard_and_the_image_carries_its_page():
    spec = yaml.safe_load(COMPOSE.read_text())
    web = next(s for s in spec["services"].values()
               if isinstance(s.get("command"), list) and s["command"][0] == "warta-web")
    assert "8080:8080" in web["ports"]
    store = web["command"][web["command"].index("--store") + 1]
    assert store.split(":")[0] in spec["services"], "warta-web talks to the compose store service"
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    assert "warta-web" in dockerfile
    # The page lands where warta-web looks next to its binary (PREFIX/share/warta/web).
    assert "services/web/static /usr/local/share/warta/web" in dockerfile
    assert "libjs-chart.js" in (ROOT / "scripts" / "install-deps.sh").read_text()


def warta_services(spec):
    return {name: s for name, s in spec["services"].items()
            if isinstance(s.get("command"), list) and s["command"][0].startswith("warta-")}


def flag(command, name):
    return command[command.index(name) + 1]


def test_grpc_services_are_health_checked_with_grpc_health_probe_and_all_expose_metrics():
    spec = yaml.safe_load(COMPOSE.read_text())
    services = warta_services(spec)
    assert len(services) == 4
    for name, service in services.items():
        command = service["command"]
        metrics_port = flag(command, "--metrics_listen").rsplit(":", 1)[1]
        assert f"{metrics_port}:{metrics_port}" in service["ports"], name
        if command[0] == "warta-web":
            continue  # HTTP, not gRPC
        grpc_port = flag(command, "--listen").rsplit(":", 1)[1]
        test = service["healthcheck"]["test"]
        assert test[:2] == ["CMD", "grpc-health-probe"], name
        assert f"-addr=127.0.0.1:{grpc_port}" in test, name
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    assert "grpc-health-probe /usr/local/bin/" in dockerfile, "the image carries the probe"
    for port in ("9451", "9452", "9453", "9454"):
        assert port in dockerfile, f"the image exposes metrics port {port}"
