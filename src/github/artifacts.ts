/**
 * MemoryReport files between jobs (matrix `collect` → `aggregate`) and between workflows (fork PR
 * run → `workflow_run` `comment`), as GitHub Actions artifacts through `@actions/artifact`.
 *
 * Facts of @actions/artifact 6 this relies on:
 * - same-run calls need ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL (only set inside a job), read
 *   at call time; we check them first to say so in one line instead of the library's message;
 * - other-run calls (`findBy`) go through the REST API with an Octokit whose base URL is
 *   GITHUB_API_URL *as it was when @actions/github was first imported*;
 * - a GITHUB_SERVER_URL that is not github.com / *.ghe.com / *.localhost makes every call throw
 *   GHESNotSupportedError;
 * - Twirp calls retry 5xx/429 five times (about 30 s in all) before failing.
 * Artifacts of another run may come from a fork, so names become safe folder names, sizes are
 * capped (the zip as listed, and each report file as unpacked), symbolic links are ignored, and the
 * downloaded bytes are checked against the digest the service recorded. An artifact with no report
 * in it, or two artifacts holding the same report (one shard uploaded twice, whose runs would count
 * double), is an error naming them.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DefaultArtifactClient, type Artifact } from '@actions/artifact';
import { MemgateError } from '../errors.js';

export interface ArtifactRun {
  workflowRunId: number;
  owner: string;
  repo: string;
  /** A token with `actions:read` on owner/repo. */
  token: string;
}

/** Reports are kilobytes; anything this large is not ours (or is a zip bomb from a fork). */
const MAX_ARTIFACT_BYTES = 256 * 1024 * 1024;
/** One unpacked report file (a report of many checks and runs is a few MiB). */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** One line, no secrets: tokens and SAS signatures are replaced, newlines folded. */
function oneLine(err: unknown, secrets: (string | undefined)[]): string {
  let text = err instanceof Error ? err.message : String(err);
  for (const s of secrets) if (s && s.length >= 4) text = text.split(s).join('***');
  text = text
    .replace(/([?&]sig=)[^&\s]+/g, '$1***')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  return text.length > 400 ? `${text.slice(0, 397)}...` : text;
}

function secrets(from?: ArtifactRun): (string | undefined)[] {
  return [process.env.ACTIONS_RUNTIME_TOKEN, process.env.GITHUB_TOKEN, from?.token];
}

function requireRuntime(what: string): void {
  const missing = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter((k) => !process.env[k]);
  if (missing.length > 0)
    throw new MemgateError(
      `${what} needs the Actions runtime (${missing.join(', ')} unset): run it as a step of a GitHub Actions job`,
    );
}

/** Uploads `files` (paths under `rootDir`) as one zip artifact named `name`. */
export async function uploadReports(
  name: string,
  files: string[],
  rootDir: string,
): Promise<{ id: number; size: number }> {
  requireRuntime(`uploading artifact ${name}`);
  if (files.length === 0) throw new MemgateError(`uploading artifact ${name}: no report files to upload`);
  try {
    const res = await new DefaultArtifactClient().uploadArtifact(name, files, rootDir);
    if (res.id === undefined) throw new Error('the service returned no artifact id');
    return { id: res.id, size: res.size ?? 0 };
  } catch (err) {
    throw new MemgateError(`uploading artifact ${name} failed: ${oneLine(err, secrets())}`, undefined, {
      cause: err,
    });
  }
}

/** A folder name for an artifact that cannot escape destDir, whatever the (possibly fork-chosen) name. */
function folderFor(a: Artifact, taken: Set<string>): string {
  let base = a.name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || `artifact-${a.id}`;
  if (taken.has(base)) base = `${base}-${a.id}`;
  taken.add(base);
  return base;
}

async function jsonFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    // Symlinks are skipped on purpose: a fork's zip must not point us at files outside destDir.
    if (entry.isDirectory()) out.push(...(await jsonFiles(p)));
    else if (entry.isFile() && entry.name.endsWith('.json')) out.push(p);
  }
  return out;
}

/** What `downloadReports` accepts; tests lower the size cap. */
export interface DownloadLimits {
  maxReportBytes?: number;
}

