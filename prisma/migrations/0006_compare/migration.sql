-- Comparisons: two (model, template version) arms over a sample of one dataset's calls, each arm a batch.
-- AlterTable
ALTER TABLE "Batch" ADD COLUMN     "comparisonArm" TEXT,
ADD COLUMN     "comparisonId" TEXT;

-- CreateTable
CREATE TABLE "Comparison" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "requestKey" TEXT,
    "sampleSize" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comparison_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComparisonCall" (
    "comparisonId" TEXT NOT NULL,
    "transcriptId" TEXT NOT NULL,

    CONSTRAINT "ComparisonCall_pkey" PRIMARY KEY ("comparisonId","transcriptId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Comparison_requestKey_key" ON "Comparison"("requestKey");

-- CreateIndex
CREATE INDEX "Comparison_createdById_createdAt_idx" ON "Comparison"("createdById", "createdAt");

-- CreateIndex
CREATE INDEX "ComparisonCall_transcriptId_idx" ON "ComparisonCall"("transcriptId");

-- CreateIndex
CREATE UNIQUE INDEX "Batch_comparisonId_comparisonArm_key" ON "Batch"("comparisonId", "comparisonArm");

-- AddForeignKey
ALTER TABLE "Batch" ADD CONSTRAINT "Batch_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "Comparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comparison" ADD CONSTRAINT "Comparison_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comparison" ADD CONSTRAINT "Comparison_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparisonCall" ADD CONSTRAINT "ComparisonCall_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "Comparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparisonCall" ADD CONSTRAINT "ComparisonCall_transcriptId_fkey" FOREIGN KEY ("transcriptId") REFERENCES "Transcript"("id") ON DELETE CASCADE ON UPDATE CASCADE;

