#!/bin/sh
# Writes a class-data sharing archive of the packaged service (Java 17 dynamic AppCDS), which takes a few
# hundred milliseconds off every later start. A training start loads the service's classes and stops where it
# first needs its database; none is given here, so it stops there on purpose, and the JVM writes the classes
# it loaded as it exits. Later starts use the archive with the same java and the same jar path:
#   java -XX:SharedArchiveFile=<archive> ... -jar <jar>
# (a JVM that cannot use the archive starts without it).
#
# usage: app-cds.sh <archive> <jar> [java options...]      JAVA: the java to use (default: java on PATH)
set -u
archive=$1
jar=$2
shift 2
rm -f "$archive"
# A database address where nothing listens: the training start ends at its first connection attempt.
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:9/training \
QUARKUS_DATASOURCE_USERNAME=training \
QUARKUS_DATASOURCE_PASSWORD=training \
QUARKUS_HTTP_PORT=0 \
  "${JAVA:-java}" "$@" -XX:ArchiveClassesAtExit="$archive" -jar "$jar" > "$archive.log" 2>&1
if [ ! -s "$archive" ]; then
  echo "app-cds.sh: no archive was written; the training start's output is in $archive.log" >&2
  exit 1
fi
rm -f "$archive.log"
