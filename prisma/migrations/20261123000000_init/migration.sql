-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "directorChannel" TEXT,
    "nextCustomerNo" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'rep',
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "ownerId" TEXT NOT NULL,
    "company" TEXT NOT NULL,
    "companyKey" TEXT NOT NULL,
    "contact" TEXT,
    "title" TEXT,
    "mobile" TEXT,
    "phone" TEXT,
    "fax" TEXT,
    "province" TEXT,
    "city" TEXT,
    "address" TEXT,
    "email" TEXT,
    "wechat" TEXT,
    "qq" TEXT,
    "website" TEXT,
    "size" TEXT,
    "revenue" TEXT,
    "source" TEXT,
    "note" TEXT,
    "stage" TEXT NOT NULL,
    "grade" TEXT,
    "manMoney" BOOLEAN NOT NULL DEFAULT false,
    "manAuthority" BOOLEAN NOT NULL DEFAULT false,
    "manNeed" BOOLEAN NOT NULL DEFAULT false,
    "filingStatus" TEXT NOT NULL DEFAULT 'none',
    "filingNote" TEXT,
    "filedAt" TIMESTAMP(3),
    "lostReason" TEXT,
    "wonAmount" DECIMAL(14,2),
    "wonAt" TIMESTAMP(3),
    "classifiedAt" TIMESTAMP(3) NOT NULL,
    "stageEnteredAt" TIMESTAMP(3) NOT NULL,
    "snoozedUntil" TIMESTAMP(3),
    "lastTouchAt" TIMESTAMP(3),
    "nextDueAt" TIMESTAMP(3),
    "nextDueChannel" TEXT,
    "overdueAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageChange" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "fromStage" TEXT,
    "toStage" TEXT NOT NULL,
    "fromGrade" TEXT,
    "toGrade" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StageChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommandReceipt" (
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "reply" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommandReceipt_pkey" PRIMARY KEY ("workspaceId","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_platform_externalId_key" ON "Workspace"("platform", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "User_workspaceId_externalId_key" ON "User"("workspaceId", "externalId");

-- CreateIndex
CREATE INDEX "Customer_ownerId_nextDueAt_idx" ON "Customer"("ownerId", "nextDueAt");

-- CreateIndex
CREATE INDEX "Customer_workspaceId_nextDueAt_idx" ON "Customer"("workspaceId", "nextDueAt");

-- CreateIndex
CREATE INDEX "Customer_workspaceId_mobile_idx" ON "Customer"("workspaceId", "mobile");

-- CreateIndex
CREATE INDEX "Customer_workspaceId_companyKey_idx" ON "Customer"("workspaceId", "companyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_workspaceId_number_key" ON "Customer"("workspaceId", "number");

-- CreateIndex
CREATE INDEX "Activity_customerId_channel_at_idx" ON "Activity"("customerId", "channel", "at");

-- CreateIndex
CREATE INDEX "StageChange_workspaceId_at_idx" ON "StageChange"("workspaceId", "at");

-- CreateIndex
CREATE INDEX "StageChange_customerId_at_idx" ON "StageChange"("customerId", "at");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

