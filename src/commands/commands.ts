/* Ribbon commands. The 绩效评分 button uses ShowTaskpane, which needs no code; this entry keeps the shared
 * runtime's command surface initialised. */
Office.onReady(() => undefined);
