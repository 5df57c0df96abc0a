/**
 * The default id of a release file: its name without `.md`; for a release kept as a folder
 * (`2021/2021-06-01-slug/index.md`, as Hugo's page bundles are), the folder's name. A module
 * of its own so the index can derive ids without loading the front-matter parsers.
 */
export function idFromPath(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const folder = /^index\.md$/i.test(name) ? path.slice(0, -name.length - 1) : '';
  return folder ? folder.slice(folder.lastIndexOf('/') + 1) : name.replace(/\.md$/i, '');
}
