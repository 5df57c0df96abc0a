/**
 * The writer thread: writes each file of a batch whole from the batch's buffer (open, write,
 * close on this thread, one system call after the other), then gives the buffer back and says
 * what failed.
 */
export const WRITER = `
const { parentPort } = require('node:worker_threads');
const { writeFileSync } = require('node:fs');
parentPort.on('message', ({ id, files, ends, buffer }) => {
  const bytes = new Uint8Array(buffer);
  let failed = null;
  for (let i = 0, from = 0; i < files.length; from = ends[i++]) {
    try {
      writeFileSync(files[i], bytes.subarray(from, ends[i]));
    } catch (e) {
      failed ??= { at: i, code: e && e.code, message: String((e && e.message) || e) };
    }
  }
  parentPort.postMessage({ id, failed, buffer }, [buffer]);
});
`;
