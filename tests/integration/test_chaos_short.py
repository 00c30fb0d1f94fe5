"""The short chaos run inside `make test` (`make chaos` is the long one):
900 articles through two enrich and two store instances on PostgreSQL in
exactly-once mode, while enrich and store instances are SIGKILLed, the
broker restarts and PostgreSQL goes down; nothing may be lost or applied
twice, and a read_committed reader of the enriched topic sees each article
once (tests/chaos/chaos.py prints the figures)."""

import json
import os
import subprocess
import sys

from conftest import BUILD, ROOT, SLOWDOWN


def test_short_chaos_run_loses_nothing_and_duplicates_nothing():
    out = subprocess.run(
        [sys.executable, str(ROOT / "tests/chaos/chaos.py"), "--articles", "900", "--rate", "120",
         "--kills", "3", "--broker-restarts", "1", "--pg-outages", "1", "--pg-outage-s", "5",
         "--mode", "eos", "--drain-timeout-s", str(300 * SLOWDOWN)],
        capture_output=True, text=True, timeout=1200 * SLOWDOWN, env={**os.environ, "WARTA_BUILD": str(BUILD)})
    print(out.stdout)
    figures = json.loads(next(line for line in out.stdout.splitlines() if line.startswith("{")))
    assert figures["faults"] == 3 + 3 + 1 + 1, out.stderr[-3000:]
    assert figures["sent"] == 900
    assert figures["lost"] == 0, out.stdout
    assert figures["stored"] == 900
    assert figures["duplicated_in_store"] == 0
    assert figures["duplicated_on_topic"] == 0
    assert figures["checksum_stored"] == figures["checksum_sent"]
    assert out.returncode == 0 and "chaos: OK" in out.stdout, out.stderr[-3000:]
