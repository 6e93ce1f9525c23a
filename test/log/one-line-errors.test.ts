import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorFields } from '../../src/log.js';
import { projectRoot } from '../../src/project-root.js';

/** Runs a snippet in a fresh Node process with the built logger installed (npm test builds before jest runs). */
function crash(snippet: string) {
  const log = pathToFileURL(join(projectRoot(), 'dist', 'src', 'log.js')).href;
  const code = `import { jsonLogger, logProcessFailures } from '${log}'; logProcessFailures(jsonLogger('info')); ${snippet}`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
}

describe('errors in the log', () => {
  it('fold the stack into one field of one line', () => {
    const fields = errorFields(new Error('kaputt'));
    expect(fields).toMatchObject({ error: 'kaputt', errorType: 'Error' });
    expect(String(fields.stack)).toContain(' | ');
    expect(String(fields.stack)).not.toContain('\n');
  });

  it.each([
    ['an uncaught exception', "setTimeout(() => { throw new Error('boom'); });", 'process.uncaught-exception'],
    ['an unhandled rejection', "Promise.reject(new Error('boom'));", 'process.unhandled-rejection'],
    ["a library's console.error with a stack (botbuilder on a refused token)", "console.error(Object.assign(new Error('Unauthorized Access'), { statusCode: 401 }));", 'console.error']
  ])('are one JSON line each: %s', (_what, snippet, event) => {
    const run = crash(snippet);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'error', event });
    expect(String(entry.stack)).toContain(' | ');
    if (event === 'console.error') expect(entry.status).toBe(401);
    else expect(run.status).toBe(1);
  });
});
