CREATE TABLE "a;b" ("c;d" int, "e""f" text);
INSERT INTO "a;b" VALUES (1, 'x');
