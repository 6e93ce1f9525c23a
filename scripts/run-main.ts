/** A command-line tool's ending: its exit code, or 2 with the message (no stack) when it failed. */
export function runMain(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (err: Error) => {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
  );
}
