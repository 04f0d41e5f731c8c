#!/usr/bin/env bash
# Back up the portal's PostgreSQL database: one pg_dump in custom format (compressed,
# restorable table by table), written atomically, old dumps pruned.
#
#   DATABASE_URL=postgres://… scripts/backup.sh [directory]
#
# directory      where dumps go (default $BACKUP_DIR, else var/backups)
# BACKUP_KEEP_DAYS  dumps older than this are deleted (default 14; 0 keeps everything)
# PG_BIN         directory of pg_dump if it is not on PATH (e.g. /usr/lib/postgresql/15/bin)
#
# Uploaded files are not in the dump: they live in the S3 bucket, whose versioning (and a
# lifecycle rule expiring old versions) is their backup; see docs/deployment.md.
# Prints the dump's path on success.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL est obligatoire (postgres://utilisateur:motdepasse@hote:5432/base)}"
case "$DATABASE_URL" in
    postgres://* | postgresql://*) ;;
    *) echo "backup.sh : DATABASE_URL doit désigner une base PostgreSQL." >&2; exit 2 ;;
esac
if [[ -n "${PG_BIN:-}" ]]; then PATH="$PG_BIN:$PATH"; fi
command -v pg_dump >/dev/null || { echo "backup.sh : pg_dump introuvable (PG_BIN ?)" >&2; exit 2; }

directory="${1:-${BACKUP_DIR:-var/backups}}"
keep_days="${BACKUP_KEEP_DAYS:-14}"
mkdir -p "$directory"
umask 077  # a dump holds personal data (registrations, accounts)

dump="$directory/portail-vif-$(date -u +%Y%m%dT%H%M%SZ).dump"
pg_dump --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$dump.partial"
mv "$dump.partial" "$dump"

if [[ "$keep_days" -gt 0 ]]; then
    find "$directory" -maxdepth 1 -name 'portail-vif-*.dump' -mtime +"$keep_days" -delete
fi
echo "$dump"
