/**
 * Makes a corpus's folder exist: nothing for a plain folder; for a Debian package, its recipe (apt-get,
 * dpkg -x, gunzip) run once into the cache. An `apt-get` that fails is retried after `apt-get update`.
 * The edge: runs commands and writes the cache.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { Preparation, SuiteCorpus } from './corpora.js';

/** Runs a command with its output on standard error; resolves to its exit code (127 when it cannot start). */
export type CommandRunner = (command: string, args: readonly string[], cwd?: string) => Promise<number>;

export class CorpusPreparationError extends Error {
  constructor(corpus: string, message: string) {
    super(`Quoth eval: ${corpus}: ${message}`);
    this.name = 'CorpusPreparationError';
  }
}

/** Runs with standard output sent to standard error, so `--json` output stays clean. */
export const runOnStderr: CommandRunner = (command, args, cwd) =>
  new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 2, 2],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.on('error', () => resolve(127));
    child.on('close', (code) => resolve(code ?? 1));
  });

/** Whether a Debian package is installed (unpacked or configured). */
export type PackageCheck = (debianPackage: string) => Promise<boolean>;

const DPKG_INFO = '/var/lib/dpkg/info';

/**
 * dpkg keeps the list of an installed package's files as `<package>.list` (`<package>:<arch>.list` for one built per
 * architecture). Where there is no dpkg, nothing can be installed, so what is there is taken as it is.
 */
export const dpkgHasInstalled: PackageCheck = async (debianPackage) => {
  const lists = await readdir(DPKG_INFO).catch(() => null);
  if (lists === null) return true;
  return lists.some((name) => name === `${debianPackage}.list` || (name.startsWith(`${debianPackage}:`) && name.endsWith('.list')));
};

/** The corpus's folder, prepared when it is not there yet. Throws `CorpusPreparationError` saying what failed. */
export async function prepareCorpus(
  corpus: SuiteCorpus,
  log: (line: string) => void,
  run: CommandRunner = runOnStderr,
  installed: PackageCheck = dpkgHasInstalled,
): Promise<string> {
  const { preparation } = corpus;
  // A package's folder under /usr/share/doc may be there without its documentation: another package of the same
  // source (the `sqlite3` program beside `sqlite3-doc`) puts its changelog and copyright there.
  const ready = preparation?.recipe.kind !== 'install-package' || (await installed(preparation.debianPackage));
  if (ready) for (const folder of corpus.folders) if (await isFolder(folder)) return folder;
  const folder = corpus.folders[0];
  if (preparation === null || folder === undefined) {
    throw new CorpusPreparationError(corpus.name, `folder not found: ${corpus.folders.join(' or ')}`);
  }
  const apt = new Apt(corpus.name, log, run);
  await fill(preparation, apt, corpus.name, log, run);
  if (!(await isFolder(folder))) {
    throw new CorpusPreparationError(
      corpus.name,
      `${folder} is still missing after preparing ${preparation.debianPackage} (does a dpkg path-exclude in /etc/dpkg/dpkg.cfg.d drop /usr/share/doc?)`,
    );
  }
  return folder;
}

