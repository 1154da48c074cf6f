/**
 * Saves a file the page fetched itself (the export needs the SSO token, so a
 * plain link would not do): an object URL clicked as a download, released
 * right after. Object URLs are same-origin, so the page's CSP allows them.
 */
export function downloadFile(content: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(content);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Later, not at once: some browsers start reading the blob after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
