/**
 * The suite file (`corpora.json` format, ../shared/eval/README.md): corpus name → where its files come from
 * and its question file. Parsed with zod into corpora with absolute paths. Pure.
 */
import path from 'node:path';
import { z } from 'zod';
import { EvalFileError } from './errors.js';
import { recipeDir, recipeFor, type Recipe } from './recipes.js';

const corpusEntrySchema = z.object({
  about: z.string().optional(),
  /** Debian package the files come from; absent for a plain folder. */
  debian: z.string().min(1).optional(),
  /** The steps in prose; the steps run are the package's recipe (recipes.ts). */
  install: z.string().optional(),
  /** Folder to index: absolute, relative to the suite file, or under `DIR` (the package's cache folder). */
  folder: z.string().min(1),
  /** Question file (JSON lines), relative to the suite file. */
  questions: z.string().min(1),
});

const suiteFileSchema = z.record(z.string().min(1), corpusEntrySchema);

export interface SuiteCorpus {
  name: string;
  about: string | null;
  /** Absolute path of the question file. */
  questions: string;
  /**
   * Where the files are, first existing wins: for a prepared corpus the one folder its recipe fills; for a
   * relative folder, beside the suite file and then in the repository (`seeds` is the project's own folder).
   */
  folders: string[];
  preparation: Preparation | null;
}

export interface Preparation {
  debianPackage: string;
  recipe: Recipe;
  /** The cache folder the recipe fills (`DIR`), or null when it installs into the system. */
  dir: string | null;
}

export interface SuitePlaces {
  /** The suite file's path, for messages and relative paths. */
  file: string;
  repoRoot: string;
  cacheDir: string;
}

/** A trailing remark in parentheses: `news-reuters (beside this file)`. */
const REMARK = /\s*\([^()]*\)\s*$/u;
const CACHE_PLACEHOLDER = /^DIR(?=$|[/\\])/u;

export function parseSuite(text: string, places: SuitePlaces): SuiteCorpus[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EvalFileError(places.file, `not JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = suiteFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EvalFileError(places.file, `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid suite'}`);
  }
  const suiteDir = path.dirname(path.resolve(places.file));
  return Object.entries(parsed.data).map(([name, entry]) => {
    const preparation = entry.debian === undefined ? null : preparationOf(name, entry.debian, places);
    const folder = entry.folder.replace(REMARK, '');
    let folders: string[];
    if (CACHE_PLACEHOLDER.test(folder)) {
      if (preparation === null || preparation.dir === null) throw new EvalFileError(places.file, `${name}: the folder uses DIR but no recipe fills a cache folder for it`);
      folders = [path.join(preparation.dir, folder.replace(CACHE_PLACEHOLDER, ''))];
    } else if (path.isAbsolute(folder) || preparation !== null) {
      folders = [path.resolve(suiteDir, folder)];
    } else {
      folders = [...new Set([path.resolve(suiteDir, folder), path.resolve(places.repoRoot, folder)])];
    }
    return { name, about: entry.about ?? null, questions: path.resolve(suiteDir, entry.questions), folders, preparation };
  });
}

function preparationOf(name: string, debianPackage: string, places: SuitePlaces): Preparation {
  const recipe = recipeFor(debianPackage);
  if (recipe === null) throw new EvalFileError(places.file, `${name}: Debian package ${debianPackage} is never installed by the evaluation`);
  const dir = recipeDir(recipe);
  return { debianPackage, recipe, dir: dir === null ? null : path.join(places.cacheDir, dir) };
}
