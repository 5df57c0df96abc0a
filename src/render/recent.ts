/**
 * The last few values made for bodies elsewhere (on the Markdown thread, markdown-ahead.ts),
 * found again by the body string itself. A page asks for its body's value right after the
 * body is read, so a handful is enough and the newest is looked at first.
 */
export class Recent<T> {
  private readonly bodies: string[] = [];
  private readonly values: T[] = [];

  /** @param size values kept at most: the oldest goes first. */
  constructor(private readonly size: number) {}

  /** Keeps `value` as made for `body`. */
  offer(body: string, value: T): void {
    if (this.bodies.length >= this.size) {
      this.bodies.shift();
      this.values.shift();
    }
    this.bodies.push(body);
    this.values.push(value);
  }

  /** The value offered for `body` lately, or undefined. */
  of(body: string): T | undefined {
    // The very string read is the one asked for, so === is quick.
    for (let i = this.bodies.length - 1; i >= 0; i--) if (this.bodies[i] === body) return this.values[i];
    return undefined;
  }
}
