#!/usr/bin/env bash
# Starts one service from its Quarkus aot-jar folder with the platform's JVM settings. The one place they are set:
# deploy/local/run.sh, deploy/bench (run.sh, national-import.sh) and the container image (deploy/compose/Dockerfile,
# used by Compose and Kubernetes) all start the services through this script.
#
#   deploy/service-java.sh catalog-service catalog-service/target/quarkus-app   settings of the service: environment
#   JAVA_OPTS_APPEND="-Xlog:gc" deploy/service-java.sh ...                        extra JVM options, after these
#
# Sized for a small REST service on a small machine (2 cores, a few services side by side, a 512 Mi container limit);
# deploy/README.md ("JVM settings") gives the measurements behind each one.
set -euo pipefail
service=$1
cd "$2"

# Class data sharing: `mvn package` builds an aot-jar (quarkus.package.jar.type=aot-jar), whose classes all sit on the
# class path of the JVM's own class loader, the one class data sharing can archive. The first start of a build records
# the classes the service loads (-XX:ArchiveClassesAtExit) and the JVM writes them to the archive when the service
# stops; every later start of that build maps them from there (-XX:SharedArchiveFile). The archive is named after the
# build (the time of its quarkus-run.jar): a service still running from an older build writes its archive under that
# build's name when it stops, never one this build would take for its own. CDS_RECORD=0 starts without recording (a
# read-only folder does too: the container image writes its archive when it is built, see deploy/compose/Dockerfile).
# An archive fits only the JVM build that wrote it and names the jars by relative paths, hence the cd above; a
# mismatched archive makes the JVM print a warning and start without it.
# A JVM that starts with a class file load hook (a Java agent, or JFR from the start) crashed on a recorded archive
# (OpenJDK 17.0.15, in KlassFactory::check_shared_class_file_load_hook), so such a start goes without one; JFR
# started later (jcmd <pid> JFR.start) works with it.
archive="app-cds-$(stat -c %Y quarkus-run.jar).jsa"
cds=()
if [[ " ${JAVA_OPTS_APPEND:-} ${JAVA_TOOL_OPTIONS:-}" =~ \ -(javaagent:|agentlib:|agentpath:|XX:StartFlightRecording) ]]; then
  :
elif [ -f "$archive" ]; then
  cds=(-XX:SharedArchiveFile="$archive")
elif [ "${CDS_RECORD:-1}" = 1 ] && [ -w . ]; then
  rm -f app-cds-*.jsa
  echo "service-java.sh: first start of this build of $service: recording the class data sharing archive $PWD/$archive," \
    "which the JVM writes when the service stops" >&2
  # The classes the JVM cannot archive (generated accessors, proxies) are skipped with a warning each: not logged.
  cds=(-XX:ArchiveClassesAtExit="$archive" -Xlog:cds=error)
fi

# Heap: start small and grow on demand, so that the resident size follows what is live rather than the maximum. At most
# 256 MB for neighbourhood-service: its national Leefbaarometer import (~130,000 rows, ~920,000 observations in one
# request and one transaction) fits, as it stores its observations a few thousand at a time, and so do its consumer's
# batches of up to 10,000 measurements. At most 128 MB for the others: a batch of 10,000 measurements (evaluation-service)
# or 500 status events (partner-service) leaves most of it free, and a serial collector fills any heap it may grow into.
# After a full collection the old generation keeps at most 30 % free (default 70 %) and grows to keep 10 % free
# (default 40 %): memory a burst needed goes back to the system instead of staying resident.
# Serial GC: one core's worth of services on a small heap; what the JVM itself picks in a container below 2 CPUs or
# 1792 MB, so local runs and containers behave alike. Metaspace is capped, so a class leak fails loudly instead of
# growing the process. The native heap is trimmed every 10 s (the JIT's and start-up's freed malloc memory goes back
# to the system) and glibc keeps 2 malloc arenas instead of 8 per core.
export MALLOC_ARENA_MAX=2
case "$service" in
  neighbourhood-service) max_heap=256m ;;
  *) max_heap=128m ;;
esac
# shellcheck disable=SC2086 # JAVA_OPTS_APPEND is a list of options
exec java "${cds[@]}" \
  -XX:+UseSerialGC -Xms32m -Xmx"$max_heap" -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 \
  -XX:MaxMetaspaceSize=192m \
  -XX:TrimNativeHeapInterval=10000 \
  ${JAVA_OPTS_APPEND:-} \
  -jar quarkus-run.jar
