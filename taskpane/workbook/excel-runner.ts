/** How the Office modules run a batch: `Excel.run` in Excel, a fake request context in the tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
