/** The site's own words, per language. Release text is never translated, only the frame. */
export interface UiStrings {
  lang: string;
  skip: string;
  home: string;
  years: string;
  partners: string;
  searchLabel: string;
  searchPlaceholder: string;
  searchHelp: string;
  searchLoading: string;
  noScript: string;
  filters: string;
  year: string;
  partner: string;
  language: string;
  all: string;
  noMatch: string;
  empty: string;
  published: string;
  event: string;
  /** The events calendar (nav link, page title) and its words. */
  events: string;
  eventCount: (n: number) => string;
  upcomingEvents: string;
  calendarFile: string;
  calendarHelp: string;
  eventPast: string;
  eventOngoing: string;
  eventUpcoming: string;
  noEvents: string;
  allLanguages: string;
  location: string;
  people: string;
  tags: string;
  otherLanguages: string;
  timeline: string;
  timelineDesc: (n: number, from: string, to: string) => string;
  partnerChart: string;
  /** Chart scale, table alternative and pagination (site-pages). */
  chartTable: string;
  timelineYears: string;
  month: string;
  monthsLabel: string[];
  busiest: (month: string, n: number) => string;
  pages: string;
  pageOf: (n: number, total: number) => string;
  newer: string;
  older: string;
  notFound: string;
  notFoundHelp: string;
  releasesIn: (year: string) => string;
  count: (n: number) => string;
  results: (n: number) => string;
  feeds: string;
  allReleases: string;
  /** Heading of the index's list of the newest releases. */
  latest: string;
  /** Under that list: where the others are. */
  olderHint: (shown: number, total: number) => string;
}

const mk: UiStrings = {
  lang: 'mk',
  skip: 'Прескокни до содржината',
  home: 'Соопштенија',
  years: 'Години',
  partners: 'Партнери',
  searchLabel: 'Пребарај соопштенија',
  searchPlaceholder: 'на пр. petrevski, ОБСЕ, соработка',
  searchHelp: 'Пребарувањето ги наоѓа зборовите и на кирилица и на латиница.',
  searchLoading: 'Се вчитува пребарувањето…',
  noScript: 'Пребарувањето и филтрите бараат JavaScript; годините и партнерите подолу работат и без него.',
  filters: 'Филтри',
  year: 'Година',
  partner: 'Партнер',
  language: 'Јазик',
  all: 'Сите',
  noMatch: 'Ниедно соопштение не одговара.',
  empty: 'Архивата сè уште нема соопштенија.',
  published: 'Објавено',
  event: 'Настан',
  location: 'Место',
  people: 'Лица',
  tags: 'Ознаки',
  events: 'Настани',
  eventCount: (n) => (n === 1 ? '1 настан' : `${n} настани`),
  upcomingEvents: 'Претстојни настани',
  calendarFile: 'Календар на настаните (.ics)',
  calendarHelp: 'Претплатете се во Outlook, Google Calendar или друг календар со адресата на оваа врска.',
  eventPast: 'Завршен',
  eventOngoing: 'Во тек',
  eventUpcoming: 'Претстои',
  noEvents: 'Нема настани.',
  allLanguages: 'Сите јазици',
  otherLanguages: 'На други јазици',
  timeline: 'Соопштенија по месеци',
  timelineDesc: (n, from, to) => `${n} соопштенија од ${from} до ${to}`,
  chartTable: 'Прикажи како табела',
  timelineYears: 'Соопштенија по години',
  month: 'Месец',
  monthsLabel: ['јан', 'фев', 'мар', 'апр', 'мај', 'јун', 'јул', 'авг', 'сеп', 'окт', 'ное', 'дек'],
  busiest: (m, n) => `најмногу во ${m} (${n})`,
  pages: 'Страници',
  pageOf: (n, total) => `Страница ${n} од ${total}`,
  newer: 'Понови',
  older: 'Постари',
  notFound: 'Страницата не е најдена',
  notFoundHelp: 'Оваа адреса не води до ниедна страница од архивата. Пребарајте ги соопштенијата или почнете од почетната страница.',
  partnerChart: 'Соопштенија по партнер',
  releasesIn: (y) => `Соопштенија од ${y}`,
  count: (n) => (n === 1 ? '1 соопштение' : `${n} соопштенија`),
  results: (n) => (n === 1 ? '1 резултат' : `${n} резултати`),
  feeds: 'Извори (Atom, JSON Feed)',
  allReleases: 'Сите соопштенија',
  latest: 'Најнови соопштенија',
  olderHint: (n, total) =>
    `Прикажани се најновите ${n} од ${total} соопштенија. Другите се на страниците по години и по партнери, а пребарувањето и филтрите ги опфаќаат сите.`,
};

