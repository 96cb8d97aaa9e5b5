import { join } from 'node:path';
import type { Config } from '../config/config';
import type { BlobStore } from './blob-store';
import { parseMasterKey } from './encryption';
import { createLocalBlobStore } from './local-blob-store';

/** The configured file store: local disk under DATA_DIR/blobs, or S3 with STORAGE=s3. Config is validated already. */
export async function createBlobStore(config: Config): Promise<BlobStore> {
  const masterKey = config.ENCRYPTION_MASTER_KEY ? parseMasterKey(config.ENCRYPTION_MASTER_KEY) : null;
  if (config.ENCRYPTION_MASTER_KEY && !masterKey) throw new Error('ENCRYPTION_MASTER_KEY is not 32 bytes of base64');
  if (config.STORAGE === 's3') {
    // The AWS SDK is several megabytes of code: a server on local disk never loads it.
    const { createS3BlobStore } = await import('./s3-blob-store');
    return createS3BlobStore({
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      bucket: config.S3_BUCKET ?? '',
      accessKeyId: config.S3_ACCESS_KEY_ID ?? '',
      secretAccessKey: config.S3_SECRET_ACCESS_KEY ?? '',
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      masterKey,
    });
  }
  return createLocalBlobStore({ root: join(config.dataDir, 'blobs'), masterKey });
}
