#!/usr/bin/env bash
# Provides the MySQL/MariaDB database the database tests run against: database confab_test, user
# confab_test over TCP on 127.0.0.1:3306, password in ~/.confab-test-mysql-password.
# Uses the local server's root login (socket, or TCP without password as on the CI machines).
# If no server is reachable this says so; the MySQL tests then FAIL (they never skip).
set -uo pipefail
PASSWORD_FILE="$HOME/.confab-test-mysql-password"
client=""
for candidate in mariadb mysql; do command -v "$candidate" >/dev/null 2>&1 && { client="$candidate"; break; }; done
if [ -z "$client" ]; then
  echo "test-database: no mysql/mariadb client; the MySQL tests will fail" >&2
  exit 1
fi
as_root() {
  "$client" -uroot "$@" 2>/dev/null || "$client" -uroot -h127.0.0.1 "$@"
}
if [ ! -s "$PASSWORD_FILE" ]; then
  (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$PASSWORD_FILE")
fi
password="$(head -1 "$PASSWORD_FILE")"
as_root -e "CREATE DATABASE IF NOT EXISTS confab_test CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
  CREATE USER IF NOT EXISTS 'confab_test'@'127.0.0.1' IDENTIFIED BY '$password';
  CREATE USER IF NOT EXISTS 'confab_test'@'localhost' IDENTIFIED BY '$password';
  ALTER USER 'confab_test'@'127.0.0.1' IDENTIFIED BY '$password';
  ALTER USER 'confab_test'@'localhost' IDENTIFIED BY '$password';
  GRANT ALL ON confab_test.* TO 'confab_test'@'127.0.0.1';
  GRANT ALL ON confab_test.* TO 'confab_test'@'localhost';" \
  || { echo "test-database: cannot reach MySQL/MariaDB as root; the MySQL tests will fail" >&2; exit 1; }
echo "test-database: database confab_test ready for user confab_test"
