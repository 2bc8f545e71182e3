#!/usr/bin/env bash
# Side-by-side benchmark: the same load tool against xmppd, Prosody and ejabberd, one server at a
# time, on this machine, in one run. Prints a table of the figures and the ratios xmppd/peer.
#
#   bench/run.sh [--build] SCENARIO [SERVER...]
#
#   SCENARIO  login        logins with STARTTLS + SCRAM-SHA-1
#             login-plain  logins without TLS + SCRAM-SHA-1
#             chat         1:1 chat at stepped rates, highest rate with p99 within the bound
#             idle         authenticated idle connections up to the open-files limit
#             muc          20 rooms x 50 occupants, groupchat at stepped rates (each message fans out
#                          to its room), highest rate with p99 delivery latency within the bound
#             pubsub       one node with 1,000 subscribers, items published at stepped rates
#   SERVER    xmppd prosody ejabberd (default: all three, in that order)
#   --build   first run "mvn -DskipTests package" for the distribution and the load tool
#
# Environment (defaults in brackets):
#   USERS [1000]          accounts provisioned on each server (user1..userN, one password)
#   LOAD_ARGS []          extra options for the scenario, e.g. "--logins 200 --warmup 50" (see
#                         java -jar load-tool/target/load-tool.jar SCENARIO --help)
#   SERVER_CPU [0]        core the server is pinned to (taskset)
#   LOAD_CPU [1]          core the load tool is pinned to
#   WORK [/tmp/xmppd-bench]  scratch directory: server data, logs, tool output (wiped per server)
#   RESULTS [$WORK/results-SCENARIO.md]  where the table is written as well (e.g. bench/results/...)
#   PROVISION [ibr]       ibr: in-band registration by the load tool (seconds for 1,000 users);
#                         cli: prosodyctl/ejabberdctl register, bin/xmppd adduser (one process per
#                         user: minutes for 1,000 users)
#   XMPPD_JAVA_OPTS [-Xmx2g]  JVM options of xmppd;  LOAD_JAVA_OPTS [-Xmx3g] of the load tool
#   PORT_XMPPD [15222]  PORT_PROSODY [25222]  PORT_EJABBERD [35222]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
USERS=${USERS:-1000}
LOAD_ARGS=${LOAD_ARGS:-}
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
WORK=${WORK:-/tmp/xmppd-bench}
PROVISION=${PROVISION:-ibr}
XMPPD_JAVA_OPTS=${XMPPD_JAVA_OPTS:--Xmx2g}
LOAD_JAVA_OPTS=${LOAD_JAVA_OPTS:--Xmx3g}
PASSWORD=bench-password
DOMAIN=localhost
declare -A PORT=([xmppd]=${PORT_XMPPD:-15222} [prosody]=${PORT_PROSODY:-25222} [ejabberd]=${PORT_EJABBERD:-35222})
EJABBERD_NODE=ejabberd-bench@localhost
LOAD_JAR="$ROOT/load-tool/target/load-tool.jar"
XMPPD_DIST="$ROOT/distribution/target/xmppd"

die() { echo "bench: $*" >&2; exit 1; }
log() { echo "bench: $*" >&2; }

BUILD=0
if [[ ${1:-} == --build ]]; then BUILD=1; shift; fi
SCENARIO=${1:-}
[[ $SCENARIO =~ ^(login|login-plain|chat|idle|muc|pubsub)$ ]] ||
    die "usage: bench/run.sh [--build] login|login-plain|chat|idle|muc|pubsub [xmppd] [prosody] [ejabberd]"
