/**
 * Imported first by the action's entry point, for its side effect: check the event payload before
 * anything imports @actions/github, whose `context` parses GITHUB_EVENT_PATH while being imported
 * and would turn a corrupt payload into a stack trace before memgate could say what is wrong. On a
 * bad payload it fails the step with memgate's one line and exits at once.
 *
 * @actions/github only parses a payload file that exists (a missing one it merely mentions) and
 * with a plain JSON.parse, so a byte-order mark that memgate would accept still stops it here.
 */
import { existsSync, readFileSync } from 'node:fs';

import * as core from '@actions/core';

import { describeError, MemgateError } from '../errors.js';
import { readEventPayload } from './context.js';

const path = process.env.GITHUB_EVENT_PATH;
if (path && existsSync(path)) {
  try {
    readEventPayload(process.env);
    if (readFileSync(path, 'utf8').startsWith('\uFEFF'))
      throw new MemgateError(
        'the event payload starts with a byte-order mark, which @actions/github cannot parse',
        path,
      );
  } catch (err) {
    core.setFailed(`memgate: ${describeError(err)}`);
    process.exit(1);
  }
}
