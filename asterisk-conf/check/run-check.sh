#!/usr/bin/env bash
# Checks the shipped snippets on a real Asterisk 22 (built from source into ASTERISK_PREFIX) with a
# real CallPortrait `serve`, driving calls with Local channels. Prints what Asterisk logged per
# scenario; README.md "Checked on a real Asterisk 22" is its output.
#
#   ASTERISK_PREFIX=/opt/asterisk CP_JAR=agi-server/target/callportrait.jar asterisk-conf/check/run-check.sh
#
# Ports (none of the defaults): FastAGI 14573, a hung FastAGI 14574, a closed port 14575,
# AudioSocket 19092, HTTP 18080, AMI 15038, embedded Redis on a free port.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
conf=$(dirname "$here")
prefix=${ASTERISK_PREFIX:-/opt/asterisk}
jar=${CP_JAR:-$conf/../agi-server/target/callportrait.jar}
work=${CHECK_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/cp-asterisk-check.XXXXXX")}
ast="$prefix/sbin/asterisk -C $work/etc/asterisk.conf"

[ -x "$prefix/sbin/asterisk" ] || { echo "no Asterisk in $prefix (see README.md: build 22.x from source)"; exit 2; }
[ -f "$jar" ] || { echo "no $jar (mvn -pl agi-server -am package -DskipTests)"; exit 2; }

mkdir -p "$work"/{etc,run,lib,spool,cache,data,astdata} "$work/log/cdr-csv"
pids=()
cleanup() {
    $ast -rx 'core stop now' >/dev/null 2>&1 || true
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT

# --- Asterisk configuration: the shipped snippets, unchanged except the AMI secret; the harness
# --- (check/extensions.conf) around them; phones are Local channels (no pjproject in this build).
secret=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
printf '%s' "$secret" > "$work/ami.secret"
cp "$conf/extensions_callportrait.conf" "$work/etc/"
sed "s#^CHECK_SOUNDS=.*#CHECK_SOUNDS=$work/sounds#" "$here/extensions.conf" > "$work/etc/extensions.conf"
# The caller's voice: the slin 8 kHz payloads of the AudioSocket recording (test resources).
mkdir -p "$work/sounds"
python3 - "$conf/../agi-server/src/test/resources/audiosocket/audiosocket-inbound.bin" "$work/sounds/caller.sln" <<'EOF'
import struct, sys
d = open(sys.argv[1], 'rb').read(); i = 0; out = bytearray()
while i + 3 <= len(d):
    kind, n = d[i], struct.unpack('>H', d[i + 1:i + 3])[0]
    if kind == 0x10:
        out += d[i + 3:i + 3 + n]
    i += 3 + n
open(sys.argv[2], 'wb').write(out)
EOF
# A caller reporting a gas smell (scenario 6): espeak-ng at 8 kHz when installed (a wiring check of
# the redirect, not a speech benchmark), else scenario 6 is skipped.
if command -v espeak-ng >/dev/null && command -v sox >/dev/null; then
    espeak-ng -v en-us -s 150 -w "$work/gas.wav" \
        "hello I can smell gas in my kitchen, there is a strong smell of gas near the meter, please send someone" \
        && sox -q "$work/gas.wav" -r 8000 -c 1 -b 16 -e signed-integer -t raw "$work/sounds/gas.sln"
fi
# The survey prompt and goodbye: 0.5 s of silence each (no sound packages in this build).
mkdir -p "$work/astdata/sounds/en"
ln -sfn "$prefix/var/lib/asterisk/documentation" "$work/astdata/documentation"
head -c 8000 /dev/zero > "$work/astdata/sounds/en/cp-survey.sln"
cp "$work/astdata/sounds/en/cp-survey.sln" "$work/astdata/sounds/en/goodbye.sln"
sed "s/^secret = CHANGE_ME/secret = $secret/" "$conf/manager_callportrait.conf" > "$work/etc/manager_callportrait.conf"
# The only change to queues: the members' state interface is a Custom device state instead of the
# PJSIP phone this build cannot have.
sed 's#,PJSIP/#,Custom:#' "$conf/queues_callportrait.conf" > "$work/etc/queues_callportrait.conf"
cat > "$work/etc/asterisk.conf" <<EOF
[directories]
astcachedir => $work/cache
astetcdir => $work/etc
astmoddir => $prefix/lib/asterisk/modules
astvarlibdir => $work/lib
astdbdir => $work/lib
astkeydir => $work/lib
astdatadir => $work/astdata
astagidir => $work/lib
astspooldir => $work/spool
astrundir => $work/run
astlogdir => $work/log
astsbindir => $prefix/sbin
[options]
verbose = 3
EOF
cat > "$work/etc/modules.conf" <<'EOF'
[modules]
autoload=yes
; nothing that listens on the network except AMI
noload = chan_iax2.so
noload = chan_unistim.so
noload = chan_mgcp.so
noload = chan_skinny.so
noload = res_hep.so
noload = res_hep_rtcp.so
noload = res_phoneprov.so
noload = res_pktccops.so
noload = res_ari.so
noload = cdr_radius.so
noload = cel_radius.so
EOF
cat > "$work/etc/logger.conf" <<'EOF'
[general]
[logfiles]
full => notice,warning,error,verbose(3)
EOF
cat > "$work/etc/manager.conf" <<'EOF'
[general]
enabled = yes
port = 15038
bindaddr = 127.0.0.1
#include manager_callportrait.conf
EOF
cat > "$work/etc/queues.conf" <<'EOF'
[general]
persistentmembers = no
#include queues_callportrait.conf
EOF
cat > "$work/etc/cdr.conf" <<'EOF'
[general]
enable = yes
[csv]
usegmtime = yes
loguniqueid = yes
accountlogs = no
EOF
printf '[general]\n' > "$work/etc/http.conf"
# A second AMI user with the same read classes and NO eventfilter: what the filter saves.
cat >> "$work/etc/manager.conf" <<EOF
[check-unfiltered]
secret = $secret
deny = 0.0.0.0/0.0.0.0
permit = 127.0.0.1/255.255.255.255
read = call,agent
write = system
EOF

cp "$conf/../agi-server/src/main/resources/routing-rules.yaml" "$work/rules.yaml"
# --- CallPortrait serve on non-default ports, embedded Redis, AMI to this Asterisk.
(cd "$work/data" && exec env CP_AGI_PORT=14573 CP_AUDIOSOCKET_PORT=19092 CP_HTTP_PORT=18080 \
    CP_BIND_ADDRESS=127.0.0.1 CP_TAP_AGENT=yes CP_REDIS_EMBEDDED_PORT=0 CP_ROUTING_RULES="$work/rules.yaml" CP_DATA_DIR="$work/data" \
    CP_AMI_URI=ami://callportrait:@127.0.0.1:15038 CP_AMI_SECRET_FILE="$work/ami.secret" \
    java -jar "$jar" serve > "$work/serve.log" 2>&1) &
pids+=($!)
# --- Counts the events an unfiltered AMI session gets, per name.
python3 - "$secret" > "$work/unfiltered.log" 2>&1 <<'EOF' &
import collections, signal, socket, sys, time
counts = collections.Counter()
def dump(*_):
    print(sum(counts.values()), "events:", dict(counts.most_common()), flush=True)
    sys.exit(0)
signal.signal(signal.SIGTERM, dump)
for _ in range(120):
    try:
        s = socket.create_connection(("127.0.0.1", 15038))
        break
    except OSError:
        time.sleep(1)
s.sendall(("Action: Login\r\nUsername: check-unfiltered\r\nSecret: %s\r\n\r\n" % sys.argv[1]).encode())
buf = b""
while True:
    data = s.recv(65536)
    if not data:
        break
    buf += data
    while b"\r\n\r\n" in buf:
        msg, buf = buf.split(b"\r\n\r\n", 1)
        for line in msg.split(b"\r\n"):
            if line.startswith(b"Event: "):
                counts[line[7:].decode()] += 1
dump()
EOF
unfiltered=$!
pids+=($unfiltered)
# --- A FastAGI server that accepts connections and never answers (a hung process).
python3 - > "$work/hung.log" 2>&1 <<'EOF' &
import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 14574)); s.listen(16)
conns = []
while True:
    c, a = s.accept(); conns.append(c); print("hung server: accepted", a, flush=True)
