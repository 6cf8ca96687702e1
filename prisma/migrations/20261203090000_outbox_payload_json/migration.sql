-- The outbox stores each message whole and hands it back whole; json keeps the text as written
-- instead of parsing it into jsonb at every insert.
ALTER TABLE "OutboxMessage" ALTER COLUMN "payload" SET DATA TYPE JSON;
