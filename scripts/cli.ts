/** Shared by the scripts: print an expected failure as one line, not a stack trace. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`\n✗ ${message}\n`);
    process.exit(1);
  });
}
