-- Roles are cluster-wide, so they are created here (idempotently) rather than in a drizzle migration.
-- ombud_app is what every application transaction runs as (SET LOCAL ROLE): not the tables' owner, not a
-- superuser, no BYPASSRLS, so row-level security holds for it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ombud_app') THEN
    CREATE ROLE ombud_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;
--> statement-breakpoint
-- The connecting user must be able to SET ROLE ombud_app (a superuser always can; a CREATEROLE owner gets it here).
DO $$
BEGIN
  EXECUTE format('GRANT ombud_app TO %I', current_user);
EXCEPTION WHEN others THEN NULL;
END $$;
