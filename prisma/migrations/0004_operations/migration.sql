-- AlterTable
ALTER TABLE "ModelConfig" ADD COLUMN     "defaultTimeoutHours" INTEGER NOT NULL DEFAULT 168;

-- AlterTable
ALTER TABLE "Batch" ADD COLUMN     "recordIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "retryOfId" TEXT,
ADD COLUMN     "tags" JSONB,
ADD COLUMN     "timeoutHours" INTEGER;

-- CreateTable
CREATE TABLE "RetentionSetting" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "keepDays" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RetentionSetting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL,
    "owner" TEXT,
    "until" TIMESTAMP(3),
    "lastRunAt" TIMESTAMP(3),

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "Batch_retryOfId_idx" ON "Batch"("retryOfId");

-- AddForeignKey
ALTER TABLE "Batch" ADD CONSTRAINT "Batch_retryOfId_fkey" FOREIGN KEY ("retryOfId") REFERENCES "Batch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

