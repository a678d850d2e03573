-- AlterTable
ALTER TABLE "ModelConfig" ADD COLUMN     "onDemandInputPricePerMTok" DOUBLE PRECISION,
ADD COLUMN     "onDemandOutputPricePerMTok" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Batch" ADD COLUMN     "mode" TEXT NOT NULL DEFAULT 'batch',
ADD COLUMN     "transcriptIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

