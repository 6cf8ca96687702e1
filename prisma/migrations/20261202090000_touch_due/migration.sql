-- The due touch each touch answered (cadence compliance: share of due touches done on time).
ALTER TABLE "Activity" ADD COLUMN "dueAt" TIMESTAMP(3),
ADD COLUMN "overdueAt" TIMESTAMP(3);
