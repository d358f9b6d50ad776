/** Pure helpers from src/excel used by the simulator tests. */
export { parseAreas, utf8Length } from "../../src/excel/address";
export { textForExcel as textForExcelForTest } from "../../src/excel/ops";
