#!/usr/bin/env bash
# A real HiveServer2-protocol warehouse on loopback, for integration tests.
#
#   scripts/hive-rig.sh start [STATE_DIR]   install what is missing, start, print env lines
#   scripts/hive-rig.sh stop  [STATE_DIR]   stop the Spark servers and PostgreSQL
#   scripts/hive-rig.sh env   [STATE_DIR]   print env lines of a running rig
#
# STATE_DIR defaults to ${EXPOSURE_RIG_DIR:-/tmp/exposure-hive-rig}. Stdout carries only the
# shell-sourceable env lines (also written to STATE_DIR/rig.env); progress and errors go to stderr.
#
# Parts: PostgreSQL (the Hive metastore's database), the metastore schema created once by DataNucleus
# SchemaTool from the package.jdo in pyspark's hive-metastore jar, Spark's Thrift Server
# (HiveThriftServer2), which speaks the HiveServer2 protocol, and a Spark Connect server (gRPC, the
# protocol of `sc://` URLs); both Spark servers have an embedded metastore client on that database.
# The Connect server's executors run Python UDFs with RIG_PYTHON, so they import what it has.
#
# Knobs: RIG_PYTHON (python that gets pyspark; default: the repo's .venv, else python3),
# RIG_START_TIMEOUT (seconds to wait for each Spark server, default 180), RIG_PG_BIN.
set -euo pipefail

PYSPARK_VERSION=4.3.0
METASTORE_DB=metastore
METASTORE_USER=hive
HOST=127.0.0.1
START_TIMEOUT=${RIG_START_TIMEOUT:-180}
JDBC_JAR=/usr/share/java/postgresql.jar
THRIFT_CLASS=org.apache.spark.sql.hive.thriftserver.HiveThriftServer2
CONNECT_CLASS=org.apache.spark.sql.connect.service.SparkConnectServer

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

log() { printf 'hive-rig: %s\n' "$*" >&2; }

# die MESSAGE [LOGFILE]: fail with the tail of the log that explains the failure.
die() {
  log "ERROR: $1"
  if [ -n "${2:-}" ] && [ -r "$2" ]; then
    log "last lines of $2:"
    tail -n 40 "$2" | sed 's/^/    /' >&2
  fi
  exit 1
}

usage() {
  echo "usage: $0 {start|stop|env} [STATE_DIR]" >&2
  exit 2
}

