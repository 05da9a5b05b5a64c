/** Where the project's data folders are, whether running from sources (tests) or from dist/ (npm start). */
import { existsSync } from 'node:fs';
import path from 'node:path';

function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package.json not found above ${from}`);
    dir = up;
  }
  return dir;
}

export const ROOT = findRoot(__dirname);
export const CONTENT_DIR = path.join(ROOT, 'content');
export const LOCALES_DIR = path.join(ROOT, 'locales');
