-- Monthly lead targets set by directors (issue 11).
-- CreateTable
CREATE TABLE "MonthlyTarget" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "salesTarget" DECIMAL(14,2) NOT NULL,
    "averageDeal" DECIMAL(14,2) NOT NULL,
    "conversionRate" DOUBLE PRECISION NOT NULL,
    "plan" JSONB NOT NULL,
    "setById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonthlyTarget_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MonthlyTarget_workspaceId_month_key" ON "MonthlyTarget"("workspaceId", "month");

