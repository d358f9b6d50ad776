import { toSimplified } from "../data/traditional";
import { MANAGER_LABEL, UNIT_INLINE, UNIT_LABEL } from "../data/rows";
import { address, text, type Grid } from "./grid";

/** The fields of a title block that say whose table it is (单位, 实施单位, 主管部门 …). */
const identity = (t: string) => UNIT_LABEL.test(t) || MANAGER_LABEL.test(t);
/** Other labels of a title block: a field's value is never one of them. */
const OTHER_LABEL = /^(?:项目名称|联系电话|联系方式|填报人|填表人|填报日期|项目负责人|负责人|是否公开|网址|项目属性|资金性质|[\u4e00-\u9fa5]{2,8}[:：])$/;
/** A unit named in a text of the title block (南华县农业农村局…, 塘湖镇人民政府): the table says whose it is. */
const UNIT_IN_TEXT = /[\u4e00-\u9fa5]{2,}(?:局|委员会|人民政府|政府|中心|学校|学院|大学|中学|小学|幼儿园|医院|卫生院|管理处|办公室|办事处|研究所|研究院|馆|站|队|镇|乡|街道|村委会|社区)/;

/**
 * The title block between `from` and the header `before` names no unit at all: every field for it (单位, 实施单位, 主管部门
 * …) is blank and no text above the table names one. The first blank field's value cell and its label; null otherwise
 * (no such field, one filled, or a unit named in the title).
 */
export function unitBlank(grid: Grid, from: number, before: number): { cell: string; label: string } | null {
  const fields: { cell: string; label: string; filled: boolean }[] = [];
  let named = false;
  for (let r = Math.max(0, from); r < before && r < grid.cells.length; r++) {
    const row = grid.cells[r] ?? [];
    row.forEach((c, cc) => {
      const written = text(c?.v ?? null).replace(/\s+/g, "");
      if (written === "") return;
      const t = toSimplified(written);
      const inline = UNIT_INLINE.exec(t);
      if (inline) {
        fields.push({ cell: address(grid, r, cc), label: t, filled: true });
        return;
      }
      if (!identity(t)) {
        if (!OTHER_LABEL.test(t) && UNIT_IN_TEXT.test(t)) named = true;
        return;
      }
      // Its value: the next filled cell on the row, unless that is another label.
      let at = -1;
      for (let x = cc + 1; x < row.length; x++) {
        if (text(row[x]?.v ?? null).replace(/\s+/g, "") !== "") {
          at = x;
          break;
        }
      }
      const next = at < 0 ? "" : toSimplified(text(row[at]?.v ?? null).replace(/\s+/g, ""));
      const filled = next !== "" && !identity(next) && !OTHER_LABEL.test(next);
      // The value's cell: the first right of the label's own merge.
      const own = grid.merges.find((m) => r >= m.r1 && r <= m.r2 && cc >= m.c1 && cc <= m.c2);
      fields.push({ cell: address(grid, r, (own ? own.c2 : cc) + 1), label: written.replace(/[:：]$/, ""), filled });
    });
  }
  if (named || fields.length === 0 || fields.some((f) => f.filled)) return null;
  return { cell: fields[0]!.cell, label: fields[0]!.label };
}
