#!/usr/bin/env bash
# Until the first release lands, the schema is one initial migration, regenerated from the Drizzle schema.
# After that, use `npm run db:generate` (a new migration per change) and never edit a committed one.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf src/server/db/migrations
npx drizzle-kit generate --name init