shift
SERVERS=("$@")
[[ ${#SERVERS[@]} -gt 0 ]] || SERVERS=(xmppd prosody ejabberd)
for s in "${SERVERS[@]}"; do [[ -n ${PORT[$s]:-} ]] || die "unknown server '$s' (xmppd, prosody, ejabberd)"; done
RESULTS=${RESULTS:-$WORK/results-$SCENARIO.md}

if [[ $BUILD == 1 ]]; then
    (cd "$ROOT" && mvn -q -B -DskipTests -pl distribution,load-tool -am package)
fi
[[ -f $LOAD_JAR ]] || die "no $LOAD_JAR: run with --build (or mvn -DskipTests package)"

# ---- helpers -------------------------------------------------------------------------------

render() { # template destination work port
    sed -e "s|@WORK@|$3|g" -e "s|@PORT@|$4|g" "$1" > "$2"
}

wait_port() { # port seconds
    local deadline=$((SECONDS + $2))
    until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
        ((SECONDS < deadline)) || return 1
        sleep 0.5
    done
}

wait_exit() { # pid seconds
    local deadline=$((SECONDS + $2))
    while kill -0 "$1" 2>/dev/null; do
        ((SECONDS < deadline)) || return 1
        sleep 0.5
    done
}

# One EC P-256 self-signed certificate for every server, so TLS costs the same everywhere.
make_cert() { # dir
    mkdir -p "$1"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 \
        -subj "/CN=$DOMAIN" -addext "subjectAltName=DNS:$DOMAIN" \
        -keyout "$1/localhost.key" -out "$1/localhost.crt" 2>/dev/null
    cat "$1/localhost.crt" "$1/localhost.key" > "$1/localhost.pem"
}

load_tool() { # scenario args...
    # shellcheck disable=SC2086
    taskset -c "$LOAD_CPU" java $LOAD_JAVA_OPTS -jar "$LOAD_JAR" "$@"
}

# ---- servers: start_<name> sets SERVER_PID; stop_<name> stops it ------------------------------

start_xmppd() {
    local w=$WORK/xmppd
    [[ -x $XMPPD_DIST/bin/xmppd ]] || die "no $XMPPD_DIST: run with --build"
    cp -r "$XMPPD_DIST" "$w/install"
    render "$BENCH/peers/xmppd/xmppd.yml" "$w/install/conf/bench.yml" "$w" "${PORT[xmppd]}"
    # The template names no certificate: point it at the one shared by all servers.
    sed -i -e "/^tls:/a\\  certificate: $w/certs/localhost.crt\\n  private_key: $w/certs/localhost.key" \
        "$w/install/conf/bench.yml"
    if [[ $PROVISION == cli ]]; then
        for ((i = 1; i <= USERS; i++)); do
            echo "$PASSWORD" | "$w/install/bin/xmppd" adduser --config "$w/install/conf/bench.yml" "user$i@$DOMAIN" >/dev/null
        done
    fi
    XMPPD_JAVA_OPTS=$XMPPD_JAVA_OPTS taskset -c "$SERVER_CPU" "$w/install/bin/xmppd" run \
        --config "$w/install/conf/bench.yml" > "$w/console.log" 2>&1 &
    SERVER_PID=$!   # bin/xmppd execs java: this is the JVM
    wait_port "${PORT[xmppd]}" 90 || die "xmppd did not start, see $w/console.log"
}

stop_xmppd() {
    kill "$SERVER_PID" 2>/dev/null || true
    wait_exit "$SERVER_PID" 40 || kill -9 "$SERVER_PID"
}

start_prosody() {
    local w=$WORK/prosody
    mkdir -p "$w/data"
    render "$BENCH/peers/prosody/prosody.cfg.lua" "$w/prosody.cfg.lua" "$w" "${PORT[prosody]}"
    if [[ $PROVISION == cli ]]; then
        for ((i = 1; i <= USERS; i++)); do
            prosodyctl --config "$w/prosody.cfg.lua" register "user$i" "$DOMAIN" "$PASSWORD" >/dev/null
        done
    fi
    taskset -c "$SERVER_CPU" prosody -F --config "$w/prosody.cfg.lua" > "$w/console.log" 2>&1 &
    SERVER_PID=$!   # prosody is a Lua script run directly: this is the interpreter
    wait_port "${PORT[prosody]}" 30 || die "prosody did not start, see $w/console.log and $w/prosody.log"
}

stop_prosody() {
    kill "$SERVER_PID" 2>/dev/null || true
    wait_exit "$SERVER_PID" 30 || kill -9 "$SERVER_PID"
}

# ejabberdctl started by root switches to the ejabberd user with su, whose PAM limits cut open
# files to 1024 ("too many open files" past ~1,000 clients); starting it as that user directly
# (setpriv, no PAM) keeps this shell's limit, and ejabberdctl then runs the node as is.
as_ejabberd() {
    HOME=$WORK/ejabberd setpriv --reuid=ejabberd --regid=ejabberd --init-groups "$@"
}

ejabberdctl_bench() {
    local w=$WORK/ejabberd
    as_ejabberd ejabberdctl --config "$w/ejabberd.yml" --ctl-config "$w/ejabberdctl.cfg" --logs "$w/logs" \
        --spool "$w/db" --node "$EJABBERD_NODE" "$@"
}

start_ejabberd() {
    local w=$WORK/ejabberd
    mkdir -p "$w/logs" "$w/db"
    render "$BENCH/peers/ejabberd/ejabberd.yml" "$w/ejabberd.yml" "$w" "${PORT[ejabberd]}"
    render "$BENCH/peers/ejabberd/ejabberdctl.cfg" "$w/ejabberdctl.cfg" "$w" "${PORT[ejabberd]}"
    chown -R ejabberd:ejabberd "$w"   # ejabberdctl runs the node as the ejabberd user
    as_ejabberd taskset -c "$SERVER_CPU" ejabberdctl --config "$w/ejabberd.yml" --ctl-config "$w/ejabberdctl.cfg" \
        --logs "$w/logs" --spool "$w/db" --node "$EJABBERD_NODE" foreground > "$w/console.log" 2>&1 &
    EJABBERD_WRAPPER=$!
    wait_port "${PORT[ejabberd]}" 60 || die "ejabberd did not start, see $w/console.log and $w/logs"
    # The measured process is the Erlang VM, not the wrapper scripts above it.
    SERVER_PID=$(pgrep -f "beam.smp.*-sname $EJABBERD_NODE" | head -1)
    [[ -n $SERVER_PID ]] || die "cannot find the beam.smp of $EJABBERD_NODE"
    if [[ $PROVISION == cli ]]; then
        for ((i = 1; i <= USERS; i++)); do
            ejabberdctl_bench register "user$i" "$DOMAIN" "$PASSWORD" >/dev/null
        done
    fi
}

stop_ejabberd() {
    ejabberdctl_bench stop >/dev/null 2>&1 || kill "$SERVER_PID" 2>/dev/null || true
    wait_exit "$SERVER_PID" 40 || kill -9 "$SERVER_PID"
    wait_exit "$EJABBERD_WRAPPER" 10 || true
}

# ---- one scenario against one server --------------------------------------------------------

scenario_args() {
    case $SCENARIO in
        login) echo "login --tls STARTTLS" ;;
        login-plain) echo "login --tls NONE" ;;
        chat) echo "chat --tls STARTTLS" ;;
        idle) echo "idle --tls STARTTLS" ;;
        muc) echo "muc --tls STARTTLS" ;;
        pubsub) echo "pubsub --tls STARTTLS" ;;
    esac
}

