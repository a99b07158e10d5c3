CREATE TABLE "source_changes" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
