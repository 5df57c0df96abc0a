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
