/**
 * Whether a tool a test file needs is here. Missing, the file's tests are skipped with a
 * warning that says how to install it; under CI (`CI=true`) the file fails instead, since
 * there a skipped test would pass unseen (.ci/run installs both with apt).
 */
export function needs(what: string, present: boolean, install: string): boolean {
  if (present) return true;
  const why = `${what} is missing (${install})`;
  if (process.env.CI === 'true') throw new Error(`${why}: under CI these tests fail rather than skip`);
  console.warn(`skipped: ${why}`);
  return false;
}
