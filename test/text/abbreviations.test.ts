import { describe, expect, it } from 'vitest';
import { longFormOf } from '../../src/text/abbreviations.js';

describe('longFormOf', () => {
  it('finds the long form before the abbreviation in parentheses', () => {
    expect(longFormOf('ICU', 'Node.js and V8 use International Components for Unicode (ICU) to implement these features.')).toBe(
      'International Components for Unicode',
    );
    expect(longFormOf('REPL', 'The node:repl module provides a Read-Eval-Print-Loop (REPL) implementation.')).toBe('Read-Eval-Print-Loop');
    expect(longFormOf('wasi', 'Enable experimental WebAssembly System Interface (WASI) support.')).toBe('WebAssembly System Interface');
  });

  it('finds the long form of an abbreviation written in the plural in parentheses ("Access Control Lists (ACLs)")', () => {
    expect(longFormOf('ACL', 'Access Control Lists (ACLs) are defined in a separate section of the runtime configuration file.')).toBe('Access Control Lists');
    expect(longFormOf('API', 'Application Programming Interfaces (APIs) are listed below.')).toBe('Application Programming Interfaces');
  });

  it('finds the long form in parentheses after the abbreviation', () => {
    expect(longFormOf('MRO', 'Python computes the MRO (method resolution order) of every class.')).toBe('method resolution order');
    expect(longFormOf('SPICE', 'It is supported by the SPICE (the Simple Protocol for Independent Computing Environments).')).toBe(
      'Simple Protocol for Independent Computing Environments',
    );
  });

  it('finds the long form of a short form written in Markdown emphasis or code', () => {
    expect(longFormOf('DD', 'Specifying **DD** (Delete Document) after the document ID, will make RediSearch also delete the actual document.')).toBe(
      'Delete Document',
    );
    expect(longFormOf('GIL', 'Only one thread runs Python code at a time, held by the global interpreter lock (`GIL`).')).toBe('global interpreter lock');
    expect(longFormOf('LD', 'Matches terms within a given *LD* (Levenshtein Distance) of the query term.')).toBe('Levenshtein Distance');
    expect(longFormOf('TTL', '`TTL` stands for time to live.')).toBe('time to live');
  });

  it('reads a Markdown link as its text', () => {
    expect(longFormOf('CRDT', 'Replicas merge through a [conflict-free replicated data type](https://example.org/crdt) (CRDT).')).toBe(
      'conflict-free replicated data type',
    );
    expect(longFormOf('MVCC', 'See [multiversion concurrency control][mvcc] (MVCC) for how readers never block.')).toBe('multiversion concurrency control');
  });

  it('finds a quoted phrase whose initials spell the abbreviation', () => {
    expect(longFormOf('PEBKAC', '[Abbrev., “Problem Exists Between Keyboard And Chair”] Used by support people.')).toBe(
      'Problem Exists Between Keyboard And Chair',
    );
    expect(longFormOf('PEBKAC', 'He said “please explain” and left.')).toBeNull();
  });

  it('finds a quoted phrase whose capitals spell the abbreviation, written inside its words to mark them', () => {
    expect(longFormOf('bash', 'The name is an acronym for the ‘Bourne-Again SHell’, a pun on Stephen Bourne.')).toBe('Bourne-Again SHell');
    // Capitals that spell something else, or only part of it, do not.
    expect(longFormOf('bash', 'It was called the ‘Bourne-Again Shell’ at first.')).toBeNull();
    expect(longFormOf('bsh', 'The ‘Bourne-Again SHell’ is not the Bourne shell.')).toBeNull();
  });

  it('gives nothing when the words before do not spell the abbreviation, or it is not in parentheses', () => {
    expect(longFormOf('ICU', 'Data path for ICU (Intl object) data.')).toBeNull();
    expect(longFormOf('ICU', 'The full ICU data set is provided by default.')).toBeNull();
    expect(longFormOf('API', 'This is the public interface (API) of the module.')).toBeNull();
  });

  it('finds words next to the abbreviation, without brackets, when one word starts with each of its letters', () => {
    // A definition list's term and its description, or an option's name and what it does.
    expect(longFormOf('ZLE', 'zsh/zle The Zsh Line Editor, including the bindkey and vared builtins.')).toBe('Zsh Line Editor');
    expect(longFormOf('ZLE', 'ZLE (-Z) Use the zsh line editor.')).toBe('zsh line editor');
    expect(longFormOf('GIL', 'Holding the global interpreter lock, GIL, is required.')).toBe('global interpreter lock');
    // Not inside another word ("dircache" holds "dirc"), not one letter a word, not further than a few words away.
    expect(longFormOf('DIRC', "The signature is { 'D', 'I', 'R', 'C' } (stands for \"dircache\")")).toBeNull();
    expect(longFormOf('ZLE', 'ZLE widgets can be bound to keys; see the description of zsh line editor widgets.')).toBeNull();
    // Two letters meet by chance too often to be trusted without brackets.
    expect(longFormOf('PS', 'PS printed strings are shown.')).toBeNull();
    // Nor are words a comma parts one name.
    expect(longFormOf('HSTS', 'libcurl features an in-memory cache for HSTS hosts, so that subsequent HTTP-only requests are redirected.')).toBeNull();
  });

  it('finds the long form a text says the abbreviation stands for, is short for or is an acronym of, a word for each letter', () => {
    expect(longFormOf('CDD', 'It is simple-cdd (CDD being an acronym for Custom Debian Derivative).')).toBe('Custom Debian Derivative');
    expect(longFormOf('RHSBL', 'RBL is an acronym for Remote Black List, and RHSBL stands for Right-Hand Side Black List.')).toBe('Right-Hand Side Black List');
    expect(longFormOf('PAM', 'PAM is short for Pluggable Authentication Modules.')).toBe('Pluggable Authentication Modules');
    // The words after must spell it, from the first.
    expect(longFormOf('buildd', 'buildd is the abbreviation of “build daemon”. This program recompiles packages.')).toBe('build daemon');
    expect(longFormOf('buildd', 'buildd is the abbreviation of “daemon build”.')).toBeNull();
    expect(longFormOf('CDD', 'CDD is an acronym for a Custom Debian Derivative.')).toBeNull();
    expect(longFormOf('RBL', 'RHSBL stands for Right-Hand Side Black List.')).toBeNull();
    // Or whose capitals spell it, marked inside a word: fewer words than letters.
    expect(longFormOf('cif', 'The cif in ffi_cif stands for Call InterFace.')).toBe('Call InterFace');
    expect(longFormOf('cif', 'The cif in ffi_cif stands for Call Interface.')).toBeNull();
  });

  it('counts words, not runs of marks between spaces, on the way to an unbracketed long form in a long text', () => {
    const filler = 'More text about other things. '.repeat(40);
    expect(longFormOf('ZLE', `${filler}the Zsh Line Editor - - - - - - - - ZLE. ${filler}`)).toBe('Zsh Line Editor');
    expect(longFormOf('ZLE', `${filler}ZLE --- -- - Zsh Line Editor widgets. ${filler}`)).toBe('Zsh Line Editor');
    expect(longFormOf('ZLE', `${filler}the Zsh Line Editor and then some more words - ZLE. ${filler}`)).toBeNull();
  });

  it('gives nothing in brackets that hold the short form itself: a package or file named after it is no long form', () => {
    expect(longFormOf('LXDE', 'They can be installed with the lxde (task-lxde-desktop), and lxqt (task-lxqt-desktop) metapackages.')).toBeNull();
    expect(longFormOf('GIL', 'the gil-free build (experimental-gil-removal) is separate.')).toBeNull();
  });

  it('gives nothing when the words only repeat what the short form is made of, not its initials', () => {
    expect(longFormOf('PYTHONPATH', 'Do not count on the Python module search path (PYTHONPATH) being set.')).toBeNull();
    expect(longFormOf('JSON', 'It reads JavaScript Object Notation (JSON) documents.')).toBe('JavaScript Object Notation');
  });
});
