/**
 * How a corpus's Debian package becomes a folder of files. The `install` steps in corpora.json are prose,
 * so the steps are kept here as data, keyed by package name. `DIR` in a corpus's folder is `<cache>/<dir>`.
 */

export type Recipe =
  /** `apt-get install -y --no-install-recommends <package>`; the folder is where the package puts its files. */
  | { kind: 'install-package' }
  /**
   * `apt-get download <package>` then `dpkg -x <package>_*.deb DIR`: the files without installing the package (nor the
   * packages it depends on); with `gunzip`, every `.gz` file extracted is then unpacked beside it, as Debian compresses
   * the larger pages of a documentation folder.
   */
  | { kind: 'download-and-extract'; dir: string; gunzip?: boolean }
  /** `apt-get install -y --no-install-recommends <package>` then gunzip `file` into `DIR/<into>`. */
  | { kind: 'gunzip-file'; dir: string; file: string; into: string }
  /**
   * `apt-get install -y --no-install-recommends <package>` then the files under `from` whose path there matches `pick`
   * copied into DIR, keeping their sub-folders: one language of a book the package holds in many.
   */
  | { kind: 'copy-files'; dir: string; from: string; pick: RegExp };

const RECIPES: ReadonlyMap<string, Recipe> = new Map<string, Recipe>([
  ['python3.11-doc', { kind: 'install-package' }],
  // Installing nodejs-doc removes the Node.js package on these machines: only ever download it.
  ['nodejs-doc', { kind: 'download-and-extract', dir: 'nodejs-doc' }],
  ['jargon-text', { kind: 'gunzip-file', dir: 'jargon', file: '/usr/share/doc/jargon-text/jargon.txt.gz', into: 'jargon.txt' }],
  // The LXD documentation comes with the daemon's package, which depends on lxc, dnsmasq and more: take only its files.
  ['lxd', { kind: 'download-and-extract', dir: 'lxd', gunzip: true }],
  // A dictd file (dictzip) is gzip with an index in its header: gunzip reads it whole.
  ['dict-foldoc', { kind: 'gunzip-file', dir: 'foldoc', file: '/usr/share/dictd/foldoc.dict.dz', into: 'foldoc.txt' }],
  // "A Short History of the Debian Project" in ten languages, its release dedications in up to twenty: English only.
  ['debian-history', { kind: 'copy-files', dir: 'debian-history', from: '/usr/share/doc/debian-history', pick: /^(?:docs\/[^/]+\.en\.html|dedication\/dedication-[\d.]+\.txt)$/u }],
]);

/** Packages that are never installed, whatever a suite file says: installing them can remove Node.js. */
const NEVER_INSTALLED = /^(?:nodejs|libnode|npm)(?:$|[-\d])/u;

/** The recipe for a package: from the table, else a plain install. Null when the package must never be installed. */
export function recipeFor(debianPackage: string): Recipe | null {
  const known = RECIPES.get(debianPackage);
  if (known !== undefined) return known;
  return NEVER_INSTALLED.test(debianPackage) ? null : { kind: 'install-package' };
}

/** The cache sub-folder a recipe fills (what `DIR` stands for), or null when it installs into the system. */
export function recipeDir(recipe: Recipe): string | null {
  return recipe.kind === 'install-package' ? null : recipe.dir;
}
