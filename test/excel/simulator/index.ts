/** The strict Excel host simulator (host.ts), its workbook model (model.ts) and the custom-function argument marshaller (marshal.ts). */
export { ExcelSimulator, SimError, MERGED_AREAS_LIMIT, READ_CELL_LIMIT, WEB_PAYLOAD_LIMIT, type Profile, type SimOptions } from "./host";
export { SimSheet, entered, dateSerial, type SimCell, type Scalar } from "./model";
export { marshalArgument, isNotCalled, OMITTED, type ArgCell, type ParamKind, type NotCalled } from "./marshal";
export { loadGrid, PROFILES } from "./grid";