EOF
pids+=($!)

"$prefix/sbin/asterisk" -C "$work/etc/asterisk.conf" -f -n > "$work/asterisk.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do $ast -rx 'core waitfullybooted' >/dev/null 2>&1 && break; sleep 1; done
for _ in $(seq 1 120); do curl -sf http://127.0.0.1:18080/health/ready >/dev/null 2>&1 && break; sleep 1; done
$ast -rx 'devstate change Custom:agent1 NOT_INUSE' >/dev/null
$ast -rx 'devstate change Custom:supervisor1 NOT_INUSE' >/dev/null

full="$work/log/full"
mark() { wc -l < "$full"; }
# Prints the Asterisk log lines of one scenario that show its branches.
show() {
    tail -n +"$(( $1 + 1 ))" "$full" | grep -v '@cp-agents:\|@caller:\|Goto (callportrait-inbound' \
        | grep -E 'AGI Script|app_verbose|Return\(|Queue\(|Unable to join|FastAGI|Couldn.t connect|Executing \[T@|app_queue.c: .*answered|Playback\(.*goodbye|AudioSocket\(|Gosub\(|callportrait-agent-tap:2' \
        | sed -E 's/^\[[^]]+\] //; s/\x1b\[[0-9;]*m//g' | cut -c1-220
}
call() { $ast -rx "channel originate Local/$1@from-trunk extension $2@caller" >/dev/null; }
global() { $ast -rx "dialplan set global $1 $2" >/dev/null; }