if [ $# -lt 1 ] || [ $# -gt 2 ]; then usage; fi
CMD=$1
STATE=${2:-${EXPOSURE_RIG_DIR:-/tmp/exposure-hive-rig}}
case $STATE in /*) ;; *) STATE=$PWD/$STATE ;; esac

PGDATA=$STATE/pgdata
PGRUN=$STATE/pgrun          # socket + server log; owned by the PostgreSQL OS user
PGLOG=$PGRUN/postgres.log
PASSWORD_FILE=$STATE/metastore.password
SCHEMA_DIR=$STATE/schema
SCHEMA_DONE=$STATE/schema.done
SPARK_CONF=$STATE/spark.conf     # the Spark servers' properties, password included (0600)
THRIFT_LOG=$STATE/thrift.log
THRIFT_PID=$STATE/thrift.pid
CONNECT_LOG=$STATE/connect.log
CONNECT_PID=$STATE/connect.pid
ENV_FILE=$STATE/rig.env

# PostgreSQL refuses to run as root, so as root it runs as the `postgres` OS user.
if [ "$(id -u)" = 0 ]; then PG_OS_USER=postgres; else PG_OS_USER=$(id -un); fi

# Fd 9 holds the state-dir lock (lock_state). Every child that may outlive this script gets it
# closed, or the servers would inherit it and hold the lock for ever.
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    # cd first: the caller's cwd (e.g. /root) may be unreadable for postgres.
    (cd "$STATE" && runuser -u "$PG_OS_USER" -- "$@" 9>&-)
  else
    (cd "$STATE" && "$@" 9>&-)
  fi
}

# ---------------------------------------------------------------------------------------------
# Installation of missing pieces

APT_UPDATED=
apt_install() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    die "missing $*; install it (Debian: apt-get install $*) or run this script as root"
  fi
  mkdir -p "$STATE"
  if [ -z "$APT_UPDATED" ]; then
    log "apt-get update"
    apt-get update >"$STATE/apt.log" 2>&1 || die "apt-get update failed" "$STATE/apt.log"
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >>"$STATE/apt.log" 2>&1 ||
    die "apt-get install $* failed" "$STATE/apt.log"
}

find_pg_bin() {
  if [ -n "${RIG_PG_BIN:-}" ]; then echo "$RIG_PG_BIN"; return; fi
  if [ -x /usr/lib/postgresql/15/bin/postgres ]; then echo /usr/lib/postgresql/15/bin; return; fi
  # Any other installed major version works too; take the newest.
  local d v best=0
  for d in /usr/lib/postgresql/*/bin; do
    v=${d#/usr/lib/postgresql/}
    v=${v%%/*}
    if [ -x "$d/postgres" ] && [ "$v" -gt "$best" ] 2>/dev/null; then best=$v; fi
  done
  [ "$best" -gt 0 ] && echo "/usr/lib/postgresql/$best/bin"
}

ensure_postgres() {
  PG_BIN=$(find_pg_bin || true)
  if [ -z "$PG_BIN" ]; then
    if [ "$(id -u)" = 0 ]; then
      # Debian would otherwise create and start a default cluster on port 5432 that nothing uses.
      mkdir -p /etc/postgresql-common/createcluster.d
      echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.d/no-main-cluster.conf
    fi
    apt_install postgresql-15
    PG_BIN=$(find_pg_bin || true)
    [ -n "$PG_BIN" ] || die "PostgreSQL binaries not found after install"
  fi
  if [ "$(id -u)" = 0 ] && ! id "$PG_OS_USER" >/dev/null 2>&1; then
    die "OS user '$PG_OS_USER' is missing (PostgreSQL will not run as root)"
  fi
}

ensure_java() {
  # Spark 4 needs Java 17 or newer.
  local v=
  if command -v java >/dev/null; then
    v=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  fi
  if [ -z "$v" ] || [ "${v%%.*}" -lt 17 ]; then
    apt_install openjdk-17-jre-headless
  fi
}

ensure_jdbc() {
  [ -r "$JDBC_JAR" ] || apt_install libpostgresql-jdbc-java
  [ -r "$JDBC_JAR" ] || die "$JDBC_JAR is still missing"
}

pick_python() {
  if [ -n "${RIG_PYTHON:-}" ]; then PY=$RIG_PYTHON
  elif [ -x "$REPO/.venv/bin/python" ]; then PY=$REPO/.venv/bin/python
  else
    PY=python3
    command -v "$PY" >/dev/null || die "python3 not found (set RIG_PYTHON)"
    # Debian's own python3 refuses pip installs (PEP 668): give the rig a venv of its own then.
    if "$PY" -c 'import os, sys, sysconfig
sys.exit(sys.prefix != sys.base_prefix
         or not os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")))'; then
      if [ ! -x "$STATE/venv/bin/python" ]; then
        log "python3 is externally managed; creating $STATE/venv"
        "$PY" -m venv "$STATE/venv" >&2 || { apt_install python3-venv && "$PY" -m venv "$STATE/venv" >&2; } ||
          die "python3 -m venv $STATE/venv failed"
      fi
      PY=$STATE/venv/bin/python
    fi
  fi
  command -v "$PY" >/dev/null || die "python '$PY' not found (set RIG_PYTHON)"
  # Absolute, without resolving symlinks (a venv's python is a symlink to the base interpreter):
  # the Connect server runs from the state dir and hands this path to its Python workers.
  case $PY in
    */*) PY=$(cd "$(dirname "$PY")" && pwd)/$(basename "$PY") ;;
    *) PY=$(command -v "$PY") ;;
  esac
}

ensure_pyspark() {
  local have
  have=$("$PY" -m pip show pyspark 2>/dev/null | sed -n 's/^Version: //p' || true)
  if [ "$have" != "$PYSPARK_VERSION" ]; then
    # ~500 MB download; the metastore jar inside it (hive-metastore 2.3.10) is what the schema
    # below is created from, so the version is pinned.
    log "pip install pyspark==$PYSPARK_VERSION into $PY (have: ${have:-none})"
    "$PY" -m pip install --disable-pip-version-check --progress-bar off "pyspark==$PYSPARK_VERSION" >&2 ||
      die "pip install pyspark==$PYSPARK_VERSION failed"
  fi
  SPARK_HOME=$("$PY" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))') ||
    die "cannot import pyspark with $PY"
  export SPARK_HOME
  [ -x "$SPARK_HOME/bin/spark-submit" ] || die "$SPARK_HOME/bin/spark-submit missing"
}

