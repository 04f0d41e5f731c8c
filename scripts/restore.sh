#!/usr/bin/env bash
# Restore a dump made by scripts/backup.sh into the database DATABASE_URL names.
#
#   DATABASE_URL=postgres://… scripts/restore.sh portail-vif-….dump --yes
#
# The target's objects are replaced (pg_restore --clean --if-exists), in one transaction: a
# failed restore leaves the target as it was. Without --yes the script only lists what the
# dump holds. Afterwards (see docs/deployment.md): `manage.py migrate` if the code is newer
# than the dump, `manage.py createcachetable`, and `manage.py update_index` when the search
# engine is OpenSearch/Elasticsearch (its index is not in the dump).
# PG_BIN: directory of pg_restore if it is not on PATH.
set -euo pipefail

dump="${1:?usage : scripts/restore.sh FICHIER.dump --yes}"
confirm="${2:-}"
: "${DATABASE_URL:?DATABASE_URL est obligatoire (la base à restaurer)}"
if [[ -n "${PG_BIN:-}" ]]; then PATH="$PG_BIN:$PATH"; fi
command -v pg_restore >/dev/null || { echo "restore.sh : pg_restore introuvable (PG_BIN ?)" >&2; exit 2; }
[[ -r "$dump" ]] || { echo "restore.sh : $dump illisible." >&2; exit 2; }

if [[ "$confirm" != "--yes" ]]; then
    pg_restore --list "$dump" | head -n 20 || true
    echo "restore.sh : rien n'a été modifié ; relancer avec --yes pour remplacer le contenu de la base cible." >&2
    exit 1
fi
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
    --dbname="$DATABASE_URL" "$dump"
echo "restore.sh : base restaurée depuis $dump"
