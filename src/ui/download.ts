/**
 * Offers a file to the user as a download from an extension page: an <a download> on a blob URL.
 * No `downloads` permission is needed for it (that one would warn "Manage your downloads" on
 * install), it works in Chrome and Firefox, and the file goes where the browser puts downloads.
 */
export function offerDownload(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The browser has read the blob once the download started; a minute is ample for a large page.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
