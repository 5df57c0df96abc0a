/** A language code as releases, settings and flags accept it: `mk`, `sq`, `en`, `sr-Latn`, `pt-BR`. */
export const LANG_CODE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/** True when `value` is a language code (see `LANG_CODE`). */
export function isLangCode(value: string): boolean {
  return LANG_CODE.test(value);
}

/** The hint shown wherever a language code is refused. */
export const LANG_HINT = 'a code such as mk, sq or en';
