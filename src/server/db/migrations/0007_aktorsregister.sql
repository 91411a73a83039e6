ALTER TABLE "aktor" ADD COLUMN "kommun_kod" char(4);--> statement-breakpoint
ALTER TABLE "aktor" ADD COLUMN "giltig_fran" date;--> statement-breakpoint
ALTER TABLE "aktor" ADD COLUMN "giltig_till" date;--> statement-breakpoint
ALTER TABLE "aktor" ADD COLUMN "andrad_av_admin" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "aktor" ADD CONSTRAINT "aktor_kommun_kod_kommun_kod_fk" FOREIGN KEY ("kommun_kod") REFERENCES "public"."kommun"("kod") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aktor_kommun" ON "aktor" USING btree ("kommun_kod");--> statement-breakpoint
ALTER TABLE "aktor" ADD CONSTRAINT "aktor_giltighet" CHECK ("aktor"."giltig_till" is null or "aktor"."giltig_fran" is null or "aktor"."giltig_till" >= "aktor"."giltig_fran");