const sq: UiStrings = {
  lang: 'sq',
  skip: 'Kalo te përmbajtja',
  home: 'Njoftime',
  years: 'Vitet',
  partners: 'Partnerët',
  searchLabel: 'Kërko njoftime',
  searchPlaceholder: 'p.sh. petrevski, OSBE, bashkëpunim',
  searchHelp: 'Kërkimi gjen fjalët në cirilik dhe në latinisht.',
  searchLoading: 'Kërkimi po ngarkohet…',
  noScript: 'Kërkimi dhe filtrat kërkojnë JavaScript; vitet dhe partnerët më poshtë punojnë edhe pa të.',
  filters: 'Filtrat',
  year: 'Viti',
  partner: 'Partneri',
  language: 'Gjuha',
  all: 'Të gjitha',
  noMatch: 'Asnjë njoftim nuk përputhet.',
  empty: 'Arkivi nuk ka ende njoftime.',
  published: 'Publikuar',
  event: 'Ngjarja',
  location: 'Vendi',
  people: 'Personat',
  tags: 'Etiketat',
  events: 'Ngjarjet',
  eventCount: (n) => `${n} ngjarje`,
  upcomingEvents: 'Ngjarjet e ardhshme',
  calendarFile: 'Kalendari i ngjarjeve (.ics)',
  calendarHelp: 'Abonohuni në Outlook, Google Calendar ose një kalendar tjetër me adresën e kësaj lidhjeje.',
  eventPast: 'Ka përfunduar',
  eventOngoing: 'Në vazhdim',
  eventUpcoming: 'E ardhshme',
  noEvents: 'Nuk ka ngjarje.',
  allLanguages: 'Të gjitha gjuhët',
  otherLanguages: 'Në gjuhë të tjera',
  timeline: 'Njoftime sipas muajve',
  timelineDesc: (n, from, to) => `${n} njoftime nga ${from} deri në ${to}`,
  chartTable: 'Shfaq si tabelë',
  timelineYears: 'Njoftime sipas viteve',
  month: 'Muaji',
  monthsLabel: ['jan', 'shk', 'mar', 'pri', 'maj', 'qer', 'korr', 'gush', 'sht', 'tet', 'nën', 'dhj'],
  busiest: (m, n) => `më së shumti në ${m} (${n})`,
  pages: 'Faqet',
  pageOf: (n, total) => `Faqja ${n} nga ${total}`,
  newer: 'Më të reja',
  older: 'Më të vjetra',
  notFound: 'Faqja nuk u gjet',
  notFoundHelp: 'Kjo adresë nuk të çon në asnjë faqe të arkivit. Kërko njoftimet ose fillo nga faqja kryesore.',
  partnerChart: 'Njoftime sipas partnerit',
  releasesIn: (y) => `Njoftime nga ${y}`,
  count: (n) => (n === 1 ? '1 njoftim' : `${n} njoftime`),
  results: (n) => (n === 1 ? '1 rezultat' : `${n} rezultate`),
  feeds: 'Burimet (Atom, JSON Feed)',
  allReleases: 'Të gjitha njoftimet',
  latest: 'Njoftimet më të reja',
  olderHint: (n, total) =>
    `Shfaqen ${n} njoftimet më të reja nga ${total}. Të tjerat janë në faqet sipas viteve dhe partnerëve; kërkimi dhe filtrat i përfshijnë të gjitha.`,
};

const en: UiStrings = {
  lang: 'en',
  skip: 'Skip to content',
  home: 'Releases',
  years: 'Years',
  partners: 'Partners',
  searchLabel: 'Search releases',
  searchPlaceholder: 'e.g. petrevski, OSCE, cooperation',
  searchHelp: 'Search finds words in Cyrillic and in Latin letters.',
  searchLoading: 'Loading search…',
  noScript: 'Search and filters need JavaScript; the years and partners below work without it.',
  filters: 'Filters',
  year: 'Year',
  partner: 'Partner',
  language: 'Language',
  all: 'All',
  noMatch: 'No release matches.',
  empty: 'The archive has no releases yet.',
  published: 'Published',
  event: 'Event',
  location: 'Location',
  people: 'People',
  tags: 'Tags',
  events: 'Events',
  eventCount: (n) => (n === 1 ? '1 event' : `${n} events`),
  upcomingEvents: 'Upcoming events',
  calendarFile: 'Events calendar (.ics)',
  calendarHelp: 'Subscribe in Outlook, Google Calendar or any other calendar with the address of this link.',
  eventPast: 'Past',
  eventOngoing: 'Ongoing',
  eventUpcoming: 'Upcoming',
  noEvents: 'No events.',
  allLanguages: 'All languages',
  otherLanguages: 'In other languages',
  timeline: 'Releases per month',
  timelineDesc: (n, from, to) => `${n} releases from ${from} to ${to}`,
  chartTable: 'Show as a table',
  timelineYears: 'Releases per year',
  month: 'Month',
  monthsLabel: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  busiest: (m, n) => `most in ${m} (${n})`,
  pages: 'Pages',
  pageOf: (n, total) => `Page ${n} of ${total}`,
  newer: 'Newer',
  older: 'Older',
  notFound: 'Page not found',
  notFoundHelp: 'This address leads to no page of the archive. Search the releases or start from the home page.',
  partnerChart: 'Releases per partner',
  releasesIn: (y) => `Releases from ${y}`,
  count: (n) => (n === 1 ? '1 release' : `${n} releases`),
  results: (n) => (n === 1 ? '1 result' : `${n} results`),
  feeds: 'Feeds (Atom, JSON Feed)',
  allReleases: 'All releases',
  latest: 'Latest releases',
  olderHint: (n, total) =>
    `The newest ${n} of ${total} releases are shown. The others are on the year and partner pages; search and filters cover them all.`,
};

const TABLE: Record<string, UiStrings> = { mk, sq, en };

/** The site's words for a language (its primary subtag); English when there are none. */
export function ui(lang: string): UiStrings {
  return TABLE[lang.toLowerCase().split('-')[0]] ?? en;
}

/** The name of a language in that language (`mk` → `македонски`), for language links. */
export function languageName(lang: string): string {
  let name = languageNames.get(lang);
  if (name === undefined) {
    try {
      const own = new Intl.DisplayNames([lang], { type: 'language' }).of(lang);
      name = own ? own[0].toLocaleUpperCase(lang) + own.slice(1) : lang;
    } catch {
      name = lang;
    }
    languageNames.set(lang, name);
  }
  return name;
}

const languageNames = new Map<string, string>();
