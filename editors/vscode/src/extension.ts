// The copydesk extension: starts `copydesk --stdio` as a language server for Markdown and plain
// text, hands it the settings in the shape of `copydesk.json`, restarts it when its path changes,
// and adds two commands (restart, open the registry entry of the entity under the cursor).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  type LanguageClientOptions,
  type Location,
  ResponseError,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { binaryName, serverCommand, serverConfig, type ServerConfig } from './settings';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
/** Starts and stops run one after another, so a restart never races a settings change. */
let lifecycle: Promise<void> = Promise.resolve();
/** Settings problems already shown, so each is shown once rather than on every request. */
const reported = new Set<string>();

export function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('copydesk', { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('copydesk.restartServer', () => restart(context)),
    vscode.commands.registerCommand('copydesk.openEntity', openEntity),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('copydesk.path')) {
        void restart(context);
      } else if (event.affectsConfiguration('copydesk.registries') || event.affectsConfiguration('copydesk.severity')) {
        reported.clear();
        void client?.sendNotification(DidChangeConfigurationNotification.type, { settings: { copydesk: configFor() } });
      }
    }),
  );
  return queue(() => start(context));
}

export function deactivate(): Promise<void> {
  return queue(stop);
}

function queue(step: () => Promise<void>): Promise<void> {
  lifecycle = lifecycle.then(step, step);
  return lifecycle;
}

function restart(context: vscode.ExtensionContext): Promise<void> {
  reported.clear();
  return queue(async () => {
    await stop();
    await start(context);
  });
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running !== undefined) {
    await running.dispose();
  }
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const bundledPath = context.asAbsolutePath(path.join('bin', binaryName(process.platform)));
  const bundled = fs.existsSync(bundledPath) ? bundledPath : undefined;
  const server = serverCommand(vscode.workspace.getConfiguration('copydesk').get('path'), bundled, os.homedir());
  const origin = { setting: 'from copydesk.path', bundled: 'bundled with the extension', path: 'found on PATH' }[server.origin];
  output.info(`Starting ${server.command} (${origin}).`);

  // `TransportKind.stdio` appends `--stdio`: the server is started as `copydesk --stdio`.
  const serverOptions: ServerOptions = { command: server.command, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
      { language: 'plaintext', scheme: 'file' },
      { language: 'plaintext', scheme: 'untitled' },
      // Registry files, so their problems are live as they are edited and registry edits target
      // the open text; the server answers nothing for other JSON files.
      { language: 'json', scheme: 'file' },
    ],
    outputChannel: output,
    initializationOptions: configFor(),
    middleware: {
      workspace: {
        // The server reads the section `copydesk` as a `copydesk.json` object: give it exactly
        // that, never the editor-only settings (path, trace), which it would reject.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (answers instanceof ResponseError) {
            return answers;
          }
          return params.items.map((item, i) =>
            item.section === 'copydesk' ? configFor(item.scopeUri === undefined ? undefined : vscode.Uri.parse(item.scopeUri)) : answers[i],
          );
        },
      },
    },
  };

  const created = new LanguageClient('copydesk', 'copydesk', serverOptions, clientOptions);
  try {
    await created.start();
    client = created;
  } catch (error) {
    await created.dispose().catch(() => undefined);
    const hint = server.origin === 'setting' ? 'Check the copydesk.path setting.' : 'Install copydesk or set copydesk.path.';
    const choice = await vscode.window.showErrorMessage(`copydesk could not start ${server.command}: ${message(error)}. ${hint}`, 'Open Settings');
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'copydesk.path');
    }
  }
}

/** The server configuration for a document's (or the first) workspace folder. */
function configFor(scope?: vscode.Uri): ServerConfig {
  const folder = scope === undefined ? vscode.workspace.workspaceFolders?.[0] : vscode.workspace.getWorkspaceFolder(scope);
  const settings = vscode.workspace.getConfiguration('copydesk', scope ?? folder?.uri);
  const { config, problems } = serverConfig(settings.get('registries'), settings.get('severity'), {
    folder: folder?.uri.fsPath,
    home: os.homedir(),
  });
  for (const problem of problems.filter((p) => !reported.has(p))) {
    reported.add(problem);
    output.warn(`Ignored setting: ${problem}`);
    void vscode.window.showWarningMessage(`copydesk ignored a setting: ${problem}`);
  }
  return config;
}

/** The server command that answers with the registry `Location` of the entity at a position. */
const ENTITY_LOCATION = 'copydesk.entityLocation';

/** Opens the registry entry of the entity under the cursor. */
async function openEntity(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined || client === undefined) {
    return;
  }
  const { document } = editor;
  const position = client.code2ProtocolConverter.asPosition(editor.selection.active);
  let location: vscode.Location | undefined;
  try {
    const answer = (await client.sendRequest(ExecuteCommandRequest.type, {
      command: ENTITY_LOCATION,
      arguments: [client.code2ProtocolConverter.asUri(document.uri), position],
    })) as Location | null;
    location = answer === null ? undefined : client.protocol2CodeConverter.asLocation(answer);
  } catch (error) {
    void vscode.window.showErrorMessage(`copydesk could not find the registry entry: ${message(error)}`);
    return;
  }
  if (location === undefined) {
    void vscode.window.showInformationMessage('copydesk: no registry entity under the cursor.');
    return;
  }
  await vscode.window.showTextDocument(location.uri, { selection: location.range, preview: true });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
