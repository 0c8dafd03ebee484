// Starts `eclc lsp` for .ecl files: everything else (diagnostics, quick fixes, hover, completion,
// navigation, rename, formatting, semantic tokens, inlay hints) comes from the server. Bundled into
// dist/extension.js with its client library (`npm run bundle`).
'use strict';

const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

// The executable `command` names: itself when it is a path, else the first match on PATH.
function resolve(command) {
  const isFile = (p) => {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (command.includes('/') || command.includes('\\')) {
    return isFile(command) ? command : undefined;
  }
  const suffixes = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    for (const suffix of suffixes) {
      const candidate = path.join(dir, command + suffix);
      if (dir && isFile(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

async function reportMissing(command) {
  const choice = await vscode.window.showErrorMessage(
    `ECL: cannot find the eclc executable \`${command}\`, so .ecl files get highlighting only. ` +
      'Build eclc (./scripts/setup) and put it on PATH, or set "ecl.server.path" to its full path.',
    'Open Settings'
  );
  if (choice === 'Open Settings') {
    vscode.commands.executeCommand('workbench.action.openSettings', 'ecl.server.path');
  }
}

async function activate(context) {
  const configured = vscode.workspace.getConfiguration('ecl').get('server.path') || 'eclc';
  const command = resolve(configured);
  if (!command) {
    reportMissing(configured);
    return;
  }
  const server = { command, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient('ecl', 'ECL (eclc lsp)', { run: server, debug: server }, {
    documentSelector: [{ scheme: 'file', language: 'ecl' }, { scheme: 'untitled', language: 'ecl' }],
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(`ECL: \`${command} lsp\` did not start: ${error.message || error}`);
  }
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
