import { describe } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { blobStoreContract } from '../testing/blob-store.contract.js';
import { GridFsBlobStore } from './gridfs-blob-store.js';

// Needs a MongoDB-wire server: `scripts/ferretdb.sh` starts FerretDB and prints the MONGO_URL to use.
const url = process.env.MONGO_URL;
if (!url) console.info('GridFS blob-store contract suite skipped: set MONGO_URL (see scripts/ferretdb.sh) to run it.');

(url ? describe : describe.skip)('GridFsBlobStore', () => {
  blobStoreContract('GridFsBlobStore', async () => {
    const dbName = `carnet_blobs_test_${randomBytes(6).toString('hex')}`;
    const store = await GridFsBlobStore.connect({ url: url!, dbName });
    const opened: GridFsBlobStore[] = [store];
    return {
      store,
      async reopen() {
        const other = await GridFsBlobStore.connect({ url: url!, dbName });
        opened.push(other);
        return other;
      },
      async contents() {
        const files = await store.db.collection('documents.files').find({}, { projection: { _id: 1 } }).toArray();
        const chunks = await store.db.collection('documents.chunks').find({}, { projection: { files_id: 1, n: 1 } }).toArray();
        return [...files.map((d) => `file:${d._id}`), ...chunks.map((c) => `chunk:${c.files_id}:${c.n}`)].sort();
      },
      async corrupt(key) {
        const chunk = await store.db.collection('documents.chunks').findOne({ files_id: key, n: 0 });
        const data = Buffer.from(chunk!.data.buffer);
        data[data.length >> 1] ^= 0xff;
        await store.db.collection('documents.chunks').updateOne({ _id: chunk!._id }, { $set: { data } });
      },
      async cleanup() {
        await store.db.dropDatabase();
        for (const s of opened) await s.close();
      },
    };
  });
});
