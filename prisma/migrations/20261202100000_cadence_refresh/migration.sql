-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "cadenceRefreshAfter" INTEGER;

