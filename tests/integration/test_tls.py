"""TLS everywhere, with a throwaway CA the test makes itself (openssl CLI):
the three services serve gRPC only over TLS to clients that trust the CA,
mutual TLS refuses clients without a certificate from it, Kafka traffic
goes over a broker's SSL listener (which requires client certificates),
PostgreSQL over sslmode=verify-full, and the clients a user runs (`warta`,
warta-web, grpcurl, Python grpcio) get through with the right flags."""

import json
import subprocess
import tempfile
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from types import SimpleNamespace

import grpc
import pytest
from confluent_kafka.admin import AdminClient, NewTopic

from conftest import BIN, Topics, script_server, tool, wait_until
from test_pipeline import ARTICLE, get_article


def openssl(*args):
    subprocess.run(["openssl", *args], check=True, capture_output=True, timeout=60)


def make_ca(folder, name):
    crt, key = folder / f"{name}.crt", folder / f"{name}.key"
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", f"/CN=Warta test {name}", "-keyout", str(key), "-out", str(crt))
    return crt, key


def issue(folder, name, ca, names="DNS:localhost,IP:127.0.0.1"):
    """A certificate for `names` (default 127.0.0.1 / localhost) signed by
    `ca`; returns (certificate, key) paths."""
    crt, key, csr, ext = (folder / f"{name}.{s}" for s in ("crt", "key", "csr", "ext"))
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={name}",
            "-keyout", str(key), "-out", str(csr))
    ext.write_text(f"subjectAltName={names}\n")
    openssl("x509", "-req", "-in", str(csr), "-CA", str(ca[0]), "-CAkey", str(ca[1]),
            "-CAcreateserial", "-days", "2", "-extfile", str(ext), "-out", str(crt))
    return crt, key


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    """ca.crt, server.crt/key and client.crt/key from one CA (file names as
    kafka.sh's KAFKA_SSL_DIR and postgres.sh's WARTA_PG_SSL_DIR want them),
    and a stranger's CA and client certificate."""
    d = tmp_path_factory.mktemp("certs")
    ca = make_ca(d, "ca")
    other_ca = make_ca(d, "other-ca")
    server, client = issue(d, "server", ca), issue(d, "client", ca)
    stranger = issue(d, "stranger", other_ca)
    named = issue(d, "named", ca, "DNS:store.warta.test")  # not valid for 127.0.0.1
    return SimpleNamespace(dir=d, ca=ca[0], other_ca=other_ca[0], server=server, client=client,
                           stranger=stranger, named=named)


@pytest.fixture(scope="module")
def ssl_kafka(tmp_path_factory, certs):
    """A broker with a PLAINTEXT listener (topic admin) and an SSL listener
    that requires client certificates from the test CA."""
    state = tmp_path_factory.mktemp("kafka-ssl")
    with script_server("deploy/kafka/kafka.sh", state, "Kafka with SSL", 180,
                       env={"KAFKA_SSL_DIR": str(certs.dir)}) as plaintext:
        yield SimpleNamespace(plaintext=plaintext,
                              ssl=(state / "bootstrap_ssl").read_text().strip())


def server_tls(certs):
    return ["--tls_cert", str(certs.server[0]), "--tls_key", str(certs.server[1])]


def kafka_ssl(certs):
    return ["--kafka_security_protocol", "SSL", "--kafka_ssl_ca", str(certs.ca),
            "--kafka_ssl_cert", str(certs.client[0]), "--kafka_ssl_key", str(certs.client[1])]


def client_tls(certs, cert=None):
    args = ["--tls_ca", str(certs.ca)]
    if cert:
        args += ["--tls_cert", str(cert[0]), "--tls_key", str(cert[1])]
    return args


def channel(address, ca=None, cert=None):
    if ca is None:
        return grpc.insecure_channel(address)
    return grpc.secure_channel(address, grpc.ssl_channel_credentials(
        root_certificates=Path(ca).read_bytes(),
        private_key=Path(cert[1]).read_bytes() if cert else None,
        certificate_chain=Path(cert[0]).read_bytes() if cert else None))


def health(ch):
    """grpc.health.v1.Health/Check with an empty request; the raw answer
    b"\\x08\\x01" is SERVING."""
    return ch.unary_unary("/grpc.health.v1.Health/Check")(b"", timeout=10)


def refused(ch):
    """The gRPC code a call on `ch` fails with (None if it is served)."""
    try:
        health(ch)
        return None
    except grpc.RpcError as e:
        return e.code()


