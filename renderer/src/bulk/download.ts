import { calendarDateIn } from '../../../shared/domain/dates';

/** Saves data as a file through the browser's download (the same in Electron and browser mode). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Saves text as a file (CSV by default). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** "mca-status-2026-11-20.csv" */
export function datedFileName(prefix: string, day: string, extension = 'csv'): string {
  return `${prefix}-${day}.${extension}`;
}

/** "mca-status-2026-11-20.csv", dated with today on this computer's clock. */
export function todaysFileName(prefix: string, extension = 'csv'): string {
  return datedFileName(prefix, calendarDateIn(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone), extension);
}
