CREATE TABLE "statsbidrag_faststallelse" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ar" integer NOT NULL,
	"total_budget_kr" bigint NOT NULL,
	"administration_kr" bigint NOT NULL,
	"avrundning" text NOT NULL,
	"total_fte_hundradelar" integer NOT NULL,
	"belopp_per_arsarbetare_kr" integer NOT NULL,
	"forhandsvisning" jsonb,
	"faststalld_at" timestamp with time zone DEFAULT now() NOT NULL,
	"faststalld_av" uuid,
	"faststalld_av_namn" text NOT NULL,
	"oppnad_at" timestamp with time zone,
	"oppnad_av" uuid,
	"oppnad_av_namn" text,
	"oppnad_anledning" text,
	CONSTRAINT "statsbidrag_faststallelse_oppnad" CHECK (("statsbidrag_faststallelse"."oppnad_at" is null) = ("statsbidrag_faststallelse"."oppnad_anledning" is null) and ("statsbidrag_faststallelse"."oppnad_at" is null) = ("statsbidrag_faststallelse"."oppnad_av_namn" is null))
);
--> statement-breakpoint
ALTER TABLE "statsbidrag_faststallelse" ADD CONSTRAINT "statsbidrag_faststallelse_faststalld_av_app_user_id_fk" FOREIGN KEY ("faststalld_av") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statsbidrag_faststallelse" ADD CONSTRAINT "statsbidrag_faststallelse_oppnad_av_app_user_id_fk" FOREIGN KEY ("oppnad_av") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "statsbidrag_faststallelse_ar" ON "statsbidrag_faststallelse" USING btree ("ar","faststalld_at");