// PLACEHOLDER Electron main — replaced by the Electron shell work.
import { app } from 'electron';
void app.whenReady().then(() => app.quit());
