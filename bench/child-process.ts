import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A benchmark's peer in a process of its own, so that its garbage collection and CPU are not the load generator's. */
export interface Peer {
  readonly port: number;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** Fork `bench/processes/<name>.js` (built) and wait until it reports the port it listens on. */
export function startPeer(name: string, env: Record<string, string> = {}, execArgv: string[] = []): Promise<Peer> {
  const script = fileURLToPath(new URL(`./processes/${name}.js`, import.meta.url));
  const child = fork(script, [], { env: { ...process.env, ...env }, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it listened`)));
    child.once('message', (m: { port: number }) =>
      resolve({
        port: m.port,
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          })
      })
    );
  });
}

/** In a peer: tell the load generator the port, and stop on SIGTERM. */
export function reportPort(port: number, stop: () => Promise<void> | void): void {
  process.send?.({ port });
  process.once('SIGTERM', () => void Promise.resolve(stop()).finally(() => process.exit(0)));
}
