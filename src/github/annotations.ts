/**
 * Adapter: the workspace on disk for `annotationsFor`, and the annotations sent to the runner.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

import * as core from '@actions/core';

import { annotationsFor, type Workspace } from '../report/annotations.js';
import type { Verdict } from '../model-verdict.js';

const SKIP_DIRS = new Set(['.git', 'node_modules', '.tox', '.venv', 'venv', '__pycache__', '.mypy_cache']);
const MAX_FILES = 200_000;

/** The real workspace on disk. */
export function diskWorkspace(root: string): Workspace {
  let files: string[] | undefined;
  let set: Set<string> | undefined;
  const walk = (dir: string, into: string[]) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (into.length >= MAX_FILES) return;
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(full, into);
      } else if (e.isFile()) into.push(relative(root, full).split('\\').join('/'));
    }
  };
  const list = (): string[] => {
    if (!files) walk(root, (files = []));
    return files;
  };
  return {
    root,
    fileExists: (rel) => (set ??= new Set(list())).has(rel),
    listFiles: list,
  };
}

/** Adapter: send the annotations to the runner. Returns how many were emitted. */
export function emitAnnotations(
  verdict: Verdict,
  workspaceRoot: string | undefined = process.env.GITHUB_WORKSPACE,
): number {
  if (!workspaceRoot) return 0;
  const notes = annotationsFor(verdict, diskWorkspace(workspaceRoot));
  for (const a of notes) {
    const props = { file: a.file, startLine: a.startLine, title: a.title };
    if (a.level === 'error') core.error(a.message, props);
    else core.warning(a.message, props);
  }
  return notes.length;
}
