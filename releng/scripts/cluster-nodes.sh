#!/usr/bin/env bash
# Shared by cluster-demo.sh and cluster-benchmark.sh (sourced, not run): an engine (NATS with
# JetStream), a MariaDB/MySQL database and Confab server nodes on loopback. Expects ROOT and WORK.

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# ensure_nats URL: uses the NATS at URL when it answers, else starts a nats-server with JetStream
# there (its store under $WORK), stopped by stop_cluster.
NATS_PID=""
ensure_nats() {
  local url="$1" hostport port
  hostport="${url#nats://}"
  port="${hostport##*:}"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "cluster: using the NATS already running at $url (it needs JetStream: nats-server -js)"
    return
  fi
  command -v nats-server >/dev/null || { echo "cluster: nats-server is not installed (Debian: apt-get install nats-server)" >&2; exit 1; }
  nats-server -a 127.0.0.1 -p "$port" -js -sd "$WORK/nats" >"$WORK/nats.log" 2>&1 &
  NATS_PID=$!
  for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  echo "cluster: started nats-server with JetStream at $url (log $WORK/nats.log)"
}

# ensure_database NAME: an empty database NAME and a user NAME (password in $WORK/db-password)
# on the MariaDB/MySQL at 127.0.0.1:3306, made with the local root login.
ensure_database() {
  local name="$1" password
  password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  (umask 077; echo "$password" > "$WORK/db-password")
  local sql="DROP DATABASE IF EXISTS $name; CREATE DATABASE $name CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
    CREATE USER IF NOT EXISTS '$name'@'127.0.0.1' IDENTIFIED BY '$password';
    ALTER USER '$name'@'127.0.0.1' IDENTIFIED BY '$password'; GRANT ALL ON $name.* TO '$name'@'127.0.0.1';"
  mariadb -uroot -e "$sql" 2>/dev/null || mariadb -uroot -h127.0.0.1 -e "$sql" \
    || { echo "cluster: cannot reach MariaDB/MySQL as root on this machine" >&2; exit 1; }
  DB_OPTIONS=(--db-url "jdbc:mysql://127.0.0.1:3306/$name?rewriteBatchedStatements=true" --db-user "$name"
    --db-password-file "$WORK/db-password")
}

# start_node NAME PORT [OPTIONS...]: a server node (log $WORK/NAME.log), waits until it serves.
NODE_PIDS=()
start_node() {
  local name="$1" port="$2"; shift 2
  "$ROOT/confab" server --port "$port" --bind 127.0.0.1 --data "$WORK/$name" "${DB_OPTIONS[@]}" "$@" \
    </dev/null >"$WORK/$name.log" 2>&1 &
  NODE_PIDS+=("$!")
  # a server is ready when it listens, a cluster node also when it serves
  local serving="listening on"
  case " $* " in *" --cluster "*) serving="node $name is serving" ;; esac
  for _ in $(seq 1 240); do
    grep -q "listening on" "$WORK/$name.log" && grep -q "$serving" "$WORK/$name.log" && return
    kill -0 "${NODE_PIDS[-1]}" 2>/dev/null || break
    sleep 0.5
  done
  echo "cluster: node $name did not start:" >&2
  tail -30 "$WORK/$name.log" >&2
  exit 1
}

stop_cluster() {
  for pid in "${NODE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${NODE_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  NODE_PIDS=()
  if [ -n "$NATS_PID" ]; then kill "$NATS_PID" 2>/dev/null || true; wait "$NATS_PID" 2>/dev/null || true; NATS_PID=""; fi
}
