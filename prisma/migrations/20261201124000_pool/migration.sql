-- The shared pool (公海) and confirmations waiting for a yes (issue 10).
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "pendingCommand" TEXT,
ADD COLUMN     "pendingUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "pooledAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Customer_workspaceId_pooledAt_idx" ON "Customer"("workspaceId", "pooledAt");

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "heldSince" TIMESTAMP(3),
ADD COLUMN     "reclaimNoticeAt" TIMESTAMP(3);

