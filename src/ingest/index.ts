export type { ReadResult } from './article.js';
export { formatOf, readArticle, sourceIdOf, uniqueSourceIds } from './article.js';
export type { SeedsFolderProblem } from './errors.js';
export { SeedsFolderError } from './errors.js';
export type { IngestWarning, LoadOptions, LoadResult } from './files.js';
export { hashSeeds, loadSeeds } from './files.js';
