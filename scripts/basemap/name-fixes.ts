// Correcting names the sources get wrong, with a table that must keep matching the data: a fix that
// finds nothing to fix fails the build, so a changed source is looked at instead of passing unnoticed.

/** A name a source gets wrong, what it should be, and why we say so. */
export interface NameFix {
  /** When set, the fix applies to the feature with this code only, and its name must be `wrong`. */
  readonly code?: string;
  readonly wrong: string;
  readonly right: string;
  readonly why: string;
}

/** Applies the table to one name; records in `used` which fix it took. */
export function fixName(fixes: readonly NameFix[], name: string, used: Set<NameFix>, code?: string): string {
  for (const fix of fixes) {
    if (fix.code !== undefined ? fix.code !== code : fix.wrong !== name) continue;
    if (fix.wrong !== name) throw new Error(`name fix for ${fix.code}: expected "${fix.wrong}", the source now says "${name}"`);
    used.add(fix);
    return fix.right;
  }
  return name;
}

/** Throws unless every fix in the table was used. */
export function assertAllFixesUsed(fixes: readonly NameFix[], used: ReadonlySet<NameFix>, what: string): void {
  const unused = fixes.filter((fix) => !used.has(fix));
  if (unused.length > 0) {
    throw new Error(`${what}: name fixes that matched nothing: ${unused.map((fix) => `"${fix.wrong}"`).join(', ')}`);
  }
}
