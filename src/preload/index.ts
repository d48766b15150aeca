// PLACEHOLDER preload — replaced by the Electron shell work.
import { contextBridge } from 'electron';
contextBridge.exposeInMainWorld('placeholder', true);
