/**
 * The default bench corpus: the Python HTML documentation from Debian's `python3.11-doc`, installed with
 * apt-get when absent. Only the `.html` pages are used: the package also ships every page's reStructuredText
 * source under `_sources/` as `.rst.txt`, which Quoth would otherwise index as a second copy of each page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, copyFile } from 'node:fs/promises';
import path from 'node:path';

export const PYTHON_DOCS_PACKAGE = 'python3.11-doc';

export class BenchSetupError extends Error {
  override name = 'BenchSetupError';
}

function run(command: string, args: string[], log: (line: string) => void): number {
  log(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: ['ignore', 2, 2],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) {
    log(`  could not run ${command}: ${result.error.message}`);
    return -1;
  }
  return result.status ?? -1;
}

function isInstalled(): boolean {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', PYTHON_DOCS_PACKAGE], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** Installs the package when absent (apt-get install, then apt-get update and install again). Throws BenchSetupError when it cannot. */
export function ensurePythonDocs(log: (line: string) => void): void {
  if (isInstalled()) {
    log(`${PYTHON_DOCS_PACKAGE} is installed`);
    return;
  }
  log(`${PYTHON_DOCS_PACKAGE} is not installed: installing it with apt-get`);
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new BenchSetupError(
      `${PYTHON_DOCS_PACKAGE} is not installed and installing it needs root. ` +
        `Install it (sudo apt-get install -y ${PYTHON_DOCS_PACKAGE}) or pass a folder: npm run bench -- /path/to/folder`,
    );
  }
  const install = ['install', '-y', '--no-install-recommends', PYTHON_DOCS_PACKAGE];
  if (run('apt-get', install, log) !== 0) {
    log('apt-get install failed: updating the package lists and trying again');
    if (run('apt-get', ['update'], log) !== 0 || run('apt-get', install, log) !== 0 || !isInstalled()) {
      throw new BenchSetupError(
        `could not install ${PYTHON_DOCS_PACKAGE} with apt-get (see its output above). ` +
          `Install it by hand or pass a folder: npm run bench -- /path/to/folder`,
      );
    }
  }
  log(`${PYTHON_DOCS_PACKAGE} installed`);
}

/** The package's HTML root (the folder of the top `html/index.html`) and its `.html` pages, from `dpkg -L`. */
export function pythonDocs(): { root: string; pages: string[] } {
  const result = spawnSync('dpkg', ['-L', PYTHON_DOCS_PACKAGE], { encoding: 'utf8' });
  if (result.status !== 0) throw new BenchSetupError(`dpkg -L ${PYTHON_DOCS_PACKAGE} failed: ${result.stderr.trim()}`);
  const files = result.stdout.split('\n');
  const root = files
    .filter((file) => file.endsWith('/html/index.html'))
    .map((file) => path.dirname(file))
    .sort((a, b) => a.length - b.length)[0];
  if (root === undefined || !existsSync(root)) {
    throw new BenchSetupError(`${PYTHON_DOCS_PACKAGE} lists no html/index.html; is the package complete?`);
  }
  const pages = files.filter((file) => {
    const rel = path.relative(root, file);
    const folders = rel.split(path.sep).slice(0, -1);
    return file.endsWith('.html') && !rel.startsWith('..') && !folders.some((folder) => folder.startsWith('_'));
  });
  return { root, pages };
}

/**
 * Copies each page into `into` under its path relative to `root`, so that the seeds reader sees the pages and nothing
 * else: copies, because Quoth reads no link that leads out of its
 * seeds folder.
 */
export async function copyPages(root: string, pages: string[], into: string): Promise<void> {
  for (const page of pages) {
    const target = path.join(into, path.relative(root, page));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(page, target);
  }
}
