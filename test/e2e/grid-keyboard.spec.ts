// The grid by keyboard: arrows move the selected cell, Home/End go to the row's ends, Ctrl+C
// copies the cell; a header's edge resizes its column.
import { importFile } from './actions/import-file';
import { PEOPLE_CSV, writeFile } from './support/files';
import { expect, test } from './support/fixtures';

test('moves the selection with the keyboard and copies the selected cell', async ({ app, server, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  writeFile(server.files, 'people.csv', PEOPLE_CSV);
  await importFile(app, 'people.csv');
  const where = app.page.getByText(/^Row \d+ · id \d+ · /);
  await app.grid.focus();
  await expect(where).toHaveText('Row 1 · id 1 · id');

  const steps: [string, string][] = [
    ['ArrowRight', 'Row 1 · id 1 · name'],
    ['ArrowDown', 'Row 2 · id 2 · name'],
    ['End', 'Row 2 · id 2 · joined'],
    ['Home', 'Row 2 · id 2 · id'],
    ['Control+End', 'Row 8 · id 8 · id'],
    ['ArrowDown', 'Row 8 · id 8 · id'],
    ['Control+Home', 'Row 1 · id 1 · id'],
    ['PageDown', 'Row 8 · id 8 · id'],
    ['ArrowUp', 'Row 7 · id 7 · id'],
    ['ArrowRight', 'Row 7 · id 7 · name'],
  ];
  for (const [key, want] of steps) {
    await app.grid.press(key);
    await expect(where, `after ${key}`).toHaveText(want);
  }
  await expect(app.grid.getByRole('gridcell', { selected: true })).toHaveText('Margaret Hamilton');
  await app.grid.press('Control+c');
  await expect(app.toast('Cell copied')).toBeVisible();
  expect(await app.page.evaluate<string>('navigator.clipboard.readText()')).toBe('Margaret Hamilton');
});

test('dragging a header edge resizes the column', async ({ app, server }) => {
  writeFile(server.files, 'people.csv', PEOPLE_CSV);
  await importFile(app, 'people.csv');
  const header = app.columnHeader('name');
  const before = (await header.boundingBox())!;
  const edge = { x: before.x + before.width - 1, y: before.y + before.height / 2 };
  await app.page.mouse.move(edge.x, edge.y);
  await app.page.mouse.down();
  await app.page.mouse.move(edge.x + 120, edge.y, { steps: 4 });
  await app.page.mouse.up();
  await expect.poll(async () => Math.round((await header.boundingBox())!.width)).toBe(Math.round(before.width + 120));
  const city = (await app.columnHeader('city').boundingBox())!;
  expect(Math.round(city.x)).toBe(Math.round(before.x + before.width + 120));
});
