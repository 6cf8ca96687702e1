-- Orders, lost reasons kept on each stage change, and owner history (issue 8).
-- AlterTable
ALTER TABLE "StageChange" ADD COLUMN     "lossKind" TEXT,
ADD COLUMN     "lostReason" TEXT;

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amount" DECIMAL(14,2),
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OwnerChange" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "fromOwnerId" TEXT,
    "toOwnerId" TEXT,
    "reason" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OwnerChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Order_workspaceId_at_idx" ON "Order"("workspaceId", "at");

-- CreateIndex
CREATE INDEX "Order_customerId_at_idx" ON "Order"("customerId", "at");

-- CreateIndex
CREATE INDEX "OwnerChange_customerId_at_idx" ON "OwnerChange"("customerId", "at");

-- CreateIndex
CREATE INDEX "OwnerChange_workspaceId_at_idx" ON "OwnerChange"("workspaceId", "at");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OwnerChange" ADD CONSTRAINT "OwnerChange_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every won customer so far had one deal: it becomes its first order.
INSERT INTO "Order" ("id", "workspaceId", "customerId", "userId", "kind", "amount", "at")
SELECT gen_random_uuid()::text, "workspaceId", "id", "ownerId", 'win', "wonAmount", "wonAt"
FROM "Customer" WHERE "wonAt" IS NOT NULL;

-- The reason of a customer lost today belongs to its latest move into lost.
UPDATE "StageChange" sc SET "lostReason" = c."lostReason"
FROM "Customer" c
WHERE sc."customerId" = c."id" AND c."lostReason" IS NOT NULL AND sc."toStage" = c."stage"
  AND sc."at" = (SELECT max(s2."at") FROM "StageChange" s2 WHERE s2."customerId" = c."id");

ALTER TABLE "Customer" DROP COLUMN "wonAmount";