run_one() { # server
    local s=$1 w=$WORK/$1 common
    rm -rf "$w" && mkdir -p "$w"
    make_cert "$w/certs"
    log "$s: starting on 127.0.0.1:${PORT[$s]} (core $SERVER_CPU)"
    "start_$s"
    trap 'stop_'"$s"' 2>/dev/null || true' EXIT
    common="--port ${PORT[$s]} --domain $DOMAIN --users $USERS --password $PASSWORD"
    if [[ $PROVISION == ibr ]]; then
        log "$s: registering $USERS users"
        # shellcheck disable=SC2086
        load_tool register $common --tls NONE --concurrency 16 > "$w/register.out" \
            || die "$s: provisioning failed, see $w/register.out"
    fi
    log "$s: running $SCENARIO (load on core $LOAD_CPU, server pid $SERVER_PID)"
    # shellcheck disable=SC2046,SC2086
    load_tool $(scenario_args) $common --server-pid "$SERVER_PID" $LOAD_ARGS | tee "$w/$SCENARIO.out" >&2 || true
    "stop_$s"
    trap - EXIT
    grep '^RESULT ' "$w/$SCENARIO.out" | tail -1 > "$w/result" || echo "RESULT scenario=$SCENARIO" > "$w/result"
}

figure() { # server key
    sed -n "s/.* $2=\([^ ]*\).*/\1/p" "$WORK/$1/result"
}