# ---------------------------------------------------------------------------------------------
# Small helpers

# port_free PORT: true when PORT can be bound on the loopback address.
port_free() {
  "$PY" - "$1" <<'EOF'
import socket, sys
s = socket.socket()
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
EOF
}

free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# choose_port FILE: the port remembered in FILE if still free, else a new free one (remembered).
choose_port() {
  local f=$1 p=
  [ -s "$f" ] && p=$(cat "$f")
  if [ -z "$p" ] || ! port_free "$p"; then
    p=$(free_port)
    echo "$p" >"$f"
  fi
  echo "$p"
}

tcp_open() { timeout 5 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null; }

pg_running() {
  [ -f "$PGDATA/PG_VERSION" ] && as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1
}

# server_running PIDFILE CLASS: the JVM in PIDFILE is alive and runs CLASS.
server_running() {
  local pid
  [ -s "$1" ] || return 1
  pid=$(cat "$1")
  # Check the command line too: after a reboot the pid may belong to something else.
  alive "$pid" && grep -qaF "$2" "/proc/$pid/cmdline" 2>/dev/null
}

thrift_running() { server_running "$THRIFT_PID" "$THRIFT_CLASS"; }
connect_running() { server_running "$CONNECT_PID" "$CONNECT_CLASS"; }

# alive PID: the process exists and is not a zombie (a zombie still answers kill -0).
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local state
  state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null || true)
  [ "$state" != Z ]
}

# psql_admin DB [psql args]: superuser psql over the private socket.
psql_admin() {
  local db=$1
  shift
  as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGRUN" -p "$(cat "$STATE/pg.port")" -d "$db" "$@"
}

write_env() {
  local tmp=$ENV_FILE.tmp
  {
    echo "EXPOSURE_HIVE_HOST=$HOST"
    echo "EXPOSURE_HIVE_PORT=$(cat "$STATE/thrift.port")"
    echo "EXPOSURE_METASTORE_HOST=$HOST"
    echo "EXPOSURE_METASTORE_PORT=$(cat "$STATE/pg.port")"
    echo "EXPOSURE_METASTORE_USER=$METASTORE_USER"
    echo "EXPOSURE_METASTORE_DB=$METASTORE_DB"
    printf 'EXPOSURE_METASTORE_PASSWORD_FILE=%q\n' "$PASSWORD_FILE"
    echo "EXPOSURE_SPARK_CONNECT_URL=sc://$HOST:$(cat "$STATE/connect.port")"
    printf 'EXPOSURE_SPARK_PROPERTIES_FILE=%q\n' "$SPARK_CONF"
  } >"$tmp"
  mv "$tmp" "$ENV_FILE"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL metastore database

start_postgres() {
  mkdir -p "$PGRUN"
  chown "$PG_OS_USER" "$PGRUN"
  chmod 0700 "$PGRUN"
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    rm -rf "$PGDATA"
    mkdir -p "$PGDATA"
    chown "$PG_OS_USER" "$PGDATA"
    chmod 0700 "$PGDATA"
    log "initdb $PGDATA"
    # UTF8: hostile (unicode) column names must round-trip through the metastore.
    as_pg "$PG_BIN/initdb" -D "$PGDATA" -U "$PG_OS_USER" -E UTF8 --locale=C.UTF-8 --no-sync \
      >"$STATE/initdb.log" 2>&1 || die "initdb failed" "$STATE/initdb.log"
    # Admin work runs as the OS user over the private socket (peer); everything else, including the
    # metastore login, must present its password over TCP on loopback.
    as_pg sh -c "cat >'$PGDATA/pg_hba.conf'" <<'EOF'
local all all peer
host all all 127.0.0.1/32 scram-sha-256
EOF
  fi
  local port
  port=$(choose_port "$STATE/pg.port")
  log "starting PostgreSQL on $HOST:$port"
  # No TCP listener beyond loopback; socket only in the state dir, not /var/run/postgresql.
  as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGLOG" -w -t 60 \
    -o "-p $port -c listen_addresses=$HOST -c unix_socket_directories='$PGRUN' -c unix_socket_permissions=0700" \
    start >/dev/null || die "PostgreSQL did not start" "$PGLOG"
}

ensure_metastore_db() {
  if [ ! -s "$PASSWORD_FILE" ]; then
    (umask 077 && "$PY" -c 'import secrets; print(secrets.token_hex(24))' >"$PASSWORD_FILE")
  fi
  chmod 0600 "$PASSWORD_FILE"
  local pw
  pw=$(cat "$PASSWORD_FILE")
  # Password via stdin, never argv (visible in ps). ALTER keeps the role in step with the file.
  psql_admin postgres >&2 <<EOF || die "creating role $METASTORE_USER failed" "$PGLOG"
SELECT 'CREATE ROLE $METASTORE_USER LOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$METASTORE_USER')
\gexec
ALTER ROLE $METASTORE_USER LOGIN PASSWORD '$pw';
EOF
  if [ ! -f "$SCHEMA_DONE" ]; then
    # A half-made schema from an interrupted run would confuse the metastore: start over.
    psql_admin postgres >&2 -c "SET client_min_messages = warning" \
      -c "DROP DATABASE IF EXISTS $METASTORE_DB" \
      -c "CREATE DATABASE $METASTORE_DB OWNER $METASTORE_USER ENCODING 'UTF8'" ||
      die "creating database $METASTORE_DB failed" "$PGLOG"
    create_schema
    touch "$SCHEMA_DONE"
  fi
}

