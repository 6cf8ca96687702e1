-- CreateTable
CREATE TABLE "SendPace" (
    "key" TEXT NOT NULL,
    "perSecond" DOUBLE PRECISION NOT NULL,
    "nextSlotAt" TIMESTAMP(3) NOT NULL,
    "pausedUntil" TIMESTAMP(3),
    "lastCutAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SendPace_pkey" PRIMARY KEY ("key")
);