async function fill(preparation: Preparation, apt: Apt, corpus: string, log: (line: string) => void, run: CommandRunner): Promise<void> {
  const { recipe, debianPackage, dir } = preparation;
  switch (recipe.kind) {
    case 'install-package':
      return apt.install(debianPackage);
    case 'download-and-extract': {
      const target = requireDir(dir, corpus);
      const downloads = path.join(path.dirname(target), 'downloads');
      await mkdir(downloads, { recursive: true });
      log(`[${corpus}] apt-get download ${debianPackage}`);
      await apt.get(['download', debianPackage], downloads);
      const deb = (await readdir(downloads)).filter((name) => name.startsWith(`${debianPackage}_`) && name.endsWith('.deb')).sort().at(-1);
      if (deb === undefined) throw new CorpusPreparationError(corpus, `apt-get download left no ${debianPackage}_*.deb in ${downloads}`);
      await intoFolder(target, async (partial) => {
        log(`[${corpus}] dpkg -x ${deb} ${target}`);
        if ((await run('dpkg', ['-x', path.join(downloads, deb), partial])) !== 0) throw new CorpusPreparationError(corpus, `dpkg -x ${deb} failed`);
        if (recipe.gunzip === true) {
          log(`[${corpus}] gunzip every .gz file under ${target}`);
          await gunzipAll(partial);
        }
      });
      return;
    }
    case 'gunzip-file': {
      const target = requireDir(dir, corpus);
      if (!(await exists(recipe.file))) await apt.install(debianPackage);
      await intoFolder(target, async (partial) => {
        log(`[${corpus}] gunzip ${recipe.file} into ${path.join(target, recipe.into)}`);
        await pipeline(createReadStream(recipe.file), createGunzip(), createWriteStream(path.join(partial, recipe.into)));
      });
      return;
    }
    case 'copy-files': {
      const target = requireDir(dir, corpus);
      if (!(await exists(recipe.from))) await apt.install(debianPackage);
      await intoFolder(target, async (partial) => {
        log(`[${corpus}] copy the files of ${recipe.from} matching ${recipe.pick.source} into ${target}`);
        const picked = (await readdir(recipe.from, { recursive: true })).filter((file) => recipe.pick.test(file.split(path.sep).join('/')));
        if (picked.length === 0) throw new CorpusPreparationError(corpus, `no file of ${recipe.from} matches ${recipe.pick.source}`);
        for (const file of picked) {
          await mkdir(path.dirname(path.join(partial, file)), { recursive: true });
          await copyFile(path.join(recipe.from, file), path.join(partial, file));
        }
      });
      return;
    }
  }
}

/** Unpacks every `x.gz` under `folder` into `x` beside it and removes the `.gz`, as `gunzip -r` does. */
async function gunzipAll(folder: string): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.gz')) continue;
    const file = path.join(entry.parentPath, entry.name);
    await pipeline(createReadStream(file), createGunzip(), createWriteStream(file.slice(0, -'.gz'.length)));
    await rm(file);
  }
}

function requireDir(dir: string | null, corpus: string): string {
  if (dir === null) throw new CorpusPreparationError(corpus, 'the recipe has no cache folder');
  return dir;
}

/** Fills `target` through a sibling `.partial` folder renamed at the end, so an interrupted run leaves no half folder. */
async function intoFolder(target: string, write: (partial: string) => Promise<void>): Promise<void> {
  const partial = `${target}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  await write(partial);
  await rm(target, { recursive: true, force: true });
  await rename(partial, target);
}

class Apt {
  constructor(
    private readonly corpus: string,
    private readonly log: (line: string) => void,
    private readonly run: CommandRunner,
  ) {}

  /** Without the packages it recommends: a manual's package may recommend the program itself (apache2-doc, apache2). */
  install(debianPackage: string): Promise<void> {
    this.log(`[${this.corpus}] apt-get install -y --no-install-recommends ${debianPackage}`);
    return this.get(['install', '-y', '--no-install-recommends', debianPackage]);
  }

  /** `apt-get <args>`; when it fails, `apt-get update` and once more (fresh machines have no package lists). */
  async get(args: readonly string[], cwd?: string): Promise<void> {
    if ((await this.run('apt-get', args, cwd)) === 0) return;
    this.log(`[${this.corpus}] apt-get ${args.join(' ')} failed: apt-get update, then trying again`);
    if ((await this.run('apt-get', ['update'])) !== 0) this.log(`[${this.corpus}] apt-get update failed`);
    if ((await this.run('apt-get', args, cwd)) !== 0) throw new CorpusPreparationError(this.corpus, `apt-get ${args.join(' ')} failed (see its output above)`);
  }
}

async function isFolder(folder: string): Promise<boolean> {
  return (await stat(folder).catch(() => null))?.isDirectory() ?? false;
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null)) !== null;
}
