/** Office.js errors as clear Chinese messages (English after a slash), for the pane's MessageBar. */
const MESSAGES: Record<string, string> = {
  InvalidArgument: "参数无效：所选区域或地址不正确",
  InvalidOperation: "此操作当前无法执行（工作表可能处于编辑状态或受保护）",
  InvalidReference: "引用无效：工作表或区域已不存在",
  ItemNotFound: "找不到指定的工作表或区域，可能已被删除或重命名",
  AccessDenied: "没有权限修改此工作簿（可能为只读或受保护）",
  RequestPayloadSizeLimitExceeded: "一次写入的数据过大，请减少区域后重试",
  ResponsePayloadSizeLimitExceeded: "读取的数据过大，请先选中指标表区域再识别",
  InsertDeleteConflict: "与其他插入或删除操作冲突，请稍后重试",
  ActivityLimitReached: "Excel 暂时繁忙，请稍后重试",
  GeneralException: "Excel 处理请求时出错",
  NotImplemented: "当前版本的 Excel 不支持此功能",
  UnsupportedOperation: "当前版本的 Excel 不支持此操作",
  Conflict: "工作簿正被其他人编辑，产生冲突，请重试",
};

/** A readable message for an error thrown by Excel.run (OfficeExtension.Error has a `code`). */
export function officeErrorMessage(e: unknown): string {
  const err = e as { code?: string; message?: string; debugInfo?: { errorLocation?: string } };
  const known = err.code ? MESSAGES[err.code] : undefined;
  const where = err.debugInfo?.errorLocation ? `（${err.debugInfo.errorLocation}）` : "";
  if (known) return `${known}${where} / ${err.code}: ${err.message ?? ""}`;
  return `Excel 操作失败${where}：${err.message ?? String(e)}`;
}