# The schema is created up front: letting the metastore create it lazily on PostgreSQL deadlocks
# (its ALTER TABLE ... ADD CONSTRAINT waits on the open CREATE TABLE transaction; the first CREATE
# TABLE then hangs forever).
create_schema() {
  local jar=
  for jar in "$SPARK_HOME"/jars/hive-metastore-*.jar; do break; done
  [ -f "$jar" ] || die "no hive-metastore jar in $SPARK_HOME/jars"
  rm -rf "$SCHEMA_DIR"
  mkdir -p "$SCHEMA_DIR"
  chmod 0700 "$SCHEMA_DIR"
  "$PY" - "$jar" "$SCHEMA_DIR/package.jdo" <<'EOF' || die "cannot extract package.jdo from $jar"
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, open(sys.argv[2], "wb") as out:
    out.write(z.read("package.jdo"))
EOF
  (
    umask 077
    cat >"$SCHEMA_DIR/dn.properties" <<EOF
javax.jdo.option.ConnectionURL=jdbc:postgresql://$HOST:$(cat "$STATE/pg.port")/$METASTORE_DB
javax.jdo.option.ConnectionDriverName=org.postgresql.Driver
javax.jdo.option.ConnectionUserName=$METASTORE_USER
javax.jdo.option.ConnectionPassword=$(cat "$PASSWORD_FILE")
datanucleus.schema.autoCreateAll=true
datanucleus.identifierFactory=datanucleus1
datanucleus.rdbms.useLegacyNativeValueStrategy=true
datanucleus.storeManagerType=rdbms
EOF
  )
  log "creating the metastore schema (SchemaTool, $(basename "$jar"))"
  (cd "$SCHEMA_DIR" && timeout 300 java -cp "$SPARK_HOME/jars/*:$JDBC_JAR:$SCHEMA_DIR" \
    org.datanucleus.store.schema.SchemaTool -create -api JDO -props dn.properties package.jdo) \
    >"$STATE/schematool.log" 2>&1 || die "SchemaTool failed" "$STATE/schematool.log"
  local n
  n=$(psql_admin "$METASTORE_DB" -Atc \
    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
  [ "$n" -ge 40 ] || die "SchemaTool made only $n tables" "$STATE/schematool.log"
  rm -f "$SCHEMA_DIR/dn.properties"
  log "metastore schema: $n tables"
}

# ---------------------------------------------------------------------------------------------
# Spark servers: the Thrift Server (HiveServer2 protocol) and the Connect server (gRPC)

write_spark_conf() {
  (
    umask 077
    # A properties file, not --conf, so the metastore password stays out of argv. Both servers
    # read it and add their own listener settings on the command line; an in-process session
    # (the scanner's spark:local[N] source) can load it as it is, JDBC driver included.
    cat >"$SPARK_CONF" <<EOF
spark.driver.memory=1g
spark.jars=$JDBC_JAR
spark.driver.extraClassPath=$JDBC_JAR
spark.ui.enabled=false
spark.driver.bindAddress=$HOST
spark.driver.host=$HOST
spark.local.dir=$STATE/spark-local
spark.sql.warehouse.dir=$STATE/warehouse
spark.hadoop.javax.jdo.option.ConnectionURL=jdbc:postgresql://$HOST:$(cat "$STATE/pg.port")/$METASTORE_DB
spark.hadoop.javax.jdo.option.ConnectionDriverName=org.postgresql.Driver
spark.hadoop.javax.jdo.option.ConnectionUserName=$METASTORE_USER
spark.hadoop.javax.jdo.option.ConnectionPassword=$(cat "$PASSWORD_FILE")
spark.hadoop.hive.metastore.schema.verification=false
spark.hadoop.datanucleus.schema.autoCreateAll=false
EOF
  )
  mkdir -p "$STATE/warehouse" "$STATE/spark-local" "$STATE/connect-local"
  rm -f "$STATE/spark-thrift.conf"   # this file's name before the Connect server shared it
}

# launch_spark NAME PIDFILE LOG CLASS [spark-submit args...]: start a Spark server in the
# background. setsid + nohup: it outlives this shell and its terminal. The cwd is the state dir so
# stray files (derby.log, metastore_db) land there. spark-submit execs into the JVM, so $! is it.
launch_spark() {
  local name=$1 pidfile=$2 logfile=$3 class=$4
  shift 4
  log "starting the $name (log: $logfile)"
  : >"$logfile"
  (
    cd "$STATE"
    exec 9>&-
    export SPARK_LOCAL_IP=$HOST   # else Spark resolves the host name to a non-loopback address
    exec setsid nohup "$SPARK_HOME/bin/spark-submit" \
      --class "$class" --master 'local[2]' --driver-memory 1g \
      --properties-file "$SPARK_CONF" \
      --jars "$JDBC_JAR" --driver-class-path "$JDBC_JAR" \
      "$@" </dev/null >>"$logfile" 2>&1
  ) &
  echo "$!" >"$pidfile"
}

# wait_spark NAME PIDFILE LOG CLASS READY_PATTERN PORT: wait for the log line that says the server
# is up, then for the port to accept connections.
wait_spark() {
  local name=$1 pidfile=$2 logfile=$3 class=$4 ready=$5 port=$6 pid waited=0 tries=0
  pid=$(cat "$pidfile")
  until grep -q "$ready" "$logfile" 2>/dev/null; do
    if ! alive "$pid"; then
      rm -f "$pidfile"
      die "the $name exited during start-up" "$logfile"
    fi
    if [ "$waited" -ge "$START_TIMEOUT" ]; then
      stop_spark "$name" "$pidfile" "$class"
      die "the $name did not start within ${START_TIMEOUT}s" "$logfile"
    fi
    sleep 1
    waited=$((waited + 1))
  done
  # The log line comes just after the listener opens; confirm with a real connect.
  until tcp_open "$port"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 30 ]; then
      stop_spark "$name" "$pidfile" "$class"
      die "the $name logged start but $HOST:$port does not accept connections" "$logfile"
    fi
    sleep 1
  done
  log "$name up $(ps -o etimes= -p "$pid" | tr -d ' ')s after launch (pid $pid)"
}

