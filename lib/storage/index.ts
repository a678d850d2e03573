import "server-only";
export { s3, createS3Client } from "./s3-client";
export { uploadStream, uploadFile, openObjectWriter, type ObjectWriter, listObjects, readObject, type ListedObject, type Target } from "./objects";
export { keys, s3Uri, parseS3Uri } from "./keys";
export { storageTarget, type StorageTarget } from "./settings";
export { deletePrefix, dropLines } from "./remove";
