/** A suite, floors or question file the evaluation cannot use; the message names the file. */
export class EvalFileError extends Error {
  constructor(file: string, message: string, options?: ErrorOptions) {
    super(`Quoth eval: ${file}: ${message}`, options);
    this.name = 'EvalFileError';
  }
}
