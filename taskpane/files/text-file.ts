/**
 * Files the user picks or saves in the pane: a picked file's text, and a text saved as a download.
 * The only place besides the workbook adapter where the pane touches the browser's file APIs.
 */

/** A file's text (FileReader where Blob.text is missing, as in older webviews). */
export function fileText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/** Saves text as a download named `fileName` (the browser's download, no dialog in the pane). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

/** How a view saves a file: the download above, or a test's recorder. */
export type SaveText = typeof downloadText;
