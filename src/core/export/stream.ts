import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { ReleasesError, writeError } from '../errors.js';
import { clearLeftovers, olderThan, STALE_MS } from './leftovers.js';
import { pipeChunks } from '../pipe.js';

/** True when the start of a file looks like an earlier JSON, NDJSON or iCalendar export by this tool. */
function looksLikeExport(head: string): boolean {
  const t = head.trimStart();
  if (t === '' || t.startsWith('[]')) return true;
  return t.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//releases//') || /^\[?\s*\{\s*"id":\s*"[^"]*",\s*"path":/.test(t);
}

/**
 * Writes a JSON/NDJSON/iCalendar export to `file` atomically (a temporary file renamed into place).
 * An existing file is replaced only when it is an earlier export; anything else is refused.
 */
export async function writeExportFile(file: string, chunks: Iterable<string>): Promise<void> {
  const stats = await fs.lstat(file).catch(() => null);
  if (stats) {
    const handle = stats.isFile() ? await fs.open(file, 'r') : null;
    const read = handle ? await handle.read(Buffer.alloc(4096), 0, 4096, 0) : null;
    await handle?.close();
    if (!stats.isFile() || !looksLikeExport(read ? read.buffer.subarray(0, read.bytesRead).toString('utf8') : '')) {
      throw new ReleasesError(
        `${file} already exists and is not an earlier export: it was left untouched`,
        1,
        'choose another --out, or move that file away first',
        file,
      );
    }
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  await clearLeftovers(path.dirname(file), `.${path.basename(file)}.tmp-`, (abs) => olderThan(abs, STALE_MS));
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${randomBytes(4).toString('hex')}`);
  const out = createWriteStream(temp, { encoding: 'utf8' });
  try {
    const opened = new Promise<void>((resolve, reject) => {
      out.once('open', () => resolve());
      out.once('error', reject);
    });
    await opened;
    await pipeChunks(chunks, out);
    // end()'s callback gets the error of a failed write (a full disk): never rename a short file into place.
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      out.end((err?: Error | null) => (err ? reject(err) : resolve()));
    });
    if (out.errored) throw out.errored;
    const handle = await fs.open(temp, 'r+');
    await handle.sync().finally(() => handle.close());
    await fs.rename(temp, file);
  } catch (e) {
    out.destroy();
    await fs.rm(temp, { force: true });
    throw writeError(file, e, stats ? 'the previous export is unchanged' : 'nothing was written');
  }
}