/**
 * The report files of one downloaded artifact: at least one, none too large, none already seen in
 * another artifact (`seen`: content digest → artifact name).
 */
async function reportsOf(
  a: Artifact,
  dir: string,
  run: string,
  seen: Map<string, string>,
  maxBytes: number,
): Promise<string[]> {
  const files = await jsonFiles(dir);
  if (files.length === 0)
    throw new MemgateError(
      `artifact ${a.name} of run ${run} holds no report (.json) file: was it uploaded by memgate?`,
    );
  for (const f of files) {
    const { size } = await fs.stat(f);
    if (size > maxBytes)
      throw new MemgateError(
        `report ${path.relative(dir, f)} in artifact ${a.name} of run ${run} is ${size} bytes, over the ${maxBytes}-byte limit`,
      );
    const digest = createHash('sha256')
      .update(await fs.readFile(f))
      .digest('hex');
    const first = seen.get(digest);
    if (first !== undefined)
      throw new MemgateError(
        `artifacts ${first} and ${a.name} of run ${run} hold the same report (${path.basename(f)}): one shard uploaded twice would count its runs double; give each shard its own artifact name and report`,
      );
    seen.set(digest, a.name);
  }
  return files;
}

/**
 * Downloads every artifact of the current run (or of `from`) whose name starts with `prefix`, each
 * into its own subfolder of destDir, and returns the `.json` files found, sorted by path.
 */
export async function downloadReports(
  prefix: string,
  destDir: string,
  from?: ArtifactRun,
  limits: DownloadLimits = {},
): Promise<string[]> {
  const run = from ? String(from.workflowRunId) : (process.env.GITHUB_RUN_ID ?? '(current)');
  if (!from) requireRuntime(`downloading artifacts ${prefix}*`);
  const findBy = from
    ? {
        findBy: {
          token: from.token,
          workflowRunId: from.workflowRunId,
          repositoryOwner: from.owner,
          repositoryName: from.repo,
        },
      }
    : {};
  const client = new DefaultArtifactClient();
  const matching = await listMatching(client, prefix, run, findBy, from);
  const taken = new Set<string>();
  const seen = new Map<string, string>();
  const found: string[] = [];
  for (const a of matching) {
    if (a.size > MAX_ARTIFACT_BYTES)
      throw new MemgateError(
        `artifact ${a.name} of run ${run} is ${a.size} bytes, over the ${MAX_ARTIFACT_BYTES}-byte limit for reports`,
      );
    const dir = path.join(destDir, folderFor(a, taken));
    let res: { digestMismatch?: boolean };
    try {
      res = await client.downloadArtifact(a.id, {
        path: dir,
        ...(a.digest ? { expectedHash: a.digest } : {}),
        ...findBy,
      });
    } catch (err) {
      throw new MemgateError(
        `downloading artifact ${a.name} of run ${run} failed: ${oneLine(err, secrets(from))}`,
        undefined,
        { cause: err },
      );
    }
    if (res.digestMismatch === true)
      throw new MemgateError(
        `artifact ${a.name} of run ${run}: downloaded bytes do not match its recorded digest`,
      );
    found.push(...(await reportsOf(a, dir, run, seen, limits.maxReportBytes ?? MAX_REPORT_BYTES)));
  }
  return found.sort();
}

/** The artifacts named `prefix*`, by name; none is an error that says what to check. */
async function listMatching(
  client: DefaultArtifactClient,
  prefix: string,
  run: string,
  findBy: object,
  from?: ArtifactRun,
): Promise<Artifact[]> {
  let listed: Artifact[];
  try {
    listed = (await client.listArtifacts({ latest: true, ...findBy })).artifacts;
  } catch (err) {
    throw new MemgateError(
      `listing artifacts of run ${run} failed: ${oneLine(err, secrets(from))}`,
      undefined,
      { cause: err },
    );
  }
  const matching = listed
    .filter((a) => a.name.startsWith(prefix))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (matching.length === 0)
    throw new MemgateError(`no artifacts named ${prefix}* in run ${run}: did the collect jobs run?`);
  return matching;
}