versions() {
    echo "- xmppd: $(git -C "$ROOT" describe --always --dirty 2>/dev/null), $(java -version 2>&1 | head -1)"
    echo "- Prosody: $(dpkg-query -W -f '${Version}' prosody 2>/dev/null || echo n/a)"
    echo "- ejabberd: $(dpkg-query -W -f '${Version}' ejabberd 2>/dev/null || echo n/a)"
    echo "- machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)," \
        "$(free -g | awk '/Mem:/ {print $2}') GB, $(uname -sr), open files $(ulimit -n)"
    echo "- server on core $SERVER_CPU, load tool on core $LOAD_CPU; $USERS users; extra options: ${LOAD_ARGS:-none}"
}

direction() { # key: which way is better
    case $1 in
        logins_per_s | max_rate_passing | users_online | established | *_per_s_at_max | occupants_joined | subscribed)
            echo "higher is better" ;;
        *) echo "lower is better" ;;
    esac
}

table() {
    local keys peers=() s k v x
    case $SCENARIO in
        login | login-plain) keys="logins_per_s p50_ms p99_ms server_cpu_ms_per_login errors" ;;
        chat) keys="max_rate_passing p99_ms_at_max server_cpu_ms_per_msg_at_max users_online dropped_connections" ;;
        idle) keys="established errors server_rss_kib_per_conn server_idle_cpu_percent ramp_seconds" ;;
        muc) keys="max_rate_passing deliveries_per_s_at_max p50_ms_at_max p99_ms_at_max server_cpu_ms_per_delivery_at_max
                   occupants_joined join_errors lost_at_max dropped_connections" ;;
        pubsub) keys="max_rate_passing notifications_per_s_at_max p50_ms_at_max p99_ms_at_max
                      server_cpu_ms_per_notification_at_max subscribed subscribe_errors lost_at_max dropped_connections" ;;
    esac
    # Ratios need xmppd in this run: figures of another run are not compared.
    if [[ " ${SERVERS[*]} " == *" xmppd "* ]]; then
        for s in "${SERVERS[@]}"; do [[ $s == xmppd ]] || peers+=("$s"); done
    fi
    echo "## $SCENARIO, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    versions
    echo
    printf '| figure |'; for s in "${SERVERS[@]}"; do printf ' %s |' "$s"; done
    for s in ${peers[@]+"${peers[@]}"}; do printf ' xmppd/%s |' "$s"; done; echo
    printf '|---|'; for s in "${SERVERS[@]}" ${peers[@]+"${peers[@]}"}; do printf -- '---|'; done; echo
    for k in $keys; do
        printf '| %s (%s) |' "$k" "$(direction "$k")"
        for s in "${SERVERS[@]}"; do printf ' %s |' "$(figure "$s" "$k")"; done
        for s in ${peers[@]+"${peers[@]}"}; do
            x=$(figure xmppd "$k"); v=$(figure "$s" "$k")
            printf ' %s |' "$(awk -v a="$x" -v b="$v" 'BEGIN {
                if (a == "" || b == "" || a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b + 0 == 0) print "-";
                else printf "%.2f", a / b }')"
        done
        echo
    done
    for s in "${SERVERS[@]}"; do
        v=$(figure "$s" note); [[ -z $v ]] || echo "- $s: ${v//_/ }"
    done
}

mkdir -p "$WORK"
for s in "${SERVERS[@]}"; do run_one "$s"; done
table | tee "$RESULTS"
log "table written to $RESULTS"
