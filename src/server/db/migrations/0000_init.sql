CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"username" text,
	"action" text NOT NULL,
	"organisation_id" uuid,
	"resource_type" text,
	"resource_id" text,
	"detail" jsonb,
	"ip" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_token" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"namn" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_token_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"email" text,
	"password_hash" text,
	"totp_secret" text,
	"totp_enabled" boolean DEFAULT false NOT NULL,
	"oidc_subject" text,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"kon" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "app_user_username_unique" UNIQUE("username"),
	CONSTRAINT "app_user_oidc_subject_unique" UNIQUE("oidc_subject")
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"roll" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_unik" UNIQUE("user_id","organisation_id","roll")
);
--> statement-breakpoint
CREATE TABLE "oidc_flow" (
	"state" text PRIMARY KEY NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"mfa_done" boolean NOT NULL,
	"active_organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aktor" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"kategori" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"typ" text NOT NULL,
	"kod" text NOT NULL,
	"namn" text NOT NULL,
	"lan_kod" char(2),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_typ_kod" UNIQUE("typ","kod")
);
--> statement-breakpoint
CREATE TABLE "verksamhet" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"utforare" text NOT NULL,
	"giltig_fran_ar" integer NOT NULL,
	"giltig_till_ar" integer,
	CONSTRAINT "verksamhet_giltighet" CHECK ("verksamhet"."giltig_till_ar" is null or "verksamhet"."giltig_till_ar" >= "verksamhet"."giltig_fran_ar")
);
--> statement-breakpoint
CREATE TABLE "verksamhet_omrade" (
	"verksamhet_id" uuid NOT NULL,
	"kommun_kod" char(4) NOT NULL,
	"stadsdelsomrade_kod" text,
	CONSTRAINT "verksamhet_omrade_unik" UNIQUE NULLS NOT DISTINCT("verksamhet_id","kommun_kod","stadsdelsomrade_kod")
);
--> statement-breakpoint
CREATE TABLE "kommun" (
	"kod" char(4) PRIMARY KEY NOT NULL,
	"namn" text NOT NULL,
	"lan_kod" char(2) NOT NULL,
	"folkmangd" integer
);
--> statement-breakpoint
CREATE TABLE "lan" (
	"kod" char(2) PRIMARY KEY NOT NULL,
	"namn" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stadsdelsomrade" (
	"kod" text PRIMARY KEY NOT NULL,
	"namn" text NOT NULL,
	"kommun_kod" char(4) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_active_organisation_id_organisation_id_fk" FOREIGN KEY ("active_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aktor" ADD CONSTRAINT "aktor_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_lan_kod_lan_kod_fk" FOREIGN KEY ("lan_kod") REFERENCES "public"."lan"("kod") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verksamhet" ADD CONSTRAINT "verksamhet_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verksamhet_omrade" ADD CONSTRAINT "verksamhet_omrade_verksamhet_id_verksamhet_organisation_id_fk" FOREIGN KEY ("verksamhet_id") REFERENCES "public"."verksamhet"("organisation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verksamhet_omrade" ADD CONSTRAINT "verksamhet_omrade_kommun_kod_kommun_kod_fk" FOREIGN KEY ("kommun_kod") REFERENCES "public"."kommun"("kod") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verksamhet_omrade" ADD CONSTRAINT "verksamhet_omrade_stadsdelsomrade_kod_stadsdelsomrade_kod_fk" FOREIGN KEY ("stadsdelsomrade_kod") REFERENCES "public"."stadsdelsomrade"("kod") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kommun" ADD CONSTRAINT "kommun_lan_kod_lan_kod_fk" FOREIGN KEY ("lan_kod") REFERENCES "public"."lan"("kod") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stadsdelsomrade" ADD CONSTRAINT "stadsdelsomrade_kommun_kod_kommun_kod_fk" FOREIGN KEY ("kommun_kod") REFERENCES "public"."kommun"("kod") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_org_at" ON "audit_log" USING btree ("organisation_id","at");--> statement-breakpoint
CREATE INDEX "membership_org" ON "membership" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "session_user" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "organisation_lan" ON "organisation" USING btree ("lan_kod");