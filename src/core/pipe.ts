/** A place to write text that may ask the writer to wait (a stream under backpressure). */
export interface TextSink {
  write(text: string): unknown;
  once?(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener?(event: string, listener: (...args: unknown[]) => void): unknown;
}

/**
 * Writes chunks one by one, waiting for `drain` whenever the sink's buffer is full. Chunks
 * of bytes (UTF-8, whole characters) go as they are to a Node stream, which takes them
 * without encoding; any other sink is given their text.
 */
export async function pipeChunks(chunks: Iterable<string | Uint8Array>, sink: TextSink): Promise<void> {
  const bytes = typeof (sink as { writableHighWaterMark?: unknown }).writableHighWaterMark === 'number';
  for (const chunk of chunks) {
    const out = typeof chunk === 'string' || bytes ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('utf8');
    if ((sink.write as (c: string | Uint8Array) => unknown)(out) === false && sink.once) {
      await new Promise<void>((resolve, reject) => {
        const done = () => {
          sink.removeListener?.('error', fail);
          resolve();
        };
        const fail = (e: unknown) => {
          sink.removeListener?.('drain', done);
          reject(e);
        };
        sink.once!('drain', done);
        sink.once!('error', fail);
      });
    }
  }
}
