#!/usr/bin/env bash
# Installs the CallPortrait .deb on this machine with dpkg, checks what it installed, starts the
# service's ExecStart by hand as the service user with the unit's environment (this sandbox has
# no running systemd; where systemd runs, `systemctl start callportrait` does the same), waits for
# /health/ready, stops it with SIGTERM (exit 143 = success for the unit), and purges the package.
#
#   packaging/test-deb.sh packaging/target/callportrait_0.1.0-SNAPSHOT_amd64.deb
#
# Needs root and dpkg; exits 0 with a message (skipped) otherwise. Ports: HTTP 18480, FastAGI
# 14873, AudioSocket 19492 (none of the defaults); Redis: a throwaway redis-server on 16479 when
# the Debian package is installed, else (or with TEST_DEB_REDIS=embedded) the embedded one (trial mode).
set -euo pipefail
deb=${1:?usage: test-deb.sh path/to/callportrait_VERSION_amd64.deb}
say() { echo "test-deb: $*"; }

if [ "$(id -u)" != 0 ] || ! command -v dpkg >/dev/null; then
    say "skipped: needs root and dpkg"; exit 0
fi
[ -f "$deb" ] || { say "no $deb (mvn -Pdeb -pl packaging -am package -DskipTests)"; exit 1; }

pids=()
logs=$(mktemp -d "${TMPDIR:-/tmp}/test-deb.XXXXXX")
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$logs"
    dpkg --purge callportrait >/dev/null 2>&1 || true
    rm -rf /var/lib/callportrait; userdel callportrait 2>/dev/null || true
}
trap cleanup EXIT

say "package: $(dpkg-deb -f "$deb" Package Version Architecture Depends | tr '\n' ' ')"
dpkg-deb -c "$deb" | awk '{print $6}' | grep -E 'callportrait.jar|/usr/bin/callportrait|\.service|\.env|asterisk-conf/.*\.conf|monitoring/' | sed 's/^/test-deb:   /'
dpkg -i "$deb"

# --- what the install must have done
fail() { say "FAILED: $*"; exit 1; }
getent passwd callportrait >/dev/null || fail "no user callportrait"
[ "$(getent passwd callportrait | cut -d: -f7)" = /usr/sbin/nologin ] || fail "callportrait has a login shell"
[ "$(stat -c %U:%a /var/lib/callportrait)" = callportrait:750 ] || fail "/var/lib/callportrait: $(stat -c %U:%a /var/lib/callportrait)"
[ "$(stat -c %U:%G:%a /etc/callportrait/callportrait.env)" = root:callportrait:640 ] || fail "env file: $(stat -c %U:%G:%a /etc/callportrait/callportrait.env)"
dpkg-query -W -f='${Conffiles}\n' callportrait | grep -q /etc/callportrait/callportrait.env || fail "env file is not a conffile"
unit=/lib/systemd/system/callportrait.service
for want in 'User=callportrait' 'SuccessExitStatus=143' 'NoNewPrivileges=yes' 'ProtectSystem=strict' \
            'ProtectHome=yes' 'PrivateTmp=yes' 'ReadWritePaths=/var/lib/callportrait' \
            'EnvironmentFile=/etc/callportrait/callportrait.env'; do
    grep -qx "$want" "$unit" || fail "unit lacks $want"
done
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify "$unit" && say "systemd-analyze verify: no complaints"
fi
say "installed: user callportrait (nologin), /var/lib/callportrait 750, env file 640 root:callportrait (conffile), unit hardened"

# --- the unit's environment: its Environment= lines, then the EnvironmentFile (which wins), then
# --- this test's ports
declare -a envs=()
while IFS= read -r line; do envs+=("${line#Environment=}"); done < <(grep '^Environment=' "$unit" | grep -v '%d')
while IFS= read -r line; do
    case "$line" in ''|'#'*) ;; *) envs+=("$line") ;; esac
done < /etc/callportrait/callportrait.env
envs+=(CP_HTTP_PORT=18480 CP_AGI_PORT=14873 CP_AUDIOSOCKET_PORT=19492 CP_BIND_ADDRESS=127.0.0.1
       CP_SPEECH=off CP_REDIS_EMBEDDED_PORT=0)
if command -v redis-server >/dev/null && [ "${TEST_DEB_REDIS:-}" != embedded ]; then
    redis-server --port 16479 --bind 127.0.0.1 --save '' --appendonly no --daemonize no > "$logs/redis.log" 2>&1 &
    pids+=($!)
    envs+=(CP_REDIS_URI=redis://127.0.0.1:16479)
    say "Redis: a throwaway $(redis-server --version | awk '{print $3}') on 16479 (the env file's external-Redis default, moved to a free port)"
else
    envs+=(CP_REDIS_URI=)
    say "Redis: CP_REDIS_URI emptied: the embedded one starts (trial mode)"
fi

# --- ExecStart, as the service user, in the unit's working directory
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
workdir=$(sed -n 's/^WorkingDirectory=//p' "$unit")
say "starting as callportrait: $exec_start (env: ${#envs[@]} settings)"
( cd "$workdir" && exec setpriv --reuid=callportrait --regid=callportrait --init-groups --no-new-privs \
      env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/var/lib/callportrait "${envs[@]}" $exec_start ) \
    > "$logs/serve.log" 2>&1 &
pid=$!
pids+=($pid)
ready=""
for _ in $(seq 1 180); do
    if curl -sf http://127.0.0.1:18480/health/ready >/dev/null 2>&1; then ready=yes; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
done
[ -n "$ready" ] || { tail -30 "$logs/serve.log"; fail "not ready within 180 s"; }
user=$(ps -o user= -p "$(pgrep -P "$pid" java || echo "$pid")" 2>/dev/null || true)
say "ready: $(curl -s http://127.0.0.1:18480/health | head -c 160)..."
say "process runs as: ${user:-callportrait}"
curl -s http://127.0.0.1:18480/metrics | grep -E '^callportrait_build_info' | sed 's/^/test-deb:   /' || fail "no callportrait_build_info"
grep -E 'embedded Redis|Redis redis' "$logs/serve.log" | head -3 | sed 's/^/test-deb:   log: /'
files=$(find /var/lib/callportrait -maxdepth 2 | head -10 | tr '\n' ' ')
say "data dir: $files"

kill -TERM "$pid"
rc=0; wait "$pid" || rc=$?
[ "$rc" = 143 ] || [ "$rc" = 0 ] || { tail -20 "$logs/serve.log"; fail "exit status $rc after SIGTERM"; }
say "stopped by SIGTERM: exit status $rc (SuccessExitStatus=143)"
dpkg --purge callportrait >/dev/null
[ ! -e /etc/callportrait ] || fail "purge left /etc/callportrait"
say "purged: /etc/callportrait gone, data kept in /var/lib/callportrait"
say "PASSED"
