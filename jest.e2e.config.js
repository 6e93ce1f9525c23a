/** `npm run test:e2e`: the bot in local mode, Microsoft's Agents Playground and headless Chromium. */
import base from './jest.config.js';

export default { ...base, roots: ['<rootDir>/test/e2e'], testMatch: ['**/*.e2e.ts'], testTimeout: 120000 };