echo "== $($ast -rx 'core show version')"
echo "== AMI: $($ast -rx 'manager show connected' | grep -c callportrait) CallPortrait session(s) connected"
echo "== dialplan show +4930123456@callportrait-inbound: $($ast -rx 'dialplan show +4930123456@callportrait-inbound' | grep -o "'_.*CP_DIALLED=[^)]*)" | tr -s ' ')"

echo; echo "== 1. agent answers, hangs up first -> QUEUESTATUS=CONTINUE -> survey (caller presses 4)"
m=$(mark); call 5551234 survey4; sleep 16; show "$m"

echo; echo "== 2. the rules name a queue that does not exist -> QUEUESTATUS=UNKNOWN -> default queue"
sed -i 's/^  queue: support$/  queue: no-such-queue/' "$work/rules.yaml"; sleep 3
global CP_SURVEY no
m=$(mark); call 5552000 silent; sleep 8; show "$m"
global CP_SURVEY yes
cp "$conf/../agi-server/src/main/resources/routing-rules.yaml" "$work/rules.yaml"; sleep 2

echo; echo "== 3. CallPortrait down (nothing listens) -> AGISTATUS=FAILURE -> default routing"
global CP_AGI_HOST 127.0.0.1:14575
m=$(mark); call 5553000 silent; sleep 8; show "$m"

echo; echo "== 4. CallPortrait hangs after accepting the connection -> watchdog TIMEOUT -> default routing"
global CP_AGI_HOST 127.0.0.1:14574
m=$(mark); call 5554000 silent; sleep 9; show "$m"

echo; echo "== 5. first instance hangs, second answers (CP_AGI_HOST2) -> routed by the second"
global CP_AGI_HOST2 127.0.0.1:14573
m=$(mark); call 5555000 silent; sleep 9; show "$m"
global CP_AGI_HOST 127.0.0.1:14573
global CP_AGI_HOST2 ''

# Every metric the alert rules and the dashboard read, against this instance's /metrics after the calls.
curl -s http://127.0.0.1:18080/metrics > "$work/metrics.txt"
python3 - "$conf/../monitoring" "$work/metrics.txt" > "$work/metric-names.log" <<'EOF'
import re, sys, pathlib
d = pathlib.Path(sys.argv[1])
text = (d / "callportrait-alerts.yml").read_text() + (d / "grafana-dashboard.json").read_text()
wanted = set(re.findall(r"\b((?:cp|callportrait)_[a-z0-9_]+)", text))
exposed = set(re.findall(r"(?m)^([a-z_][a-z0-9_]*)", pathlib.Path(sys.argv[2]).read_text()))
missing = sorted(w for w in wanted if w not in exposed)
print("%d metric names read by alerts and dashboard, %d exposed now; not (yet) exposed: %s"
      % (len(wanted), len(wanted) - len(missing), ", ".join(missing) or "none"))
