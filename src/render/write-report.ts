import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ReportFile } from './build-report.js';

/** Writes report files under a folder, creating sub-folders; returns the paths written. */
export async function writeReportFiles(dir: string, files: readonly ReportFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const f of files) {
    const path = join(dir, f.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, f.content);
    written.push(path);
  }
  return written;
}
