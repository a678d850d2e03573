#!/usr/bin/env bash
# Prints the SQL that takes the schema at a git ref (default HEAD) to the working schema.
# (`migrate diff --from-migrations` needs a shadow database, which PGlite cannot be.)
set -euo pipefail
ref="${1:-HEAD}"
prev="$(mktemp --suffix=.prisma)"
# The CLI opens the config's adapter; an empty PGlite folder of its own keeps it off the app's data
# (and an old folder left by a killed run can keep the CLI from exiting).
export DATABASE_URL="" RECAP_DATA_DIR="$(mktemp -d)"
git show "$ref:prisma/schema.prisma" > "$prev"
prisma migrate diff --from-schema-datamodel "$prev" --to-schema-datamodel prisma/schema.prisma --script
rm -rf "$prev" "$RECAP_DATA_DIR"
