import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

/**
 * The ceiling the benchmarks compare Gatehouse against: a bare Node.js HTTP server doing only the essential work on
 * the same disk — hash and fsync before acknowledging an upload, 1 MiB read chunks for a download.
 */
const dir = process.argv[2];
const server = createServer(async (req, res) => {
  try {
    if (req.method === 'PUT' && req.url === '/file') {
      const hash = createHash('sha256');
      const temporary = join(dir, `upload-${Date.now()}.tmp`);
      const out = createWriteStream(temporary, { highWaterMark: 1 << 20 });
      req.on('data', (chunk) => hash.update(chunk));
      await pipeline(req, out);
      const handle = await open(temporary, 'r');
      await handle.sync();
      await handle.close();
      const digest = hash.digest('hex');
      await rename(temporary, join(dir, digest));
      const directory = await open(dir, 'r');
      await directory.sync();
      await directory.close();
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sha256: digest }));
      return;
    }
    if (req.method === 'GET' && req.url?.startsWith('/file/')) {
      const path = join(dir, req.url.slice('/file/'.length));
      const info = await stat(path);
      res.writeHead(200, { 'content-length': info.size, 'content-type': 'application/octet-stream' });
      await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), res);
      return;
    }
    res.writeHead(404).end();
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