def warta(*args, timeout=60):
    return subprocess.run([str(BIN / "warta"), *args], capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture
def tls_pipeline(ssl_kafka, certs, services, tmp_path):
    """ingest, enrich and store serving gRPC over TLS and talking to Kafka
    over SSL with a client certificate."""
    t = Topics("tls" + uuid.uuid4().hex[:8])
    admin = AdminClient({"bootstrap.servers": ssl_kafka.plaintext})
    for f in admin.create_topics([NewTopic(t.raw, 3, 1), NewTopic(t.enriched, 3, 1),
                                  NewTopic(t.dlq, 1, 1)]).values():
        f.result(30)
    common = ["--brokers", ssl_kafka.ssl, *kafka_ssl(certs), *server_tls(certs)]
    p = SimpleNamespace(topics=t, kafka=ssl_kafka)
    p.store = services("warta-store", *common, "--enriched_topic", t.enriched, "--dlq_topic",
                       t.dlq, "--group_id", t.prefix + "-store", "--db", str(tmp_path / "w.db"))
    p.enrich = services("warta-enrich", *common, "--raw_topic", t.raw, "--enriched_topic",
                        t.enriched, "--dlq_topic", t.dlq, "--group_id", t.prefix + "-enrich")
    p.ingest = services("warta-ingest", *common, "--raw_topic", t.raw)
    p.all = [p.ingest, p.enrich, p.store]
    return p


def test_every_service_serves_only_clients_that_trust_its_ca(tls_pipeline, certs):
    for service in tls_pipeline.all:
        assert health(channel(service.address, certs.ca)) == b"\x08\x01", service.name
        assert refused(channel(service.address)) == grpc.StatusCode.UNAVAILABLE, service.name
        assert refused(channel(service.address, certs.other_ca)) == grpc.StatusCode.UNAVAILABLE
        assert "(TLS)" in service.log_text(), service.name


def test_articles_flow_over_tls_and_kafka_ssl_to_the_cli_and_grpcurl(pb, tls_pipeline, certs,
                                                                     tmp_path):
    p = tls_pipeline
    ingest = pb.grpc.IngestServiceStub(channel(p.ingest.address, certs.ca))
    ingest.Submit(pb.services.SubmitRequest(article_json=json.dumps(dict(ARTICLE, id="tls-grpc"))),
                  timeout=30)
    # The CLI: to Kafka's SSL listener, and to warta-ingest over TLS.
    line = tmp_path / "a.jsonl"
    line.write_text(json.dumps(dict(ARTICLE, id="tls-kafka")) + "\n")
    out = warta("publish", "--brokers", p.kafka.ssl, "--topic", p.topics.raw, *kafka_ssl(certs),
                str(line))
    assert out.returncode == 0, out.stderr
    line.write_text(json.dumps(dict(ARTICLE, id="tls-cli-grpc")) + "\n")
    out = warta("publish", "--to", "grpc", "--ingest", p.ingest.address, *client_tls(certs),
                str(line))
    assert out.returncode == 0, out.stderr

    store = pb.grpc.StoreServiceStub(channel(p.store.address, certs.ca))
    for i in ("tls-grpc", "tls-kafka", "tls-cli-grpc"):
        stored = wait_until(lambda i=i: get_article(pb, store, i), message=f"{i} stored")
        assert "Vladimir Putin" in {e.name for e in stored.entities}

    out = warta("wait", "--store", p.store.address, *client_tls(certs), "--count", "3")
    assert out.returncode == 0, out.stderr
    out = warta("list", "--store", p.store.address, *client_tls(certs))
    assert out.returncode == 0 and "tls-kafka" in out.stdout, out.stderr
    out = warta("list", "--store", p.store.address)  # plaintext to a TLS server
    assert out.returncode != 0 and "tls-kafka" not in out.stdout

    enrich = pb.grpc.EnrichServiceStub(channel(p.enrich.address, certs.ca))
    enriched = enrich.Enrich(pb.services.EnrichRequest(article=pb.article.Article(
        id="tls-unary", body=ARTICLE["body"], language_hint="id")), timeout=30)
    assert enriched.enriched.language.code == "id"

    grpcurl = subprocess.run([tool("grpcurl"), "-cacert", str(certs.ca), "-d",
                              '{"id": "tls-grpc"}', p.store.address,
                              "warta.v1.StoreService/GetArticle"],
                             capture_output=True, text=True, timeout=30)
    assert grpcurl.returncode == 0, grpcurl.stderr
    assert json.loads(grpcurl.stdout)["article"]["id"] == "tls-grpc"

    # Neither key contents nor article bodies reach the logs.
    key_line = certs.server[1].read_text().splitlines()[1]
    for service in p.all:
        log = service.log_text()
        assert key_line not in log and "PRIVATE KEY" not in log, service.name
        assert "Choe Son Hui" not in log, service.name


def test_mutual_tls_serves_only_clients_with_a_certificate_from_the_ca(pb, certs, services, kafka,
                                                                       tmp_path):
    store = services("warta-store", "--noconsume", "--brokers", kafka, "--db",
                     str(tmp_path / "w.db"), *server_tls(certs), "--tls_client_ca", str(certs.ca))
    assert "(mutual TLS)" in store.log_text()
    assert refused(channel(store.address, certs.ca)) == grpc.StatusCode.UNAVAILABLE
    assert refused(channel(store.address, certs.ca, certs.stranger)) == grpc.StatusCode.UNAVAILABLE
    assert health(channel(store.address, certs.ca, certs.client)) == b"\x08\x01"

    out = warta("list", "--store", store.address, *client_tls(certs, certs.client))
    assert out.returncode == 0, out.stderr
    out = warta("list", "--store", store.address, *client_tls(certs))
    assert out.returncode != 0

    def stories(web):
        try:
            with urllib.request.urlopen(f"http://{web.address}/api/stories", timeout=30) as r:
                return r.status
        except urllib.error.HTTPError as e:
            return e.code
    with_cert = services("warta-web", "--store", store.address, *client_tls(certs, certs.client))
    without = services("warta-web", "--store", store.address, *client_tls(certs))
    assert stories(with_cert) == 200
    assert stories(without) >= 500


def test_unusable_tls_files_stop_start_up_naming_the_flag(certs, kafka, tmp_path):
    missing = str(tmp_path / "missing.pem")
    store = subprocess.run([str(BIN / "warta-store"), "--noconsume", "--listen", "127.0.0.1:0",
                            "--db", str(tmp_path / "w.db"), "--tls_cert", str(certs.server[0]),
                            "--tls_key", missing], capture_output=True, text=True, timeout=60)
    assert store.returncode == 1 and f"--tls_key: cannot read {missing}" in store.stderr
    store = subprocess.run([str(BIN / "warta-store"), "--listen", "127.0.0.1:0", "--brokers", kafka,
                            "--db", str(tmp_path / "w.db"), "--kafka_security_protocol", "SSL",
                            "--kafka_ssl_ca", missing], capture_output=True, text=True, timeout=60)
    assert store.returncode == 1 and f"--kafka_ssl_ca: cannot read {missing}" in store.stderr
    cli = warta("list", "--tls_ca", missing)
    assert cli.returncode == 2 and f"--tls_ca: cannot read {missing}" in cli.stderr
    cli = warta("list", "--tls_cert", str(certs.client[0]))
    assert cli.returncode == 2 and "--tls_cert needs --tls_key" in cli.stderr


def test_server_name_override_matches_a_certificate_for_another_name(certs, services, kafka,
                                                                     tmp_path):
    store = services("warta-store", "--noconsume", "--brokers", kafka, "--db",
                     str(tmp_path / "w.db"), "--tls_cert", str(certs.named[0]), "--tls_key",
                     str(certs.named[1]))
    out = warta("list", "--store", store.address, *client_tls(certs))
    assert out.returncode != 0  # the certificate is not for 127.0.0.1
    out = warta("list", "--store", store.address, *client_tls(certs),
                "--tls_server_name", "store.warta.test")
    assert out.returncode == 0, out.stderr


def test_kafka_clients_refuse_a_broker_their_ca_did_not_sign(certs, services, ssl_kafka,
                                                             tmp_path):
    distrustful = ["--kafka_security_protocol", "SSL", "--kafka_ssl_ca", str(certs.other_ca),
                   "--kafka_ssl_cert", str(certs.client[0]), "--kafka_ssl_key",
                   str(certs.client[1])]
    store = services("warta-store", "--brokers", ssl_kafka.ssl, *distrustful, "--db",
                     str(tmp_path / "w.db"), "--group_id", "tls-distrust",
                     "--enriched_topic", "articles.enriched")
    wait_until(lambda: "certificate verify failed" in store.log_text(),
               message="librdkafka to report the failed verification")


@pytest.fixture(scope="module")
def ssl_postgres(certs):
    """PostgreSQL with ssl=on (scripts/postgres.sh with WARTA_PG_SSL_DIR)."""
    # Not under pytest's tmp (mode 0700): the server runs as another user.
    state = Path(tempfile.mkdtemp(prefix="warta-pg-ssl-"))
    try:
        with script_server("scripts/postgres.sh", state, "PostgreSQL with SSL", 120,
                           env={"WARTA_PG_SSL_DIR": str(certs.dir)}) as conninfo:
            yield conninfo
    finally:
        subprocess.run(["rm", "-rf", str(state)])


def test_store_reaches_postgres_over_verified_tls(certs, services, kafka, ssl_postgres, tmp_path):
    db = f"postgres:{ssl_postgres} sslmode=verify-full sslrootcert={certs.ca}"
    services("warta-store", "--noconsume", "--brokers", kafka, "--db", db)
    encrypted = subprocess.run(
        ["psql", ssl_postgres, "-tAc", "SELECT count(*) FROM pg_stat_ssl JOIN pg_stat_activity "
         "USING (pid) WHERE ssl AND usename = 'warta' AND pid <> pg_backend_pid()"],
        capture_output=True, text=True, check=True, timeout=30)
    assert int(encrypted.stdout) >= 1  # the store's connection(s), encrypted

    wrong_ca = f"postgres:{ssl_postgres} sslmode=verify-full sslrootcert={certs.other_ca}"
    refused_store = subprocess.run([str(BIN / "warta-store"), "--noconsume", "--listen",
                                    "127.0.0.1:0", "--db", wrong_ca],
                                   capture_output=True, text=True, timeout=60)
    assert refused_store.returncode == 1
    assert "certificate verify failed" in refused_store.stderr
