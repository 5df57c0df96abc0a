/** The search page's own words, per language (the frame's words are in strings.ts). */
export interface SearchStrings {
  title: string;
  go: string;
  from: string;
  to: string;
  person: string;
  tag: string;
  more: string;
  clear: string;
  /** Status while shards or excerpts load. */
  working: string;
}

const mk: SearchStrings = {
  title: 'Пребарување',
  go: 'Барај',
  from: 'Од датум',
  to: 'До датум',
  person: 'Лице',
  tag: 'Ознака',
  more: 'Прикажи уште',
  clear: 'Исчисти',
  working: 'Се бара…',
};
const sq: SearchStrings = {
  title: 'Kërkimi',
  go: 'Kërko',
  from: 'Nga data',
  to: 'Deri më',
  person: 'Personi',
  tag: 'Etiketa',
  more: 'Shfaq më shumë',
  clear: 'Pastro',
  working: 'Po kërkohet…',
};
const en: SearchStrings = {
  title: 'Search',
  go: 'Search',
  from: 'From date',
  to: 'To date',
  person: 'Person',
  tag: 'Tag',
  more: 'Show more',
  clear: 'Clear',
  working: 'Searching…',
};

const TABLE: Record<string, SearchStrings> = { mk, sq, en };

/** The search page's words for a language (its primary subtag); English when there are none. */
export function searchStrings(lang: string): SearchStrings {
  return TABLE[lang.toLowerCase().split('-')[0]] ?? en;
}
