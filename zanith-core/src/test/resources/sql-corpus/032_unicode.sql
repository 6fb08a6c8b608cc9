CREATE TABLE "😀é" (a text);
INSERT INTO "😀é" VALUES ('ünïcødé; ok');
