/** A place to write text that may ask the writer to wait (a stream under backpressure). */
export interface TextSink {
  write(text: string): unknown;
  once?(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener?(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** Writes chunks one by one, waiting for `drain` whenever the sink's buffer is full. */
export async function pipeChunks(chunks: Iterable<string>, sink: TextSink): Promise<void> {
  for (const chunk of chunks) {
    if (sink.write(chunk) === false && sink.once) {
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
