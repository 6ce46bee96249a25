import { readFile } from 'node:fs/promises';
import { CliError } from './cli-error.js';

/** The text of FILE, or of stdin when FILE is absent or "-". */
export async function readInput(file: string | undefined): Promise<string> {
  if (file === undefined || file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`file not found: ${file}`);
    if (code === 'EISDIR') throw new CliError(`is a directory, not a file: ${file}`);
    throw new CliError(`cannot read ${file}: ${(e as Error).message}`);
  }
}

/** JSON.parse with a one-line error naming the input. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`malformed JSON in ${what}: ${(e as Error).message}`);
  }
}
