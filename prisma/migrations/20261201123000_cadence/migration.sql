-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "calendar" TEXT;

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "heldDue" JSONB;

-- AlterTable
ALTER TABLE "StageChange" ADD COLUMN     "forced" BOOLEAN NOT NULL DEFAULT false;

