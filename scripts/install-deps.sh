#!/usr/bin/env bash
# Installs everything Warta needs to build, test and run on Debian 12:
# Debian packages (compiler toolchain, gRPC, protobuf, librdkafka, abseil, clang
# and its libFuzzer runtime for the fuzz targets, ...),
# kcat, grpcurl and grpc-health-probe (go install), Python clients (grpcio, confluent-kafka) and the
# Apache Kafka jars (via deploy/kafka/fetch.sh). Idempotent: installs only what is missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# Go may live outside PATH (the official tarball's place).
if [ -x /usr/local/go/bin/go ]; then export PATH="$PATH:/usr/local/go/bin"; fi

apt_packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  librdkafka-dev libabsl-dev libgtest-dev libgmock-dev libbenchmark-dev
  libcld2-dev libicu-dev libsqlite3-dev libpq-dev libre2-dev libssl-dev libstemmer-dev
  prometheus-cpp-dev libcpp-httplib-dev libjs-chart.js libgoogle-perftools-dev
  kcat openjdk-17-jre-headless maven golang-go python3 python3-venv python3-pip postgresql-15
  docker-compose chromium chromium-driver clang libclang-rt-14-dev
)
if [ "${WARTA_DEPS:-all}" = build ]; then
  apt_packages=(build-essential cmake ninja-build pkg-config ca-certificates
    libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler librdkafka-dev
    libabsl-dev libgtest-dev libgmock-dev libbenchmark-dev libcld2-dev libicu-dev
    libsqlite3-dev libpq-dev libre2-dev libssl-dev libstemmer-dev prometheus-cpp-dev
    libcpp-httplib-dev libjs-chart.js libgoogle-perftools-dev golang-go)
fi

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A machine may already carry Java, Maven, Go or Python outside Debian's packages: use those.
filter=()
for p in "${missing[@]}"; do
  case "$p" in
    openjdk-17-jre-headless) command -v java >/dev/null || filter+=("$p") ;;
    maven) command -v mvn >/dev/null || filter+=("$p") ;;
    golang-go) command -v go >/dev/null || filter+=("$p") ;;
    python3|python3-pip) command -v python3 >/dev/null || filter+=("$p") ;;
    python3-venv) python3 -c 'import venv, ensurepip' 2>/dev/null || filter+=("$p") ;;
    *) filter+=("$p") ;;
  esac
done
if ((${#filter[@]})); then
  echo "install-deps: apt-get install ${filter[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${filter[@]}" >/dev/null
fi

tools="$root/.tools"
mkdir -p "$tools/bin"

# grpc-health-probe: what health checks (docker-compose, Kubernetes) run.
# v0.4.15 is the newest that builds with Debian 12's Go (1.19); later ones need Go 1.20+.
if [ ! -x "$tools/bin/grpc-health-probe" ]; then
  echo "install-deps: go install grpc-health-probe"
  GOBIN="$tools/bin" GOFLAGS=-mod=mod go install github.com/grpc-ecosystem/grpc-health-probe@v0.4.15
fi

# WARTA_DEPS=build (the Dockerfile): only what building needs, and the health probe.
if [ "${WARTA_DEPS:-all}" = build ]; then exit 0; fi

# grpcurl: the gRPC client our users reach for.
if [ ! -x "$tools/bin/grpcurl" ]; then
  echo "install-deps: go install grpcurl"
  # v1.9 needs Go 1.21; Debian 12's own Go (1.19) builds v1.8.7.
  GOBIN="$tools/bin" GOFLAGS=-mod=mod go install github.com/fullstorydev/grpcurl/cmd/grpcurl@v1.9.1 ||
    GOBIN="$tools/bin" GOFLAGS=-mod=mod go install github.com/fullstorydev/grpcurl/cmd/grpcurl@v1.8.7
fi

# Python clients for end-to-end tests (grpcio, confluent-kafka; selenium drives
# Debian's headless Chromium for the dashboard tests) in a venv of our own.
if [ ! -x "$tools/venv/bin/python" ] || ! "$tools/venv/bin/python" -c 'import grpc, grpc_tools, confluent_kafka, pytest, yaml, selenium, wordfreq' 2>/dev/null; then
  echo "install-deps: pip install grpcio grpcio-tools confluent-kafka selenium wordfreq"
  python3 -m venv "$tools/venv"
  "$tools/venv/bin/pip" install -q --disable-pip-version-check grpcio grpcio-tools grpcio-health-checking confluent-kafka protobuf pytest pyyaml selenium \
    wordfreq==3.1.1  # word lists for `make models` (pinned: same lists, same model bytes)
fi

# Apache Kafka jars from Maven Central.
"$root/deploy/kafka/fetch.sh"
