/** The site's words about files, per language (kept apart from strings.ts, which other pages share). */
interface FileWords {
  files: string;
  kinds: Record<FileKind, string>;
}

/** The kinds of files a reader is told about. */
export type FileKind = 'image' | 'pdf' | 'document' | 'spreadsheet' | 'presentation' | 'archive' | 'audio' | 'video' | 'text' | 'file';

const WORDS: Record<string, FileWords> = {
  mk: {
    files: 'Датотеки',
    kinds: {
      image: 'Слика',
      pdf: 'PDF-документ',
      document: 'Документ',
      spreadsheet: 'Табела',
      presentation: 'Презентација',
      archive: 'Архива',
      audio: 'Аудио',
      video: 'Видео',
      text: 'Текст',
      file: 'Датотека',
    },
  },
  sq: {
    files: 'Skedarët',
    kinds: {
      image: 'Imazh',
      pdf: 'Dokument PDF',
      document: 'Dokument',
      spreadsheet: 'Tabelë',
      presentation: 'Prezantim',
      archive: 'Arkiv',
      audio: 'Audio',
      video: 'Video',
      text: 'Tekst',
      file: 'Skedar',
    },
  },
  en: {
    files: 'Files',
    kinds: {
      image: 'Image',
      pdf: 'PDF document',
      document: 'Document',
      spreadsheet: 'Spreadsheet',
      presentation: 'Presentation',
      archive: 'Archive',
      audio: 'Audio',
      video: 'Video',
      text: 'Text',
      file: 'File',
    },
  },
};

/** The words for a language (its primary subtag); English when there are none. */
export function fileWords(lang: string): FileWords {
  return WORDS[lang.toLowerCase().split('-')[0]] ?? WORDS.en;
}

/** The kind of a MIME type, for the reader. */
export function fileKind(type: string): FileKind {
  if (type.startsWith('image/')) return 'image';
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  if (/spreadsheet|ms-excel|text\/csv/.test(type)) return 'spreadsheet';
  if (/presentation|powerpoint/.test(type)) return 'presentation';
  if (/wordprocessing|msword|opendocument\.text|rtf/.test(type)) return 'document';
  if (type === 'application/zip') return 'archive';
  if (type.startsWith('text/')) return 'text';
  return 'file';
}

/** A file size in the reader's language and number format (`1,2 MB` in Macedonian), SI units. */
export function formatBytes(bytes: number, lang: string): string {
  const [value, unit] =
    bytes < 1000
      ? [bytes, 'byte']
      : bytes < 1e6
        ? [bytes / 1e3, 'kilobyte']
        : bytes < 1e9
          ? [bytes / 1e6, 'megabyte']
          : [bytes / 1e9, 'gigabyte'];
  try {
    // Bytes written out (`876 bytes`): the short form leaves English without its plural.
    return new Intl.NumberFormat(lang, {
      style: 'unit',
      unit,
      unitDisplay: unit === 'byte' ? 'long' : 'short',
      maximumFractionDigits: 1,
    }).format(value);
  } catch {
    return new Intl.NumberFormat('en', {
      style: 'unit',
      unit,
      unitDisplay: unit === 'byte' ? 'long' : 'short',
      maximumFractionDigits: 1,
    }).format(value);
  }
}
