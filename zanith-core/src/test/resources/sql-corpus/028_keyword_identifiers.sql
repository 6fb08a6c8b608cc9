CREATE TABLE "end" ("begin" int, "commit" text);
INSERT INTO "end" VALUES (1, 'rollback');
