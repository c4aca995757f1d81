import { app, dialog } from 'electron';
import { CoreStartError, launchCore, type CoreLaunchOptions, type CoreProcess } from './core-launcher.js';

export function coreStartFailureText(reason: string, dataDir: string): { title: string; content: string } {
  return {
    title: 'Kamiless — 起動エラー / Start-up error',
    content: [
      'コアを起動できませんでした。',
      'The Kamiless core did not start.',
      '',
      `理由 / Reason: ${reason}`,
      `データフォルダー / Data folder: ${dataDir}`,
    ].join('\n'),
  };
}

export function coreStoppedText(code: number, dataDir: string): { title: string; content: string } {
  return {
    title: 'Kamiless — エラー / Error',
    content: [
      'コアが予期せず停止しました。アプリを終了します。',
      'The Kamiless core stopped unexpectedly; the app will quit.',
      '',
      `終了コード / Exit code: ${code}`,
      `データフォルダー / Data folder: ${dataDir}`,
    ].join('\n'),
  };
}

/**
 * Starts the core; on failure or timeout tells the user why (in Japanese and
 * English, with the data folder so support can look at it) and quits.
 * Resolves undefined when the app is quitting.
 */
export async function startCoreOrQuit(options: CoreLaunchOptions): Promise<CoreProcess | undefined> {
  try {
    const core = await launchCore(options);
    core.onUnexpectedExit((code) => {
      const text = coreStoppedText(code, options.dataDir);
      dialog.showErrorBox(text.title, text.content);
      app.quit();
    });
    return core;
  } catch (error) {
    const reason = error instanceof CoreStartError ? error.reason : error instanceof Error ? error.message : String(error);
    const text = coreStartFailureText(reason, options.dataDir);
    dialog.showErrorBox(text.title, text.content);
    app.quit();
    return undefined;
  }
}
