/**
 * Batch buffers kept for reuse: a batch's buffer is moved to the writer thread and given
 * back to be filled again, so an export of thousands of pages allocates a handful of them.
 */
export class BufferPool {
  private readonly kept: Buffer[] = [];

  /** Buffers of `size` bytes are pooled, at most `max` of them. */
  constructor(
    readonly size: number,
    private readonly max: number,
  ) {}

  /** A buffer of at least `bytes`: a pooled one, or, for more than `size`, one of its own. */
  take(bytes: number): Buffer {
    if (bytes > this.size) return Buffer.allocUnsafeSlow(bytes);
    return this.kept.pop() ?? Buffer.allocUnsafeSlow(this.size);
  }

  /** Keeps `buf` for a later `take`, when it is of the pooled size and there is room. */
  give(buf: Buffer): void {
    if (buf.length === this.size && this.kept.length < this.max) this.kept.push(buf);
  }

  /** Lets go of every kept buffer. */
  clear(): void {
    this.kept.length = 0;
  }
}
