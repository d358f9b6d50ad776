import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { fixtureWorkbook, INVARIANT, measureFixture, type CorpusFigures, type Fixture } from "./corpus";

/**
 * The corpus as other programs save it. `npm run corpus -- --export DIR` writes each table's workbook (<id>.xlsx) as
 * the corpus builds it; open and save them in another program (LibreOffice: `soffice --headless --convert-to ods
 * --outdir OUT DIR/*.xlsx`, or xls, or xlsx; WPS; Excel), then `npm run corpus -- --resaved OUT` reads every
 * <id>.<ext> there and prints, by format, which tables read differently from the original (figures that moved).
 */
export async function exportFixtures(fixtures: Fixture[], dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const fx of fixtures) writeFileSync(join(dir, `${fx.id}.xlsx`), await fixtureWorkbook(fx));
  console.log(`${fixtures.length} workbooks written to ${dir}`);
}

export async function compareResaved(fixtures: Fixture[], dir: string): Promise<void> {
  const files = readdirSync(dir);
  const byFormat = new Map<string, { read: number; moved: string[] }>();
  for (const fx of fixtures) {
    const saved = files.filter((f) => f.startsWith(`${fx.id}.`) && f.length > fx.id.length + 1);
    if (saved.length === 0) continue;
    const base: CorpusFigures = await measureFixture(fx);
    for (const name of saved) {
      const ext = name.slice(fx.id.length + 1).toLowerCase();
      const entry = byFormat.get(ext) ?? { read: 0, moved: [] };
      byFormat.set(ext, entry);
      entry.read++;
      const m = await measureFixture(fx, { bytes: new Uint8Array(readFileSync(join(dir, name))), name });
      const d = INVARIANT.filter((k) => m[k] !== base[k]).map((k) => `${k} ${base[k]}→${m[k]}`);
      if (d.length) entry.moved.push(`    ${fx.id}: ${d.join("，")}`);
    }
  }
  if (byFormat.size === 0) console.log(`${dir} 中没有与语料同名的工作簿（<id>.xlsx、<id>.ods …）`);
  for (const [ext, e] of byFormat) {
    console.log(`.${ext}: ${e.read - e.moved.length}/${e.read} tables read the same`);
    for (const line of e.moved) console.log(line);
  }
}