# stop_spark NAME PIDFILE CLASS
stop_spark() {
  local name=$1 pidfile=$2 class=$3 pid _
  [ -s "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if server_running "$pidfile" "$class"; then
    log "stopping the $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
      alive "$pid" || break
      sleep 1
    done
    if alive "$pid"; then
      log "$name ignored TERM for 30s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
    fi
  fi
  rm -f "$pidfile"
}

launch_thrift() {
  local port
  port=$(choose_port "$STATE/thrift.port")
  launch_spark "thrift server" "$THRIFT_PID" "$THRIFT_LOG" "$THRIFT_CLASS" --name exposure-hive-rig \
    spark-internal \
    --hiveconf "hive.server2.thrift.port=$port" \
    --hiveconf "hive.server2.thrift.bind.host=$HOST"
}

wait_thrift() {
  wait_spark "thrift server" "$THRIFT_PID" "$THRIFT_LOG" "$THRIFT_CLASS" 'HiveThriftServer2 started' \
    "$(cat "$STATE/thrift.port")"
}

stop_thrift() { stop_spark "thrift server" "$THRIFT_PID" "$THRIFT_CLASS"; }

# The Connect server: Hive catalog on the same metastore, gRPC on loopback only. PYSPARK_PYTHON
# picks the interpreter of the executors' Python workers (mapInArrow, UDFs): the one that has the
# scanner's dependencies. Session artifacts (the scanner's code) are added per client session.
launch_connect() {
  local port
  port=$(choose_port "$STATE/connect.port")
  PYSPARK_PYTHON=$PY launch_spark "Spark Connect server" "$CONNECT_PID" "$CONNECT_LOG" "$CONNECT_CLASS" \
    --name exposure-connect-rig \
    --conf spark.sql.catalogImplementation=hive \
    --conf "spark.connect.grpc.binding.address=$HOST" \
    --conf "spark.connect.grpc.binding.port=$port" \
    --conf "spark.local.dir=$STATE/connect-local"
}

wait_connect() {
  wait_spark "Spark Connect server" "$CONNECT_PID" "$CONNECT_LOG" "$CONNECT_CLASS" \
    'Spark Connect server started at' "$(cat "$STATE/connect.port")"
}

stop_connect() { stop_spark "Spark Connect server" "$CONNECT_PID" "$CONNECT_CLASS"; }

stop_postgres() {
  if pg_running; then
    log "stopping PostgreSQL"
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w -t 60 stop >/dev/null ||
      die "pg_ctl stop failed" "$PGLOG"
  fi
}

# ---------------------------------------------------------------------------------------------
# Commands

# Serialise concurrent start/stop on one state dir (e.g. two test runs starting at once).
lock_state() {
  mkdir -p "$STATE"
  chmod 0755 "$STATE"    # the PostgreSQL OS user must traverse it
  exec 9>"$STATE/.lock"
  flock -w 600 9 || die "another hive-rig.sh holds $STATE/.lock for over 600s"
}

cmd_start() {
  lock_state
  pick_python
  ensure_postgres
  if pg_running && thrift_running && connect_running && [ -s "$ENV_FILE" ]; then
    log "already running"
    cat "$ENV_FILE"
    return
  fi
  ensure_java
  ensure_jdbc
  ensure_pyspark
  if ! pg_running; then
    stop_thrift   # servers left without their database are useless; restart them all
    stop_connect
    if [ "$(id -u)" = 0 ] && ! runuser -u "$PG_OS_USER" -- test -x "$STATE"; then
      die "$PG_OS_USER cannot enter $STATE (a parent directory is private); use a state dir under /tmp"
    fi
    start_postgres
  fi
  ensure_metastore_db
  write_spark_conf
  # Both servers start at once (about 30 s and 12 s alone on 2 cores), then are waited for.
  local started=
  thrift_running || { launch_thrift; started="$started thrift"; }
  connect_running || { launch_connect; started="$started connect"; }
  case $started in *thrift*) wait_thrift ;; esac
  case $started in *connect*) wait_connect ;; esac
  write_env
  cat "$ENV_FILE"
}

cmd_stop() {
  [ -d "$STATE" ] || { log "nothing at $STATE"; return; }
  lock_state
  PG_BIN=$(find_pg_bin || true)
  stop_thrift
  stop_connect
  [ -z "$PG_BIN" ] || stop_postgres
  log "stopped"
}

cmd_env() {
  PG_BIN=$(find_pg_bin || true)
  if [ -s "$ENV_FILE" ] && [ -n "$PG_BIN" ] && pg_running && thrift_running && connect_running; then
    cat "$ENV_FILE"
  else
    die "no running rig at $STATE (run: $0 start $STATE)"
  fi
}

case $CMD in
  start) cmd_start ;;
  stop) cmd_stop ;;
  env) cmd_env ;;
  *) usage ;;
esac
