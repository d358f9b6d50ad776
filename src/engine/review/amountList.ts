import { LazyFinding } from "../findings";
import { plain } from "../measure/format";
import type { Finding } from "../evaluate/types";
import type { AmountGroup } from "../layout/amountList";

const show = (n: number) => plain(Math.round(n * 1e6) / 1e6);
/** Half a cent per amount added, as the amounts are written to the cent. */
const tolerance = (n: number) => 0.005 * n + 1e-9;

/**
 * Lists of amounts (a whole, then its parts line by line): parts that exceed their whole (two parts or more) or fall short
 * of it (three or more: two may name only some) are told at the whole's cell. Where the wholes that follow add up to one
 * whole and share its parts' labels (年度预算资金总额 by 中央/市级/本级, then the same for each programme), each part is
 * also the sum of the same part below (市级资金 343 against 208 + 136), told at the part's cell.
 */
export function amountListFindings(groups: readonly AmountGroup[] | undefined): Finding[] {
  if (!groups || !Array.isArray(groups as unknown)) return [];
  const text = (x: unknown) => typeof x === "string" && x !== "";
  const valid = groups.filter((g) => g && Number.isFinite(g.total) && text(g.label) && text(g.cell) && Array.isArray(g.parts) && g.parts.every((p) => p && Number.isFinite(p.amount) && text(p.label) && text(p.cell)));
  const out: Finding[] = [];
  for (const g of valid) {
    const sum = g.parts.reduce((s, p) => s + p.amount, 0);
    const over = g.parts.length >= 2 && sum > g.total + tolerance(g.parts.length);
    const short = g.parts.length >= 3 && sum < g.total - tolerance(g.parts.length);
    if (!over && !short) continue;
    out.push(new LazyFinding("list-sum-mismatch", "warning", null, () => `${g.cell}：“${g.label}”${show(g.total)}，其中${g.parts.map((p) => `${p.label} ${show(p.amount)}`).join(" + ")} = ${show(sum)}，${over ? "多出" : "少了"} ${show(Math.abs(sum - g.total))}`));
  }
  valid.forEach((g, i) => {
    if (g.parts.length < 2) return;
    const labels = JSON.stringify(g.parts.map((p) => p.label).sort());
    const below: AmountGroup[] = [];
    let total = 0;
    for (let j = i + 1; j < valid.length && total < g.total - tolerance(below.length + 1); j++) {
      below.push(valid[j]!);
      total += valid[j]!.total;
    }
    if (below.length < 2 || Math.abs(total - g.total) > tolerance(below.length) || !below.every((b) => JSON.stringify(b.parts.map((p) => p.label).sort()) === labels)) return;
    for (const p of g.parts) {
      const each = below.map((b) => b.parts.find((q) => q.label === p.label)?.amount ?? NaN);
      if (each.some((x) => !Number.isFinite(x))) continue;
      const sum = each.reduce((s, x) => s + x, 0);
      if (Math.abs(sum - p.amount) > tolerance(each.length)) {
        out.push(new LazyFinding("list-sum-mismatch", "warning", null, () => `${p.cell}：“${p.label}”${show(p.amount)}，而其下各项的${p.label} ${each.map(show).join(" + ")} = ${show(sum)}，相差 ${show(Math.abs(sum - p.amount))}`));
      }
    }
  });
  return out;
}
