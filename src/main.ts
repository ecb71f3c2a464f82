/**
 * The GitHub Action shell: reads inputs and the event, wires run → collect → analyze → report →
 * baseline, and sets outputs. Everything it calls is a pure function or an adapter.
 */
import * as core from '@actions/core';

import { describeError } from './errors.js';
import { VERSION } from './version.js';

export async function run(): Promise<void> {
  try {
    core.info(`memgate ${VERSION}`);
    throw new Error('the action pipeline is not wired yet');
  } catch (err) {
    core.setFailed(`memgate: ${describeError(err)}`);
  }
}
