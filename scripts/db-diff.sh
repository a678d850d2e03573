#!/usr/bin/env bash
# Prints the SQL that takes the schema at a git ref (default HEAD) to the working schema.
# (`migrate diff --from-migrations` needs a shadow database, which PGlite cannot be.)
set -euo pipefail
ref="${1:-HEAD}"
prev="$(mktemp --suffix=.prisma)"
git show "$ref:prisma/schema.prisma" > "$prev"
prisma migrate diff --from-schema-datamodel "$prev" --to-schema-datamodel prisma/schema.prisma --script
rm -f "$prev"
