import { Chalk } from 'chalk';

/** The few styles output uses; with colour off every one returns its text unchanged. */
export interface Styler {
  error(text: string): string;
  warning(text: string): string;
  hint(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  path(text: string): string;
  match(text: string): string;
  ok(text: string): string;
}

/** A styler with colour on or off; colour is decided once, in the context. */
export function styler(color: boolean): Styler {
  const c = new Chalk({ level: color ? 1 : 0 });
  return {
    error: (t) => c.red.bold(t),
    warning: (t) => c.yellow.bold(t),
    hint: (t) => c.cyan(t),
    dim: (t) => c.dim(t),
    bold: (t) => c.bold(t),
    path: (t) => c.underline(t),
    match: (t) => c.bold.yellow(t),
    ok: (t) => c.green(t),
  };
}
