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
	"totp_pending_secret" text,
	"totp_last_step" integer,
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
CREATE TABLE "anteckning" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"verksamhet_id" uuid NOT NULL,
	"arende_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "anteckning" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "arende" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"verksamhet_id" uuid NOT NULL,
	"klient_id" uuid NOT NULL,
	"forfragan_datum" date NOT NULL,
	"forfragan_fran" text,
	"status" text NOT NULL,
	"start_datum" date,
	"avslut_datum" date,
	"avslut_orsak" text,
	"ombud_user_id" uuid,
	"sip" boolean DEFAULT false NOT NULL,
	"prioritet" text[] DEFAULT '{}'::text[] NOT NULL,
	"kontaktorsaker" text[] DEFAULT '{}'::text[] NOT NULL,
	"gallras_efter" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "arende_verksamhet_id" UNIQUE("verksamhet_id","id"),
	CONSTRAINT "arende_start_efter_forfragan" CHECK ("arende"."start_datum" is null or "arende"."start_datum" >= "arende"."forfragan_datum"),
	CONSTRAINT "arende_avslut_efter_start" CHECK ("arende"."avslut_datum" is null or "arende"."avslut_datum" >= coalesce("arende"."start_datum", "arende"."forfragan_datum")),
	CONSTRAINT "arende_status_datum" CHECK (case "arende"."status"
        when 'forfragan' then "arende"."start_datum" is null and "arende"."avslut_datum" is null
        when 'ko' then "arende"."start_datum" is null and "arende"."avslut_datum" is null
        when 'aktiv' then "arende"."start_datum" is not null and "arende"."avslut_datum" is null
        when 'avslutad' then "arende"."start_datum" is not null and "arende"."avslut_datum" is not null
        when 'ej_aktuell' then "arende"."start_datum" is null and "arende"."avslut_datum" is not null
        else false end)
);
--> statement-breakpoint
ALTER TABLE "arende" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "arende_aktor" (
	"arende_id" uuid NOT NULL,
	"verksamhet_id" uuid NOT NULL,
	"aktor_id" uuid NOT NULL,
	CONSTRAINT "arende_aktor_pk" PRIMARY KEY("verksamhet_id","arende_id","aktor_id")
);
--> statement-breakpoint
ALTER TABLE "arende_aktor" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "klient" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"verksamhet_id" uuid NOT NULL,
	"kon" text NOT NULL,
	"fodelsear" integer NOT NULL,
	"kommun_kod" char(4) NOT NULL,
	"stadsdelsomrade_kod" text,
	"barn_under_18" text NOT NULL,
	"gallrad_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "klient_verksamhet_id" UNIQUE("verksamhet_id","id"),
	CONSTRAINT "klient_fodelsear" CHECK ("klient"."fodelsear" between 1900 and 2100)
);
--> statement-breakpoint
ALTER TABLE "klient" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "klient_identitet" (
	"klient_id" uuid PRIMARY KEY NOT NULL,
	"verksamhet_id" uuid NOT NULL,
	"alias" text NOT NULL,
	"namn" text,
	"personnummer" text,
	"telefon" text,
	"adress" text
);
--> statement-breakpoint
ALTER TABLE "klient_identitet" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ombud_tjanst" (
	"verksamhet_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"arsarbetare_hundradelar" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ombud_tjanst_pk" PRIMARY KEY("verksamhet_id","user_id"),
	CONSTRAINT "ombud_tjanst_grad" CHECK ("ombud_tjanst"."arsarbetare_hundradelar" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "brist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"verksamhet_id" uuid NOT NULL,
	"titel" text NOT NULL,
	"beskrivning" text NOT NULL,
	"niva" text NOT NULL,
	"amne_kod" text NOT NULL,
	"observerad_datum" date NOT NULL,
	"antal_klienter" integer NOT NULL,
	"status" text DEFAULT 'registrerad' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "brist_antal_klienter" CHECK ("brist"."antal_klienter" >= 0)
);
--> statement-breakpoint
CREATE TABLE "brist_aktor" (
	"brist_id" uuid NOT NULL,
	"aktor_id" uuid NOT NULL,
	"skickad_at" timestamp with time zone,
	CONSTRAINT "brist_aktor_brist_id_aktor_id_pk" PRIMARY KEY("brist_id","aktor_id")
);
--> statement-breakpoint
CREATE TABLE "brist_amne" (
	"kod" text PRIMARY KEY NOT NULL,
	"namn" text NOT NULL,
	"grupp" text,
	"aktor_kategori" text,
	"sortering" integer DEFAULT 0 NOT NULL,
	"created_by_socialstyrelsen" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brist_aterkoppling" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brist_id" uuid NOT NULL,
	"aktor_id" uuid NOT NULL,
	"typ" text NOT NULL,
	"text" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"anvandare" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brist_atgard" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brist_id" uuid NOT NULL,
	"datum" date NOT NULL,
	"text" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"anvandare" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brist_handelse" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"brist_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"anvandare" text NOT NULL,
	"kommentar" text
);
--> statement-breakpoint
CREATE TABLE "brist_kommun" (
	"brist_id" uuid NOT NULL,
	"kommun_kod" char(4) NOT NULL,
	CONSTRAINT "brist_kommun_brist_id_kommun_kod_pk" PRIMARY KEY("brist_id","kommun_kod")
);
--> statement-breakpoint
CREATE TABLE "ledningsgrupp" (
	"verksamhet_id" uuid PRIMARY KEY NOT NULL,
	"brukarorganisation_erbjuden" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledningsgrupp_ledamot" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"verksamhet_id" uuid NOT NULL,
	"rollkategori" text NOT NULL,
	"organisation" text NOT NULL,
	"namn" text NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"avgick_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mote" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"verksamhet_id" uuid NOT NULL,
	"datum" date NOT NULL,
	"protokoll" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mote_brist" (
	"mote_id" uuid NOT NULL,
	"brist_id" uuid NOT NULL,
	"beslut" text,
	"beslut_at" timestamp with time zone,
	CONSTRAINT "mote_brist_mote_id_brist_id_pk" PRIMARY KEY("mote_id","brist_id")
);
--> statement-breakpoint
CREATE TABLE "mote_narvaro" (
	"mote_id" uuid NOT NULL,
	"ledamot_id" uuid NOT NULL,
	CONSTRAINT "mote_narvaro_mote_id_ledamot_id_pk" PRIMARY KEY("mote_id","ledamot_id")
);
--> statement-breakpoint
CREATE TABLE "redovisning" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"verksamhet_id" uuid NOT NULL,
	"ar" integer NOT NULL,
	"status" text DEFAULT 'utkast' NOT NULL,
	"dokument" jsonb NOT NULL,
	"kalla" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_by_namn" text,
	CONSTRAINT "redovisning_verksamhet_ar" UNIQUE("verksamhet_id","ar"),
	CONSTRAINT "redovisning_ar" CHECK ("redovisning"."ar" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "redovisning_handelse" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"redovisning_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"version" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"anvandare" text NOT NULL,
	"kommentar" text
);
--> statement-breakpoint
CREATE TABLE "redovisning_kommentar" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"redovisning_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"path" text,
	"text" text NOT NULL,
	"organisation_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"anvandare" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "redovisning_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"redovisning_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"dokument" jsonb NOT NULL,
	"inskickad_at" timestamp with time zone DEFAULT now() NOT NULL,
	"inskickad_av" uuid,
	"inskickad_av_namn" text NOT NULL,
	CONSTRAINT "redovisning_version_unik" UNIQUE("redovisning_id","version"),
	CONSTRAINT "redovisning_version_positiv" CHECK ("redovisning_version"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "statsbidrag_beslut" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ar" integer NOT NULL,
	"verksamhet_id" uuid NOT NULL,
	"lan_kod" char(2) NOT NULL,
	"fte_hundradelar" integer NOT NULL,
	"belopp_per_arsarbetare_kr" integer NOT NULL,
	"belopp_kr" bigint NOT NULL,
	"kommentar" text,
	"beslutat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"beslutat_av" uuid,
	"beslutat_av_namn" text NOT NULL,
	CONSTRAINT "statsbidrag_beslut_ar_verksamhet" UNIQUE("ar","verksamhet_id"),
	CONSTRAINT "statsbidrag_beslut_fte" CHECK ("statsbidrag_beslut"."fte_hundradelar" >= 0)
);
--> statement-breakpoint
CREATE TABLE "statsbidrag_budget" (
	"ar" integer PRIMARY KEY NOT NULL,
	"total_budget_kr" bigint NOT NULL,
	"administration_kr" bigint NOT NULL,
	"avrundning" text DEFAULT 'nedat' NOT NULL,
	"total_fte_hundradelar" integer NOT NULL,
	"belopp_per_arsarbetare_kr" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_by_namn" text NOT NULL,
	CONSTRAINT "statsbidrag_budget_belopp" CHECK ("statsbidrag_budget"."administration_kr" >= 0 and "statsbidrag_budget"."administration_kr" <= "statsbidrag_budget"."total_budget_kr")
);
--> statement-breakpoint
CREATE TABLE "lan_rapport" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lan_kod" char(2) NOT NULL,
	"ar" integer NOT NULL,
	"status" text DEFAULT 'utkast' NOT NULL,
	"handlingsplan" text DEFAULT '' NOT NULL,
	"snapshot" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_namn" text NOT NULL,
	"inskickad_at" timestamp with time zone,
	"inskickad_av" uuid,
	"inskickad_av_namn" text,
	"godkand_at" timestamp with time zone,
	"godkand_av_namn" text,
	CONSTRAINT "lan_rapport_lan_ar" UNIQUE("lan_kod","ar"),
	CONSTRAINT "lan_rapport_snapshot" CHECK ("lan_rapport"."status" = 'utkast' or "lan_rapport"."snapshot" is not null)
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
ALTER TABLE "anteckning" ADD CONSTRAINT "anteckning_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anteckning" ADD CONSTRAINT "anteckning_arende" FOREIGN KEY ("verksamhet_id","arende_id") REFERENCES "public"."arende"("verksamhet_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arende" ADD CONSTRAINT "arende_ombud_user_id_app_user_id_fk" FOREIGN KEY ("ombud_user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arende" ADD CONSTRAINT "arende_klient" FOREIGN KEY ("verksamhet_id","klient_id") REFERENCES "public"."klient"("verksamhet_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arende_aktor" ADD CONSTRAINT "arende_aktor_aktor_id_organisation_id_fk" FOREIGN KEY ("aktor_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arende_aktor" ADD CONSTRAINT "arende_aktor_arende" FOREIGN KEY ("verksamhet_id","arende_id") REFERENCES "public"."arende"("verksamhet_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "klient" ADD CONSTRAINT "klient_verksamhet_id_verksamhet_organisation_id_fk" FOREIGN KEY ("verksamhet_id") REFERENCES "public"."verksamhet"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "klient" ADD CONSTRAINT "klient_kommun_kod_kommun_kod_fk" FOREIGN KEY ("kommun_kod") REFERENCES "public"."kommun"("kod") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "klient" ADD CONSTRAINT "klient_stadsdelsomrade_kod_stadsdelsomrade_kod_fk" FOREIGN KEY ("stadsdelsomrade_kod") REFERENCES "public"."stadsdelsomrade"("kod") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "klient_identitet" ADD CONSTRAINT "klient_identitet_klient" FOREIGN KEY ("verksamhet_id","klient_id") REFERENCES "public"."klient"("verksamhet_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ombud_tjanst" ADD CONSTRAINT "ombud_tjanst_verksamhet_id_verksamhet_organisation_id_fk" FOREIGN KEY ("verksamhet_id") REFERENCES "public"."verksamhet"("organisation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ombud_tjanst" ADD CONSTRAINT "ombud_tjanst_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brist" ADD CONSTRAINT "brist_verksamhet_id_verksamhet_organisation_id_fk" FOREIGN KEY ("verksamhet_id") REFERENCES "public"."verksamhet"("organisation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brist" ADD CONSTRAINT "brist_amne_kod_brist_amne_kod_fk" FOREIGN KEY ("amne_kod") REFERENCES "public"."brist_amne"("kod") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brist" ADD CONSTRAINT "brist_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brist_aktor" ADD CONSTRAINT "brist_aktor_brist_id_brist_id_fk" FOREIGN KEY ("brist_id") REFERENCES "public"."brist"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brist_aktor" ADD CONSTRAINT "brist_aktor_aktor_id_aktor_organisation_id_fk" FOREIGN KEY ("aktor_id") REFERENCES "public"."aktor"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brist_amne" ADD CONSTRAINT "brist_amne_grupp_brist_amne_kod_fk" FOREIGN KEY ("grupp") REFERENCES "public"."brist_amne"("kod") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brist_aterkoppling" ADD CONSTRAINT "brist_aterkoppling_brist_id_brist_id_fk" FOREIGN KEY ("brist_id") REFERENCES "public"."brist"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brist_aterkoppling" ADD CONSTRAINT "brist_aterkoppling_aktor_id_aktor_organisation_id_fk" FOREIGN KEY ("aktor_id") REFERENCES "public"."aktor"("organisation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brist_aterkoppling" ADD CONSTRAINT "brist_aterkoppling_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brist_atgard" ADD CONSTRAINT "brist_atgard_brist_id_brist_id_fk" FOREIGN KEY ("brist_id") REFERENCES "public"."brist"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brist_atgard" ADD CONSTRAINT "brist_atgard_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brist_handelse" ADD CONSTRAINT "brist_handelse_brist_id_brist_id_fk" FOREIGN KEY ("brist_id") REFERENCES "public"."brist"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brist_handelse" ADD CONSTRAINT "brist_handelse_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brist_kommun" ADD CONSTRAINT "brist_kommun_brist_id_brist_id_fk" FOREIGN KEY ("brist_id") REFERENCES "public"."brist"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brist_kommun" ADD CONSTRAINT "brist_kommun_kommun_kod_kommun_kod_fk" FOREIGN KEY ("kommun_kod") REFERENCES "public"."kommun"("kod") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledningsgrupp" ADD CONSTRAINT "ledningsgrupp_verksamhet_id_verksamhet_organisation_id_fk" FOREIGN KEY ("verksamhet_id") REFERENCES "public"."verksamhet"("organisation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledningsgrupp_ledamot" ADD CONSTRAINT "ledningsgrupp_ledamot_verksamhet_id_verksamhet_organisation_id_fk" FOREIGN KEY ("verksamhet_id") REFERENCES "public"."verksamhet"("organisation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledningsgrupp_ledamot" ADD CONSTRAINT "ledningsgrupp_ledamot_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mote" ADD CONSTRAINT "mote_verksamhet_id_verksamhet_organisation_id_fk" FOREIGN KEY ("verksamhet_id") REFERENCES "public"."verksamhet"("organisation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mote_brist" ADD CONSTRAINT "mote_brist_mote_id_mote_id_fk" FOREIGN KEY ("mote_id") REFERENCES "public"."mote"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mote_brist" ADD CONSTRAINT "mote_brist_brist_id_brist_id_fk" FOREIGN KEY ("brist_id") REFERENCES "public"."brist"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mote_narvaro" ADD CONSTRAINT "mote_narvaro_mote_id_mote_id_fk" FOREIGN KEY ("mote_id") REFERENCES "public"."mote"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mote_narvaro" ADD CONSTRAINT "mote_narvaro_ledamot_id_ledningsgrupp_ledamot_id_fk" FOREIGN KEY ("ledamot_id") REFERENCES "public"."ledningsgrupp_ledamot"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redovisning" ADD CONSTRAINT "redovisning_verksamhet_id_verksamhet_organisation_id_fk" FOREIGN KEY ("verksamhet_id") REFERENCES "public"."verksamhet"("organisation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redovisning" ADD CONSTRAINT "redovisning_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redovisning_handelse" ADD CONSTRAINT "redovisning_handelse_redovisning_id_redovisning_id_fk" FOREIGN KEY ("redovisning_id") REFERENCES "public"."redovisning"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redovisning_handelse" ADD CONSTRAINT "redovisning_handelse_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redovisning_kommentar" ADD CONSTRAINT "redovisning_kommentar_redovisning_id_redovisning_id_fk" FOREIGN KEY ("redovisning_id") REFERENCES "public"."redovisning"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redovisning_kommentar" ADD CONSTRAINT "redovisning_kommentar_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redovisning_kommentar" ADD CONSTRAINT "redovisning_kommentar_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redovisning_version" ADD CONSTRAINT "redovisning_version_redovisning_id_redovisning_id_fk" FOREIGN KEY ("redovisning_id") REFERENCES "public"."redovisning"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redovisning_version" ADD CONSTRAINT "redovisning_version_inskickad_av_app_user_id_fk" FOREIGN KEY ("inskickad_av") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statsbidrag_beslut" ADD CONSTRAINT "statsbidrag_beslut_verksamhet_id_verksamhet_organisation_id_fk" FOREIGN KEY ("verksamhet_id") REFERENCES "public"."verksamhet"("organisation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statsbidrag_beslut" ADD CONSTRAINT "statsbidrag_beslut_lan_kod_lan_kod_fk" FOREIGN KEY ("lan_kod") REFERENCES "public"."lan"("kod") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statsbidrag_beslut" ADD CONSTRAINT "statsbidrag_beslut_beslutat_av_app_user_id_fk" FOREIGN KEY ("beslutat_av") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statsbidrag_budget" ADD CONSTRAINT "statsbidrag_budget_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lan_rapport" ADD CONSTRAINT "lan_rapport_lan_kod_lan_kod_fk" FOREIGN KEY ("lan_kod") REFERENCES "public"."lan"("kod") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lan_rapport" ADD CONSTRAINT "lan_rapport_inskickad_av_app_user_id_fk" FOREIGN KEY ("inskickad_av") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_org_at" ON "audit_log" USING btree ("organisation_id","at");--> statement-breakpoint
CREATE INDEX "membership_org" ON "membership" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "session_user" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "organisation_lan" ON "organisation" USING btree ("lan_kod");--> statement-breakpoint
CREATE INDEX "anteckning_arende_idx" ON "anteckning" USING btree ("arende_id");--> statement-breakpoint
CREATE INDEX "arende_klient_idx" ON "arende" USING btree ("verksamhet_id","klient_id");--> statement-breakpoint
CREATE INDEX "arende_verksamhet_status" ON "arende" USING btree ("verksamhet_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "klient_identitet_alias" ON "klient_identitet" USING btree ("verksamhet_id",lower("alias"));--> statement-breakpoint
CREATE INDEX "brist_verksamhet_status" ON "brist" USING btree ("verksamhet_id","status");--> statement-breakpoint
CREATE INDEX "brist_aktor_aktor" ON "brist_aktor" USING btree ("aktor_id");--> statement-breakpoint
CREATE INDEX "brist_amne_grupp" ON "brist_amne" USING btree ("grupp");--> statement-breakpoint
CREATE INDEX "brist_aterkoppling_brist" ON "brist_aterkoppling" USING btree ("brist_id","aktor_id");--> statement-breakpoint
CREATE INDEX "brist_atgard_brist" ON "brist_atgard" USING btree ("brist_id");--> statement-breakpoint
CREATE INDEX "brist_handelse_brist" ON "brist_handelse" USING btree ("brist_id","at");--> statement-breakpoint
CREATE INDEX "brist_kommun_kommun" ON "brist_kommun" USING btree ("kommun_kod");--> statement-breakpoint
CREATE INDEX "ledningsgrupp_ledamot_verksamhet" ON "ledningsgrupp_ledamot" USING btree ("verksamhet_id");--> statement-breakpoint
CREATE INDEX "mote_verksamhet_datum" ON "mote" USING btree ("verksamhet_id","datum");--> statement-breakpoint
CREATE INDEX "mote_brist_brist" ON "mote_brist" USING btree ("brist_id");--> statement-breakpoint
CREATE INDEX "redovisning_handelse_redovisning" ON "redovisning_handelse" USING btree ("redovisning_id","at");--> statement-breakpoint
CREATE INDEX "redovisning_kommentar_redovisning" ON "redovisning_kommentar" USING btree ("redovisning_id","version");--> statement-breakpoint
CREATE INDEX "statsbidrag_beslut_lan" ON "statsbidrag_beslut" USING btree ("lan_kod","ar");--> statement-breakpoint
CREATE POLICY "anteckning_verksamhet" ON "anteckning" AS PERMISSIVE FOR ALL TO "ombud_app" USING ("anteckning"."verksamhet_id" = ANY (array(select unnest(string_to_array(coalesce(nullif(current_setting('app.verksamhet_ids', true), ''), '00000000-0000-0000-0000-000000000000'), ',')::uuid[])))) WITH CHECK ("anteckning"."verksamhet_id" = ANY (array(select unnest(string_to_array(coalesce(nullif(current_setting('app.verksamhet_ids', true), ''), '00000000-0000-0000-0000-000000000000'), ',')::uuid[]))));--> statement-breakpoint
CREATE POLICY "arende_verksamhet" ON "arende" AS PERMISSIVE FOR ALL TO "ombud_app" USING ("arende"."verksamhet_id" = ANY (array(select unnest(string_to_array(coalesce(nullif(current_setting('app.verksamhet_ids', true), ''), '00000000-0000-0000-0000-000000000000'), ',')::uuid[])))) WITH CHECK ("arende"."verksamhet_id" = ANY (array(select unnest(string_to_array(coalesce(nullif(current_setting('app.verksamhet_ids', true), ''), '00000000-0000-0000-0000-000000000000'), ',')::uuid[]))));--> statement-breakpoint
CREATE POLICY "arende_aktor_verksamhet" ON "arende_aktor" AS PERMISSIVE FOR ALL TO "ombud_app" USING ("arende_aktor"."verksamhet_id" = ANY (array(select unnest(string_to_array(coalesce(nullif(current_setting('app.verksamhet_ids', true), ''), '00000000-0000-0000-0000-000000000000'), ',')::uuid[])))) WITH CHECK ("arende_aktor"."verksamhet_id" = ANY (array(select unnest(string_to_array(coalesce(nullif(current_setting('app.verksamhet_ids', true), ''), '00000000-0000-0000-0000-000000000000'), ',')::uuid[]))));--> statement-breakpoint
CREATE POLICY "klient_verksamhet" ON "klient" AS PERMISSIVE FOR ALL TO "ombud_app" USING ("klient"."verksamhet_id" = ANY (array(select unnest(string_to_array(coalesce(nullif(current_setting('app.verksamhet_ids', true), ''), '00000000-0000-0000-0000-000000000000'), ',')::uuid[])))) WITH CHECK ("klient"."verksamhet_id" = ANY (array(select unnest(string_to_array(coalesce(nullif(current_setting('app.verksamhet_ids', true), ''), '00000000-0000-0000-0000-000000000000'), ',')::uuid[]))));--> statement-breakpoint
CREATE POLICY "klient_identitet_verksamhet" ON "klient_identitet" AS PERMISSIVE FOR ALL TO "ombud_app" USING ("klient_identitet"."verksamhet_id" = ANY (array(select unnest(string_to_array(coalesce(nullif(current_setting('app.verksamhet_ids', true), ''), '00000000-0000-0000-0000-000000000000'), ',')::uuid[])))) WITH CHECK ("klient_identitet"."verksamhet_id" = ANY (array(select unnest(string_to_array(coalesce(nullif(current_setting('app.verksamhet_ids', true), ''), '00000000-0000-0000-0000-000000000000'), ',')::uuid[]))));