EOF
# While callers still wait: the callportrait user's own Status/QueueStatus lists pass its eventfilter.
python3 - "$secret" > "$work/status.log" 2>&1 <<'EOF'
import socket, sys
s = socket.create_connection(("127.0.0.1", 15038)); s.settimeout(10)
def send(m): s.sendall(m.encode())
send("Action: Login\r\nUsername: callportrait\r\nSecret: %s\r\nActionID: l\r\n\r\n" % sys.argv[1])
send("Action: Status\r\nActionID: st\r\n\r\nAction: QueueStatus\r\nActionID: qs\r\n\r\n")
buf = b""
while b"Event: QueueStatusComplete" not in buf:
    buf += s.recv(65536)
text = buf.decode()
print("Status: %d channels, QueueStatus: %d callers waiting" % (text.count("Event: Status\r\n"), text.count("Event: QueueEntry\r\n")))
EOF
echo; echo "== monitoring: $(cat "$work/metric-names.log")"
echo "== as the callportrait user (eventfilter on), while callers wait: $(cat "$work/status.log")"
echo; echo "== 6. a waiting caller reports a gas smell -> live rule gas-emergency-waiting -> AMI Redirect -> callportrait-emergency"
if [ -f "$work/sounds/gas.sln" ]; then
    # agent1 busy, so the caller waits in its queue; the emergency queue's supervisor1 is free.
    $ast -rx 'devstate change Custom:agent1 INUSE' >/dev/null
    global CP_SURVEY no
    m=$(mark); call 5556000 gas; sleep 20; show "$m" | grep -v 'survey\|5554000\|5555000'
    echo "   live actions: $(curl -s http://127.0.0.1:18080/metrics | grep -E '^cp_live_actions_total' | tr '\n' ' ')"
    global CP_SURVEY yes
    $ast -rx 'devstate change Custom:agent1 NOT_INUSE' >/dev/null
else
    echo "   skipped: espeak-ng and sox are needed to voice the caller"
fi
echo; echo "== 7. a waiting caller complains and asks for a manager -> live rule angry/escalating-waiting -> QueueChangePriorityCaller"
$ast -rx 'devstate change Custom:agent1 INUSE' >/dev/null
global CP_SURVEY no
before=$(curl -s http://127.0.0.1:18080/metrics | grep -E '^cp_live_actions_total\{kind="raise_priority"' | tr '\n' ' ' || true)
call 5557000 silent; sleep 15
echo "   queue show support: $($ast -rx 'queue show support' | grep -E '5557000' | sed -E 's/^ +//')"
echo "   live actions before: ${before:-none}; after: $(curl -s http://127.0.0.1:18080/metrics | grep -E '^cp_live_actions_total\{kind="raise_priority"' | tr '\n' ' ')"
global CP_SURVEY yes
$ast -rx 'devstate change Custom:agent1 NOT_INUSE' >/dev/null
sleep 5
$ast -rx 'channel request hangup all' >/dev/null; sleep 3
cdrs=$(wc -l < "$work/log/cdr-csv/Master.csv" 2>/dev/null || echo 0)
kill "$unfiltered" 2>/dev/null || true; sleep 1

echo; echo "== AMI events CallPortrait received (eventfilter): $(curl -s http://127.0.0.1:18080/metrics | grep -E '^cp_ami_events_total' || true)"
echo "== an AMI session with the same read classes and no eventfilter: $(cat "$work/unfiltered.log")"
echo "== CDRs (cdr-csv/Master.csv): $cdrs records; tap channels among them: $(grep -c 'callportrait-tap\|ChanSpy' "$work/log/cdr-csv/Master.csv" 2>/dev/null || true)"
echo "== CDRs of call 1 (src,dst,dcontext,clid,channel,dstchannel,lastapp):"
grep '"5551234"' "$work/log/cdr-csv/Master.csv" 2>/dev/null | cut -d, -f2-8 | sed 's/^/   /' || true
echo "== work dir: $work"
