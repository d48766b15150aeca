// Drops a file on the window as the browser would (drag enter/over, then drop), carrying a real
// File built in the page; `whileOver` runs while the file hovers (e.g. to photograph the overlay).
import type { AppPage } from '../pages/app-page';

export async function dropFile(app: AppPage, name: string, content: string, whileOver?: () => Promise<void>): Promise<void> {
  const dataTransfer = await app.page.evaluateHandle(
    ({ name: n, content: c }) => {
      // Runs in the page; the test project's types have no DOM, so name the two classes here.
      const page = globalThis as unknown as {
        DataTransfer: new () => { items: { add(f: unknown): void } };
        File: new (parts: string[], name: string, opts: { type: string }) => unknown;
      };
      const dt = new page.DataTransfer();
      dt.items.add(new page.File([c], n, { type: 'text/csv' }));
      return dt;
    },
    { name, content },
  );
  await app.page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await app.page.dispatchEvent('body', 'dragover', { dataTransfer });
  await whileOver?.();
  await app.page.dispatchEvent('body', 'drop', { dataTransfer });
}
