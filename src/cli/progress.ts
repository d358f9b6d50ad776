/** A progress bar on a terminal (stderr), silent when stderr is not a TTY or CI is set. */
export function progressBar(total: number, label: string): (done: number) => void {
  const tty = process.stderr.isTTY && !process.env.CI;
  if (!tty || total < 2) return () => undefined;
  return (done) => {
    const width = 28;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r${label} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${done}/${total}`);
    if (done === total) process.stderr.write("\n");
  };
}
