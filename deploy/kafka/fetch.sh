#!/usr/bin/env bash
# Copies the Apache Kafka 3.9 jars from Maven Central into .tools/kafka/libs (once).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
libs="$root/.tools/kafka/libs"
if [ -f "$libs/.complete" ]; then exit 0; fi
echo "fetch: Apache Kafka jars from Maven Central -> $libs"
mkdir -p "$libs"
mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies \
  -DoutputDirectory="$libs" -DincludeScope=runtime
touch "$libs/.complete"
