/**
 * How a benchmark script ends: `main` resolves to the exit code (nothing means 0); a failure prints
 * the script's name and the error's stack on stderr and exits 1. Exiting explicitly also ends what
 * a benchmark leaves open (a server pool, a browser's pipes).
 */
export function runMain(name: string, main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      process.stderr.write(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
