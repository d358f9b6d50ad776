import { main } from "../../src/cli/main";

/** eval-score run in-process: its exit code and everything it printed to stdout and stderr. */
export async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}
