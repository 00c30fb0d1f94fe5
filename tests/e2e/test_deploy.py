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


def warta_services(spec):
    return {name: s for name, s in spec["services"].items()
            if isinstance(s.get("command"), list) and s["command"][0].startswith("warta-")}


def flag(command, name):
    return command[command.index(name) + 1]


def test_every_service_is_health_checked_with_grpc_health_probe_and_exposes_its_metrics():
    spec = yaml.safe_load(COMPOSE.read_text())
    services = warta_services(spec)
    assert len(services) == 3
    for name, service in services.items():
        command = service["command"]
        grpc_port = flag(command, "--listen").rsplit(":", 1)[1]
        metrics_port = flag(command, "--metrics_listen").rsplit(":", 1)[1]
        test = service["healthcheck"]["test"]
        assert test[:2] == ["CMD", "grpc-health-probe"], name
        assert f"-addr=127.0.0.1:{grpc_port}" in test, name
        assert f"{metrics_port}:{metrics_port}" in service["ports"], name
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    assert "grpc-health-probe /usr/local/bin/" in dockerfile, "the image carries the probe"
    for port in ("9451", "9452", "9453"):
        assert port in dockerfile, f"the image exposes metrics port {port}"
