// Runs before `npm start` and the admin commands: they run the built JavaScript in dist/ and need no compiler.
// Plain JavaScript with Node's built-ins only, so it also works in a production install without dev dependencies.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist', 'src', 'main.js'))) {
  process.stderr.write(
    'AB-Lotse ist nicht gebaut: dist/ fehlt.\n' +
      'Entwicklung: npm run build (braucht die Entwicklungsabhängigkeiten).\n' +
      'Betrieb: das Release-Paket (npm run release) installieren – es enthält dist/.\n'
  );
  process.exit(2);
}
